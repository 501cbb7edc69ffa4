// A large account: 27 servers, 135 snapshots. The list comes a page of 25 at a time, and
// the quota strip folds into a disclosure.
import * as path from 'node:path';
import { test, expect, signIn } from './fixtures';

test.use({
  simOptions: {
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large',
    consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: ['--seed-servers', '27'],
  },
});

test('a long list is paged, and a new search starts at the first page', async ({ page, sim }) => {
  await signIn(page, sim);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  const status = pages.getByRole('status');
  const previous = pages.getByRole('button', { name: 'Previous page' });
  const next = pages.getByRole('button', { name: 'Next page' });
  await expect(status).toHaveText('1–25 of 135');
  await expect(page.getByRole('row')).toHaveCount(1 + 25);
  // Newest first: node-0000's snapshots lead, node-0026's end the list.
  await expect(page.getByRole('row').nth(1)).toContainText('node-0000-daily-0');
  await expect(previous).toBeDisabled();

  await next.click();
  await expect(status).toHaveText('26–50 of 135');
  await previous.click();
  await expect(status).toHaveText('1–25 of 135');
  // The buttons stay in place, and stay focusable at either end, so a keyboard user keeps
  // focus on them.
  await expect(previous).toBeFocused();
  await expect(previous).toBeDisabled();

  // The last page holds what is left.
  for (let i = 0; i < 5; i++) await next.click();
  await expect(status).toHaveText('126–135 of 135');
  await expect(page.getByRole('row')).toHaveCount(1 + 10);
  await expect(page.getByRole('row').last()).toContainText('node-0026-daily-4');
  await expect(next).toBeDisabled();

  await page.getByRole('searchbox', { name: 'Search' }).fill('node-001');
  await expect(status).toHaveText('1–25 of 50');
  await expect(page.getByRole('row').nth(1)).toContainText('node-0010-daily-0');
  await page.getByRole('searchbox', { name: 'Search' }).fill('node-0010');
  await expect(page.getByRole('row')).toHaveCount(1 + 5);
  await expect(pages).toHaveCount(0);
});

test('many servers fold the quota strip until asked for', async ({ page, sim }) => {
  await signIn(page, sim);
  const quotas = page.getByRole('region', { name: 'Snapshots per server' });
  const disclosure = quotas.getByText('Snapshots per server (27 servers)');
  await expect(disclosure).toBeVisible();
  await expect(quotas.getByRole('button')).toHaveCount(0);
  await disclosure.click();
  await expect(quotas.getByRole('button', { name: /node-0007 5 \/ 5/ })).toContainText('Limit reached');
  await expect(quotas.getByRole('button')).toHaveCount(27);
  await quotas.getByRole('button', { name: /node-0007/ }).click();
  await expect(page.getByRole('row')).toHaveCount(1 + 5);
  await expect(page.getByLabel('Filter by server')).toHaveValue('20007');
});
