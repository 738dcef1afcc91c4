import { orgErrorFromAnswer, orgErrorFromFailure, parseErrorBody, type OrgAnswer } from './org-error';

const json = (status: number, body: unknown): OrgAnswer => ({
  status,
  contentType: 'application/json;charset=UTF-8',
  body: JSON.stringify(body),
  location: null,
  opaqueRedirect: false,
});
const scores = { aboutScoresObject: true };
const other = { aboutScoresObject: false };

describe('orgErrorFromAnswer', () => {
  it('reads an expired session as session-expired, with a way out for the rep', () => {
    const error = orgErrorFromAnswer(
      json(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]),
      other,
    );
    expect(error).toMatchObject({ code: 'session-expired', status: 401, orgCode: 'INVALID_SESSION_ID' });
    expect(error.message).toMatch(/log in to Salesforce/i);
  });

  it("reads userinfo's plain-text Bad_OAuth_Token as session-expired", () => {
    const answer = {
      status: 403,
      contentType: 'text/plain',
      body: 'Bad_OAuth_Token',
      location: null,
      opaqueRedirect: false,
    };
    expect(orgErrorFromAnswer(answer, other).code).toBe('session-expired');
  });

  it('tells API Access Control apart from an expired session', () => {
    const error = orgErrorFromAnswer(
      json(401, [
        { message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' },
      ]),
      other,
    );
    expect(error.code).toBe('session-refused-for-api');
    expect(error.message).toMatch(/admin/);
  });

  it.each([
    [
      403,
      'API_DISABLED_FOR_ORG',
      'The REST API is not enabled for this Organization.',
      'api-disabled-for-org',
    ],
    [403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User', 'api-disabled-for-user'],
    [403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', 'request-limit'],
  ])('maps %i %s to %s', (status, errorCode, message, code) => {
    expect(orgErrorFromAnswer(json(status, [{ message, errorCode }]), other)).toMatchObject({
      code,
      orgCode: errorCode,
      orgMessage: message,
    });
  });

  it('reads NOT_FOUND of the scores object as "not deployed" and points the admin to the docs', () => {
    const error = orgErrorFromAnswer(
      json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]),
      scores,
    );
    expect(error.code).toBe('not-deployed');
    expect(error.message).toContain('docs/salesforce-org.md');
  });

  it('reads INVALID_TYPE in a query of the scores object as "not deployed"', () => {
    const error = orgErrorFromAnswer(
      json(400, [
        { errorCode: 'INVALID_TYPE', message: "sObject type 'Yardstick_Score__c' is not supported." },
      ]),
      scores,
    );
    expect(error.code).toBe('not-deployed');
  });

  it('keeps NOT_FOUND of anything else a plain not-found', () => {
    expect(orgErrorFromAnswer(json(404, [{ errorCode: 'NOT_FOUND', message: 'x' }]), other).code).toBe(
      'not-found',
    );
  });

  it('names the missing column of an INVALID_FIELD from its message', () => {
    const error = orgErrorFromAnswer(
      json(400, [
        {
          errorCode: 'INVALID_FIELD',
          message:
            "SELECT Id, Product_Line__c FROM Opportunity\n ^\nERROR at Row:1:Column:12\nNo such column 'Product_Line__c' on entity 'Opportunity'.",
        },
      ]),
      other,
    );
    expect(error).toMatchObject({ code: 'invalid-field', fields: ['Product_Line__c'] });
    expect(error.message).toContain('Product_Line__c');
  });

  it('reads an HTML login page where JSON was expected as login-page, whatever the status', () => {
    const page: OrgAnswer = {
      status: 200,
      contentType: 'text/html;charset=UTF-8',
      body: '<!DOCTYPE html><html><head><title>Login | Salesforce</title></head></html>',
      location: null,
      opaqueRedirect: false,
    };
    expect(orgErrorFromAnswer(page, other).code).toBe('login-page');
    expect(orgErrorFromAnswer({ ...page, contentType: null }, other).code).toBe('login-page');
  });

  it('treats a redirect as an error: the Authorization header would be dropped', () => {
    const redirect = {
      status: 302,
      contentType: null,
      body: '',
      location: 'https://login.salesforce.com/',
      opaqueRedirect: false,
    };
    expect(orgErrorFromAnswer(redirect, other)).toMatchObject({ code: 'redirect', status: 302 });
    expect(orgErrorFromAnswer(redirect, other).message).toContain('https://login.salesforce.com/');
    expect(
      orgErrorFromAnswer({ ...redirect, status: 0, location: null, opaqueRedirect: true }, other),
    ).toMatchObject({
      code: 'redirect',
      status: null,
    });
  });

  it.each([500, 502, 503])('reads %i as a server error to retry', (status) => {
    expect(orgErrorFromAnswer({ ...json(status, {}), body: 'Service Unavailable' }, other).code).toBe(
      'server-error',
    );
  });

  it('keeps an unknown 400 as bad-request with the org code and message', () => {
    const error = orgErrorFromAnswer(
      json(400, [{ errorCode: 'MALFORMED_ID', message: 'bad id', fields: ['Id'] }]),
      other,
    );
    expect(error).toMatchObject({ code: 'bad-request', orgCode: 'MALFORMED_ID', fields: ['Id'] });
    expect(error.message).toContain('MALFORMED_ID');
  });
});

describe('orgErrorFromFailure', () => {
  it('tells a timeout, a cancel and a dropped network apart', () => {
    expect(orgErrorFromFailure(new DOMException('t', 'TimeoutError'), 15_000)).toMatchObject({
      code: 'timeout',
    });
    expect(orgErrorFromFailure(new DOMException('a', 'AbortError'), 15_000).code).toBe('aborted');
    expect(orgErrorFromFailure(new TypeError('Failed to fetch'), 15_000).code).toBe('network');
  });
});

describe('parseErrorBody', () => {
  it('reads the REST array, the OAuth shape, and nothing from non-JSON', () => {
    expect(parseErrorBody('[{"errorCode":"X","message":"m","fields":["A"]}]')).toEqual({
      errorCode: 'X',
      message: 'm',
      fields: ['A'],
    });
    expect(parseErrorBody('{"error":"invalid_token","error_description":"expired"}')).toEqual({
      errorCode: 'invalid_token',
      message: 'expired',
      fields: [],
    });
    expect(parseErrorBody('Bad_OAuth_Token')).toBeNull();
  });
});
