import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { runAudit } from '../../../lib/audit/run-audit';
import { contrastRatio, parseColour, TEXT_CONTRAST_MINIMUM } from '../../../lib/colour-contrast';
import { lenientTeamInput } from '../../../tests/unit/helpers/lenient-team';
import { AgreementChart } from './AgreementChart';
import { BiasHeatMap } from './BiasHeatMap';
import { DistributionChart } from './DistributionChart';
import { WinRateChart } from './WinRateChart';

/** The sum of the translate() offsets of an element and its ancestors inside the SVG. */
function offsetOf(element: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  for (
    let node: Element | null = element;
    node && node.tagName.toLowerCase() !== 'svg';
    node = node.parentElement
  ) {
    const match = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/.exec(node.getAttribute('transform') ?? '');
    if (match) {
      dx += Number(match[1]);
      dy += Number(match[2]);
    }
  }
  return [dx, dy];
}

interface TextContrast {
  text: string;
  fill: string;
  behind: string;
  ratio: number;
}

/**
 * Every `<text>` of the SVG with its own fill and the fill of the topmost rectangle painted before
 * it under its anchor point (the text's middle height at 12 px). axe-core cannot see SVG text
 * contrast, so this reads the geometry the charts draw.
 */
function textContrasts(svg: SVGSVGElement): TextContrast[] {
  const painted = [...svg.querySelectorAll('rect, text')];
  const results: TextContrast[] = [];
  painted.forEach((element, index) => {
    if (element.tagName.toLowerCase() !== 'text') return;
    const fill = element.getAttribute('fill');
    const label = element.textContent ?? '';
    if (!fill || !parseColour(fill)) throw new Error(`text "${label}" has no fill attribute of its own`);
    const [tx, ty] = offsetOf(element);
    const x = tx + Number(element.getAttribute('x') ?? 0);
    const y = ty + Number(element.getAttribute('y') ?? 0) - 4;
    let behind: string | null = null;
    for (const rect of painted.slice(0, index).reverse()) {
      if (rect.tagName.toLowerCase() !== 'rect') continue;
      const [rx0, ry0] = offsetOf(rect);
      const rx = rx0 + Number(rect.getAttribute('x') ?? 0);
      const ry = ry0 + Number(rect.getAttribute('y') ?? 0);
      const inside =
        x >= rx &&
        x <= rx + Number(rect.getAttribute('width')) &&
        y >= ry &&
        y <= ry + Number(rect.getAttribute('height'));
      if (!inside) continue;
      behind = rect.getAttribute('fill');
      break;
    }
    if (!behind || !parseColour(behind))
      throw new Error(`text "${label}" sits on a fill that cannot be read: ${behind}`);
    results.push({
      text: label,
      fill,
      behind,
      ratio: contrastRatio(parseColour(fill)!, parseColour(behind)!),
    });
  });
  return results;
}

const report = runAudit(lenientTeamInput(), { asOf: Date.UTC(2024, 6, 1) });
const names = { champion: 'Champion', metrics: 'Metrics' };
// A heat map spanning the whole scale: every shade from very strict to very lenient.
const spread = {
  criteria: report.criteria,
  raters: [-2.4, -1.5, -1, -0.7, -0.4, 0, 0.4, 0.7, 1, 1.5, 2.4].map((value, i) => ({
    ...report.raters[0]!,
    id: `rater-${i}`,
    // The heat map shows the robust bias.
    robustBias: {
      champion: { value, n: 12, se: 0.1, flagged: Math.abs(value) >= 0.5 },
      metrics:
        i === 3
          ? {
              value: null,
              n: 2,
              se: null,
              flagged: false,
              reason: 'insufficient data: 2 deals (minimum 5)',
            }
          : { value: -value, n: 12, se: 0.1, flagged: Math.abs(value) >= 0.5 },
    },
  })),
};

const charts: [string, ReactElement][] = [
  [
    'agreement',
    <AgreementChart
      key="a"
      threshold={0.667}
      rows={report.criteria.map((c) => ({
        label: names[c.id as 'champion'],
        figure: c.agreement.alpha.ordinal,
      }))}
    />,
  ],
  ['bias heat map (lenient team)', <BiasHeatMap key="b" report={report} names={names} />],
  ['bias heat map (every shade)', <BiasHeatMap key="c" report={spread} names={names} />],
  ['distributions', <DistributionChart key="d" raters={report.raters} />],
  [
    'win rate',
    <WinRateChart
      key="w"
      bands={report.total.predictive.winRateByBand ?? []}
      baseRate={report.total.predictive.brier.baseRate}
    />,
  ],
];

describe('chart label contrast', () => {
  it.each(charts)('every label of the %s chart reaches 4.5:1 against the fill behind it', (_name, chart) => {
    const { container } = render(chart);
    const contrasts = textContrasts(container.querySelector('svg')!);
    expect(contrasts.length).toBeGreaterThan(3);
    const failing = contrasts.filter((c) => c.ratio < TEXT_CONTRAST_MINIMUM);
    expect(failing).toEqual([]);
  });

  it('the check catches white text on a light cell', () => {
    const { container } = render(
      <svg>
        <rect x={0} y={0} width={100} height={40} fill="rgb(248, 192, 140)" />
        <text x={50} y={20} fill="#ffffff">
          +0.40
        </text>
      </svg>,
    );
    const [contrast] = textContrasts(container.querySelector('svg')!);
    expect(contrast!.ratio).toBeLessThan(TEXT_CONTRAST_MINIMUM);
  });

  it('the heat map says what its middle means', () => {
    const { container } = render(<BiasHeatMap report={report} names={names} />);
    expect(container.textContent).toContain('0: in line with the team');
    // The two accurate raters are in line (white), the lenient one is not.
    const cells = [...container.querySelectorAll('rect.ys-cell')].map((rect) => rect.getAttribute('fill'));
    expect(cells.filter((fill) => fill === 'rgb(255, 255, 255)')).toHaveLength(5);
    // The cells show the robust bias, flagged as the findings flag it, deals and cases apart.
    expect(container.textContent).toContain(
      'lee on Champion: +0.67 levels from the team, more lenient, flagged',
    );
    expect(container.textContent).toMatch(/lee on Champion: [^;]*n = 15 deals and 3 calibration cases/);
    const { container: spreadMap } = render(<BiasHeatMap report={spread} names={names} />);
    expect(spreadMap.textContent).toContain(
      'rater-0 on Champion: −2.40 levels from the team, stricter, flagged',
    );
  });
});
