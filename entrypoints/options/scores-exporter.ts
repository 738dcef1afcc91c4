import type { ExportFile, ScoresExporter } from '../../components/options/scores-exporter';
import { exportScoresBundle, exportScoresCsv } from '../../lib/db/export-scores';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { bundleToJson, bundleToNdjson } from '../../lib/exchange/write-bundle';

/**
 * Exports straight from the extension-origin database: an extension page may open it, and reading
 * here avoids squeezing 100k scores through one runtime message.
 */
export function createScoresExporter(readRater: () => Promise<string | null>): ScoresExporter {
  return {
    async exportScores(encoding): Promise<ExportFile> {
      const db = new YardstickDatabase();
      try {
        const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
        if (encoding === 'csv') {
          const text = await exportScoresCsv(db);
          return {
            fileName: `yardstick-scores-${stamp}.csv`,
            text,
            mimeType: 'text/csv;charset=utf-8',
            scoreCount: await db.scores.count(),
            otherRatersScores: 0,
          };
        }
        const rater = await readRater();
        if (!rater) throw new Error('Set your name or email first: a bundle records whose scores it holds.');
        const { bundle, otherRatersScores } = await exportScoresBundle(db, rater, new Date());
        const json = encoding === 'bundle-json';
        return {
          fileName: `yardstick-${safeFileName(rater)}-${stamp}.${json ? 'json' : 'ndjson'}`,
          text: json ? bundleToJson(bundle) : bundleToNdjson(bundle),
          mimeType: json ? 'application/json' : 'application/x-ndjson',
          scoreCount: bundle.scores.length,
          otherRatersScores,
        };
      } finally {
        db.close();
      }
    },
    download(file) {
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

function safeFileName(text: string): string {
  return text.replace(/[^a-z0-9@._-]+/gi, '-').slice(0, 60);
}
