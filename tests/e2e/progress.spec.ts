import { test, expect, signIn, row } from './fixtures';
import { installClock } from './clock';

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

// The simulator's creations take a minute; `/_sim/advance` finishes them when a test says.
test('polls while in progress, announces the change, then stops', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim, '?server_id=12347');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('polled');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const cell = row(page, 'polled').getByRole('cell').nth(3);
  await expect(cell).toHaveText('In progress');
  // The first poll is due 2 s on; the snapshot is still in progress.
  const firstPoll = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/snapshots/');
  await page.clock.runFor(2_000);
  await (await firstPoll).finished();
  await expect(cell).toHaveText('In progress');
  // The creation finishes; the next poll (at most 12 s on) sees it. The clock moves a second
  // at a time: the notice shows for 8 s of it, so one 12 s jump could outlive it.
  await sim.control('/advance');
  await expect.poll(async () => {
    await page.clock.runFor(1_000);
    return cell.textContent();
  }, { timeout: 20_000 }).toBe('Completed');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Snapshot polled of staging-02 is ready.');
  // Then nothing more: a minute of timers, past every poll delay, sends no request.
  const polls = lists(apiRequests);
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(lists(apiRequests)).toBe(polls);
});

test('polling pauses while the tab is hidden and resumes when it shows', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim, '?server_id=12347');
  await sim.api('POST', '/snapshots/', { server_id: 12347, name: 'while-hidden' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row(page, 'while-hidden').getByRole('cell').nth(3)).toHaveText('In progress');
  const setVisibility = (state: string) =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  await setVisibility('hidden');
  const hiddenAt = lists(apiRequests);
  // A minute of the page's timers, past every poll delay: no request while hidden.
  await page.clock.runFor(60_000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(lists(apiRequests)).toBe(hiddenAt);
  await sim.control('/advance');
  await setVisibility('visible');
  await expect(row(page, 'while-hidden').getByRole('cell').nth(3)).toHaveText('Completed');
  expect(lists(apiRequests)).toBeGreaterThan(hiddenAt);
});
