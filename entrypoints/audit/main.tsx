import '../../lib/zod-jitless';
import './audit.css';
import { createRoot } from 'react-dom/client';
import { AuditApp } from '../../components/audit/AuditApp';
import { createWorkerEngine } from '../../components/audit/worker-engine';
import { builtInFrameworks } from './frameworks';
import { createPortOrgLoader } from './org-port-loader';

// Vite bundles the worker into its own file (assets/audit.worker-*.js, same origin), which the
// MV3 extension-page CSP (script-src 'self') allows.
const worker = new Worker(new URL('./audit.worker.ts', import.meta.url), {
  type: 'module',
  name: 'yardstick-audit',
});

createRoot(document.getElementById('root')!).render(
  <AuditApp
    engine={createWorkerEngine(worker)}
    frameworks={builtInFrameworks()}
    orgLoader={createPortOrgLoader()}
  />,
);
