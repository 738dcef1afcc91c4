import { err, ok, type Result } from '../../result';

/** Why a page host has no Salesforce REST API origin. */
export interface ApiHostError {
  code: 'visualforce-host' | 'not-salesforce-host';
  message: string;
}

// My Domain names: letters, digits and single hyphens, with `--` before a sandbox name.
const MY_DOMAIN = '[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?';
// Lightning's org kinds between the domain and `lightning` (sandbox, developer, scratch, demo, patch,
// Trailhead playground, free); the API host keeps the same kind.
const KIND = '(?:\\.(sandbox|develop|scratch|demo|patch|trailblaze|free))?';
const REGION = '[a-z0-9-]+';
// Microsoft Defender for Cloud Apps proxies Salesforce under these suffixes; the API is called directly.
const PROXY_SUFFIX = /\.(?:mcas\.ms|mcas-gov\.us|mcas-gov\.ms)$/;

const LIGHTNING = new RegExp(`^(${MY_DOMAIN})${KIND}\\.lightning\\.force\\.com$`);
const LIGHTNING_HYPERFORCE = new RegExp(`^(${MY_DOMAIN})${KIND}\\.lightning\\.(${REGION})\\.force\\.com$`);
const LIGHTNING_GOVERNMENT = new RegExp(`^(${MY_DOMAIN})${KIND}\\.lightning\\.(?:crm)?force\\.mil$`);
const MY_SALESFORCE = new RegExp(`^(${MY_DOMAIN})${KIND}\\.my\\.salesforce(?:-setup)?\\.(com|mil)$`);
const MY_SALESFORCE_HYPERFORCE = new RegExp(`^(${MY_DOMAIN})${KIND}\\.my\\.(${REGION})\\.salesforce\\.com$`);
const VISUALFORCE =
  /\.(?:vf\.force\.com|visual\.force\.com|visualforce\.com|vf\.force\.mil|visual\.force\.mil)$/;

/**
 * The `https://*.my.salesforce.com`-family origin of the REST API for a Lightning, Classic or Setup
 * host of an org; an error value for Visualforce hosts and for anything that is not Salesforce.
 */
export function apiOriginForHost(pageHost: string): Result<string, ApiHostError> {
  const host = pageHost.toLowerCase().replace(/\.$/, '').replace(PROXY_SUFFIX, '');
  const kind = (name: string | undefined) => (name ? `.${name}` : '');
  let match = LIGHTNING.exec(host);
  if (match) return ok(`https://${match[1]}${kind(match[2])}.my.salesforce.com`);
  match = LIGHTNING_HYPERFORCE.exec(host);
  if (match) return ok(`https://${match[1]}${kind(match[2])}.my.${match[3]}.salesforce.com`);
  match = LIGHTNING_GOVERNMENT.exec(host);
  if (match) return ok(`https://${match[1]}${kind(match[2])}.my.salesforce.mil`);
  match = MY_SALESFORCE.exec(host);
  if (match) return ok(`https://${match[1]}${kind(match[2])}.my.salesforce.${match[3]}`);
  match = MY_SALESFORCE_HYPERFORCE.exec(host);
  if (match) return ok(`https://${match[1]}${kind(match[2])}.my.${match[3]}.salesforce.com`);
  if (VISUALFORCE.test(host)) {
    return err({
      code: 'visualforce-host',
      message: `${pageHost} is a Visualforce host: its session cannot use the API. Open the deal in Lightning or Classic.`,
    });
  }
  return err({
    code: 'not-salesforce-host',
    message: `${pageHost} is not a Salesforce org's Lightning, Classic or My Domain host, so Yardstick does not send your session there.`,
  });
}
