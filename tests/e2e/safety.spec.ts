// The safety snapshot before a restore (issue 14): create, wait until completed, only then
// restore. Exactly one create and at most one restore, whatever the clicks.
import * as path from 'node:path';
import type { Request } from '@playwright/test';
import { test, expect, signIn, row } from './fixtures';
import { axeViolations } from './layout';

const SAFETY = "Snapshot the server's current state first";
const creates = (requests: Request[]) =>
  requests.filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/snapshots/');
const restores = (requests: Request[]) =>
  requests.filter((r) => r.method() === 'POST' && r.url().includes('/restore/'));

/** Opens the restore dialog for `snapshot` and types `server` to confirm. */
async function openRestore(page: import('@playwright/test').Page, snapshot: string, server: string) {
  await row(page, snapshot).getByRole('button', { name: `Restore ${snapshot}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByLabel(/Type the server's name/).fill(server);
  return dialog;
}

test.describe('a create that takes 3 s', () => {
  test.use({ simOptions: { createDelayMs: 3_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

  test('the safety snapshot completes, then exactly one restore is sent', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim);
    const dialog = await openRestore(page, 'pre-migration-snapshot', 'web-server-01');
    const safety = dialog.getByRole('checkbox', { name: SAFETY });
    await expect(safety).toBeChecked();
    await expect(safety).toHaveAccessibleDescription(
      /^The console creates pre-restore-pre-migration-snapshot-\d{8}-\d{4}, waits until it is completed .* If you cancel or close this tab before then, nothing is restored and the safety snapshot stays\.$/);
    expect(await axeViolations(page)).toEqual([]);

    const confirm = dialog.getByRole('button', { name: 'Restore', exact: true });
    await confirm.dblclick();
    await page.keyboard.press('Enter');
    const waiting = dialog.getByRole('button', { name: 'Taking the safety snapshot…' });
    await expect(waiting).toBeDisabled();
    await expect(dialog).toContainText(/Taking the safety snapshot pre-restore-pre-migration-snapshot-\S+: 0 min \d+ s so far\./);
    expect(restores(apiRequests)).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);

    // Every list answer, and when the restore went: it must follow one that showed the
    // safety snapshot completed.
    const lists: { at: number; completed: boolean }[] = [];
    page.on('response', async (r) => {
      if (r.request().method() !== 'GET' || !r.url().includes('/api/v1/snapshots/')) return;
      const at = Date.now(); // when the answer came, not when its body was read here
      const results = (await r.json().catch(() => ({ results: [] }))).results ?? [];
      lists.push({ at, completed: results.some((s: { name: string; status: string }) => s.name.startsWith('pre-restore-') && s.status === 'completed') });
    });
    let restoreAt = 0;
    page.on('request', (r) => { if (r.url().includes('/restore/')) restoreAt = Date.now(); });
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('web-server-01 is restoring');
    expect(creates(apiRequests)).toHaveLength(1);
    expect(restores(apiRequests)).toHaveLength(1);
    const body = creates(apiRequests)[0].postDataJSON();
    expect(body.server_id).toBe(12345);
    expect(body.name).toMatch(/^pre-restore-pre-migration-snapshot-\d{8}-\d{4}$/);
    expect(body.description).toBe('Taken before restoring web-server-01 from pre-migration-snapshot');
    expect(lists.find((l) => l.completed)?.at ?? Infinity).toBeLessThanOrEqual(restoreAt);
    expect(lists.filter((l) => l.at < restoreAt).some((l) => !l.completed), 'it waited through a list with it in progress').toBe(true);
    const listed = (await sim.api('GET', '/snapshots/?server_id=12345')).json.results;
    expect(listed.find((s: { name: string }) => s.name === body.name).status).toBe('completed');
    await page.waitForTimeout(3_000);
    expect(creates(apiRequests)).toHaveLength(1);
    expect(restores(apiRequests)).toHaveLength(1);
  });

  test('the create refused at the limit sends no restore and says why', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim);
    const dialog = await openRestore(page, 'pre-migration-snapshot', 'web-server-01');
    await expect(dialog.getByRole('checkbox', { name: SAFETY })).toBeChecked();
    // Another client fills web-server-01 (2 of 5) while the dialog is open.
    for (const name of ['other-1', 'other-2', 'other-3']) {
      expect((await sim.api('POST', '/snapshots/', { server_id: 12345, name })).status).toBe(201);
    }
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('The safety snapshot could not be created, so nothing was restored.');
    await expect(dialog).toBeVisible();
    await page.waitForTimeout(3_000);
    expect(creates(apiRequests)).toHaveLength(1);
    expect(restores(apiRequests)).toHaveLength(0);
  });

  test('cancelling the wait keeps the safety snapshot and sends no restore', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim);
    const open = row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' });
    const dialog = await openRestore(page, 'pre-migration-snapshot', 'web-server-01');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('button', { name: 'Taking the safety snapshot…' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
      /Nothing was restored\. The safety snapshot pre-restore-pre-migration-snapshot-\S+ stays in the list\./);
    // It completes in the list, and still nothing is restored.
    await expect(page.getByRole('row', { name: /web-server-01 pre-restore-pre-migration-snapshot-\S+ Completed/ })).toBeVisible({ timeout: 15_000 });
    expect(creates(apiRequests)).toHaveLength(1);
    expect(restores(apiRequests)).toHaveLength(0);
  });
});

test('cancelled while its create is under way, then another restore opened: nothing is restored', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await sim.fault('snapshot_create', { kind: 'latency', ms: 2_000 }, 1);
  const dialog = await openRestore(page, 'pre-migration-snapshot', 'web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Taking the safety snapshot…' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Nothing was restored.');
  // Another snapshot's dialog, not confirmed: the first create's answer must not restore it.
  const other = await openRestore(page, 'weekly-snapshot-2025-01-08', 'web-server-01');
  await expect(page.getByRole('row', { name: /pre-restore-pre-migration-snapshot-\S+/ })).toBeVisible({ timeout: 10_000 });
  await sim.control('/advance');
  await page.waitForTimeout(5_000);
  await expect(other).toBeVisible();
  expect(creates(apiRequests)).toHaveLength(1);
  expect(restores(apiRequests)).toHaveLength(0);
});

test('a safety snapshot that ends failed sends no restore and says why', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const dialog = await openRestore(page, 'pre-migration-snapshot', 'web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Taking the safety snapshot…' })).toBeVisible();
  await sim.control('/fail');
  await expect(dialog.getByRole('alert')).toContainText(
    /The safety snapshot pre-restore-pre-migration-snapshot-\S+ failed, so nothing was restored\./, { timeout: 20_000 });
  await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeEnabled();
  expect(creates(apiRequests)).toHaveLength(1);
  expect(restores(apiRequests)).toHaveLength(0);
});

test('at the limit there is no safety snapshot: the dialog says why and names what could go', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const dialog = await openRestore(page, 'nightly-run-3', 'db-primary-01');
  const safety = dialog.getByRole('checkbox', { name: SAFETY });
  await expect(safety).toBeDisabled();
  await expect(safety).not.toBeChecked();
  await expect(safety).toHaveAccessibleDescription(
    'No room for a safety snapshot: db-primary-01 has 5 of 5 snapshots. To make room, delete one first, such as pg16-before-upgrade.');
  expect(await axeViolations(page)).toEqual([]);
  // Restoring the snapshot that would be named offers another one, never itself.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const own = await openRestore(page, 'pg16-before-upgrade', 'db-primary-01');
  await expect(own.getByRole('checkbox', { name: SAFETY })).toHaveAccessibleDescription(/such as (?!pg16-before-upgrade)\S+\.$/);
  await own.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(own).toBeHidden();
  expect(creates(apiRequests)).toHaveLength(0);
  expect(restores(apiRequests)).toHaveLength(1);
});
