// Issue 23: the irreversible flows when another client, the network or the user moves at the
// wrong moment. What the user confirmed is what is sent; a write already sent is never
// pretended away; a delete that was not sent says so.
import type { Request } from '@playwright/test';
import { test, expect, signIn, row } from './fixtures';

const SAFETY = "Snapshot the server's current state first";
const writes = (requests: Request[]) =>
  requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
const notices = (page: import('@playwright/test').Page) => page.getByRole('status', { name: 'Notifications' });

test('make room: when the snapshot to delete changes underneath, the tick clears and nothing is deleted', async ({ page, sim, apiRequests }) => {
  // Something in progress, so the console keeps reading the list while the dialog is open.
  expect((await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'keeps-polling' })).status).toBe(201);
  await signIn(page, sim, '?server_id=12346');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByRole('checkbox', { name: 'Delete pg16-before-upgrade first to make room' }).check();
  await expect(dialog.getByRole('button', { name: 'Delete and create' })).toBeEnabled();
  // Another client deletes pg16-before-upgrade and fills the server again.
  expect((await sim.api('DELETE', '/snapshots/790/')).status).toBe(204);
  expect((await sim.api('POST', '/snapshots/', { server_id: 12346, name: 'other-client' })).status).toBe(201);
  await expect(dialog.getByRole('alert')).toHaveText(
    'The list changed: pg16-before-upgrade is no longer the snapshot that would make room. Nothing was deleted; check the new choice and tick the box again.',
    { timeout: 20_000 });
  const next = dialog.getByRole('checkbox', { name: 'Delete nightly-run-1 first to make room' });
  await expect(next).not.toBeChecked();
  const create = dialog.getByRole('button', { name: 'Create', exact: true });
  await expect(create).toBeDisabled();
  await create.click({ force: true });
  await page.waitForTimeout(1_000);
  expect(writes(apiRequests)).toEqual([]);
  expect((await sim.api('GET', '/snapshots/?server_id=12346')).json.results.map((s: { name: string }) => s.name)).toContain('nightly-run-1');
});

test('make room: a click after the list changed unseen deletes only what was confirmed, once', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12346');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByRole('checkbox', { name: 'Delete pg16-before-upgrade first to make room' }).check();
  expect((await sim.api('DELETE', '/snapshots/790/')).status).toBe(204);
  expect((await sim.api('POST', '/snapshots/', { server_id: 12346, name: 'other-client' })).status).toBe(201);
  await dialog.getByRole('button', { name: 'Delete and create' }).click();
  // Already deleted, then the create refused: the server is full again. The next candidate
  // comes only from the list read after the refusal, so it is waited for first.
  const next = dialog.getByRole('checkbox', { name: 'Delete nightly-run-1 first to make room' });
  await expect(next).toBeVisible();
  await expect(dialog.getByText(/^Snapshot limit reached: db-primary-01 already has 5 of 5 snapshots/)).toBeVisible();
  await expect(next).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Delete and create' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click({ force: true });
  await page.waitForTimeout(1_000);
  expect(writes(apiRequests)).toEqual(['DELETE /api/v1/snapshots/790/', 'POST /api/v1/snapshots/']);
  expect((await sim.api('GET', '/snapshots/?server_id=12346')).json.results.map((s: { name: string }) => s.name)).toContain('nightly-run-1');
});

test('Cancel while the restore is on its way says it was sent, and then how it ended', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await sim.fault('snapshot_restore', { kind: 'latency', ms: 3_000 }, 1);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByRole('checkbox', { name: SAFETY }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Restoring…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(notices(page)).toContainText(
    'The restore of web-server-01 from pre-migration-snapshot was already sent and cannot be called back. A notice will say how it ends.');
  await expect(notices(page)).toContainText('web-server-01 is restoring.', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: /web-server-01/ })).toContainText('Restore started');
  expect(writes(apiRequests)).toEqual(['POST /api/v1/snapshots/801/restore/']);
});

test('Escape while the create is on its way says it was sent, and the snapshot still shows', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim, '?server_id=12347');
  await sim.fault('snapshot_create', { kind: 'latency', ms: 3_000 }, 1);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('sent-anyway');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(notices(page)).toContainText(
    'The create of sent-anyway was already sent and cannot be called back. A notice will say how it ends.');
  await expect(notices(page)).toContainText('Creating sent-anyway of staging-02.', { timeout: 10_000 });
  await expect(row(page, 'sent-anyway')).toBeVisible();
  expect(writes(apiRequests)).toEqual(['POST /api/v1/snapshots/']);
});

test('a restore of a snapshot deleted underneath says so and cannot be confirmed again', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByRole('checkbox', { name: SAFETY }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  expect((await sim.api('DELETE', '/snapshots/798/')).status).toBe(204);
  const confirm = dialog.getByRole('button', { name: 'Restore', exact: true });
  await confirm.click();
  await expect(dialog.getByRole('alert')).toContainText('no longer exists');
  await expect(confirm).toBeDisabled();
  await confirm.click({ force: true });
  await page.waitForTimeout(500);
  expect(writes(apiRequests)).toEqual(['POST /api/v1/snapshots/798/restore/']);
});

test('a delete kept because the page was hidden is told when the page shows again', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const target = row(page, 'weekly-snapshot-2025-01-08');
  await target.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await expect(target).toContainText('Deleting in');
  const visibility = (state: string) => page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
  await visibility('hidden');
  await page.waitForTimeout(500);
  await visibility('visible');
  await expect(notices(page)).toContainText(
    '1 snapshot was not deleted: its delete was waiting to be sent when the page was hidden, and such deletes are never sent.');
  await expect(target).not.toContainText('Deleting in');
  await page.waitForTimeout(6_000);
  expect(writes(apiRequests)).toEqual([]);
});
