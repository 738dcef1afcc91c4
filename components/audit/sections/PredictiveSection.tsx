import type { AuditReport, PredictiveFigures } from '../../../lib/audit/audit-report';
import { predictiveGap, winRateGap } from '../../../lib/audit/missing-data';
import { WinRateChart } from '../charts/WinRateChart';
import { figureCell, numberCell, ReportTable, type ReportRow } from '../ReportTable';
import { pct, three, two } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { Gap, ReportSection } from './ReportSection';

function predictiveRow(label: string, p: PredictiveFigures): ReportRow {
  return {
    key: label,
    header: label,
    cells: [
      numberCell(p.deals),
      numberCell(p.won),
      numberCell(p.lost),
      figureCell({ figure: p.auc, format: three, ci: p.auc.value === null ? null : p.auc.ci, ciFormat: two }),
    ],
  };
}

/** Whether scores predict outcomes: AUC of the total and per criterion, win rate by band, Brier score. */
export function PredictiveSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const predictive = report.total.predictive;
  const brier = predictive.brier;
  return (
    <ReportSection id="ys-predictive">
      <p>
        Do the scores predict what happens to deals? Closed deals from the outcomes file; a deal&apos;s value
        is each rater&apos;s latest score, averaged across raters. AUC 0.5 is chance, 1 perfect separation.
      </p>
      <Gap text={predictiveGap(report)} />
      <ReportTable
        scrollLabel="Predictive validity table"
        caption="AUC of won against lost deals (95% Hanley–McNeil interval; n = closed deals with a value)"
        columns={['Score', 'Closed deals', 'Won', 'Lost', 'AUC [95% CI]']}
        rows={[
          predictiveRow('Total', predictive),
          ...report.criteria.map((criterion) =>
            predictiveRow(criterionLabel(names, criterion.id), criterion.predictive),
          ),
        ]}
      />
      <h3>Win rate by band</h3>
      <Gap text={winRateGap(report)} />
      {predictive.winRateByBand && predictive.winRateByBand.length > 0 && (
        <WinRateChart bands={predictive.winRateByBand} baseRate={brier.baseRate} />
      )}
      {predictive.winRateByBand ? (
        <ReportTable
          scrollLabel="Win rate by band table"
          caption="Win rate by band (Wilson 95% interval; n = closed deals in the band)"
          columns={['Band', 'Closed deals', 'Won', 'Lost', 'Win rate [95% CI]']}
          rows={predictive.winRateByBand.map((band) => ({
            key: band.band,
            header: band.band,
            cells: [
              numberCell(band.deals),
              numberCell(band.won),
              numberCell(band.lost),
              figureCell({ figure: band.winRate, format: pct, ci: band.interval }),
            ],
          }))}
        />
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
    </ReportSection>
  );
}
