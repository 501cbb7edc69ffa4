import { test, expect, signIn, row } from './fixtures';

test('each row shows server, name, status, size, time and description', async ({ page, sim }) => {
  await signIn(page, sim);
  const r = row(page, 'pre-migration-snapshot');
  await expect(r.getByRole('cell').nth(1)).toHaveText('web-server-01');
  await expect(r.getByRole('cell').nth(3)).toHaveText('Completed');
  await expect(r.getByText('5.0 GB')).toHaveAttribute('title', '5,120 MB');
  const time = r.locator('time');
  await expect(time).toHaveText(/years? ago/);
  await expect(time).toHaveAttribute('title', /2025/);
  await expect(r.getByRole('cell').nth(6)).toHaveText('Before major migration');
  await expect(row(page, 'postfix-config-test').getByRole('cell').nth(3)).toHaveText('Failed');
  // Only completed snapshots can be restored; the reason is given.
  const restoreFailed = row(page, 'postfix-config-test').getByRole('button', { name: /^Restore/ });
  await expect(restoreFailed).toBeDisabled();
  await expect(restoreFailed).toHaveAttribute('title', /only completed snapshots can be restored/);
});

test('quotas per server, and filtering by server', async ({ page, sim }) => {
  await signIn(page, sim);
  const quotas = page.getByRole('region', { name: 'Snapshots per server' });
  await expect(quotas.getByRole('button', { name: /db-primary-01 5 \/ 5/ })).toContainText('Limit reached');
  await expect(quotas.getByRole('button', { name: /web-server-01 2 \/ 5/ })).toBeVisible();
  await page.getByLabel('Filter by server').selectOption({ label: 'db-primary-01' });
  await expect(page.getByRole('row')).toHaveCount(1 + 5);
  await expect(page).toHaveURL(/server_id=12346/);
  await quotas.getByRole('button', { name: /mail-relay-01/ }).click();
  await expect(page.getByRole('row')).toHaveCount(1 + 2);
  await expect(page.getByLabel('Filter by server')).toHaveValue('12348');
});

test('?server_id= deep-links to one server', async ({ page, sim }) => {
  await signIn(page, sim, '?server_id=12345');
  await expect(page.getByRole('row')).toHaveCount(1 + 2);
  await expect(page.getByLabel('Filter by server')).toHaveValue('12345');
});

test('search by name or description, and sort', async ({ page, sim }) => {
  await signIn(page, sim);
  await page.getByLabel('Search').fill('MIGRATION');
  await expect(page.getByRole('row')).toHaveCount(1 + 2);
  await page.getByLabel('Search').fill('second try');
  await expect(page.getByRole('row')).toHaveCount(1 + 1);
  await expect(row(page, 'postfix-config-test-2')).toBeVisible();
  await page.getByLabel('Search').fill('no such thing');
  await expect(page.getByText('No snapshots match this filter.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all snapshots' }).click();
  await expect(page.getByRole('row')).toHaveCount(1 + 9);

  const names = async () => {
    const rows = (await page.getByRole('row').all()).slice(1);
    return Promise.all(rows.map((r) => r.getByRole('cell').nth(2).textContent()));
  };
  expect((await names())[0]).toBe('schema-migration-42');
  await page.getByLabel('Sort').selectOption({ label: 'Name (A–Z)' });
  await expect.poll(async () => { const byName = await names(); return byName.join() === [...byName].sort().join(); }).toBe(true);
  await page.getByLabel('Sort').selectOption({ label: 'Size (largest first)' });
  await expect.poll(async () => (await names()).slice(0, 3)).toEqual(['schema-migration-42', 'nightly-run-3', 'nightly-run-2']);
  await expect(page).toHaveURL(/sort=size/);
});

test.describe('with no snapshots', () => {
  test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'empty', consoleDir: require('node:path').resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });
  test('the empty state says what to do', async ({ page, sim }) => {
    await page.goto(sim.url('/'));
    await page.getByLabel('API token').fill('e2e-token-7c1f0a');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('No snapshots yet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create snapshot' })).toBeEnabled();
  });
});

test('refresh fetches what others changed, visibly', async ({ page, sim }) => {
  await page.clock.install();
  await signIn(page, sim);
  await sim.api('POST', '/snapshots/', { server_id: 12348, name: 'made-elsewhere' });
  await page.clock.runFor(5200);
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row(page, 'made-elsewhere')).toBeVisible();
  await expect(page.getByText('Updated just now')).toBeVisible();
});

test('when the API cannot be reached, the list stays and the error is plain', async ({ page, sim }) => {
  await signIn(page, sim);
  sim.stop();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not reach the API to load the snapshots');
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(1 + 9);
});

test('server strings are rendered as text, never as HTML', async ({ page, sim }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
  await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'html-test', description: hostile });
  await signIn(page, sim);
  const cell = row(page, 'html-test').getByRole('cell').nth(6);
  await expect(cell).toHaveText(hostile);
  await expect(cell.locator('img, script, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});
