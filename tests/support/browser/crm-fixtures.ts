import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The demo org's Lightning host; routed to fixtures, never to the network. */
export const LIGHTNING_ORIGIN = 'https://yardstick-demo.lightning.force.com';

/** Reads a fixture file's text. */
export function fixtureText(relativePath: string): string {
  return readFileSync(path.join(FIXTURES, relativePath), 'utf8');
}

/** A fixture response for one request: what both browsers' routers send back. */
export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * What the Lightning host answers at `url`: `staticPages` maps a path to a fixture file served as is;
 * every other `/lightning/…` path (and `/`) gets the single-page app shell; anything else is a 404.
 */
export function lightningResponse(url: URL, staticPages: Record<string, string> = {}): FixtureResponse {
  const staticPage = staticPages[url.pathname];
  if (staticPage) return { status: 200, contentType: 'text/html', body: fixtureText(staticPage) };
  if (url.pathname.startsWith('/lightning/') || url.pathname === '/') {
    return {
      status: 200,
      contentType: 'text/html',
      body: fixtureText('salesforce-lightning/lightning-app.html'),
    };
  }
  return { status: 404, contentType: 'text/plain', body: 'Not found in fixtures' };
}

/**
 * Serves Salesforce Lightning at its real URLs from fixtures (see lightningResponse), so the
 * production manifest's match patterns decide where Yardstick runs.
 */
export async function routeLightning(
  context: BrowserContext,
  staticPages: Record<string, string> = {},
): Promise<void> {
  await context.route('https://*.force.com/**', async (route) =>
    route.fulfill(lightningResponse(new URL(route.request().url()), staticPages)),
  );
}

/** Each CRM's fixture app, served at the CRM's real hosts; every path gets the app's single shell. */
export const CRM_APPS = {
  salesforceClassic: {
    routes: ['https://*.my.salesforce.com/**'],
    fixture: 'salesforce-classic/salesforce-classic-app.html',
  },
  hubspot: {
    routes: ['https://app.hubspot.com/**', 'https://app-eu1.hubspot.com/**'],
    fixture: 'hubspot/hubspot-app.html',
  },
  dynamics365: { routes: ['https://*.dynamics.com/**'], fixture: 'dynamics365/dynamics365-app.html' },
  pipedrive: { routes: ['https://*.pipedrive.com/**'], fixture: 'pipedrive/pipedrive-app.html' },
  generic: { routes: ['https://crm.example.com/**'], fixture: 'generic/generic-app.html' },
} as const;

/** Serves Classic, HubSpot, Dynamics 365, Pipedrive and the custom-host CRM (crm.example.com) from fixtures. */
export async function routeCrmApps(context: BrowserContext): Promise<void> {
  for (const { routes, fixture } of Object.values(CRM_APPS)) {
    const body = fixtureText(fixture);
    for (const route of routes) {
      await context.route(route, (request) => {
        const accept = request.request().resourceType();
        if (accept !== 'document') return request.fulfill({ status: 404, body: 'Not found in fixtures' });
        return request.fulfill({ contentType: 'text/html', body });
      });
    }
  }
}
