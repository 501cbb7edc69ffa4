// Screenshots for the README (docs/screenshots/), at desktop and phone sizes.
// Run with `cargo xtask screenshots`; look at them before committing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, signIn, row, expect, TOKEN } from '../e2e/fixtures';

const OUT = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** A language's texts: English as the tests name it, the others from their locale files. */
const texts = (tag: string): Record<string, string> => tag === 'en'
  ? {
    'sign_in.token': 'API token', 'sign_in.button': 'Sign in', 'action.create': 'Create snapshot',
    'restore.title': 'Restore snapshot', 'dialog.cancel': 'Cancel', 'action.restore_named': 'Restore {name}',
    'restore.confirm': "Type the server's name, {server}, to confirm",
  }
  : JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'app', 'locales', `${tag}.json`), 'utf8'));

for (const tag of ['en', 'st', 'id', 'bs', 'zh-Hans', 'bn']) {
  // English keeps the README's first names; the others add their tag.
  const suffix = tag === 'en' ? '' : `-${tag}`;
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test.describe(`${tag} ${label}`, () => {
      test.use({ viewport, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

      test(`list, create and restore at ${label} size in ${tag}`, async ({ page, sim }) => {
        const t = texts(tag);
        await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'before-kernel-update', description: 'Kernel 6.12 upgrade' });
        await page.goto(sim.url(`/?lang=${tag}`));
        await page.getByLabel(t['sign_in.token']).fill(TOKEN);
        await page.getByRole('button', { name: t['sign_in.button'] }).click();
        await expect(row(page, 'before-kernel-update')).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `list-${label}${suffix}.png`), fullPage: label === 'phone' });

        await page.getByRole('button', { name: t['action.create'] }).click();
        const create = page.getByRole('dialog', { name: t['action.create'] });
        await expect(create).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `create-${label}${suffix}.png`) });
        await create.getByRole('button', { name: t['dialog.cancel'] }).click();

        await row(page, 'pre-migration-snapshot')
          .getByRole('button', { name: t['action.restore_named'].replace('{name}', 'pre-migration-snapshot') }).click();
        const restore = page.getByRole('dialog', { name: t['restore.title'] });
        await expect(restore).toBeVisible();
        await restore.getByLabel(t['restore.confirm'].replace('{server}', 'web-server-01')).fill('web-server-01');
        await page.screenshot({ path: path.join(OUT, `restore-${label}${suffix}.png`) });

        // A confirmed delete in its undo window (English only: one picture of the state).
        if (tag === 'en') {
          await restore.getByRole('button', { name: t['dialog.cancel'] }).click();
          await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: 'Delete weekly-snapshot-2025-01-08' }).click();
          await page.getByRole('dialog', { name: 'Delete snapshot' }).getByRole('button', { name: 'Delete', exact: true }).click();
          await expect(row(page, 'weekly-snapshot-2025-01-08')).toContainText('Deleting in');
          await page.screenshot({ path: path.join(OUT, `delete-undo-${label}.png`), fullPage: true });

          // At 5 of 5, the create dialog offers to make room.
          await page.getByRole('button', { name: 'Create snapshot' }).click();
          const full = page.getByRole('dialog', { name: 'Create snapshot' });
          await full.getByRole('combobox', { name: 'Server' }).selectOption('12346');
          await full.getByRole('checkbox', { name: /first to make room$/ }).check();
          await page.screenshot({ path: path.join(OUT, `create-make-room-${label}.png`) });
          await full.getByRole('button', { name: 'Cancel' }).click();

          // The safety snapshot: offered, being taken, and unavailable at the limit.
          await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
          const safe = page.getByRole('dialog', { name: 'Restore snapshot' });
          await safe.getByLabel(/Type the server's name/).fill('web-server-01');
          await safe.getByRole('button', { name: 'Restore', exact: true }).click();
          await expect(safe.getByRole('button', { name: 'Taking the safety snapshot…' })).toBeVisible();
          await page.waitForTimeout(2_000);
          await page.screenshot({ path: path.join(OUT, `restore-safety-waiting-${label}.png`) });
          await safe.getByRole('button', { name: 'Cancel' }).click();
          await row(page, 'nightly-run-3').getByRole('button', { name: 'Restore nightly-run-3' }).click();
          await expect(safe).toContainText('No room for a safety snapshot');
          await page.screenshot({ path: path.join(OUT, `restore-safety-full-${label}.png`) });
          await safe.getByRole('button', { name: 'Cancel' }).click();

          // Several at once: chosen, confirmed, and in their undo window.
          for (const name of ['nightly-run-1', 'nightly-run-2', 'postfix-config-test']) {
            await row(page, name).getByRole('checkbox', { name: `Select ${name}` }).check();
          }
          await page.screenshot({ path: path.join(OUT, `batch-selected-${label}.png`), fullPage: label === 'phone' });
          await page.getByRole('button', { name: 'Delete 3 snapshots' }).click();
          const batch = page.getByRole('dialog', { name: 'Delete snapshots' });
          await expect(batch).toContainText('These 3 snapshots');
          await page.screenshot({ path: path.join(OUT, `batch-dialog-${label}.png`) });
          await batch.getByRole('button', { name: 'Delete', exact: true }).click();
          await expect(page.getByText('Deleting 3 snapshots in')).toBeVisible();
          await page.screenshot({ path: path.join(OUT, `batch-waiting-${label}.png`), fullPage: label === 'phone' });
          await page.getByRole('button', { name: 'Undo all' }).click();
        }
      });
    });
  }
}

