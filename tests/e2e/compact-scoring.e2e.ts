import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, INITECH, opportunityPath } from '../support/browser/lightning-app-records';
import {
  dealHeadingOf,
  expectText,
  navigateInApp,
  openEvidenceNote,
  setRaterInOptions,
  sidebarFrameOf,
  sidebarHostOf,
  sidebarOf,
} from '../support/browser/sidebar-page';

/** Where the screenshots for the closing note go (test-results/ is ignored by git). */
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchWithExtension();
  await routeLightning(browser.context);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await setRaterInOptions(page, browser.extensionId, 'priya@acme.example');
});

afterAll(async () => {
  await browser.close();
});

async function openGlobex(): Promise<Locator> {
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
  const sidebar = sidebarOf(page);
  await sidebar
    .getByRole('radiogroup', { name: 'Competition' })
    .getByRole('radio')
    .first()
    .and(page.locator(':enabled'))
    .waitFor();
  return sidebar;
}

async function screenshot(sidebar: Locator, name: string): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await sidebar.screenshot({ path: file.replace(/\.png$/, '-sidebar.png') });
  console.log(`screenshot: ${file}`);
}

/** The scroll area's visible band below the pinned summary, and each criterion row's box, in page px. */
async function layoutOf(sidebar: Locator) {
  return sidebar.locator('.ys-scroll').evaluate((scroll) => {
    const viewport = scroll.getBoundingClientRect();
    const summaryBottom = scroll.querySelector('.ys-summary')?.getBoundingClientRect().bottom ?? viewport.top;
    return {
      visibleTop: Math.max(viewport.top, summaryBottom),
      visibleBottom: viewport.top + scroll.clientHeight,
      left: viewport.left,
      right: viewport.left + scroll.clientWidth,
      scrollTop: scroll.scrollTop,
      clientHeight: scroll.clientHeight,
      scrollHeight: scroll.scrollHeight,
      scrollWidth: scroll.scrollWidth,
      clientWidth: scroll.clientWidth,
      rows: [...scroll.querySelectorAll('.ys-criterion')].map((row) => {
        const box = row.getBoundingClientRect();
        const flag = row.querySelector('.ys-gate-flag');
        return {
          name: row.querySelector('.ys-disclosure')?.textContent ?? '',
          top: box.top,
          bottom: box.bottom,
          gateShort: row.getAttribute('data-gate-short') === 'true',
          // What a sighted rep reads on the row: the flag's text when it is rendered with a size.
          gateFlag: flag && flag.getBoundingClientRect().width > 0 ? (flag.textContent ?? '') : null,
        };
      }),
      radios: [...scroll.querySelectorAll('input[type="radio"]')].map((radio) => {
        // The segment is the target: its radio covers it inside its border.
        const box = (radio.closest('label') ?? radio).getBoundingClientRect();
        return { left: box.left, right: box.right, width: box.width };
      }),
    };
  });
}

