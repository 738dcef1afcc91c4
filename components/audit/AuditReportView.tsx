import { useState, type ReactNode } from 'react';
import type { Figure } from '../../lib/audit/figure';
import { ALPHA_METRICS } from '../../lib/audit/krippendorff-alpha';
import type { AuditReport, PredictiveFigures, SliceAudit } from '../../lib/audit/run-audit';
import type { MergeSummary } from '../../lib/exchange/merge-imports';
import { mergeWarningLines } from '../../lib/exchange/merge-warnings';
import { AgreementChart } from './charts/AgreementChart';
import { BiasHeatMap } from './charts/BiasHeatMap';
import { DistributionChart } from './charts/DistributionChart';
import { WinRateChart } from './charts/WinRateChart';
import { FigureCell, FigureCells, Gap } from './FigureCells';
import { count, fixed, interval, percent, plural, signed } from './format';
import {
  agreementGap,
  biasGap,
  closedLoopGap,
  coverageGap,
  distributionGap,
  predictiveGap,
  segmentGap,
  stalenessGap,
  winRateGap,
} from './missing-data';

const three = (v: number) => fixed(v, 3);
const two = (v: number) => fixed(v, 2);
const one = (v: number) => fixed(v, 1);
const pct = (v: number) => percent(v);
const levels = (v: number) => signed(v, 2);

/** The report's sections, in page order: the navigation links to them by these ids. */
export const REPORT_SECTIONS = [
  { id: 'ys-inputs', title: 'Inputs' },
  { id: 'ys-agreement', title: 'Agreement per criterion' },
  { id: 'ys-bias', title: 'Rater bias and drift' },
  { id: 'ys-distributions', title: 'Score distributions by rater' },
  { id: 'ys-predictive', title: 'Predictive validity' },
  { id: 'ys-closed-loop', title: 'What to change in the definitions' },
  { id: 'ys-manager', title: 'Manager validation' },
  { id: 'ys-coverage', title: 'Coverage and staleness' },
  { id: 'ys-slices', title: 'Slices' },
] as const;

