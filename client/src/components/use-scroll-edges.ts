/**
 * For a box that scrolls sideways (a row of chips): which of its ends hide more content, as `data-more`
 * on the box ("start", "end", "both" or absent), so its CSS can fade that end as a cue that it scrolls.
 * A vertical mouse wheel over it scrolls it sideways too, as there is nothing for it to scroll down.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** px of hidden content under which an end counts as reached (subpixel widths, zoomed pages). */
const EDGE_SLACK = 2;

export function useScrollEdges(box: RefObject<HTMLElement | null>, contentKey: unknown): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const update = () => {
      const start = element.scrollLeft > EDGE_SLACK;
      const end = element.scrollWidth - element.clientWidth - element.scrollLeft > EDGE_SLACK;
      const more = start && end ? 'both' : start ? 'start' : end ? 'end' : null;
      if (more) element.dataset.more = more;
      else delete element.dataset.more;
    };
    const onWheel = (event: WheelEvent) => {
      if (element.scrollWidth <= element.clientWidth || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
      event.preventDefault();
      element.scrollLeft += event.deltaY;
    };
    update();
    const resize = new ResizeObserver(update);
    resize.observe(element);
    element.addEventListener('scroll', update, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      resize.disconnect();
      element.removeEventListener('scroll', update);
      element.removeEventListener('wheel', onWheel);
    };
  }, [box, contentKey]);
}
