import type { HTTPRequest, Page } from 'puppeteer-core';
import {
  CRM_APPS,
  fixtureText,
  lightningResponse,
  type FixtureResponse,
} from '../../support/browser/crm-fixtures';

/** Turns one of the Chromium router's URL globs (`*` within a path segment or host label, `**` anything) into a RegExp. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}

const LIGHTNING_HOST = globToRegExp('https://*.force.com/**');
const CRM_APP_ROUTES = Object.values(CRM_APPS).flatMap(({ routes, fixture }) =>
  routes.map((route) => ({ pattern: globToRegExp(route), fixture })),
);

/** What the CRM fixtures answer at `request`'s URL, or null for a URL that is not a CRM's (left to the network). */
function fixtureResponseFor(
  request: HTTPRequest,
  lightningPages: Record<string, string>,
): FixtureResponse | null {
  const url = request.url();
  if (LIGHTNING_HOST.test(url)) return lightningResponse(new URL(url), lightningPages);
  const app = CRM_APP_ROUTES.find(({ pattern }) => pattern.test(url));
  if (!app) return null;
  // As the Chromium router does: each app is one page, every sub-resource a 404. (Over BiDi, Puppeteer
  // has no resourceType(); a document is the request that carries a navigation.)
  if (!request.isNavigationRequest()) {
    return { status: 404, contentType: 'text/plain', body: 'Not found in fixtures' };
  }
  return { status: 200, contentType: 'text/html', body: fixtureText(app.fixture) };
}

/**
 * Serves Lightning and the other CRMs' fixture apps at their real URLs in `page`, through WebDriver
 * BiDi request interception, with the same answers the Chromium tests' routes give.
 */
export async function serveCrmFixtures(
  page: Page,
  lightningPages: Record<string, string> = {},
): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = fixtureResponseFor(request, lightningPages);
    void (response ? request.respond(response) : request.continue()).catch(() => undefined);
  });
}
