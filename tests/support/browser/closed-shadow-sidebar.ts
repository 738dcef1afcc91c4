import type { CDPSession, Page } from 'playwright-core';

/** A DOM node as CDP's `DOM.getDocument` describes it, shadow roots included. */
interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The production sidebar through the DevTools protocol, which sees into closed shadow roots where
 * Playwright's locators and page scripts cannot. Clicks and typing are trusted input events at the
 * element's position, as a rep's would be.
 */
export class ClosedShadowSidebar {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /** Attaches to `page`'s DevTools session. */
  static async attach(page: Page): Promise<ClosedShadowSidebar> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    return new ClosedShadowSidebar(page, cdp);
  }

  /** The text of the whole sidebar (its shadow tree), or null while it has none. */
  async text(): Promise<string | null> {
    const host = await this.host();
    return host ? textOf(host) : null;
  }

  /** Waits until the sidebar's text matches `pattern`; returns that text. */
  async waitForText(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: string | null = null;
    while (Date.now() < deadline) {
      last = await this.text();
      if (last && pattern.test(last)) return last;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`The sidebar never showed ${pattern}; last text: ${last?.slice(0, 300) ?? '(none)'}`);
  }

  /** Waits until an element inside the sidebar `matches`, e.g. one a click opened. */
  async waitForNode(matches: (node: CdpNode) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const host = await this.host();
      if (host && findNode(host, matches)) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error('No such element appeared in the sidebar');
  }

  /** Clicks the first element inside the sidebar that `matches`. */
  async click(matches: (node: CdpNode) => boolean): Promise<void> {
    const node = await this.find(matches);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    const x = (x1! + x3!) / 2;
    const y = (y1! + y3!) / 2;
    for (const type of ['mousePressed', 'mouseReleased'] as const) {
      await this.cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    }
  }

  /** Focuses the first element inside the sidebar that `matches` and types `text` into it. */
  async type(matches: (node: CdpNode) => boolean, text: string): Promise<void> {
    const node = await this.find(matches);
    await this.cdp.send('DOM.focus', { backendNodeId: node.backendNodeId });
    await this.cdp.send('Input.insertText', { text });
  }

  private async find(matches: (node: CdpNode) => boolean): Promise<CdpNode> {
    const host = await this.host();
    const found = host ? findNode(host, matches) : null;
    if (!found) throw new Error('No such element in the sidebar');
    return found;
  }

  private async host(): Promise<CdpNode | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    return findNode(root, (node) => node.nodeName === 'YARDSTICK-SIDEBAR');
  }
}

/** An element whose text content is exactly `text` (e.g. a button label). */
export const withText =
  (nodeName: string, text: string) =>
  (node: CdpNode): boolean =>
    node.nodeName === nodeName && textOf(node).trim() === text;

/** An element with `name="value"` among its attributes. */
export const withAttribute =
  (nodeName: string, name: string, value: string) =>
  (node: CdpNode): boolean => {
    const attributes = node.attributes ?? [];
    for (let i = 0; i < attributes.length; i += 2) {
      if (attributes[i] === name && attributes[i + 1] === value) return node.nodeName === nodeName;
    }
    return false;
  };

function childrenOf(node: CdpNode): CdpNode[] {
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])];
}

function findNode(node: CdpNode, matches: (node: CdpNode) => boolean): CdpNode | null {
  if (matches(node)) return node;
  for (const child of childrenOf(node)) {
    const found = findNode(child, matches);
    if (found) return found;
  }
  return null;
}

function textOf(node: CdpNode): string {
  if (node.nodeName === '#text') return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return childrenOf(node).map(textOf).join(' ');
}
