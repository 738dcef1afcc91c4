import { defineContentScript } from '#imports';
import { CRM_HOST_MATCHES } from '../../lib/crm/crm-hosts';
import { mountSidebar } from './mount-sidebar';

/** The sidebar bundle. Registered at runtime: the background injects it once the loader sees a deal. */
export default defineContentScript({
  matches: CRM_HOST_MATCHES,
  registration: 'runtime',
  // The styles travel inside the bundle (see mount-sidebar.tsx): a stylesheet fetched from the
  // extension would have to be web-accessible to every custom CRM host, which the manifest cannot
  // know in advance.
  cssInjectionMode: 'manual',
  async main(ctx) {
    await mountSidebar(ctx);
  },
});
