import { useState } from 'react';
import type { ExportEncoding, ScoresExporter } from './scores-exporter';

const CHOICES: { encoding: ExportEncoding; label: string }[] = [
  { encoding: 'bundle-json', label: 'Export my scores (bundle, JSON)' },
  { encoding: 'bundle-ndjson', label: 'Export my scores (bundle, NDJSON)' },
  { encoding: 'csv', label: 'Export all scores (CSV for spreadsheets)' },
];

/** "Export my scores": the bundle a manager's audit reads, and a spreadsheet CSV. */
export function ExportSection({ exporter }: { exporter: ScoresExporter }) {
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (encoding: ExportEncoding) => {
    setBusy(true);
    try {
      const file = await exporter.exportScores(encoding);
      exporter.download(file);
      const others =
        file.otherRatersScores > 0
          ? ` ${file.otherRatersScores} scores saved under other rater names were left out.`
          : '';
      setStatus({ text: `Exported ${file.scoreCount} scores to ${file.fileName}.${others}`, isError: false });
    } catch (error) {
      setStatus({
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
        isError: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p>
        Send the bundle to your manager for the audit. It carries your scores, the definitions they were made
        against and a SHA-256 checksum.
      </p>
      {CHOICES.map(({ encoding, label }) => (
        <button key={encoding} type="button" disabled={busy} onClick={() => void run(encoding)}>
          {label}
        </button>
      ))}
      {status && <p role={status.isError ? 'alert' : 'status'}>{status.text}</p>}
    </section>
  );
}
