import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampSidebarWidth, SIDEBAR_WIDTH } from '../../lib/messaging/dock-protocol';

/** How far one arrow key press moves the sidebar's edge, in px. */
export const RESIZE_STEP = 20;

/**
 * The sidebar's left edge: drag it, or focus it and use the arrow keys (Home: narrowest, End: widest),
 * to change the sidebar's width. `onResize` follows every change; `onResizeEnd` gets the width to keep.
 */
export function ResizeHandle({
  initialWidth,
  onResize,
  onResizeEnd,
}: {
  initialWidth: number;
  onResize(width: number): void;
  onResizeEnd(width: number): void;
}) {
  const [width, setWidth] = useState(initialWidth);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const change = (next: number) => {
    const clamped = clampSidebarWidth(next);
    setWidth(clamped);
    onResize(clamped);
    return clamped;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    // Screen coordinates: the frame itself moves while its edge is dragged.
    drag.current = { startX: event.screenX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) change(drag.current.startWidth + drag.current.startX - event.screenX);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    onResizeEnd(width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? width + RESIZE_STEP
        : event.key === 'ArrowRight'
          ? width - RESIZE_STEP
          : event.key === 'Home'
            ? SIDEBAR_WIDTH.min
            : event.key === 'End'
              ? SIDEBAR_WIDTH.max
              : null;
    if (next === null) return;
    event.preventDefault();
    onResizeEnd(change(next));
  };

  return (
    <div
      className="ys-resize-handle"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label="Resize Yardstick"
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={SIDEBAR_WIDTH.max}
      aria-valuenow={width}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