type SectionId = (typeof REPORT_SECTIONS)[number]['id'];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = REPORT_SECTIONS.find((section) => section.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="ys-section">
      {/* Focusable so that the navigation links move keyboard focus here. */}
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A scrollable, focusable wrapper so a wide table can be scrolled with the keyboard. */
function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ys-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** The whole report: navigation, then every section with its chart, table and missing-data notes. */
export function AuditReportView({ report, summary }: { report: AuditReport; summary: MergeSummary | null }) {
  return (
    <>
      <nav aria-label="Report sections" className="ys-report-nav">
        <ul>
          {REPORT_SECTIONS.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                onClick={(event) => {
                  const heading = document.getElementById(`${section.id}-heading`);
                  if (!heading) return;
                  event.preventDefault();
                  heading.scrollIntoView?.({ block: 'start' });
                  heading.focus();
                }}
              >
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <InputsSection report={report} summary={summary} />
      <AgreementSection report={report} />
      <BiasSection report={report} />
      <DistributionSection report={report} />
      <PredictiveSection report={report} />
      <ClosedLoopSection report={report} />
      <ManagerValidationSection report={report} />
      <CoverageSection report={report} />
      <SlicesSection report={report} />
    </>
  );
}

function InputsSection({ report, summary }: { report: AuditReport; summary: MergeSummary | null }) {
  const c = report.counts;
  const rows: [string, number][] = [
    ['Scores', c.scores],
    ['Ratings (criterion answers)', c.ratings],
    ['Duplicates merged', summary?.duplicates ?? 0],
    ['Raters', c.raters],
    ['Deals scored', c.deals],
    ['Calibration cases', c.calibrationUnits],
    ['Deals in the outcomes file', c.outcomes],
    ['Closed deals with a score', c.closedDealsScored],
  ];
  return (
    <Section id="ys-inputs">
      <table className="ys-table ys-compact">
        <caption>Merge summary, as of {report.asOf.slice(0, 10)}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="ys-num" data-testid={`count-${label}`}>
                {count(value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary && summary.notes.length > 0 && (
        <ul className="ys-notes">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ul className="ys-notes" aria-label="Warnings about the inputs">
        {mergeWarningLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Section>
  );
}

function AgreementSection({ report }: { report: AuditReport }) {
  const threshold = report.closedLoop.thresholds.rewriteAlphaBelow;
  const rows = [
    ...report.criteria.map((criterion) => ({
      label: criterion.id,
      figure: criterion.agreement.alpha.ordinal,
    })),
    { label: 'total (interval α)', figure: report.total.agreement.alpha },
  ];
  return (
    <Section id="ys-agreement">
      <p>
        Do reps score the same deal the same way? Each rater&apos;s latest rating of a deal; Unknown counts as
        missing. Ordinal α is the headline (levels are ordered); below {threshold} the level definitions are
        not read alike.
      </p>
      <Gap text={agreementGap(report)} />
      <AgreementChart rows={rows} threshold={threshold} />
      <TableScroll label="Agreement table">
        <table className="ys-table">
          <caption>Agreement per criterion (n = deals rated by 2 or more raters)</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Deals</th>
              <th scope="col">Raters</th>
              <th scope="col">α ordinal [95% CI]</th>
              <th scope="col">P(α &lt; {threshold})</th>
              {ALPHA_METRICS.filter((m) => m !== 'ordinal').map((metric) => (
                <th scope="col" key={metric}>
                  α {metric}
                </th>
              ))}
              <th scope="col">Fleiss κ</th>
              <th scope="col">ICC(1,1)</th>
              <th scope="col">ICC(2,1)</th>
              <th scope="col">ICC(3,1)</th>
            </tr>
          </thead>
          <tbody>
            {report.criteria.map((criterion) => {
              const { alpha, fleissKappa, icc } = criterion.agreement;
              const ordinal = alpha.ordinal;
              const below: Figure =
                ordinal.value !== null && ordinal.ci
                  ? { value: ordinal.ci.probabilityBelow.value, n: ordinal.ci.replicates }
                  : {
                      value: null,
                      n: ordinal.n,
                      reason:
                        ordinal.value === null ? ordinal.reason : 'not applicable: no bootstrap interval',
                    };
              return (
                <tr key={criterion.id}>
                  <th scope="row">{criterion.id}</th>
                  <td className="ys-num">{criterion.agreement.units}</td>
                  <td className="ys-num">{criterion.agreement.raters}</td>
                  <FigureCells
                    cells={[
                      {
                        figure: ordinal,
                        format: three,
                        ci: ordinal.value === null ? null : ordinal.ci,
                        ciFormat: two,
                      },
                      { figure: below, format: pct },
                      ...ALPHA_METRICS.filter((m) => m !== 'ordinal').map((metric) => ({
                        figure: alpha[metric],
                        format: three,
                      })),
                      { figure: fleissKappa, format: three },
                      { figure: icc.oneWay, format: three },
                      { figure: icc.twoWayAgreement, format: three },
                      { figure: icc.twoWayConsistency, format: three },
                    ]}
                  />
                </tr>
              );
            })}
            <tr>
              <th scope="row">total score (interval α)</th>
              <td className="ys-num">{report.total.agreement.units}</td>
              <td className="ys-num">{report.total.agreement.raters}</td>
              <FigureCell
                figure={report.total.agreement.alpha}
                format={three}
                ci={report.total.agreement.alpha.value === null ? null : report.total.agreement.alpha.ci}
                ciFormat={two}
              />
              <td colSpan={9} className="ys-muted">
                Only the interval α applies to totals.
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function BiasSection({ report }: { report: AuditReport }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <Section id="ys-bias">
      <p>
        Bias: a rater&apos;s rating minus the mean of the other raters on the same deals, in levels. Positive
        is more lenient than colleagues, negative stricter.
      </p>
      <Gap text={biasGap(report)} />
      {report.raters.length > 0 && criteria.length > 0 && (
        <BiasHeatMap raters={report.raters} criteria={criteria} />
      )}
      <TableScroll label="Rater bias table">
        <table className="ys-table">
          <caption>
            Rater bias by criterion (levels ± standard error; n = deals shared with another rater)
          </caption>
          <thead>
            <tr>
              <th scope="col">Rater</th>
              <th scope="col">Scores</th>
              <th scope="col">Deals</th>
              {criteria.map((criterion) => (
                <th scope="col" key={criterion}>
                  {criterion}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.raters.map((rater) => (
              <tr key={rater.id}>
                <th scope="row">{rater.id}</th>
                <td className="ys-num">{rater.scores}</td>
                <td className="ys-num">{rater.deals}</td>
                <FigureCells
                  cells={criteria.map((criterion) => {
                    const bias = rater.bias[criterion]!;
                    return {
                      figure: bias,
                      format: levels,
                      suffix: bias.se === null ? undefined : `± ${two(bias.se)}`,
                    };
                  })}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Drift over time</h3>
      <p>
        The trend of each rater&apos;s deviation, in levels per 30 days, and the bias month by month (UTC). On
        deal data part of a slope can be real deal progress; calibration cases are free of that.
      </p>
      <TableScroll label="Rater drift table">
        <table className="ys-table">
          <caption>Drift: slope of deviation per 30 days (n = dated deviations)</caption>
          <thead>
            <tr>
              <th scope="col">Rater</th>
              {criteria.map((criterion) => (
                <th scope="col" key={criterion}>
                  {criterion}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.raters.map((rater) => (
              <tr key={rater.id}>
                <th scope="row">{rater.id}</th>
                <FigureCells
                  cells={criteria.map((criterion) => {
                    const slope = rater.drift[criterion]!.slopePer30Days;
                    return {
                      figure: slope,
                      format: levels,
                      suffix: slope.se === null ? 'per 30 days' : `± ${two(slope.se)} per 30 days`,
                    };
                  })}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {report.raters.some((rater) => Object.values(rater.drift).some((d) => d.windows.length > 0)) && (
        <MonthlyBias report={report} criteria={criteria} />
      )}
    </Section>
  );
}

/** Bias month by month: rendered only when opened (it can be long: raters × criteria × months). */
function MonthlyBias({ report, criteria }: { report: AuditReport; criteria: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="ys-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Bias month by month</summary>
      {open && (
        <TableScroll label="Monthly bias table">
          <table className="ys-table">
            <caption>Bias per calendar month (n = deviations in the month)</caption>
            <thead>
              <tr>
                <th scope="col">Rater</th>
                <th scope="col">Criterion</th>
                <th scope="col">Month</th>
                <th scope="col">Bias</th>
              </tr>
            </thead>
            <tbody>
              {report.raters.flatMap((rater) =>
                criteria.flatMap((criterion) =>
                  rater.drift[criterion]!.windows.map((window) => (
                    <tr key={`${rater.id}\u0000${criterion}\u0000${window.window}`}>
                      <th scope="row">{rater.id}</th>
                      <td>{criterion}</td>
                      <td>{window.window}</td>
                      <FigureCell figure={window.bias} format={levels} />
                    </tr>
                  )),
                ),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </details>
  );
}

function DistributionSection({ report }: { report: AuditReport }) {
  return (
    <Section id="ys-distributions">
      <p>Each rater&apos;s latest total per deal (0–100). A rater whose box sits apart scores differently.</p>
      <Gap text={distributionGap(report)} />
      {report.raters.length > 0 && <DistributionChart raters={report.raters} />}
      <TableScroll label="Score distribution table">
        <table className="ys-table">
          <caption>Distribution of totals by rater (n = deals with a total)</caption>
          <thead>
            <tr>
              <th scope="col">Rater</th>
              <th scope="col">n</th>
              <th scope="col">Mean</th>
              <th scope="col">SD</th>
              <th scope="col">Min</th>
              <th scope="col">Q1</th>
              <th scope="col">Median</th>
              <th scope="col">Q3</th>
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            {report.raters.map((rater) => {
              const t = rater.totals;
              const cell = (value: number | null, why: string) =>
                value === null ? (
                  <td className="ys-missing">{why}</td>
                ) : (
                  <td className="ys-num">{one(value)}</td>
                );
              const none = 'insufficient data: no totals';
              return (
                <tr key={rater.id}>
                  <th scope="row">{rater.id}</th>
                  <td className="ys-num">{t.n}</td>
                  {cell(t.mean, none)}
                  {cell(t.sd, 'insufficient data: needs 2 totals')}
                  {cell(t.min, none)}
                  {cell(t.q1, none)}
                  {cell(t.median, none)}
                  {cell(t.q3, none)}
                  {cell(t.max, none)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function predictiveRow(label: string, p: PredictiveFigures) {
  return (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="ys-num">{p.deals}</td>
      <td className="ys-num">{p.won}</td>
      <td className="ys-num">{p.lost}</td>
      <FigureCell figure={p.auc} format={three} ci={p.auc.value === null ? null : p.auc.ci} ciFormat={two} />
    </tr>
  );
}

function PredictiveSection({ report }: { report: AuditReport }) {
  const predictive = report.total.predictive;
  const brier = predictive.brier;
  return (
    <Section id="ys-predictive">
      <p>
        Do the scores predict what happens to deals? Closed deals from the outcomes file; a deal&apos;s value
        is each rater&apos;s latest score, averaged across raters. AUC 0.5 is chance, 1 perfect separation.
      </p>
      <Gap text={predictiveGap(report)} />
      <TableScroll label="Predictive validity table">
        <table className="ys-table">
          <caption>
            AUC of won against lost deals (95% Hanley–McNeil interval; n = closed deals with a value)
          </caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">Closed deals</th>
              <th scope="col">Won</th>
              <th scope="col">Lost</th>
              <th scope="col">AUC [95% CI]</th>
            </tr>
          </thead>
          <tbody>
            {predictiveRow('total', predictive)}
            {report.criteria.map((criterion) => predictiveRow(criterion.id, criterion.predictive))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Win rate by band</h3>
      <Gap text={winRateGap(report)} />
      {predictive.winRateByBand && predictive.winRateByBand.length > 0 && (
        <WinRateChart bands={predictive.winRateByBand} baseRate={brier.baseRate} />
      )}
      {predictive.winRateByBand ? (
        <TableScroll label="Win rate by band table">
          <table className="ys-table">
            <caption>Win rate by band (Wilson 95% interval; n = closed deals in the band)</caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">Closed deals</th>
                <th scope="col">Won</th>
                <th scope="col">Lost</th>
                <th scope="col">Win rate [95% CI]</th>
              </tr>
            </thead>
            <tbody>
              {predictive.winRateByBand.map((band) => (
                <tr key={band.band}>
                  <th scope="row">{band.band}</th>
                  <td className="ys-num">{band.deals}</td>
                  <td className="ys-num">{band.won}</td>
                  <td className="ys-num">{band.lost}</td>
                  <FigureCell figure={band.winRate} format={pct} ci={band.interval} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="ys-missing">{predictive.winRateByBandReason}</p>
      )}
      <p>
        <strong>Brier score of the band win rates: </strong>
        {brier.value === null ? (
          <span className="ys-missing">
            {brier.reason} (n = {brier.n})
          </span>
        ) : (
          <>
            {three(brier.value)} (n = {brier.n}; base-rate reference{' '}
            {brier.reference === null ? '—' : three(brier.reference)}, skill{' '}
            {brier.skill === null ? '—' : three(brier.skill)}). Lower is better; a positive skill means the
            bands separate outcomes better than the overall win rate.
          </>
        )}
      </p>
    </Section>
  );
}

function ClosedLoopSection({ report }: { report: AuditReport }) {
  const { thresholds, rewrite, reweight } = report.closedLoop;
  const gaps = closedLoopGap(report);
  return (
    <Section id="ys-closed-loop">
      <h3>Criteria to rewrite</h3>
      <p>
        Ordinal α below {thresholds.rewriteAlphaBelow} on at least {thresholds.rewriteMinUnits} deals: reps do
        not read the level definitions alike, so the wording of the levels needs rewriting.
      </p>
      {rewrite.length === 0 ? (
        <p className="ys-muted">{gaps.rewrite}</p>
      ) : (
        <table className="ys-table">
          <caption>Criteria to rewrite</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">α ordinal [95% CI]</th>
              <th scope="col">Deals (n)</th>
              <th scope="col">P(α &lt; {thresholds.rewriteAlphaBelow})</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rewrite.map((item) => (
              <tr key={item.criterion}>
                <th scope="row">{item.criterion}</th>
                <td className="ys-num">
                  {three(item.alpha)}
                  {item.ci ? ` ${interval(item.ci.low, item.ci.high, two)}` : ''}
                </td>
                <td className="ys-num">{item.units}</td>
                <td className="ys-num">{item.ci ? percent(item.ci.probabilityBelow.value) : '—'}</td>
                <td>{item.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Criteria to reweight</h3>
      <p>
        AUC within {thresholds.reweightAucWithin} of 0.5 (or at most {0.5 - thresholds.reweightAucWithin})
        with at least {thresholds.reweightMinPerOutcome} won and {thresholds.reweightMinPerOutcome} lost
        deals: the criterion does not separate won from lost deals, so its weight in the total is not earned.
      </p>
      {reweight.length === 0 ? (
        <p className="ys-muted">{gaps.reweight}</p>
      ) : (
        <table className="ys-table">
          <caption>Criteria to reweight</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">AUC [95% CI]</th>
              <th scope="col">Won</th>
              <th scope="col">Lost</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {reweight.map((item) => (
              <tr key={item.criterion}>
                <th scope="row">{item.criterion}</th>
                <td className="ys-num">
                  {three(item.auc)}
                  {item.ci ? ` ${interval(item.ci.low, item.ci.high, two)}` : ''}
                </td>
                <td className="ys-num">{item.won}</td>
                <td className="ys-num">{item.lost}</td>
                <td>{item.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function ManagerValidationSection({ report }: { report: AuditReport }) {
  const validation = report.managerAgreement;
  return (
    <Section id="ys-manager">
      {validation.comparisons === 0 ? (
        <p className="ys-gap">
          No deal has both a rep’s and a manager’s score. A manager sets the role “manager” in Yardstick’s
          options (or policy), scores deals in the sidebar, and exports a bundle like any rep.
        </p>
      ) : (
        <>
          <p>
            {plural(validation.comparisons, 'rep–manager comparison')} on {plural(validation.deals, 'deal')}:
            each rep’s latest score beside each manager’s latest score of the same deal.
          </p>
          <TableScroll label="Manager validation by criterion">
            <table className="ys-table">
              <caption>Agreement with the manager, per criterion</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Agrees</th>
                  <th scope="col">Disputes</th>
                  <th scope="col">Unknown on either side</th>
                  <th scope="col">Agreement</th>
                </tr>
              </thead>
              <tbody>
                {validation.criteria.map((row) => (
                  <tr key={row.criterion}>
                    <th scope="row">{row.criterion}</th>
                    <td>{row.agrees}</td>
                    <td>{row.disputes}</td>
                    <td>{row.unknown}</td>
                    <FigureCell figure={row.share} format={pct} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {validation.disputes.length > 0 && (
            <TableScroll label="Disputed criteria">
              <table className="ys-table ys-compact">
                <caption>Disputes: where the manager picked another level</caption>
                <thead>
                  <tr>
                    <th scope="col">Deal</th>
                    <th scope="col">Criterion</th>
                    <th scope="col">Rep</th>
                    <th scope="col">Rep’s level</th>
                    <th scope="col">Manager</th>
                    <th scope="col">Manager’s level</th>
                  </tr>
                </thead>
                <tbody>
                  {validation.disputes.slice(0, 200).map((d) => (
                    <tr key={`${d.deal}-${d.criterion}-${d.rep}-${d.manager}`}>
                      <td>{d.deal}</td>
                      <td>{d.criterion}</td>
                      <td>{d.rep}</td>
                      <td>{d.repLevel}</td>
                      <td>{d.manager}</td>
                      <td>{d.managerLevel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </Section>
  );
}

function CoverageSection({ report }: { report: AuditReport }) {
  const { coverage, staleness } = report;
  return (
    <Section id="ys-coverage">
      <Gap text={coverageGap(report)} />
      <Gap text={stalenessGap(report)} />
      <table className="ys-table ys-compact">
        <caption>Coverage and staleness (as of {staleness.asOf.slice(0, 10)})</caption>
        <tbody>
          <tr>
            <th scope="row">Deals in the outcomes file that are scored</th>
            <FigureCell
              figure={coverage}
              format={(v) => `${percent(v)} (${coverage.scored} of ${coverage.deals})`}
            />
          </tr>
          <tr>
            <th scope="row">Median age of an open deal&apos;s latest score</th>
            <FigureCell figure={staleness.medianDays} format={(v) => `${one(v)} days`} />
          </tr>
          <tr>
            <th scope="row">90th percentile age</th>
            <FigureCell figure={staleness.p90Days} format={(v) => `${one(v)} days`} />
          </tr>
          <tr>
            <th scope="row">Oldest</th>
            <FigureCell figure={staleness.maxDays} format={(v) => `${one(v)} days`} />
          </tr>
          <tr>
            <th scope="row">Open deals not rescored for over {plural(staleness.staleAfterDays, 'day')}</th>
            <FigureCell figure={staleness.staleShare} format={pct} />
          </tr>
          <tr>
            <th scope="row">
              Latest scores made before the deal moved (stage {report.dealMovement.reasons.stage}, close date
              pushed {report.dealMovement.reasons.closeDate}, amount {report.dealMovement.reasons.amount})
            </th>
            <FigureCell figure={report.dealMovement.movedShare} format={pct} />
          </tr>
        </tbody>
      </table>
    </Section>
  );
}

const SLICE_KINDS: { by: SliceAudit['by']; title: string }[] = [
  { by: 'segment', title: 'By segment (outcomes file columns)' },
  { by: 'rater', title: 'By rater' },
  { by: 'definitions', title: 'By definitions version' },
];

function SlicesSection({ report }: { report: AuditReport }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <Section id="ys-slices">
      <p>Ordinal α per criterion (no interval) and the AUC of the total, on each subset of the data.</p>
      <Gap text={segmentGap(report)} />
      {SLICE_KINDS.map(({ by, title }) => {
        const slices = report.slices.filter((slice) => slice.by === by);
        if (slices.length === 0) return null;
        return (
          <TableScroll key={by} label={`Slices ${title.toLowerCase()}`}>
            <table className="ys-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Slice</th>
                  <th scope="col">Deals</th>
                  <th scope="col">Raters</th>
                  <th scope="col">Closed</th>
                  {criteria.map((criterion) => (
                    <th scope="col" key={criterion}>
                      α {criterion}
                    </th>
                  ))}
                  <th scope="col">AUC of total</th>
                </tr>
              </thead>
              <tbody>
                {slices.map((slice) => (
                  <tr key={`${slice.column ?? ''}\u0000${slice.value}`}>
                    <th scope="row">
                      {slice.by === 'segment' ? `${slice.column} = ${slice.value}` : slice.value}
                    </th>
                    <td className="ys-num">{slice.deals}</td>
                    <td className="ys-num">{slice.raters}</td>
                    <td className="ys-num">{slice.closedDeals}</td>
                    <FigureCells
                      cells={[
                        ...criteria.map((criterion) => ({ figure: slice.alpha[criterion]!, format: three })),
                        { figure: slice.auc, format: three },
                      ]}
                    />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        );
      })}
      {report.slicesSkipped.length > 0 && (
        <ul className="ys-notes">
          {report.slicesSkipped.map((skipped) => (
            <li key={skipped.column}>
              {skipped.column}: {skipped.reason}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
