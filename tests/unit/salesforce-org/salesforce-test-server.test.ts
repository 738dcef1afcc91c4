// @vitest-environment node
import { request as httpsRequest } from 'node:https';
import { startSalesforceTestServer, type SalesforceTestServer } from '../../support/salesforce-test-server';
import { TEST_SESSIONS } from '../../support/salesforce-test-org';

const REP = TEST_SESSIONS[0]!;
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

const get = (path: string, token: string | null = REP.token, host?: string) =>
  fetch(server.httpOrigin + path, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(host ? { Host: host } : {}) },
    redirect: 'manual',
  });

describe('the Salesforce test server follows the documented contract', () => {
  it('lists API versions and reports usage on every answer, failures included', async () => {
    const versions = await get('/services/data/');
    expect(versions.status).toBe(200);
    // The org counts the call it answers; a refused call is not counted.
    expect(versions.headers.get('Sforce-Limit-Info')).toBe('api-usage=1/15000');
    expect(await versions.json()).toContainEqual({
      label: 'v62.0',
      url: '/services/data/v62.0',
      version: '62.0',
    });
    const refused = await get('/services/data/', null);
    expect(refused.headers.get('Sforce-Limit-Info')).toBe('api-usage=1/15000');
  });

  it('refuses a missing or unknown session with 401 INVALID_SESSION_ID', async () => {
    for (const token of [null, 'nope']) {
      const answer = await get('/services/data/v62.0/sobjects/Yardstick_Score__c/describe', token);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual([
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ]);
    }
  });

  it('answers HTTPS with its self-signed certificate, for any Host', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const call = httpsRequest(
        {
          host: '127.0.0.1',
          port: server.httpsPort,
          path: '/services/oauth2/userinfo',
          headers: { Host: 'acme.my.salesforce.com', Authorization: `Bearer ${REP.token}` },
          rejectUnauthorized: false,
        },
        (answer) => {
          let text = '';
          answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
          answer.on('end', () => resolve(text));
        },
      );
      call.on('error', reject);
      call.end();
    });
    expect(JSON.parse(body)).toMatchObject({ user_id: REP.userId, organization_id: REP.orgId });
  });

  it('counts calls per route', async () => {
    await get('/services/data/');
    await get('/services/data/');
    await get('/services/oauth2/userinfo');
    expect(server.calls.get('GET versions')).toBe(2);
    expect(server.calls.get('GET userinfo')).toBe(1);
  });

  it('fails a switched failure only as many times as asked', async () => {
    server.fail('server-error', 1);
    expect((await get('/services/data/')).status).toBe(500);
    expect((await get('/services/data/')).status).toBe(200);
  });

  it('answers a redirect with a Location and a login page as 200 HTML', async () => {
    server.fail('redirect', 1);
    const redirect = await get('/services/data/');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('Location')).toMatch(/^https:\/\/login\.salesforce\.com\//);
    server.fail('login-page', 1);
    const page = await get('/services/data/');
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Login | Salesforce</title>');
  });

  it('refuses every call once the daily limit is used up', async () => {
    server.apiUsage = { used: 15000, limit: 15000 };
    const answer = await get('/services/data/');
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
  });

  it('drops the connection mid-answer when asked', async () => {
    server.fail('drop-connection', 1);
    await expect(get('/services/data/').then((answer) => answer.text())).rejects.toThrow();
  });
});
