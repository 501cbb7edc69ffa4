// The console as a portal drives it: <snapshot-console>, the host's token (getToken), its
// events and refresh(), in host pages made here and served with the portal's own CSP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Page } from '@playwright/test';
import { test, expect, row, TOKEN, Sim } from './fixtures';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');
const CSP = fs.readFileSync(path.join(PORTAL, 'csp.txt'), 'utf8').trim();
const EVENTS = ['sc-ready', 'sc-signed-out', 'sc-auth-required', 'sc-snapshot-created', 'sc-error',
  'sc-snapshot-restore-started', 'sc-snapshot-deleted'];

test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

/** A plain host page holding `<snapshot-console attributes>`, served at /host/NAME.html on
 *  the simulator's origin with the portal's CSP (no inline script: the host's part is run
 *  by the test, as a host's own script would). */
async function host(page: Page, sim: Sim, attributes: string, tokens: (string | null)[] | null) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <link rel="stylesheet" href="/console/console.css"></head>
    <body><h1>Host portal</h1><snapshot-console ${attributes}></snapshot-console>
    <script type="module" src="/console/embed.js"></script></body></html>`;
  await page.route(sim.url('/host/page.html'), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': CSP }, body: html }));
  // The host's script: it sets getToken as soon as the element is parsed, before embed.js
  // defines it (the property must survive the upgrade), and records every sc- event.
  await page.addInitScript(({ tokens, names }) => {
    const w = window as any;
    w.__events = [];
    w.__tokenCalls = 0;
    for (const name of names) {
      addEventListener(name, (e: any) => w.__events.push({ type: e.type, detail: e.detail, composed: e.composed }));
    }
    if (tokens === null) return;
    new MutationObserver((_, observer) => {
      const element = document.querySelector('snapshot-console');
      if (!element) return;
      observer.disconnect();
      (element as any).getToken = () => {
        const token = tokens[Math.min(w.__tokenCalls, tokens.length - 1)];
        w.__tokenCalls += 1;
        return Promise.resolve(token);
      };
    }).observe(document, { childList: true, subtree: true });
  }, { tokens, names: EVENTS });
  await page.goto(sim.url('/host/page.html'));
}

const events = (page: Page) => page.evaluate(() => (window as any).__events as { type: string; detail: any; composed: boolean }[]);
const tokenCalls = (page: Page) => page.evaluate(() => (window as any).__tokenCalls as number);

test('a host that hands over its token: the list shows with no sign-in, and the token is in no attribute or event', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveCount(0);
  expect(await tokenCalls(page)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TOKEN);
  const ready = (await events(page)).filter((e) => e.type === 'sc-ready');
  expect(ready).toHaveLength(1);
  expect(ready[0].composed).toBe(true);
  expect(JSON.stringify(await events(page))).not.toContain(TOKEN);
});

test('a refused token is followed by one more getToken call, whose token is used', async ({ page, sim, apiRequests }) => {
  await host(page, sim, '', ['stale-token-4d2e', TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  expect(await tokenCalls(page)).toBe(2);
  await expect(page.getByLabel('API token')).toHaveCount(0);
  expect((await events(page)).map((e) => e.type)).not.toContain('sc-auth-required');
  // The read was tried with each token once: no more.
  const lists = apiRequests.filter((r) => r.method() === 'GET');
  expect(lists.map((r) => r.headers()['authorization'])).toEqual(['Bearer stale-token-4d2e', `Bearer ${TOKEN}`]);
});

for (const [what, tokens] of [['refused tokens', ['stale-token-4d2e', 'stale-token-9a1b']], ['no token', [null]]] as const) {
  test(`a host that gives ${what}: sc-auth-required, and the console's own sign-in`, async ({ page, sim }) => {
    await host(page, sim, '', [...tokens]);
    await expect(page.getByLabel('API token')).toBeVisible();
    await expect.poll(() => events(page).then((e) => e.filter((x) => x.type === 'sc-auth-required').length)).toBe(1);
    // One call at the start, and for a refused token one more.
    expect(await tokenCalls(page)).toBe(tokens[0] === null ? 1 : 2);
    // The user signs in by hand; the console goes on.
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  });
}

