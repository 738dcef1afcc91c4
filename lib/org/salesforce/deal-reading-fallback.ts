import type { OrgError, OrgErrorCode } from './org-error';

/** Why a deal is shown as read from the page rather than from the org's API. */
export type PageFallbackCode = OrgErrorCode | 'record-not-found' | 'not-an-org-page';

/** The reason a rep reads under the deal when the API could not answer. */
export interface PageFallbackReason {
  code: PageFallbackCode;
  /** One sentence for the rep: why the API could not answer, and what would let it. */
  message: string;
}

const WORDS: Record<PageFallbackCode, string> = {
  'session-expired':
    'your Salesforce session has expired or you are logged out; log in to Salesforce and open the deal again.',
  'session-refused-for-api':
    'your org does not let browser sessions use the API (API Access Control); your Salesforce admin can allow Yardstick through a connected app.',
  'api-disabled-for-org': 'your Salesforce edition does not include API access.',
  'api-disabled-for-user':
    'your Salesforce user lacks the "API Enabled" permission; your Salesforce admin can grant it.',
  'request-limit': 'your org has used up its daily API requests.',
  'not-deployed': 'the org does not have what Yardstick asked for.',
  'invalid-field': 'the org refused a field Yardstick asked for.',
  'not-found': 'this page is not on an org address Yardstick can ask.',
  'bad-request': 'Salesforce refused the request.',
  'login-page': 'Salesforce answered with its login page; log in to Salesforce and open the deal again.',
  redirect:
    'Salesforce redirected the call, which drops the session; open the deal from your My Domain address.',
  'server-error': 'Salesforce had a server error.',
  timeout: 'Salesforce did not answer in time.',
  network: 'Salesforce could not be reached (offline, or the connection dropped).',
  aborted: 'the reading was cancelled.',
  'unexpected-answer': 'Salesforce answered with something Yardstick cannot read.',
  'query-job-failed': 'a Salesforce bulk query job failed.',
  'no-team': 'the org’s role hierarchy names no team for you.',
  'record-not-found': 'Salesforce did not return this opportunity (deleted, or not shared with you).',
  'not-an-org-page': 'this page is not a Salesforce org page Yardstick reads through the API.',
};

/** The sidebar's words for why it shows the page's reading: one per failure, never the org's raw text alone. */
export function pageFallbackReason(failure: OrgError | PageFallbackCode): PageFallbackReason {
  const code = typeof failure === 'string' ? failure : failure.code;
  return { code, message: `Salesforce's API could not answer: ${WORDS[code]}` };
}
