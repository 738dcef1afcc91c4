/** What a restore did, in the words the options page shows. */
export interface RestoreReport {
  scoresAdded: number;
  scoresUnchanged: number;
  definitionsAdded: number;
  settingsAdded: number;
  backupCreatedAt: string;
}

/** Backs up and restores the whole local database; the options page only shows the outcome. */
export interface BackupRestorer {
  /** Writes the backup file and returns its name and how many scores it holds. */
  backUp(): Promise<{ fileName: string; scores: number }>;
  /** Restores a backup file: all or nothing. Resolves to the report or the problems found. */
  restore(file: File): Promise<{ ok: true; report: RestoreReport } | { ok: false; problems: string[] }>;
}
