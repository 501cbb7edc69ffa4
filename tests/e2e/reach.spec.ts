// Every action in reach: at six widths, standalone and in the Bootstrap host, in the six
// languages, with the longest content the core accepts, while a delete counts down and two
// notices show. In every state, every Restore, Delete and Undo is inside the console's box,
// cut off by nothing, and is what is under its own centre; nothing scrolls sideways; and no
// row moves when a countdown starts.
//
// One page per width, host and language; content and states change in place.
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, TOKEN, row } from './fixtures';
import { installClock } from './clock';
import { catalog, LANGUAGES } from './catalog';
import { consoleBox, overflowing } from './layout';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');
const WIDTHS = [320, 390, 820, 1024, 1280, 1440];
const HOSTS = ['standalone', 'bootstrap'] as const;

/** The longest content the core accepts: a 64-character name with no "-" or "_", and a
 *  500-character description with no space. */
const LONG_NAME = 'NightlyBackupBeforeTheQuarterlyUpgradeOfTheDatabaseClusterPrimary'.slice(0, 64);
const LONG_DESCRIPTION = 'Before the upgrade: ' + 'x'.repeat(480);

test.use({ simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

/** What is wrong with every row action's reach, as sentences (none when all is well). */
async function reachProblems(page: Page, state: string): Promise<string[]> {
  const inPage = await consoleBox(page).evaluate((root) => {
    const found: string[] = [];
    const box = root.getBoundingClientRect();
    const buttons = [...root.querySelectorAll('table [role="row"] button')] as HTMLElement[];
    const shown = buttons.filter((b) => b.checkVisibility({ visibilityProperty: true }));
    if (shown.length === 0) found.push('no row actions');
    for (const button of shown) {
      const label = button.getAttribute('aria-label');
      // Instant: a host may scroll smoothly (Bootstrap does).
      button.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = button.getBoundingClientRect();
      const b = root.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) found.push(`${label}: ${r.left}–${r.right} outside the box ${b.left}–${b.right}`);
      if (r.left < 0 || r.right > document.documentElement.clientWidth) found.push(`${label}: outside the viewport`);
      for (let p = button.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) {
          found.push(`${label}: cut off by <${p.tagName.toLowerCase()} class="${p.className}">`);
        }
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !button.contains(hit)) {
        found.push(`${label}: covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}"> "${hit?.textContent?.slice(0, 40)}"`);
      }
    }
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`the page scrolls sideways (${doc.scrollWidth} in ${doc.clientWidth})`);
    void box;
    return found;
  });
  return [...inPage, ...await overflowing(page)].map((p) => `${state}: ${p}`);
}

/** Each row's place in the page and each column's, to see whether anything moved. */
async function geometry(page: Page): Promise<string[]> {
  return consoleBox(page).getByRole('table').evaluate((table) => {
    const at = (el: Element) => {
      const r = el.getBoundingClientRect();
      return `${Math.round(r.left + scrollX)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    return [...table.querySelectorAll('tr, th')].map((el) => `${el.tagName} ${at(el)}`);
  });
}

for (const host of HOSTS) {
  for (const width of WIDTHS) {
    for (const language of LANGUAGES) {
      test(`${host}, ${width} px, ${language}: every action in reach, whatever the content and the moment`, async ({ page, sim }) => {
        const t = catalog(language);
        // Content the core accepts at its longest, on the server both pages show; still in
        // progress while the test runs.
        for (const [name, description] of [[LONG_NAME, 'Nightly'], ['long-description', LONG_DESCRIPTION]]) {
          expect((await sim.api('POST', '/snapshots/', { server_id: 12345, name, description })).status).toBe(201);
        }
        await installClock(page);
        await page.addInitScript((language) => localStorage.setItem('snapshot-console.lang', language), language);
        await page.setViewportSize({ width, height: 800 });
        await page.goto(sim.url(host === 'standalone' ? '/console/index.html' : '/bootstrap.html'));
        await page.getByLabel(t('sign_in.token')).fill(TOKEN);
        await page.getByRole('button', { name: t('sign_in.button') }).click();
        const deleteOf = (name: string) => page.getByRole('button', { name: t('action.delete_named', { name }), exact: true });
        await expect(deleteOf(LONG_NAME)).toBeVisible();

        // Time stands still but for the test's own steps, so "5 seconds ago" does not become
        // "10 seconds ago" between two measures.
        await page.clock.pauseAt(Date.now() + 1_000);
        const problems = await reachProblems(page, 'idle');
        if (process.env.REACH_SHOTS) await page.screenshot({ path: `/tmp/t/reach-${host}-${width}-${language}.png`, fullPage: true });

        // A delete counting down: no row or column moves when it starts.
        const before = await geometry(page);
        await deleteOf('pre-migration-snapshot').click();
        const dialog = page.getByRole('dialog', { name: t('delete.title') });
        await dialog.getByRole('button', { name: t('action.delete'), exact: true }).click();
        await expect(dialog).toBeHidden();
        const undo = page.getByRole('button', { name: t('action.undo_named', { name: 'pre-migration-snapshot' }) });
        await expect(undo).toBeVisible();
        // The pointer stays where the dialog's button was, which may now be over a clamped
        // description: that one opens on hover by design. Move it off, to measure the
        // countdown alone.
        await page.mouse.move(0, 0);
        const during = await geometry(page);
        if (process.env.REACH_SHOTS) await page.screenshot({ path: `/tmp/t/reach-during-${host}-${width}-${language}.png`, fullPage: true });
        expect(during, 'rows and columns stay where they were when a countdown starts').toEqual(before);
        problems.push(...await reachProblems(page, 'counting down'));

        // Two notices: the first delete goes, then a second one.
        await page.clock.runFor(2_000);
        await deleteOf('weekly-snapshot-2025-01-08').click();
        await dialog.getByRole('button', { name: t('action.delete'), exact: true }).click();
        await expect(dialog).toBeHidden();
        await page.clock.runFor(3_200);
        const notices = page.getByRole('status', { name: t('toast.region') });
        await expect(notices.getByRole('paragraph')).toHaveCount(1);
        await page.clock.runFor(2_000);
        await expect(notices.getByRole('paragraph')).toHaveCount(2);
        problems.push(...await reachProblems(page, 'two notices'));

        expect(problems).toEqual([]);
      });
    }
  }
}

test('forced colours: statuses keep their shapes and borders, a chosen row its outline', async ({ page, sim }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(sim.url('/console/index.html'));
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const look = (name: string) => row(page, name).getByRole('cell').nth(3).locator('span').first().evaluate((badge) => {
    const own = getComputedStyle(badge);
    return { border: `${own.borderTopStyle} ${own.borderTopWidth}`, shape: getComputedStyle(badge, '::before').content };
  });
  const completed = await look('nightly-run-1');
  const failed = await look('postfix-config-test');
  expect(completed).toEqual({ border: 'solid 1px', shape: '"✓" / ""' });
  expect(failed).toEqual({ border: 'dashed 1px', shape: '"✕" / ""' });
  await row(page, 'nightly-run-1').getByRole('checkbox').check();
  // The row's look follows the model, a reactive update after the checkbox's own change.
  await expect.poll(() => row(page, 'nightly-run-1').evaluate((tr) => getComputedStyle(tr).outlineStyle)).toBe('solid');
  await page.screenshot({ path: test.info().outputPath('forced-colors.png') });
});
