import * as fs from 'node:fs';
import * as path from 'node:path';
// The token goes to the configured API's origin and nowhere else, whatever an answer says;
// a configuration that is set but unusable stops the console; signing out stops every call.
// Hostile answers come from servers made here (./hostile.ts): the simulator never sends them.
import { test, expect, TOKEN, signIn, row } from './fixtures';
import { serve, site, hostPage, json, evilApi, openCors, snapshot, Server, Handler } from './hostile';

let evil: Server;
test.beforeEach(async () => { evil = await serve(evilApi()); });
test.afterEach(async () => { await evil.close(); });

/** A host page without a CSP on one server, whose API (same origin, `/api/v1`) answers every
 *  list with `answer`. */
async function portal(answer: Handler, attributes = '', extra = ''): Promise<Server> {
  return serve(site({ '/host.html': hostPage(attributes, extra) }, answer));
}

async function signInAt(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const firstPage = (next: string): Handler => (req, res) => {
  json(res, 200, { count: 2, next, results: [snapshot(1, 'first-page')] });
};

// Each a way to write "another host" that a string check let through, or a parser reads so.
const links = (host: string) => ({
  'scheme-relative': `//${host}/x`,
  'slash-backslash': `/\\${host}/x`,
  'double backslash': `\\\\${host}/x`,
  'another origin with a // path': `http://127.0.0.2:9//${host}/x`,
  'a tab inside': `/\t/${host}/x`,
  'a newline inside': `/\n/${host}/x`,
  'userinfo': `http://127.0.0.1@${host}/x`,
  'encoded slashes (stays on the API)': `/%2F%2F${host}/x`,
});

for (const [kind, make] of Object.entries(links('HOST'))) {
  test(`a next link written as ${kind} never takes the token elsewhere`, async ({ page }) => {
    const link = make.replace('HOST', new URL(evil.origin).host);
    const api = await portal(firstPage(link));
    await signInAt(page, `${api.origin}/host.html`);
    if (kind.startsWith('encoded')) {
      // A path on the API's own host: followed there, and the API answers 404.
      await expect.poll(() => api.seen.filter((s) => s.authorization).map((s) => s.url))
        .toEqual(['/api/v1/snapshots/', `/%2F%2F${new URL(evil.origin).host}/x`]);
    } else {
      await expect(page.getByRole('alert')).toContainText('Could not load the snapshots');
      expect(api.seen.filter((s) => s.authorization).map((s) => s.url)).toEqual(['/api/v1/snapshots/']);
    }
    expect(evil.seen, 'requests at the other host').toEqual([]);
    await api.close();
  });
}

test('a redirect is an error, never followed, so the token stays with the API', async ({ page }) => {
  const api = await portal((req, res) => {
    res.writeHead(307, { location: `${evil.origin}/api/v1/snapshots/` }).end();
  });
  await signInAt(page, `${api.origin}/host.html`);
  await expect(page.getByRole('alert')).toContainText(
    "Could not load the snapshots: the API's address answered with a redirect. The console never follows one");
  expect(evil.seen).toEqual([]);
  await api.close();
});

test('a huge next link is refused; the token never goes to the page\'s own origin', async ({ page }) => {
  // The API on one origin, the host page on another, as a portal embedding the real API.
  const api = await serve((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, openCors()).end();
    json(res, 200, { count: 2, next: `/api/v1/snapshots/?page=${'9'.repeat(65_000)}`, results: [snapshot(1, 'first-page')] });
  });
  const host = await portal((req, res) => json(res, 404, { detail: 'Not found.' }), `data-api-base="${api.origin}/api/v1"`);
  await signInAt(page, `${host.origin}/host.html`);
  await expect(page.getByRole('alert')).toContainText('Could not load the snapshots');
  expect(host.seen.filter((s) => s.authorization), 'token sent to the host page\'s origin').toEqual([]);
  expect(api.seen.filter((s) => s.method === 'GET').map((s) => s.url)).toEqual(['/api/v1/snapshots/']);
  await api.close();
  await host.close();
});

test('an API that echoes the token in its error shows it redacted', async ({ page }) => {
  const api = await portal((req, res) => {
    json(res, 403, { detail: `Token ${req.headers.authorization} may not list snapshots.` });
  });
  await signInAt(page, `${api.origin}/host.html`);
  await expect(page.getByRole('alert')).toContainText('<redacted> may not list snapshots');
  expect(await page.locator('body').innerText()).not.toContain(TOKEN);
  await api.close();
});

