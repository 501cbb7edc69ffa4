// The release console aborts on a panic: the wasm traps, and the console can no longer act.
// The user must see that, not a page that silently stops answering.
import * as path from 'node:path';
import { test, expect, signIn, row, TOKEN } from './fixtures';

test.use({ allowedConsoleErrors: /unreachable/ });

/** Makes the console's own wasm trap, as an aborting panic does: asked for an allocation
 *  of an impossible size, the module aborts. */
async function trap(page: import('@playwright/test').Page) {
  await page.evaluate(() => setTimeout(() => (window as any).__consoleWasm.__wbindgen_malloc(0xfffffff0, 8)));
}

async function keepWasm(page: import('@playwright/test').Page) {
  await page.addInitScript(() =>
    addEventListener('TrunkApplicationStarted', (e: any) => { (window as any).__consoleWasm = e.detail.wasm; }));
}

test('a trap in the console is shown as a plain message in its box', async ({ page, sim }) => {
  await keepWasm(page);
  await signIn(page, sim);
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await trap(page);
  const stopped = page.getByRole('alert');
  await expect(stopped).toHaveText(/^The console stopped after an internal error and can no longer act\. Reload the page/);
  await expect(stopped).toHaveCount(1);
  // A reload brings the console back, still signed in.
  await page.reload();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('embedded', () => {
  test.use({
    simOptions: {
      createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo',
      consoleDir: path.resolve(__dirname, '..', '..', 'target', 'portal-site'), extraArgs: [],
    },
  });

  test('the message stays inside the console, and the host page keeps working', async ({ page, sim }) => {
    await page.goto(sim.url('/index.html'));
    const console = page.getByRole('region', { name: /^Snapshots/ });
    await console.getByLabel('API token').fill(TOKEN);
    await console.getByRole('button', { name: 'Sign in' }).click();
    await expect(console.getByRole('table', { name: 'Snapshots' })).toBeVisible();
    // A trap from outside the console's code (the host's own bug) says nothing.
    await page.evaluate(() => setTimeout(() => { throw new Error('unreachable in the host'); }));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    await expect(console.getByRole('alert')).toContainText('The console stopped after an internal error');
  });
});
