import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, row, TOKEN } from './fixtures';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');

test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

// The example portal's two host pages: one with its own plain styles, one built on Bootstrap 5
// (global rules on button, table, h1, a, select, input), each pinning the console to a server.
const HOSTS = [
  { file: 'index.html', title: 'Acme Hosting · Admin Portal', heading: 'Server web-server-01' },
  { file: 'bootstrap.html', title: 'Acme Cloud · web-server-01', heading: 'web-server-01' },
];

/** Computed styles of the host's own heading, button and table, which the console must leave
 *  as they are. */
async function hostStyles(page: import('@playwright/test').Page, heading: string) {
  const pick = (el: Element) => {
    const c = getComputedStyle(el);
    return [c.fontFamily, c.fontSize, c.lineHeight, c.color, c.backgroundColor, c.borderRadius, c.padding, c.margin].join(' | ');
  };
  return {
    heading: await page.getByRole('heading', { name: heading, exact: true }).evaluate(pick),
    link: await page.getByRole('link', { name: 'Billing' }).first().evaluate(pick),
    body: await page.locator('body').evaluate(pick),
  };
}

for (const host of HOSTS) {
  test(`embedded in ${host.file}: the console works and the host keeps its page`, async ({ page, sim }) => {
    const html = fs.readFileSync(path.join(PORTAL, host.file), 'utf8');
    const htmlAttributes = /<html([^>]*)>/.exec(html)![1].trim().split(/\s+/).sort();
    await page.goto(sim.url(`/${host.file}`));
    const steps = await page.evaluate(() => history.length);
    const console = page.getByRole('region', { name: 'Snapshots of web-server-01' });
    await console.getByLabel('API token').fill(TOKEN);
    await console.getByRole('button', { name: 'Sign in' }).click();

    // Pinned to server 12345 by the host: only its snapshots, under a heading naming it.
    await expect(console.getByRole('table', { name: 'Snapshots' })).toBeVisible();
    await expect(console.getByRole('heading', { name: 'Snapshots of web-server-01' })).toBeVisible();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    await expect(console.getByRole('row')).toHaveCount(1 + 2);

    await console.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
    await dialog.getByLabel('Name').fill('from-the-portal');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(row(page, 'from-the-portal')).toBeVisible();
    expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(3);

    // The notice stays inside the console's box, over none of the host's controls.
    const notice = console.getByRole('status', { name: 'Notifications' }).getByText('from-the-portal');
    await expect(notice).toBeVisible();
    const inner = (await notice.boundingBox())!;
    const outer = (await page.locator('[data-snapshot-console]').boundingBox())!;
    expect(inner.x).toBeGreaterThanOrEqual(outer.x);
    expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);

    // The host's page is untouched: title, <html> attributes, URL, and its own styles (the
    // same with the console's stylesheet as without it).
    await expect(page).toHaveTitle(host.title);
    expect(await page.evaluate(() => Array.from(document.documentElement.attributes).map((a) => `${a.name}="${a.value}"`).sort()))
      .toEqual(htmlAttributes);
    // A sort is a history step on the console's own page; embedded, it is none of the host's.
    // By size, the new snapshot (no size yet) leaves the top it has when newest first.
    await console.getByLabel('Sort').selectOption({ label: 'Size (largest first)' });
    await expect(console.getByRole('row').nth(1)).toContainText('pre-migration-snapshot');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => history.length)).toBe(steps);
    const withConsole = await hostStyles(page, host.heading);
    await page.evaluate(() => document.querySelector('link[href="console/console.css"]')!.remove());
    expect(await hostStyles(page, host.heading)).toEqual(withConsole);

    // The host's links still work.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Billing' }).click();
    await expect(page).toHaveURL(/billing\.html$/);
    await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  });
}

test('the console\'s own page follows the light and dark colour schemes', async ({ page, sim }) => {
  const background = async (scheme: 'light' | 'dark') => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(sim.url('/console/index.html'));
    // The sign-in card: the box around the page's heading.
    const heading = page.getByRole('main').getByRole('heading', { name: 'Snapshot Console' });
    await expect(heading).toBeVisible();
    return heading.evaluate((e) => getComputedStyle(e.parentElement!).backgroundColor);
  };
  const light = await background('light');
  const dark = await background('dark');
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).not.toBe(light);
});

test('one click makes one snapshot even when the browser itself resends the POST', async ({ page, sim, apiRequests }) => {
  // The portal sets data-idempotency-keys. The "drop" fault closes the connection after the
  // create happened and before any byte of the answer: Chromium then resends the POST by
  // itself on a fresh connection, with the same Idempotency-Key.
  await page.goto(sim.url('/index.html'));
  const console = page.getByRole('region', { name: 'Snapshots of web-server-01' });
  await console.getByLabel('API token').fill(TOKEN);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await sim.fault('snapshot_create', { kind: 'drop' }, 1);
  await console.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('one-click');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(row(page, 'one-click')).toBeVisible();
  const posts = apiRequests.filter((r) => r.method() === 'POST');
  expect(posts).toHaveLength(1);
  expect(await posts[0].headerValue('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  // The simulator saw the POST twice (the browser's resend), and made one snapshot.
  const arrived = sim.logs.join('').split('\n').filter((l) => /method=POST uri=\/api\/v1\/snapshots\/ .*finished processing/.test(l));
  expect(arrived).toHaveLength(2);
  const list = (await sim.api('GET', '/snapshots/?server_id=12345')).json;
  expect(list.results.filter((s: { name: string }) => s.name === 'one-click')).toHaveLength(1);
  expect(list.count).toBe(3);
});
