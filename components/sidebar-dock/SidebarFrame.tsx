import { SidebarApp } from '../sidebar/SidebarApp';
import { useSidebar } from '../sidebar/sidebar-context';
import { ResizeHandle } from './ResizeHandle';

/** The sidebar as its frame shows it: the app, and a resize handle on its left edge while it is open. */
export function SidebarFrame(props: {
  initialWidth: number;
  onResize(width: number): void;
  onResizeEnd(width: number): void;
}) {
  const open = useSidebar((s) => !s.collapsed && s.page.status !== 'not-a-deal');
  return (
    <>
      {open && (
        // A labelled region, so that everything in the frame sits in a landmark.
        <section aria-label="Sidebar width">
          <ResizeHandle {...props} />
        </section>
      )}
      <SidebarApp />
    </>
  );
}
