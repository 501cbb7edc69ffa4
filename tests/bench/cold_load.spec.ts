// Cold load: the time from navigation to the first rendered list of 100 snapshots, the
// console against the vanilla floor (bench/vanilla), alternating, each in a fresh context
// (empty cache). Run by `cargo xtask bench`; prints medians and writes JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from '@playwright/test';
import { startSim, TOKEN } from '../e2e/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const SITE = path.join(ROOT, 'target', 'bench-site');
const OUT = path.join(ROOT, 'target', 'bench');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

test('cold load to the first rendered list of 100 snapshots', async ({ browser }) => {
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  test.setTimeout(30_000 + runs * 2 * 10_000);
  const sim = await startSim({
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
    extraArgs: ['--seed-servers', '20'],
  });
  const measure = async (page_path: string) => {
    const context = await browser.newContext();
    await context.addInitScript((t) => sessionStorage.setItem('snapshot-console.token', t), TOKEN);
    const page = await context.newPage();
    await page.goto(sim.url(page_path));
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 100, null, { polling: 'raf' });
    const ms = await page.evaluate(() => performance.now());
    await context.close();
    return ms;
  };
  const times = { console: [] as number[], vanilla: [] as number[] };
  try {
    for (let i = 0; i < runs; i++) {
      times.console.push(await measure('/'));
      times.vanilla.push(await measure('/vanilla/'));
    }
  } finally {
    sim.stop();
  }
  const result = {
    runs,
    console_median_ms: median(times.console),
    vanilla_median_ms: median(times.vanilla),
    ratio: median(times.console) / median(times.vanilla),
    console_ms: times.console,
    vanilla_ms: times.vanilla,
  };
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'cold_load.json'), JSON.stringify(result, null, 2));
  console.log(`cold load (${runs} alternating runs): console ${result.console_median_ms.toFixed(0)} ms, vanilla ${result.vanilla_median_ms.toFixed(0)} ms, ratio ${result.ratio.toFixed(2)}`);
  expect(times.console).toHaveLength(runs);
});
