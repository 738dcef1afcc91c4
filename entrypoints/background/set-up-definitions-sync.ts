import { browser } from 'wxt/browser';
import type { BackgroundServices } from './background-services';

/** The alarm that syncs definitions from their URL. */
export const SYNC_ALARM = 'definitions-sync';

/** Syncs definitions at start-up, on the alarm, and when policy changes; returns the rescheduler. */
export function setUpDefinitionsSync(
  services: BackgroundServices,
  announceStateChange: () => Promise<void>,
): { rescheduleSync(): Promise<void> } {
  const syncAndAnnounce = async () => {
    const outcome = await services.syncDefinitions();
    if (outcome.result !== 'not-configured') await announceStateChange();
  };
  const rescheduleSync = async () => {
    const { syncIntervalMinutes } = await services.readDefinitionsConfig();
    // Re-creating an alarm resets its period, so only do it when the period changed.
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes === syncIntervalMinutes) return;
    await browser.alarms.create(SYNC_ALARM, {
      periodInMinutes: syncIntervalMinutes,
      delayInMinutes: syncIntervalMinutes,
    });
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncAndAnnounce();
  });
  browser.storage.managed?.onChanged?.addListener(() => {
    void rescheduleSync().then(syncAndAnnounce);
  });
  browser.runtime.onStartup.addListener(() => void syncAndAnnounce());
  browser.runtime.onInstalled.addListener(() => void syncAndAnnounce());
  void rescheduleSync();
  return { rescheduleSync };
}
