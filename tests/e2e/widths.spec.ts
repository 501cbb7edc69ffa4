// The console lays itself out for the width of its own box: standalone at the viewport's width,
// and inside a narrow card of a Bootstrap admin page. At each width every row's actions are
// visible, no name breaks inside a word, nothing overflows, and the dialogs fit.
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, TOKEN, Sim } from './fixtures';
import { consoleBox, dialogProblems, layoutProblems } from './layout';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');
const WIDTHS = [320, 480, 640, 820, 1024, 1440];

test.use({ simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

async function checkDialogs(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const create = page.getByRole('dialog', { name: 'Create snapshot' });
  problems.push(...(await dialogProblems(page, create)).map((p) => `create: ${p}`));
  await create.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore snapshot' });
  problems.push(...(await dialogProblems(page, restore)).map((p) => `restore: ${p}`));
  await restore.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete pre-migration-snapshot' }).click();
  const del = page.getByRole('dialog', { name: 'Delete snapshot' });
  problems.push(...(await dialogProblems(page, del)).map((p) => `delete: ${p}`));
  await del.getByRole('button', { name: 'Cancel' }).click();
  return problems;
}

async function signInHere(page: Page) {
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete / }).first()).toBeVisible();
}

async function openStandalone(page: Page, sim: Sim, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(sim.url('/console/index.html'));
  await signInHere(page);
}

/** The Bootstrap page, with the console's box `width` px wide. */
async function openInCard(page: Page, sim: Sim, width: number) {
  await page.setViewportSize({ width: Math.max(1280, width + 120), height: 900 });
  await page.goto(sim.url('/bootstrap.html'));
  // The card gets the width under test (the host's own layout, through the CSSOM, as the
  // page's policy allows no inline style), then is corrected by what the console measures.
  const card = page.getByRole('region', { name: 'Snapshots of web-server-01' });
  await card.evaluate((el, width) => {
    const column = el.parentElement!;
    column.className = '';
    column.style.width = `${width}px`;
  }, width);
  await signInHere(page);
  const box = (await consoleBox(page).boundingBox())!;
  await card.evaluate((el, grow) => {
    el.parentElement!.style.width = `${parseFloat(el.parentElement!.style.width) + grow}px`;
  }, width - box.width);
  expect(Math.round((await consoleBox(page).boundingBox())!.width)).toBe(width);
}

for (const width of WIDTHS) {
  test(`standalone at ${width} px: actions reachable, names whole, nothing overflows, dialogs fit`, async ({ page, sim }) => {
    const names = (await sim.api('GET', '/snapshots/')).json.results.map((s: { name: string }) => s.name);
    await openStandalone(page, sim, width);
    expect(await layoutProblems(page, names)).toEqual([]);
    expect(await checkDialogs(page)).toEqual([]);
  });

  test(`in a Bootstrap card ${width} px wide: the same, and pinned to its server`, async ({ page, sim }) => {
    const names = (await sim.api('GET', '/snapshots/?server_id=12345')).json.results.map((s: { name: string }) => s.name);
    await openInCard(page, sim, width);
    // Pinned: the heading names the server, and there is no server filter or column.
    await expect(page.getByRole('heading', { name: 'Snapshots of web-server-01' })).toBeVisible();
    await expect(page.getByLabel('Filter by server')).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Server' })).toHaveCount(0);
    expect(await layoutProblems(page, names)).toEqual([]);
    expect(await checkDialogs(page)).toEqual([]);
  });
}

test('Bootstrap\'s global rules do not change how the console looks', async ({ page, sim }) => {
  const look = async (page: Page) => {
    const pick = (el: Element) => {
      const c = getComputedStyle(el);
      return [c.fontFamily, c.fontSize, c.fontWeight, c.lineHeight, c.color, c.backgroundColor, c.borderTopWidth,
        c.borderTopColor, c.borderRadius, c.padding, c.margin, c.textAlign, c.textTransform, c.letterSpacing,
        c.height].join(' | ');
    };
    return {
      heading: await page.getByRole('heading', { level: 1 }).filter({ hasText: /^Snapshots/ }).evaluate(pick),
      create: await page.getByRole('button', { name: 'Create snapshot' }).evaluate(pick),
      delete: await page.getByRole('button', { name: 'Delete pre-migration-snapshot' }).evaluate(pick),
      search: await page.getByRole('searchbox', { name: 'Search' }).evaluate(pick),
      sort: await page.getByRole('combobox', { name: 'Sort' }).evaluate(pick),
      // (Its height is its rows': the two pages list different servers.)
      table: (await page.getByRole('table', { name: 'Snapshots' }).evaluate(pick)).replace(/ \| [\d.]+px$/, ''),
      row: await page.getByRole('row').filter({ hasText: 'pre-migration-snapshot' }).evaluate(pick),
      name: await page.getByRole('cell', { name: 'pre-migration-snapshot', exact: true }).evaluate(pick),
      status: await page.getByRole('row').filter({ hasText: 'pre-migration-snapshot' }).getByText('Completed').evaluate(pick),
    };
  };
  await openStandalone(page, sim, 640);
  const alone = await look(page);
  // Another tab: its own session storage, so it signs in afresh.
  const other = await page.context().newPage();
  await openInCard(other, sim, 640);
  expect(await look(other)).toEqual(alone);
});

test('on a 320 px phone with the on-screen keyboard up, each dialog fits and its actions are reachable', async ({ page, sim }) => {
  // 320 × 360: what is left of a small phone's screen while the keyboard is up.
  await openStandalone(page, sim, 320);
  await page.setViewportSize({ width: 320, height: 360 });
  const fits = async (name: string, action: string) => {
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(360);
    expect(await dialogProblems(page, dialog)).toEqual([]);
    const button = dialog.getByRole('button', { name: action, exact: true });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  };
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await page.getByRole('dialog', { name: 'Create snapshot' }).getByLabel('Name').focus();
  await fits('Create snapshot', 'Create');
  await page.getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  await fits('Restore snapshot', 'Restore');
  await page.getByRole('button', { name: 'Delete pre-migration-snapshot' }).click();
  await fits('Delete snapshot', 'Delete');
});
