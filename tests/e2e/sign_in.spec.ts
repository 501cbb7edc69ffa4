import { test, expect, signIn, row, TOKEN, startSim } from './fixtures';
import { installClock } from './clock';

test('a wrong token gets a clear message and is not kept', async ({ page, sim }) => {
  await page.goto(sim.url('/'));
  await page.getByLabel('API token').fill('not-the-right-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The API refused that token');
  // Focus is back on the (cleared) field, which says why as its description.
  const field = page.getByLabel('API token');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await expect(field).toHaveAccessibleDescription(/^The API refused that token/);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('an empty token is refused before anything is sent', async ({ page, sim, apiRequests }) => {
  await page.goto(sim.url('/'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The API token is empty')).toBeVisible();
  expect(apiRequests).toHaveLength(0);
});

test('signing in lists every server\'s snapshots and survives a reload', async ({ page, sim }) => {
  await signIn(page, sim);
  // Focus lands on the list's heading, where the user's work starts.
  await expect(page.getByRole('heading', { name: 'Snapshots', level: 1 })).toBeFocused();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(row(page, 'nightly-run-1')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(1 + 9);
  await page.reload();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
});

test('sign out removes the token and the data on screen', async ({ page, sim }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('API token')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Snapshots' })).toHaveCount(0);
  await expect(page.getByText('pre-migration-snapshot')).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByLabel('API token')).toBeVisible();
});

test('a token revoked later gives one sign-in prompt and the user keeps their place', async ({ page, sim, simOptions, apiRequests }) => {
  await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'pending-one' });
  await installClock(page);
  await signIn(page, sim, '?server_id=12345');
  await page.getByLabel('Search').fill('pre');
  await expect(page.getByRole('row')).toHaveCount(2);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: /^Restore/ }).click();
  const restore = page.getByRole('dialog', { name: 'Restore snapshot' });
  await restore.getByLabel(/Type the server's name/).fill('web-server-01');

  // The service stops accepting the token (a new simulator on the same address).
  const revoked = await sim.restart({ ...simOptions, token: 'another-token' });
  try {
    // Several requests fail at once: a restore, and a refresh (the tab showing again while a
    // snapshot is in progress), sent from the same script turn.
    const confirm = await restore.getByRole('button', { name: 'Restore', exact: true }).elementHandle();
    const sentBefore = apiRequests.length;
    await page.evaluate((button) => {
      (button as HTMLButtonElement).click();
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, confirm);
    await expect(page.getByLabel('API token')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('alert')).toContainText('Your session has ended');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(apiRequests.length - sentBefore, 'both requests went out').toBeGreaterThanOrEqual(2);

    // No request after the prompt carries the old token: a minute of the page's timers, past
    // every retry's backoff and poll delay, sends nothing.
    const before = apiRequests.length;
    await page.clock.runFor(60_000);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(apiRequests.length).toBe(before);

    // Signing in with the new token: same filter and search as before.
    await page.getByLabel('API token').fill('another-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Search')).toHaveValue('pre');
    await expect(page.getByLabel('Filter by server')).toHaveValue('12345');
    await expect(page.getByRole('row')).toHaveCount(2);
    expect(page.url()).toContain('server_id=12345');
  } finally {
    revoked.stop();
  }
});

test('the token lives in one sessionStorage key and nowhere else', async ({ page, context, sim }) => {
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  await signIn(page, sim);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Cancel' }).click();

  const stored = await page.evaluate(() => ({
    session: Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]),
    local: localStorage.length,
    cookie: document.cookie,
    url: location.href,
    state: JSON.stringify(history.state),
  }));
  expect(stored.session).toEqual([['snapshot-console.token', TOKEN]]);
  expect(stored.local).toBe(0);
  expect(stored.cookie).toBe('');
  expect(stored.url).not.toContain(TOKEN);
  expect(stored.state).not.toContain(TOKEN);
  expect(await context.cookies()).toEqual([]);
  expect(logged.join('\n')).not.toContain(TOKEN);
  expect(sim.logs.join('')).not.toContain(TOKEN);
});

test('a signed-in tab reads its list while the wasm loads, and only once', async ({ page, sim, apiRequests }) => {
  await page.addInitScript((t) => sessionStorage.setItem('snapshot-console.token', t), TOKEN);
  const order: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/snapshots/') order.push('list sent'); });
  page.on('requestfinished', (r) => { if (r.url().endsWith('_bg.wasm')) order.push('wasm loaded'); });
  await page.goto(sim.url('/'));
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  expect(order).toEqual(['list sent', 'wasm loaded']);
  expect(apiRequests.filter((r) => r.method() === 'GET')).toHaveLength(1);
  // Only the first read is the page's: a refresh is the console's own.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => apiRequests.filter((r) => r.method() === 'GET').length).toBe(2);
});
