/**
 * Match patterns of the CRM hosts Yardstick reads out of the box. `*.force.com` is the narrowest
 * pattern that covers Lightning, its sandboxes and Hyperforce's `<domain>.lightning.<region>.force.com`
 * (a match pattern cannot put a wildcard in the middle of a host).
 */
export const CRM_HOST_MATCHES = ['https://*.force.com/*', 'https://*.force.mil/*'];
