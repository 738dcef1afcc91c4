/** Why connecting to an org through the connected app failed, named for what the rep or admin does next. */
export type OAuthErrorCode =
  /** The rep closed the sign-in window, or the browser could not open it. */
  | 'cancelled'
  /** The rep or the org said no on the authorize page (`access_denied`). */
  | 'denied'
  /** The redirect's `state` is not the one this flow sent: an answer to another request, refused. */
  | 'state-mismatch'
  /** The code or refresh token is expired, used or revoked (`invalid_grant`): connect again. */
  | 'invalid-grant'
  /** The connected app is missing or set up differently (client id, callback URL, secret required). */
  | 'app-not-set-up'
  /** The org blocks the app for this user (not installed, or not permitted: `OAUTH_APP_BLOCKED`). */
  | 'app-blocked'
  | 'network'
  | 'timeout'
  | 'server-error'
  | 'unexpected-answer';

/** One failed step of the OAuth flow: a code, a message a rep can act on, and the org's own words. */
export interface OAuthError {
  code: OAuthErrorCode;
  message: string;
  /** The `error` the org sent (`invalid_grant`…), when it sent one. */
  orgCode: string | null;
  /** The org's `error_description`, when it sent one. */
  orgMessage: string | null;
}

const ADMIN_DOC = 'docs/salesforce-org.md, "Connected app"';

const APP_NOT_SET_UP = new Set([
  'invalid_client_id',
  'invalid_client',
  'invalid_client_credentials',
  'redirect_uri_mismatch',
  'unsupported_grant_type',
  'unsupported_response_type',
  'invalid_request',
  'invalid_scope',
]);

/** The OAuth error of an `error` code and `error_description` from the authorize redirect or the token endpoint. */
export function oauthErrorFromOrg(orgCode: string, orgMessage: string | null): OAuthError {
  const said = orgMessage ? ` Salesforce said: "${orgMessage}".` : '';
  const from = (code: OAuthErrorCode, message: string): OAuthError => ({
    code,
    message: message + said,
    orgCode,
    orgMessage,
  });
  if (orgCode === 'invalid_grant') {
    return from(
      'invalid-grant',
      'Your connection to Salesforce has expired or was revoked. Choose "Connect to Salesforce" again.',
    );
  }
  if (orgCode === 'access_denied' && !/blocked|not approved|admin/i.test(orgMessage ?? '')) {
    return from(
      'denied',
      'Salesforce access was not allowed, so Yardstick keeps your scores in this browser.',
    );
  }
  if (orgCode === 'access_denied' || /^OAUTH_APP_(BLOCKED|ACCESS_DENIED)$/i.test(orgCode)) {
    return from(
      'app-blocked',
      `Your org blocks Yardstick's connected app for your user. Ask your Salesforce admin to install it and permit your profile or permission set (${ADMIN_DOC}).`,
    );
  }
  if (APP_NOT_SET_UP.has(orgCode)) {
    return from(
      'app-not-set-up',
      `Salesforce refused Yardstick's connected app (${orgCode}). Ask your Salesforce admin to check its client id, callback URL and PKCE settings (${ADMIN_DOC}).`,
    );
  }
  return from('unexpected-answer', `Salesforce refused the connection (${orgCode}).`);
}

/** An OAuth error that came from no org answer. */
export function localOAuthError(code: OAuthErrorCode, message: string): OAuthError {
  return { code, message, orgCode: null, orgMessage: null };
}