describe('Compact scoring in Chromium (e2e build)', () => {
  it('shows all 8 MEDDPICC criteria without scrolling at 1400×900', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const sidebar = await openGlobex();
    const layout = await layoutOf(sidebar);
    console.log(
      `1400×900: scroll viewport ${layout.clientHeight}px, rows ${layout.rows[0]!.top.toFixed(0)}–${layout.rows.at(-1)!.bottom.toFixed(0)}px, visible band ${layout.visibleTop.toFixed(0)}–${layout.visibleBottom.toFixed(0)}px`,
    );
    expect(layout.rows).toHaveLength(8);
    expect(layout.scrollTop).toBe(0);
    for (const row of layout.rows) {
      expect(row.top, row.name).toBeGreaterThanOrEqual(layout.visibleTop);
      expect(row.bottom, row.name).toBeLessThanOrEqual(layout.visibleBottom);
    }
    // Globex is at Proposal/Price Quote and nothing is scored: the criteria its gates flag are marked.
    const flagged = layout.rows.filter((row) => row.gateShort);
    expect(flagged.length).toBeGreaterThan(0);
    for (const row of layout.rows) {
      if (row.gateShort) expect(row.gateFlag, row.name).toMatch(/needs \S/);
      else expect(row.gateFlag, row.name).toBeNull();
    }
    await screenshot(sidebar, 'compact-1400x900');
  });

  it('fits the whole scoring of a scored, saved deal in two screens at 1366×650', async () => {
    await page.setViewportSize({ width: 1366, height: 650 });
    const sidebar = await openGlobex();
    for (const [criterion, level] of [
      ['Metrics', 2],
      ['Economic buyer', 1],
      ['Champion', 4],
    ] as const) {
      await sidebar.getByRole('radiogroup', { name: criterion }).getByRole('radio').nth(level).check();
    }
    await (
      await openEvidenceNote(sidebar, 'Metrics')
    ).fill('CFO named a 14% cut in onboarding time on the 3 Nov call');
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();
    const layout = await layoutOf(sidebar);
    const screens = layout.scrollHeight / layout.clientHeight;
    console.log(
      `1366×650: content ${layout.scrollHeight}px in a ${layout.clientHeight}px scroll viewport = ${screens.toFixed(2)} screens`,
    );
    expect(screens).toBeLessThanOrEqual(2);
    await screenshot(sidebar, 'compact-1366x650');
  });

  it('still scores at 280 px: every level on screen, nothing wider than the sidebar', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const sidebar = await openGlobex();
    // The frame's width control, from the keyboard: Home is its narrowest.
    const resizeHandle = sidebarFrameOf(page).getByRole('separator', { name: 'Resize Yardstick' });
    await resizeHandle.press('Home');
    await expect.poll(async () => (await sidebarHostOf(page).boundingBox())?.width).toBe(280);
    const layout = await layoutOf(sidebar);
    console.log(
      `280 px: content ${layout.scrollWidth}px wide in ${layout.clientWidth}px; ${layout.radios.length} levels`,
    );
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    for (const radio of layout.radios) {
      expect(radio.width).toBeGreaterThanOrEqual(24);
      expect(radio.left).toBeGreaterThanOrEqual(layout.left);
      expect(radio.right).toBeLessThanOrEqual(layout.right);
    }
    const total = sidebar.getByTestId('score-total');
    await sidebar.getByRole('radiogroup', { name: 'Competition' }).getByRole('radio').nth(3).click();
    await expect.poll(async () => Number(await total.textContent())).toBeGreaterThan(0);
    await screenshot(sidebar, 'compact-narrow-280');
    // The width is remembered: the next tests get the default width back.
    for (let step = 280; step < 360; step += 20) await resizeHandle.press('ArrowLeft');
    await expect.poll(async () => (await sidebarHostOf(page).boundingBox())?.width).toBe(360);
  });

  it('opens the evidence note from the keyboard and opens the summary’s detail', async () => {
    const sidebar = await openGlobex();
    const levels = sidebar.getByRole('radiogroup', { name: 'Decision process' }).getByRole('radio');
    await levels.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => levels.nth(1).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    const note = sidebar.getByRole('textbox', { name: 'Evidence for Decision process' });
    await expect
      .poll(() => note.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement))
      .toBe(true);
    await page.keyboard.type('Procurement listed the approvers');
    expect(await note.inputValue()).toBe('Procurement listed the approvers');

    await sidebar.getByRole('button', { name: /short|gates met/ }).click();
    await sidebar.getByRole('group', { name: 'Stage requirements' }).waitFor();
    await screenshot(sidebar, 'compact-note-and-detail');
  });

  it('scrolls back to the top when a single-page navigation shows another deal', async () => {
    const sidebar = await openGlobex();
    const scroll = sidebar.locator('.ys-scroll');
    await page.setViewportSize({ width: 1366, height: 650 });
    await scroll.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await navigateInApp(page, 'yardstickLightningApp', opportunityPath(INITECH.id));
    await expectText(dealHeadingOf(page), INITECH.name);
    await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBe(0);
  });
});
