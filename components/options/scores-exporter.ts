/** A file ready to download. */
export interface ExportFile {
  fileName: string;
  text: string;
  mimeType: string;
  scoreCount: number;
  /** Local scores saved under other rater names, not part of this export. */
  otherRatersScores: number;
}

/** The encodings "Export my scores" offers. */
export type ExportEncoding = 'bundle-json' | 'bundle-ndjson' | 'csv';

/** Produces exports of this browser's scores; the options page only shows and downloads them. */
export interface ScoresExporter {
  exportScores(encoding: ExportEncoding): Promise<ExportFile>;
  download(file: ExportFile): void;
}
