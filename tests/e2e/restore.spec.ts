import { test, expect, signIn, row } from './fixtures';

const restores = (requests: import('@playwright/test').Request[]) =>
  requests.filter((r) => r.method() === 'POST' && r.url().includes('/restore/'));

// These tests are about the restore itself; the safety snapshot before it has safety.spec.ts.
const SAFETY = "Snapshot the server's current state first";

test('restore names what is lost and needs the server name typed', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const open = row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await expect(dialog).toContainText('Restore server web-server-01 from snapshot pre-migration-snapshot');
  await expect(dialog).toContainText(/taken .*2025/);
  await expect(dialog).toContainText(/Everything written to web-server-01 since .*2025.* will be lost/);
  await expect(dialog).toContainText('All current data on the server is overwritten');
  await expect(dialog).toContainText('The server is stopped automatically');
  await expect(dialog).toContainText('This cannot be undone');
  await expect(dialog).not.toContainText('newer snapshot');
  const confirm = dialog.getByRole('button', { name: 'Restore', exact: true });
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: SAFETY })).toBeChecked();
  await dialog.getByRole('checkbox', { name: SAFETY }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'web-server-01 is restoring. Server is being restored from snapshot. This may take 5-15 minutes.');
  await expect(page.getByRole('button', { name: /web-server-01/ })).toContainText('Restore started');
  expect(restores(apiRequests)).toHaveLength(1);
  await expect(open).toBeFocused();
});

test('restoring an older snapshot says newer ones will no longer match', async ({ page, sim }) => {
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await expect(dialog).toContainText('1 newer snapshot of this server will be kept, but the server will no longer match it.');
});

test('a 400 (server already restoring) is explained in the dialog', async ({ page, sim }) => {
  await signIn(page, sim);
  expect((await sim.api('POST', '/snapshots/798/restore/')).status).toBe(200);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByRole('checkbox', { name: SAFETY }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('not in a state that allows one');
  await expect(dialog.getByRole('alert')).toContainText('web-server-01 is already being restored');
});

test('Cancel and Escape send nothing', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const open = row(page, 'nightly-run-1').getByRole('button', { name: /^Restore/ });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByLabel(/Type the server's name/).fill('db-primary-01');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await open.click();
  await expect(dialog.getByLabel(/Type the server's name/)).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(restores(apiRequests)).toHaveLength(0);
});

test('once a restore has started, that server offers no second restore and no create', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
  await dialog.getByRole('checkbox', { name: SAFETY }).uncheck();
  await dialog.getByLabel(/Type the server's name/).fill('web-server-01');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Every snapshot of that server says why it cannot be restored now; another server's can.
  const again = row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Restore/ });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription('web-server-01 is already being restored; wait for that restore to finish.');
  await expect(row(page, 'nightly-run-1').getByRole('button', { name: /^Restore/ })).toBeEnabled();

  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const create = page.getByRole('dialog', { name: 'Create snapshot' });
  await create.getByLabel('Server', { exact: true }).selectOption('12345');
  await expect(create.getByText('web-server-01 is being restored from a snapshot; create a snapshot once the restore has finished.')).toBeVisible();
  await expect(create.getByRole('button', { name: 'Create' })).toBeDisabled();
  expect(restores(apiRequests)).toHaveLength(1);
  expect(apiRequests.filter((r) => r.method() === 'POST')).toHaveLength(1);
});
