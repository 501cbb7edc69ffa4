// The console under the faults the simulator can produce with --test-control.
import { test, expect, signIn, row, TOKEN } from './fixtures';
import type { Request } from '@playwright/test';
import { installClock } from './clock';

const gets = (rs: Request[]) => rs.filter((r) => r.method() === 'GET');
const posts = (rs: Request[]) => rs.filter((r) => r.method() === 'POST');

test('a read retries twice on transient failures, then succeeds', async ({ page, sim, apiRequests }) => {
  await sim.fault('snapshot_list', { kind: 'status', status: 503 }, 2);
  await signIn(page, sim);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  expect(gets(apiRequests)).toHaveLength(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a read gives up after two retries and keeps the list', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await sim.fault('snapshot_list', { kind: 'status', status: 503 }, 3);
  const before = gets(apiRequests).length;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText('The API failed while trying to load the snapshots (error 503)');
  expect(gets(apiRequests).length - before).toBe(3);
  await expect(page.getByRole('row')).toHaveCount(1 + 9);
});

// Retry-After (seconds and dates) is the core client loop's decision, tested natively in
// crates/snapshot-api/tests/client.rs; the two tests above prove the console wires that loop.

test('a POST is never retried; a failed create is reconciled by reading the list', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12347');
  await sim.fault('snapshot_create', { kind: 'close' }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await expect(dialog.getByLabel('Server', { exact: true })).toHaveValue('12347');
  await dialog.getByLabel('Name').fill('answer-lost');
  const before = gets(apiRequests).length;
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('may have been created all the same');
  // The list was read again and shows that the create did happen; nothing was resent.
  await expect(row(page, 'answer-lost')).toBeVisible();
  expect(posts(apiRequests)).toHaveLength(1);
  expect(gets(apiRequests).length).toBeGreaterThan(before);
  expect((await sim.api('GET', '/snapshots/?server_id=12347')).json.count).toBe(1);
});

test('a 503 on create is shown once, not retried', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim, '?server_id=12345');
  await sim.fault('snapshot_create', { kind: 'status', status: 503 }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('error 503');
  // Past any retry's backoff (at most 10 s, and jitter) on the page's clock: nothing resent.
  await page.clock.runFor(15_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(posts(apiRequests)).toHaveLength(1);
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(2);
});

test('a read that hangs times out after 15 s, and the console stays usable', async ({ page, sim }) => {
  test.setTimeout(60_000);
  await signIn(page, sim);
  await sim.fault('snapshot_list', { kind: 'hang' }, 3);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refreshing…' })).toBeVisible();
  // Still usable while waiting: a dialog opens and closes.
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await page.getByRole('dialog', { name: 'Create snapshot' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('did not answer within 15 seconds', { timeout: 55_000 });
  await expect(page.getByRole('row')).toHaveCount(1 + 9);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Updated just now')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// Dropping an answer a newer read or a write overtook is the model's decision, tested
// natively in app/src/model/list.rs (an_answer_overtaken_by_a_newer_read_or_a_write_is_dropped).

test('offline shows a banner, pauses polling and resumes when back', async ({ page, context, sim, apiRequests }) => {
  await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'in-flight' });
  await installClock(page);
  await signIn(page, sim);
  await context.setOffline(true);
  await expect(page.getByText('You are offline.')).toBeVisible();
  // A minute of the page's timers, past every poll delay: no request while offline.
  const before = apiRequests.length;
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(apiRequests.length).toBe(before);
  await sim.control('/advance');
  await context.setOffline(false);
  await expect(page.getByText('You are offline.')).toHaveCount(0);
  await expect(row(page, 'in-flight').getByRole('cell').nth(3)).toHaveText('Completed');
});

test('a token revoked while polling gives one prompt; no later request carries it', async ({ page, sim, apiRequests }) => {
  await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'polling' });
  await installClock(page);
  await signIn(page, sim);
  await sim.control('/revoke', { token: TOKEN });
  // The next poll (2 s on) is refused.
  await page.clock.runFor(2_000);
  await expect(page.getByLabel('API token')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('Your session has ended');
  // A minute of the page's timers, past every poll delay and retry: nothing more is sent.
  const after = apiRequests.length;
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(apiRequests.slice(after)).toHaveLength(0);
});

for (const body of ['malformed', 'truncated', 'html', 'empty', 'huge']) {
  test(`a ${body} body keeps the list, and the next action works`, async ({ page, sim }) => {
    await signIn(page, sim);
    await sim.fault('snapshot_list', { kind: 'body', body }, 3);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('alert')).toContainText('was not in the expected format');
    await expect(page.getByRole('row')).toHaveCount(1 + 9);
    await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
    // Gone after the real 5 s undo window: more than the default wait leaves on a busy machine.
    await expect(row(page, 'weekly-snapshot-2025-01-08')).toHaveCount(0, { timeout: 15_000 });
  });
}

test('a create that hangs ends at the 30 s write deadline, is reconciled, and not resent', async ({ page, sim, apiRequests }) => {
  test.setTimeout(75_000);
  await signIn(page, sim, '?server_id=12347');
  await sim.fault('snapshot_create', { kind: 'hang' }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('never-answered');
  const before = gets(apiRequests).length;
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  await expect(dialog.getByRole('alert')).toContainText('did not answer within 30 seconds', { timeout: 40_000 });
  await expect(dialog.getByRole('alert')).toContainText('may have been created all the same');
  await expect.poll(() => gets(apiRequests).length).toBeGreaterThan(before);
  expect(posts(apiRequests)).toHaveLength(1);
  await expect(row(page, 'never-answered')).toHaveCount(0);
});

test('an API that cannot be reached is told as that, with no word of redirects', async ({ page, sim }) => {
  await signIn(page, sim);
  // Every attempt of the read (the first and its two retries) loses its connection.
  await sim.fault('snapshot_list', { kind: 'close' }, 3);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not reach the API to load the snapshots. Check the connection and try again.');
  await expect(alert).not.toContainText('redirect');
});

test('a failed delete names its snapshot', async ({ page, sim }) => {
  await installClock(page);
  await signIn(page, sim);
  await sim.fault('snapshot_delete', { kind: 'status', status: 418 });
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await page.clock.runFor(5_100);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Could not delete snapshot weekly-snapshot-2025-01-08: the API answered with an unexpected status (418).');
  await expect(row(page, 'weekly-snapshot-2025-01-08')).toBeVisible();
});