// Between phone and desktop: a tablet in portrait, where each row takes two lines.
test.describe('tablet', () => {
  test.use({ viewport: { width: 820, height: 1000 }, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

  test('the list at 820 px', async ({ page, sim }) => {
    await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'before-kernel-update', description: 'Kernel 6.12 upgrade' });
    await signIn(page, sim);
    await expect(row(page, 'before-kernel-update')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, 'list-tablet.png') });
  });
});

// Embedded in an admin page built on Bootstrap 5, in its narrow side card, pinned to a server.
test.describe('Bootstrap portal', () => {
  test.use({ viewport: { width: 1280, height: 900 }, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'target', 'portal-site'), extraArgs: [] } });

  test('the console in a Bootstrap card', async ({ page, sim }) => {
    await page.goto(sim.url('/bootstrap.html'));
    const card = page.getByRole('region', { name: 'Snapshots of web-server-01' });
    await card.getByLabel('API token').fill(TOKEN);
    await card.getByRole('button', { name: 'Sign in' }).click();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, 'portal-bootstrap.png'), fullPage: true });
  });
});

// Issue 25: the console as its own element in a Bootstrap 5.3 portal, following the portal's
// light and dark theme; and a host that re-colours it with three lines of its own CSS.
test.describe('Portal element', () => {
  test.use({ viewport: { width: 1280, height: 900 }, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'target', 'portal-site'), extraArgs: [] } });

  test('the element in a Bootstrap portal, light, dark and re-coloured', async ({ page, sim }) => {
    await page.goto(sim.url('/element.html'));
    await page.evaluate((token) => sessionStorage.setItem('snapshot-console.token', token), TOKEN);
    await page.reload();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, 'portal-element-light.png'), fullPage: true });
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await page.screenshot({ path: path.join(OUT, 'portal-element-dark.png'), fullPage: true });
    await page.getByRole('button', { name: 'Light mode' }).click();
    // The host's stylesheet (a <link>: the portal's CSP allows no inline style).
    await page.route(sim.url('/recolour.css'), (route) => route.fulfill({ contentType: 'text/css', body: RECOLOUR }));
    await page.addStyleTag({ url: sim.url('/recolour.css') });
    // The accent reaches the button (as lab(), through the console's contrast bounds, which
    // leave this one as it is): read back in sRGB through a canvas.
    const accent = await page.getByRole('button', { name: 'Create snapshot' }).evaluate((e) => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.fillStyle = getComputedStyle(e).backgroundColor;
      c.fillRect(0, 0, 1, 1);
      return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
    [124, 58, 237].forEach((v, i) => expect(Math.abs(accent[i] - v), `${accent}`).toBeLessThanOrEqual(1));
    await page.screenshot({ path: path.join(OUT, 'portal-element-recoloured.png'), fullPage: true });
  });
});

