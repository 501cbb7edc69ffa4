import * as path from 'node:path';
import { test, expect, row, TOKEN } from './fixtures';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');

test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

test('embedded in a host portal: the console works and the host keeps its page', async ({ page, sim, pageErrors }) => {
  await page.goto(sim.url('/index.html'));
  const console = page.getByRole('region', { name: 'Snapshots of web-server-01' });
  await console.getByLabel('API token').fill(TOKEN);
  await console.getByRole('button', { name: 'Sign in' }).click();

  // Pinned to server 12345 by the host: only its snapshots.
  await expect(console.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(1 + 2);

  await console.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('from-the-portal');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(row(page, 'from-the-portal')).toBeVisible();
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(3);

  // The host's page is untouched: title, <html> attributes, URL, styles.
  await expect(page).toHaveTitle('Acme Hosting · Admin Portal');
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.portalTheme,
    document.documentElement.getAttribute('class'), document.documentElement.getAttribute('style')]))
    .toEqual(['en-GB', 'corporate', null, null]);
  expect(new URL(page.url()).search).toBe('');
  const hostFont = await page.getByRole('heading', { name: 'Server web-server-01' }).evaluate((e) => getComputedStyle(e).fontFamily);
  expect(hostFont).toContain('Georgia');

  // The host's links still work: an in-page anchor, then another page.
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Support' }).click();
  await expect(page).toHaveURL(/#support$/);
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page).toHaveURL(/billing\.html$/);
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
});

test('the console\'s own page follows the light and dark colour schemes', async ({ page, sim, pageErrors }) => {
  const background = async (scheme: 'light' | 'dark') => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(sim.url('/console/index.html'));
    const signIn = page.getByRole('main');
    await expect(signIn).toBeVisible();
    return signIn.evaluate((e) => getComputedStyle(e).backgroundColor);
  };
  const light = await background('light');
  const dark = await background('dark');
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).not.toBe(light);
});

test('one click makes one snapshot even when the browser itself resends the POST', async ({ page, sim, apiRequests, pageErrors }) => {
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
