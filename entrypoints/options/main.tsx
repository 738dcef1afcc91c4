import '../../lib/zod-jitless';
import './options.css';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createDatabaseBackupRestorer } from './database-backup-restorer';
import { extensionPageBackend } from './extension-page-backend';
import { createScoresExporter } from './scores-exporter';

const exporter = createScoresExporter(async () => {
  const response = await extensionPageBackend.getSettings();
  return response.ok ? response.value.rater : null;
});
const restorer = createDatabaseBackupRestorer(
  (fileName, text, mimeType) =>
    exporter.download({ fileName, text, mimeType, scoreCount: 0, otherRatersScores: 0 }),
  () => extensionPageBackend.backupRestored(),
);

createRoot(document.getElementById('root')!).render(
  <OptionsApp backend={extensionPageBackend} exporter={exporter} restorer={restorer} />,
);
