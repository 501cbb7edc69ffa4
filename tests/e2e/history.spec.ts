// Back and Forward over what the user looked at: a page, a sort and a filter are each a step;
// typing a search rewrites the current step rather than adding one per keystroke. Embedded,
// the console never touches the host's history (embed.spec.ts).
import * as path from 'node:path';
import { test, expect, signIn } from './fixtures';

test.use({
  simOptions: {
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large',
    consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: ['--seed-servers', '27'],
  },
});

test('Back and Forward go through page, sort and filter; a typed search is one step', async ({ page, sim }) => {
  await signIn(page, sim);
  const status = page.getByRole('navigation', { name: 'Pages' }).getByRole('status');
  const filter = page.getByLabel('Filter by server');
  const sort = page.getByLabel('Sort');
  const search = page.getByLabel('Search');
  const length = () => page.evaluate(() => history.length);
  const start = await length();

  // Each change is a step: the address says it, and the history grows by one.
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(status).toHaveText('26–50 of 135');
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await sort.selectOption({ label: 'Name (A–Z)' });
  // A new sort starts at the first page.
  await expect(status).toHaveText('1–25 of 135');
  await expect(page).toHaveURL(/[?]sort=name$/);
  await filter.selectOption({ label: 'node-0003' });
  // One server's five: one page, so no pager.
  await expect(page.getByRole('row')).toHaveCount(1 + 5);
  expect(await length()).toBe(start + 3);

  // Typing rewrites the filter's step once typing pauses.
  await search.pressSequentially('daily-1');
  await expect(page).toHaveURL(/q=daily-1/);
  await expect(page.getByRole('row')).toHaveCount(1 + 1);
  expect(await length()).toBe(start + 3);

  // Back: the sort, on all servers, without the search; then page 2; then the start.
  await page.goBack();
  await expect(filter).toHaveValue('');
  await expect(search).toHaveValue('');
  await expect(sort).toHaveValue('name');
  await expect(status).toHaveText('1–25 of 135');
  await page.goBack();
  await expect(sort).toHaveValue('newest');
  await expect(status).toHaveText('26–50 of 135');
  await page.goBack();
  await expect(status).toHaveText('1–25 of 135');
  await expect(page.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');

  // Forward twice: page 2, then the sort; and going back did not add steps.
  await page.goForward();
  await expect(status).toHaveText('26–50 of 135');
  await page.goForward();
  await expect(sort).toHaveValue('name');
  await expect(status).toHaveText('1–25 of 135');
  // The filter with its search is still the step after.
  await page.goForward();
  await expect(search).toHaveValue('daily-1');
  await expect(page.getByRole('row')).toHaveCount(1 + 1);
  expect(await length()).toBe(start + 3);
});
