import { queryAll } from './crm-adapter';

/**
 * Tells which mutation records can change what a CRM's reading of `view` says: those inside the
 * regions `selectors` find in it (the regions that identify and describe the record), those that add,
 * remove or hide such a region, and those on the view itself. Without selectors, or when none of them
 * finds a region, every record can. Records that set an attribute or text to the value it had change
 * nothing and never can (the observer must record old values).
 */
export function createRecordRegionFilter(
  view: Element,
  selectors: readonly string[] | undefined,
): (records: readonly MutationRecord[]) => boolean {
  const regions = selectors ? findRegions(view, selectors) : [];
  if (regions.length === 0) return (records) => records.some(changesSomething);
  const isRegion = (element: Element) => selectors!.some((selector) => matches(element, selector));
  const touchesRegion = (record: MutationRecord): boolean => {
    const target = record.target;
    if (target === view) return true;
    if (regions.some((region) => region.contains(target) || target.contains(region))) return true;
    if (record.type !== 'childList') return false;
    const removedRegion = Array.from(record.removedNodes).some((node) =>
      regions.some((region) => node.contains(region)),
    );
    return (
      removedRegion || Array.from(record.addedNodes).some((node) => holdsRegion(node, isRegion, selectors!))
    );
  };
  return (records) => records.some((record) => changesSomething(record) && touchesRegion(record));
}

/** The regions `selectors` find in `view`, outermost first; one query for them all when the browser takes it. */
export function findRegions(view: Element, selectors: readonly string[]): Element[] {
  const all = queryAll(view, selectors.join(', '));
  // A selector the browser rejects (happy-dom rejects some valid ones) must not hide the others.
  const found = all.length > 0 ? all : selectors.flatMap((selector) => queryAll(view, selector));
  const kept = new Set(found);
  return found.filter((element) => {
    for (let node = element.parentElement; node && node !== view; node = node.parentElement) {
      if (kept.has(node)) return false;
    }
    return true;
  });
}

function holdsRegion(
  node: Node,
  isRegion: (element: Element) => boolean,
  selectors: readonly string[],
): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return isRegion(element) || selectors.some((selector) => queryAll(element, selector).length > 0);
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

function changesSomething(record: MutationRecord): boolean {
  if (record.type === 'attributes' && record.attributeName !== null) {
    return (record.target as Element).getAttribute(record.attributeName) !== record.oldValue;
  }
  if (record.type === 'characterData') return (record.target as CharacterData).data !== record.oldValue;
  return true;
}
