import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SidebarState, SidebarStore } from './sidebar-store';

/** Provides the sidebar store to the component tree. */
export const SidebarStoreContext = createContext<SidebarStore | null>(null);

/** Selects from the sidebar store; re-renders when the selected value changes. */
export function useSidebar<T>(selector: (state: SidebarState) => T): T {
  const store = useContext(SidebarStoreContext);
  if (!store) throw new Error('useSidebar must be used inside <SidebarStoreContext.Provider>');
  return useStore(store, selector);
}
