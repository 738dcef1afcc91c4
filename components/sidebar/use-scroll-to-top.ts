import { useLayoutEffect, useRef } from 'react';
import { dealKeyOf } from '../../lib/crm/deal-page-state';
import { useSidebar } from './sidebar-context';

/**
 * A ref for the sidebar's scroll area that scrolls it back to the top whenever the page shows another
 * deal, so that a single-page switch never opens the next deal scrolled to where the last one was left.
 */
export function useScrollToTopOnDealChange() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const dealKey = useSidebar((s) => dealKeyOf(s.page));
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [dealKey]);
  return scrollRef;
}
