// Cold load: the time from navigation to the first rendered list of 100 snapshots, the
// console against the vanilla floor (bench/vanilla), alternating, each in a fresh context
// (empty cache). The floor draws all 100 rows; the console its first page of 25 (the rest
// are a click away), which is what its user sees first.
import { test, expect } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, median, RUNS, SITE, writeFigures } from './lib';

test('cold load to the first rendered list of 100 snapshots', async ({ browser }) => {
  test.setTimeout(30_000 + RUNS * 2 * 10_000);
  const sim = await startSim({
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
    extraArgs: ['--seed-servers', '20'],
  });
  const rows: Record<string, number> = { '/': 25, '/vanilla/': 100 };
  const measure = async (pagePath: string) => {
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(sim.url(pagePath));
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length >= n, rows[pagePath], { polling: 'raf' });
    const ms = await page.evaluate(() => performance.now());
    await context.close();
    return ms;
  };
  const times = { console: [] as number[], vanilla: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      times.console.push(await measure('/'));
      times.vanilla.push(await measure('/vanilla/'));
    }
  } finally {
    sim.stop();
  }
  const result = {
    runs: RUNS,
    console_median_ms: median(times.console),
    vanilla_median_ms: median(times.vanilla),
    ratio: median(times.console) / median(times.vanilla),
    console_ms: times.console,
    vanilla_ms: times.vanilla,
  };
  writeFigures('cold_load', result);
  console.log(`cold load (${RUNS} alternating runs): console ${result.console_median_ms.toFixed(0)} ms, vanilla ${result.vanilla_median_ms.toFixed(0)} ms, ratio ${result.ratio.toFixed(2)}`);
  expect(times.console).toHaveLength(RUNS);
});