/** The README's example of a host re-colouring the console. */
const RECOLOUR = `snapshot-console {
  --sc-accent: #7c3aed; --sc-radius: 2px; --sc-font: Georgia, serif;
}`;

// Issue 24: the longest content the core accepts, and notices that leave the last row's
// actions free, at desktop and phone sizes; and the list in forced colours.
const LONG_NAME = 'NightlyBackupBeforeTheQuarterlyUpgradeOfTheDatabaseClusterPrima';
const LONG_DESCRIPTION = 'Before the upgrade: ' + 'x'.repeat(480);
for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`reach ${label}`, () => {
    test.use({ viewport, simOptions: { createDelayMs: 2_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

    test(`long content and notices at ${label} size`, async ({ page, sim }) => {
      await sim.api('POST', '/snapshots/', { server_id: 12345, name: LONG_NAME, description: LONG_DESCRIPTION });
      await signIn(page, sim);
      const long = row(page, LONG_NAME);
      await expect(long).toBeVisible();
      await long.scrollIntoViewIfNeeded();
      await long.screenshot({ path: path.join(OUT, `long-content-${label}.png`) });
      // The create completes (2 s) and its notice shows; then a second notice. At the end of
      // the page, the last row's actions sit clear of both.
      await expect(long.getByText('Completed')).toBeVisible({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(page.getByRole('status', { name: 'Notifications' }).getByRole('paragraph')).not.toHaveCount(0);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.screenshot({ path: path.join(OUT, `notice-clear-${label}.png`) });
    });
  });
}

test.describe('forced colours', () => {
  test.use({ viewport: { width: 1280, height: 800 }, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

  test('the list in Windows high contrast', async ({ page, sim }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'before-kernel-update', description: 'Kernel 6.12 upgrade' });
    await signIn(page, sim);
    await row(page, 'nightly-run-1').getByRole('checkbox').check();
    await page.screenshot({ path: path.join(OUT, 'forced-colors-desktop.png') });
  });
});

// "Copy as…" open after a copy, at four widths, and in the create dialog (issue 26).
for (const width of [360, 820, 1024, 1440]) {
  test.describe(`copy as at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 }, simOptions: { createDelayMs: 600_000, restoreDelayMs: 600_000, seed: 'demo', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

    test(`Copy as… open at ${width} px`, async ({ page, sim, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await signIn(page, sim);
      const menu = page.getByRole('group').filter({ hasText: 'Copy as…' });
      await menu.getByText('Copy as…', { exact: true }).click();
      await menu.getByRole('button', { name: 'cURL' }).click();
      await expect(menu.getByRole('status')).toHaveText('Copied. It reads the token from VPS_API_TOKEN.');
      await page.getByRole('group').filter({ hasText: 'Export' }).getByText('Export', { exact: true }).click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(OUT, `copy-as-${width}.png`) });
      if (width === 360) {
        await page.getByRole('button', { name: 'Create snapshot' }).click();
        const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
        const inDialog = dialog.getByRole('group').filter({ hasText: 'Copy as…' });
        await inDialog.getByText('Copy as…', { exact: true }).click();
        await inDialog.getByRole('button', { name: 'Python' }).click();
        await expect(inDialog.getByRole('status')).toHaveText('Copied. It reads the token from VPS_API_TOKEN.');
        await page.screenshot({ path: path.join(OUT, 'copy-as-create-phone.png') });
      }
    });
  });
}
