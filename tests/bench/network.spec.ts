// Network: the console's API requests per minute while idle, and while one snapshot is in
// progress (it polls until the snapshot settles).
import { test, expect, Page } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, SITE, writeFigures } from './lib';

const SECONDS = Number(process.env.BENCH_NETWORK_SECONDS ?? 60);

async function countRequests(page: Page, seconds: number): Promise<string[]> {
  const seen: string[] = [];
  const note = (r: { method(): string; url(): string }) => { if (r.url().includes('/api/')) seen.push(`${r.method()} ${new URL(r.url()).pathname}`); };
  page.on('request', note);
  await page.waitForTimeout(seconds * 1000);
  page.off('request', note);
  return seen;
}

test('API requests per minute, idle and with one snapshot in progress', async ({ browser }) => {
  test.setTimeout(60_000 + SECONDS * 2 * 1000);
  // Creation outlasts both windows, so the snapshot stays in progress throughout.
  const sim = await startSim({ createDelayMs: 3_600_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: SITE, extraArgs: [] });
  try {
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(sim.url('/'));
    await expect(page.getByRole('row')).not.toHaveCount(0);
    // The demo data has no snapshot in progress: this is the idle console.
    await expect(page.getByText('In progress', { exact: true })).toHaveCount(0);
    const idle = await countRequests(page, SECONDS);

    const created = await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'bench-in-progress' });
    expect(created.status).toBe(201);
    await page.reload();
    await expect(page.getByRole('row', { name: /bench-in-progress/ })).toContainText('In progress');
    const busy = await countRequests(page, SECONDS);
    await context.close();

    const perMinute = (n: number) => (n * 60) / SECONDS;
    const result = {
      window_seconds: SECONDS,
      idle_per_minute: perMinute(idle.length),
      in_progress_per_minute: perMinute(busy.length),
      idle_requests: idle,
      in_progress_requests: busy,
    };
    writeFigures('network', result);
    console.log(`network (${SECONDS} s windows): idle ${result.idle_per_minute} requests/min, one snapshot in progress ${result.in_progress_per_minute} requests/min`);
  } finally {
    sim.stop();
  }
});