test('each operation fires its event once, with the snapshot and server', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();

  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const create = page.getByRole('dialog', { name: 'Create snapshot' });
  await create.getByLabel('Name').fill('from-the-host');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(row(page, 'from-the-host')).toBeVisible();
  const created = (await sim.api('GET', '/snapshots/?server_id=12345')).json.results.find((s: any) => s.name === 'from-the-host');

  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore snapshot' });
  await restore.getByRole('checkbox', { name: "Snapshot the server's current state first" }).uncheck();
  await restore.getByLabel(/Type the server's name/).fill('web-server-01');
  await restore.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect.poll(() => events(page).then((e) => e.filter((x) => x.type === 'sc-snapshot-restore-started').length)).toBe(1);

  const byType = (type: string) => events(page).then((e) => e.filter((x) => x.type === type));
  expect(await byType('sc-snapshot-created')).toEqual([{
    type: 'sc-snapshot-created', composed: true,
    detail: { snapshot: { id: created.id, name: 'from-the-host' }, server: { id: 12345, name: 'web-server-01' } },
  }]);
  // The simulator's log shows the restore (so its absence below, after a veto, means something).
  expect(arrived(sim, 'POST', /restore/)).toHaveLength(1);
  const restored = (await byType('sc-snapshot-restore-started'))[0];
  expect(restored.detail.snapshot.name).toBe('pre-migration-snapshot');
  expect(restored.detail.server).toEqual({ id: 12345, name: 'web-server-01' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('API token')).toBeVisible();
  expect((await byType('sc-signed-out')).length).toBe(1);
  expect(JSON.stringify(await events(page))).not.toContain(TOKEN);
});

test('a delete fires sc-snapshot-deleted once the API deleted it', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Delete pre-migration-snapshot' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'pre-migration-snapshot')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => events(page).then((e) => e.filter((x) => x.type === 'sc-snapshot-deleted').map((x) => x.detail.snapshot.name)))
    .toEqual(['pre-migration-snapshot']);
});

test('refresh() reads the list again, for a host that knows it changed', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'made-elsewhere' });
  await expect(row(page, 'made-elsewhere')).toHaveCount(0);
  await page.locator('snapshot-console').evaluate((e: any) => e.refresh());
  await expect(row(page, 'made-elsewhere')).toBeVisible();
});

test.describe('a token the API refuses at a write', () => {
  const FRESH = 'e2e-fresh-token-5b3c';
  test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: PORTAL, extraArgs: ['--token', FRESH] } });

  test('is renewed from the host, the write is not resent, and the user tries again with the fresh token', async ({ page, sim, apiRequests }) => {
    await host(page, sim, 'server-id="12345"', [TOKEN, FRESH]);
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    await sim.control('/revoke', { token: TOKEN });
    const posts = () => apiRequests.filter((r) => r.method() === 'POST').map((r) => r.headers()['authorization']);

    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const create = page.getByRole('dialog', { name: 'Create snapshot' });
    await create.getByLabel('Name').fill('after-renewal');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toContainText('The API refused the token, so nothing was changed. Try again.');
    expect(await tokenCalls(page)).toBe(2);
    expect(posts()).toEqual([`Bearer ${TOKEN}`]);
    await expect(create.getByLabel('Name')).toHaveValue('after-renewal');

    await create.getByRole('button', { name: 'Create' }).click();
    await expect(row(page, 'after-renewal')).toBeVisible();
    expect(posts()).toEqual([`Bearer ${TOKEN}`, `Bearer ${FRESH}`]);
    await expect(page.getByLabel('API token')).toHaveCount(0);
    expect((await events(page)).map((e) => e.type)).not.toContain('sc-auth-required');
  });
});

test('a second element added after the console started says why it stays empty, and the first keeps working', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await page.evaluate(() => document.body.append(document.createElement('snapshot-console')));
  const second = page.locator('snapshot-console').nth(1);
  await expect(second.getByRole('alert')).toHaveText(/This page has 2 console elements; the console runs in exactly one/);
  await expect(second.getByRole('table')).toHaveCount(0);
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/snapshots/') && r.request().method() === 'GET');
  await page.getByRole('button', { name: 'Refresh' }).click();
  expect((await listed).status()).toBe(200);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  expect(await tokenCalls(page)).toBe(1);
});

