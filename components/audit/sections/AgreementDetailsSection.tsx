import type { AuditReport } from '../../../lib/audit/audit-report';
import { ALPHA_METRICS } from '../../../lib/audit/krippendorff-metrics';
import { figureCell, ReportTable } from '../ReportTable';
import { three } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { ReportSection } from './ReportSection';

const OTHER_METRICS = ALPHA_METRICS.filter((metric) => metric !== 'ordinal');

/** α at the other levels of measurement, Fleiss' κ and the three ICCs, in two narrow tables. */
export function AgreementDetailsSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  return (
    <ReportSection id="ys-agreement-details">
      <p>
        Krippendorff&apos;s α treating levels as categories (nominal), as equally spaced numbers (interval) or
        as ratios; Fleiss&apos; κ; and the intraclass correlations, for readers who want every measure.
      </p>
      <ReportTable
        scrollLabel="α by level of measurement"
        caption="Krippendorff's α at the other levels of measurement"
        columns={['Criterion', ...OTHER_METRICS.map((metric) => `α ${metric}`)]}
        rows={report.criteria.map((criterion) => ({
          key: criterion.id,
          header: criterionLabel(names, criterion.id),
          cells: OTHER_METRICS.map((metric) =>
            figureCell({ figure: criterion.agreement.alpha[metric], format: three }),
          ),
        }))}
      />
      <ReportTable
        scrollLabel="Fleiss' κ and ICC"
        caption="Fleiss' κ and intraclass correlations"
        columns={['Criterion', 'Fleiss κ', 'ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)']}
        rows={report.criteria.map((criterion) => {
          const { fleissKappa, icc } = criterion.agreement;
          return {
            key: criterion.id,
            header: criterionLabel(names, criterion.id),
            cells: [
              figureCell({ figure: fleissKappa, format: three }),
              figureCell({ figure: icc.oneWay, format: three }),
              figureCell({ figure: icc.twoWayAgreement, format: three }),
              figureCell({ figure: icc.twoWayConsistency, format: three }),
            ],
          };
        })}
      />
    </ReportSection>
  );
}
