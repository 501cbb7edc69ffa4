import { test, expect, signIn, row } from './fixtures';
import { axeViolations } from './layout';

const posts = (requests: import('@playwright/test').Request[]) =>
  requests.filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/snapshots/');

test('create: a valid default name, the advice, and the new row at once', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12345');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('stop the server first');
  await expect(dialog.getByLabel('Server', { exact: true })).toHaveValue('12345');
  await expect(dialog.getByLabel('Name')).toHaveValue(/^web-server-01-\d{8}-\d{4}$/);
  await dialog.getByLabel('Name').fill('before-php-upgrade');
  await dialog.getByLabel('Description').fill('PHP 8.4');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  const created = row(page, 'before-php-upgrade');
  await expect(created).toBeVisible();
  await expect(created.getByRole('cell').nth(3)).toHaveText('In progress');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('This may take 3-10 minutes');
  expect(posts(apiRequests)).toHaveLength(1);
  expect(JSON.parse(posts(apiRequests)[0].postData()!)).toEqual({ server_id: 12345, name: 'before-php-upgrade', description: 'PHP 8.4' });
  await expect(page.getByRole('button', { name: /web-server-01 3 \/ 5/ })).toBeVisible();
});

test('a double click on Create sends exactly one POST', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12347');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Server', { exact: true }).selectOption({ label: 'Another server (enter its ID)…' });
  await dialog.getByLabel('Server ID').fill('12347');
  await dialog.getByLabel('Name').fill('double-click');
  await dialog.getByRole('button', { name: 'Create' }).dblclick();
  // Both clicks were handled before dblclick() returned, and a POST either of them started
  // went out before the first answer put the row on screen: by then every POST is counted.
  await expect(row(page, 'double-click')).toBeVisible();
  expect(posts(apiRequests)).toHaveLength(1);
  const listed = await sim.api('GET', '/snapshots/?server_id=12347');
  expect(listed.json.count).toBe(1);
});

test('the name is checked as it is typed, with a specific message', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  const name = dialog.getByLabel('Name');
  await name.fill('my snapshot');
  await expect(dialog.getByText('a space is not allowed')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  await name.fill('x'.repeat(65));
  await expect(dialog.getByText('Use at most 64 characters (this name has 65).')).toBeVisible();
  await name.fill('');
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await name.fill('fine_name-1');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeEnabled();
  expect(posts(apiRequests)).toHaveLength(0);
});

test('Create is disabled, with the reason, when the server has 5', async ({ page, sim }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Server', { exact: true }).selectOption({ label: 'db-primary-01 (5 / 5)' });
  await expect(dialog.getByText('db-primary-01 already has 5 of 5 snapshots')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
});

test('a server ID that is not one disables Create, as a bad name does', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Server', { exact: true }).selectOption({ label: 'Another server (enter its ID)…' });
  const create = dialog.getByRole('button', { name: 'Create', exact: true });
  await dialog.getByLabel('Server ID').fill('web-01');
  await expect(dialog.getByLabel('Server ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeDisabled();
  await dialog.getByLabel('Server ID').fill('12345');
  await expect(create).toBeEnabled();
  await dialog.getByLabel('Name').fill('has space');
  await expect(create).toBeDisabled();
  expect(apiRequests.filter((r) => r.method() === 'POST')).toHaveLength(0);
});

test('a 404 for an unknown server shows on the Server field', async ({ page, sim }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Server', { exact: true }).selectOption({ label: 'Another server (enter its ID)…' });
  await dialog.getByLabel('Server ID').fill('99999');
  await dialog.getByLabel('Name').fill('ghost');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('There is no server with ID 99999')).toBeVisible();
  await expect(dialog.getByLabel('Server', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Server ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveValue('ghost');
});

test('a 400 limit from the API (someone else filled the server) shows on the Server field', async ({ page, sim }) => {
  await signIn(page, sim, '?server_id=12345');
  for (const name of ['other-1', 'other-2', 'other-3']) {
    expect((await sim.api('POST', '/snapshots/', { server_id: 12345, name })).status).toBe(201);
  }
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('one-too-many');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Snapshot limit reached: web-server-01 already has 5 of 5 snapshots')).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('creating on a server that is being restored is explained', async ({ page, sim }) => {
  await signIn(page, sim, '?server_id=12345');
  expect((await sim.api('POST', '/snapshots/801/restore/')).status).toBe(200);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('web-server-01 is being restored from a snapshot')).toBeVisible();
});

test('the whole create flow works with the keyboard alone, and focus comes back', async ({ page, sim }) => {
  await signIn(page, sim, '?server_id=12348');
  const open = page.getByRole('button', { name: 'Create snapshot' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Server', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('typed-by-keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.type('no mouse');
  await dialog.getByLabel('Name').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(page, 'typed-by-keyboard')).toBeVisible();
  await expect(open).toBeFocused();
});

test('Escape then Enter at once on the opener opens the dialog again, and it stays open', async ({ page, sim }) => {
  await signIn(page, sim, '?server_id=12348');
  const open = page.getByRole('button', { name: 'Create snapshot' });
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  for (let i = 0; i < 5; i++) {
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    // Listens (before Escape) for the `close` event the browser queues when Escape shuts it.
    const closing = await dialog.evaluateHandle((d) => ({
      closed: new Promise<void>((r) => d.addEventListener('close', () => r(), { once: true })),
    }));
    // No wait between: the browser's late `close` event must not shut the reopened dialog.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await closing.evaluate((c) => c.closed);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('at the limit, deleting the oldest makes room: the DELETE first, the create only after it', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12346');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await expect(dialog.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  // No failed snapshot on db-primary-01: the oldest completed one is offered.
  const room = dialog.getByRole('checkbox', { name: 'Delete pg16-before-upgrade first to make room' });
  await room.check();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByLabel('Name').fill('after-room');
  // The DELETE's answer held back a second: the create must wait for it, not go alongside.
  await sim.fault('snapshot_delete', { kind: 'latency', ms: 1_000 }, 1);
  let deleteDone = 0;
  let postAt = 0;
  page.on('requestfinished', (r) => { if (r.method() === 'DELETE') deleteDone = Date.now(); });
  page.on('request', (r) => { if (r.method() === 'POST') postAt = Date.now(); });
  await dialog.getByRole('button', { name: 'Delete and create' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'after-room')).toBeVisible();
  await expect(row(page, 'pg16-before-upgrade')).toHaveCount(0);
  const writes = apiRequests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
  expect(writes).toEqual(['DELETE /api/v1/snapshots/790/', 'POST /api/v1/snapshots/']);
  expect(deleteDone).toBeGreaterThan(0);
  expect(postAt).toBeGreaterThanOrEqual(deleteDone);
});

test('at the limit, a failed delete sends no create', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12346');
  await sim.fault('snapshot_delete', { kind: 'status', status: 500 }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByRole('checkbox', { name: /first to make room$/ }).check();
  await dialog.getByRole('button', { name: 'Delete and create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('delete snapshot pg16-before-upgrade');
  await expect(dialog).toBeVisible();
  expect(apiRequests.filter((r) => r.method() === 'POST')).toHaveLength(0);
  expect(apiRequests.filter((r) => r.method() === 'DELETE')).toHaveLength(1);
});
