import { MessageType } from '../../lib/messaging/protocol';
import type { HandlerSlice } from './handler-context';
import { syncAndView } from './crm-host-handlers';

/**
 * After the options page restored a backup into the database: what the background keeps outside it
 * follows the restored settings (the custom hosts' loader registrations, the sync alarm), and open
 * sidebars and pages reload what they show.
 */
export const restoreHandlers: HandlerSlice<typeof MessageType.backupRestored> = {
  [MessageType.backupRestored]: async (_request, { effects }) => {
    await effects.rescheduleSync();
    return syncAndView(effects);
  },
};