test('an unusable configured API base stops the console: no sign-in, nothing sent', async ({ page }) => {
  const host = await portal(firstPage(''), `data-api-base="//${new URL(evil.origin).host}/api/v1"`);
  await page.goto(`${host.origin}/host.html`);
  await expect(page.getByRole('alert')).toContainText('is not usable');
  await expect(page.getByRole('alert')).toContainText('no token is sent anywhere');
  await expect(page.getByLabel('API token')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(evil.seen).toEqual([]);
  await host.close();
});

test('a console that did not start says why in the page\'s language', async ({ page }) => {
  const bs = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'app', 'locales', 'bs.json'), 'utf8'));
  const base = `//${new URL(evil.origin).host}/api/v1`;
  const host = await portal(firstPage(''), `data-lang="bs" data-api-base="${base}"`);
  await page.goto(`${host.origin}/host.html`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(bs['setup.api_base'].replace('{base}', base));
  await expect(alert).toContainText(bs['invalid.base_url']);
  await expect(alert).toContainText(bs['setup.no_token']);
  await expect(page.getByText(bs['setup.help'])).toBeVisible();
  await expect(page.getByRole('heading', { name: bs['app.name'] })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(evil.seen).toEqual([]);
  await host.close();
});

test('a <meta> injected into the host page\'s body does not configure the console', async ({ page }) => {
  const injected = `<meta name="snapshot-console:api-base" content="${evil.origin}/api/v1">`;
  const host = await portal((req, res) => json(res, 200, { count: 1, next: null, results: [snapshot(1, 'from-the-real-api')] }), '', injected);
  await signInAt(page, `${host.origin}/host.html`);
  await expect(row(page, 'from-the-real-api')).toBeVisible();
  expect(evil.seen).toEqual([]);
  await host.close();
});

test('a second mount element injected before the real one stops the console', async ({ page }) => {
  const injected = `<div data-snapshot-console data-api-base="${evil.origin}/api/v1"></div>`;
  const host = await portal(firstPage(''), '', injected);
  await page.goto(`${host.origin}/host.html`);
  await expect(page.getByRole('alert')).toContainText('This page has 2 console elements');
  await expect(page.getByLabel('API token')).toHaveCount(0);
  expect(evil.seen).toEqual([]);
  await host.close();
});

test.describe('signing out stops every call made with the token', () => {
  test('no retry follows a sign-out', async ({ page, sim, apiRequests }) => {
    await sim.fault('snapshot_list', { kind: 'status', status: 503 }, 3);
    await page.clock.install();
    const failed = page.waitForResponse((r) => r.url().includes('/api/v1/snapshots/') && r.status() === 503);
    await signInAt(page, sim.url('/'));
    await failed;
    await page.getByRole('button', { name: 'Sign out' }).click();
    const after = apiRequests.length;
    // Every retry's backoff (at most 10 s) runs out at once on the page's clock.
    await page.clock.runFor(15_000);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(apiRequests.slice(after).map((r) => r.url()), 'requests after sign-out').toEqual([]);
  });

  test('the list in flight is aborted', async ({ page, sim }) => {
    await sim.fault('snapshot_list', { kind: 'latency', ms: 4000 }, 1);
    const sent = page.waitForRequest((r) => r.url().includes('/api/v1/snapshots/'));
    await signInAt(page, sim.url('/'));
    const request = await sent;
    const aborted = page.waitForEvent('requestfailed', { predicate: (r) => r === request, timeout: 2000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect((await aborted).failure()?.errorText).toContain('ERR_ABORTED');
  });

  test('a late answer to the old token does not vouch for a new, wrong one', async ({ page, sim }) => {
    // The old token's list would succeed after 1.5 s; the wrong token's 401 comes at 3 s.
    await sim.fault('snapshot_list', { kind: 'latency', ms: 1500 }, 1);
    await sim.fault('snapshot_list', { kind: 'latency', ms: 3000 }, 1);
    const sent = page.waitForRequest((r) => r.url().includes('/api/v1/snapshots/'));
    await signInAt(page, sim.url('/'));
    await sent;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').fill('a-wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The API refused that token', { timeout: 6000 });
    await expect(page.getByText('Your session has ended')).toHaveCount(0);
  });
});
