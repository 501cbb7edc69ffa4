// A large account: 30 servers, 150 snapshots. The list comes a page of 100 at a time, and
// the quota strip folds into a disclosure.
import * as path from 'node:path';
import { test, expect, signIn } from './fixtures';

test.use({
  simOptions: {
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large',
    consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: ['--seed-servers', '30'],
  },
});

test('a long list is paged, and a new search starts at the first page', async ({ page, sim }) => {
  await signIn(page, sim);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  const previous = pages.getByRole('button', { name: 'Previous page' });
  const next = pages.getByRole('button', { name: 'Next page' });
  await expect(pages.getByRole('status')).toHaveText('1–100 of 150');
  await expect(page.getByRole('row')).toHaveCount(1 + 100);
  // Newest first: node-0000's snapshots lead, node-0029's end the list.
  await expect(page.getByRole('row').nth(1)).toContainText('node-0000-daily-0');
  await expect(previous).toBeDisabled();

  await next.click();
  await expect(pages.getByRole('status')).toHaveText('101–150 of 150');
  await expect(page.getByRole('row')).toHaveCount(1 + 50);
  await expect(page.getByRole('row').last()).toContainText('node-0029-daily-4');
  await expect(next).toBeDisabled();
  await previous.click();
  await expect(pages.getByRole('status')).toHaveText('1–100 of 150');
  // The buttons stay in place, and stay focusable at either end, so a keyboard user keeps
  // focus on them.
  await expect(previous).toBeFocused();
  await expect(previous).toBeDisabled();

  await next.click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('node-001');
  await expect(page.getByRole('row')).toHaveCount(1 + 50);
  await expect(page.getByRole('row').nth(1)).toContainText('node-0010-daily-0');
  await expect(pages).toHaveCount(0);
});

test('many servers fold the quota strip until asked for', async ({ page, sim }) => {
  await signIn(page, sim);
  const quotas = page.getByRole('region', { name: 'Snapshots per server' });
  const disclosure = quotas.getByText('Snapshots per server (30 servers)');
  await expect(disclosure).toBeVisible();
  await expect(quotas.getByRole('button')).toHaveCount(0);
  await disclosure.click();
  await expect(quotas.getByRole('button', { name: /node-0007 5 \/ 5/ })).toContainText('Limit reached');
  await expect(quotas.getByRole('button')).toHaveCount(30);
  await quotas.getByRole('button', { name: /node-0007/ }).click();
  await expect(page.getByRole('row')).toHaveCount(1 + 5);
  await expect(page.getByLabel('Filter by server')).toHaveValue('20007');
});
