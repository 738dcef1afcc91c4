import type { BackgroundServices } from './background-services';

/**
 * Sidebars opened in the first seconds after a browser start show the previous run's policy; when the
 * browser's own copy turns out different, they reload what they show.
 */
export function setUpPolicyRefresh(
  services: BackgroundServices,
  announceStateChange: () => Promise<void>,
): void {
  void services.policyChangedSinceLastRun.then((changed) => (changed ? announceStateChange() : undefined));
}