test('an element that replaces the removed one (a single-page portal changing view) gets a console of its own', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('snapshot-console')!.remove();
    const next = document.createElement('snapshot-console');
    next.setAttribute('server-id', '12345');
    document.body.append(next);
  });
  await expect(page.locator('snapshot-console')).toHaveCount(1);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an unusable theme stops the console with a message, as other settings do', async ({ page, sim }) => {
  await host(page, sim, 'theme="midnight"', [TOKEN]);
  await expect(page.getByText('The theme setting "midnight" must be auto, light or dark.')).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveCount(0);
  expect(await tokenCalls(page)).toBe(0);
});

/** The simulator's own log lines for requests of `method` to a path matching `uri`. */
const arrived = (sim: Sim, method: string, uri: RegExp) =>
  sim.logs.join('').split('\n').filter((l) => l.includes(`method=${method}`) && uri.test(l) && /finished processing/.test(l));

test('a host that cancels sc-before-snapshot-restore: nothing is sent, and the user reads the host\'s reason', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await page.locator('snapshot-console').evaluate((e) => e.addEventListener('sc-before-snapshot-restore', (event: any) => {
    (window as any).__vetoed = event.detail;
    event.detail.reason = 'Restores of production servers need a change ticket.';
    event.preventDefault();
  }));
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByRole('checkbox', { name: "Snapshot the server's current state first" }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toContainText('Could not start the restore: Restores of production servers need a change ticket. Nothing was sent.');
  expect(await page.evaluate(() => (window as any).__vetoed)).toMatchObject({
    snapshot: { name: 'pre-migration-snapshot' }, server: { id: 12345, name: 'web-server-01' },
  });
  expect(arrived(sim, 'POST', /restore/)).toEqual([]);
  expect((await events(page)).map((e) => e.type)).not.toContain('sc-snapshot-restore-started');
});

test('a host that cancels sc-before-snapshot-delete without a reason: nothing is sent, in the console\'s own words', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await page.locator('snapshot-console').evaluate((e) => e.addEventListener('sc-before-snapshot-delete', (event) => event.preventDefault()));
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Delete pre-migration-snapshot' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  // After the undo window the write would go: the host stops it there.
  await expect(page.getByText('Could not delete snapshot pre-migration-snapshot: this page does not allow it. Nothing was sent.'))
    .toBeVisible({ timeout: 15_000 });
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  expect(arrived(sim, 'DELETE', /snapshots/)).toEqual([]);
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.results.map((s: any) => s.name)).toContain('pre-migration-snapshot');
});

test('a write the API refuses fires sc-error with the operation and what it was about', async ({ page, sim }) => {
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await sim.fault('snapshot_create', { kind: 'status', status: 500 }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('doomed');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => events(page).then((e) => e.filter((x) => x.type === 'sc-error').map((x) => x.detail)))
    .toEqual([{ operation: 'create', server: { id: 12345 } }]);
  expect((await events(page)).map((e) => e.type)).not.toContain('sc-snapshot-created');
});

test('in a host page, Copy as… and Export fetch their code from the console\'s folder, under the portal\'s CSP', async ({ page, sim, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const fetched: string[] = [];
  page.on('request', (r) => { if (/\/tools\//.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  await host(page, sim, 'server-id="12345"', [TOKEN]);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  const copy = page.getByRole('group').filter({ hasText: 'Copy as…' });
  await copy.getByText('Copy as…', { exact: true }).click();
  await copy.getByRole('button', { name: 'cURL' }).click();
  await expect(copy.getByRole('status')).toHaveText('Copied as cURL. It reads the token from VPS_API_TOKEN.');
  expect(fetched.sort()).toEqual(['/console/tools/snapshot_tools.js', '/console/tools/snapshot_tools_bg.wasm']);
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain(`curl -X GET "${sim.url('/api/v1/snapshots/?server_id=12345')}"`);
  expect(curl).not.toContain(TOKEN);
  const exportMenu = page.getByRole('group').filter({ hasText: 'Export' });
  await exportMenu.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu.getByRole('button', { name: 'JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^snapshots-web-server-01-\d{4}-\d\d-\d\d\.json$/);
});
