import '../../components/sidebar/sidebar.css';
import { defineContentScript } from '#imports';
import { CRM_HOST_MATCHES } from '../../lib/crm/crm-hosts';
import { mountSidebar } from './mount-sidebar';

/** The sidebar bundle. Registered at runtime: the background injects it once the loader sees a deal. */
export default defineContentScript({
  matches: CRM_HOST_MATCHES,
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await mountSidebar(ctx);
  },
});
