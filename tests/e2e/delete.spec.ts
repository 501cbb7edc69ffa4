import { test, expect, signIn, row, TOKEN } from './fixtures';
import { installClock } from './clock';
import { axeViolations } from './layout';

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

test('the delete waits out its undo window, the row goes after the 204, and focus lands on the page heading', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete snapshot' });
  await expect(dialog).toContainText('you have 5 seconds to undo');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  // The row counts down, and focus is on its Undo (the same button as Delete).
  const waiting = row(page, 'weekly-snapshot-2025-01-08');
  await expect(waiting).toContainText('Deleting in 5 s');
  await expect(waiting.getByRole('button', { name: 'Undo deleting weekly-snapshot-2025-01-08' })).toBeFocused();
  expect(deletes(apiRequests)).toHaveLength(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.clock.runFor(5_100);
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

test('Undo in the window sends nothing and keeps the row', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  // By keyboard: focus is on Undo.
  await page.keyboard.press('Enter');
  const kept = row(page, 'weekly-snapshot-2025-01-08');
  await expect(kept.getByRole('button', { name: 'Delete weekly-snapshot-2025-01-08' })).toBeFocused();
  await expect(kept).not.toContainText('Deleting in');
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(deletes(apiRequests)).toHaveLength(0);
  await expect(kept).toBeVisible();
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(2);
});

test('signing out or hiding the page in the window sends nothing', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(deletes(apiRequests)).toHaveLength(0);

  // Signed in again: the snapshot is there, and a delete hidden in its window is not sent.
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const again = row(page, 'weekly-snapshot-2025-01-08');
  await again.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete' }).click();
  await expect(again).toContainText('Deleting in');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(deletes(apiRequests)).toHaveLength(0);
  await expect(again).not.toContainText('Deleting in');
  expect((await sim.api('GET', '/snapshots/?server_id=12345')).json.count).toBe(2);
});
