import { test, expect, signIn, row } from './fixtures';

const deletes = (requests: import('@playwright/test').Request[]) =>
  requests.filter((r) => r.method() === 'DELETE');

test('delete names the snapshot and server; Cancel and Escape send nothing', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  const open = row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Delete snapshot' });
  await expect(dialog).toContainText('Delete snapshot weekly-snapshot-2025-01-08 of server web-server-01?');
  await expect(dialog).toContainText('This is permanent');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(deletes(apiRequests)).toHaveLength(0);
  await expect(row(page, 'weekly-snapshot-2025-01-08')).toBeVisible();
});

test('the row goes after the 204, and focus lands on the page heading', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete snapshot' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'weekly-snapshot-2025-01-08')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Deleted snapshot weekly-snapshot-2025-01-08.');
  expect(deletes(apiRequests)).toHaveLength(1);
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(1);
  await expect(page.getByRole('heading', { name: 'Snapshots' })).toBeFocused();
});

test('a 404 counts as already gone', async ({ page, sim }) => {
  await signIn(page, sim);
  expect((await sim.api('DELETE', '/snapshots/798/')).status).toBe(204);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'weekly-snapshot-2025-01-08')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('was already deleted');
});
