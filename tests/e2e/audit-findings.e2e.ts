import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';

const AUDIT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audit');
// Three raters, one lenient on Champion (tests/unit/helpers/lenient-team.ts), and the definitions.
const FILES = ['lenient-team-ratings.csv', 'lenient-team-outcomes.csv', 'two-criteria.json'].map((name) =>
  path.join(AUDIT_FIXTURES, name),
);
const REPO = path.resolve(import.meta.dirname, '../..');

let browser: ExtensionBrowser;
let workDir: string;

beforeEach(async () => {
  browser = await launchWithExtension();
  workDir = mkdtempSync(path.join(tmpdir(), 'yardstick-draft-'));
});

afterEach(async () => {
  await browser.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("The manager's audit, findings first, in Chromium", () => {
  it('names the lenient rater, keeps every figure in the details, and drafts a next version the CLI accepts', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`chrome-extension://${browser.extensionId}/audit.html`);
    await page.getByLabel(/^Data files/).setInputFiles(FILES);
    await page
      .getByRole('status')
      .getByText(/^Imported 3 of 3 files/)
      .waitFor({ timeout: 30_000 });

    // Findings first: the rater named from the robust bias, deals and calibration cases apart.
    const findings = page.getByRole('region', { name: 'Findings' }).getByRole('listitem');
    expect(await findings.count()).toBeLessThanOrEqual(5);
    const sentences = await findings.allTextContents();
    expect(sentences[0]).toMatch(
      /^lee scores Champion higher than the rest of the team, by 0\.7 levels on 15 deals and 3 calibration cases\./,
    );
    expect(sentences.join(' ')).not.toMatch(/\b(ana|ben) scores/);
    const definitions = sentences.find((text) => text.startsWith('In the definitions'))!;
    expect(definitions).toMatch(/do not reword Champion, talk to lee \(agreement 1\.00 without them\)/);
    expect(definitions).not.toMatch(/reword the levels of Champion/);
    expect(await page.locator('.ys-report section').first().getAttribute('id')).toBe('ys-findings');

    // Every figure of the old report is still there, folded.
    const details = page.locator('details.ys-all-figures');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator(':scope > summary').click();
    const measures = page.getByRole('table', { name: /α at the other levels of measurement/ });
    expect(await measures.getByRole('row', { name: /^Champion/ }).textContent()).toMatch(
      /0\.321.*0\.647.*0\.360/,
    );
    const kappa = page.getByRole('table', { name: /Fleiss' κ and intraclass/ });
    expect(await kappa.getByRole('row', { name: /^Champion/ }).textContent()).toMatch(
      /0\.308.*0\.655.*0\.679.*0\.857/,
    );
    expect(await page.getByTestId('count-Calibration cases').textContent()).toBe('3');
    expect(await page.getByTestId('timings').textContent()).toMatch(/^Debug: worker read/);
    // The agreement table fits its region.
    const region = page.getByRole('region', { name: 'Agreement table' });
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The draft: proposals from the findings, the diff, and a file the CLI validates.
    await page.getByRole('button', { name: 'Draft the next version' }).click();
    const proposals = page.getByRole('list', { name: 'Proposed changes' });
    await proposals.waitFor();
    expect(await proposals.textContent()).toMatch(/Do not reword Champion: talk to lee/);
    const changes = page.getByRole('list', { name: 'Changes from the current version' });
    await changes.waitFor();
    expect(await changes.textContent()).toContain('Champion: weight 3 → 4');
    expect(await changes.textContent()).toContain('version 2.1.0 → 2.2.0');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the draft (YAML)' }).click(),
    ]);
    const file = path.join(workDir, download.suggestedFilename());
    writeFileSync(file, readFileSync((await download.path())!));
    expect(path.basename(file)).toBe('two-criteria-2.2.0.yaml');
    const validate = spawnSync('npx', ['tsx', 'scripts/definitions.ts', 'validate', file], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/id: champion\n\s+name: Champion\n[\s\S]*?weight: 4\n/);
    expect(problems).toEqual([]);
  });
});
