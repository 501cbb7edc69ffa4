import * as path from 'node:path';
import { test, expect, signIn, row } from './fixtures';

const lists = (requests: import('@playwright/test').Request[]) =>
  requests.filter((r) => r.method() === 'GET').length;

test('nothing is requested while nothing is in progress', async ({ page, sim, apiRequests }) => {
  // The page's clock: a minute of its timers runs at once instead of being waited for.
  await page.clock.install();
  await signIn(page, sim);
  const after = lists(apiRequests);
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(lists(apiRequests)).toBe(after);
});

test.describe('with a short creation time', () => {
  test.use({ simOptions: { createDelayMs: 3000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

  test('polls while in progress, announces the change, then stops', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim, '?server_id=12347');
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
    await dialog.getByLabel('Name').fill('polled');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const cell = row(page, 'polled').getByRole('cell').nth(2);
    await expect(cell).toHaveText('In progress');
    await expect(cell).toHaveText('Completed', { timeout: 15_000 });
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Snapshot polled of staging-02 is ready.');
    const polls = lists(apiRequests);
    expect(polls).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(5000);
    expect(lists(apiRequests)).toBe(polls);
  });

  test('polling pauses while the tab is hidden and resumes when it shows', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim, '?server_id=12347');
    await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'while-hidden' });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row(page, 'while-hidden').getByRole('cell').nth(2)).toHaveText('In progress');
    const setVisibility = (state: string) =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      }, state);
    await setVisibility('hidden');
    const hiddenAt = lists(apiRequests);
    await page.waitForTimeout(5000);
    expect(lists(apiRequests)).toBe(hiddenAt);
    await setVisibility('visible');
    await expect(row(page, 'while-hidden').getByRole('cell').nth(2)).toHaveText('Completed');
    expect(lists(apiRequests)).toBeGreaterThan(hiddenAt);
  });
});
