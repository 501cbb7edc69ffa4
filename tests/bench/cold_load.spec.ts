// Cold load: the time from navigation to the first rendered list of 100 snapshots, the
// console against the vanilla floor (bench/vanilla), alternating, each in a fresh context
// (empty cache). The floor draws all 100 rows; the console its first page of 25 (the rest
// are a click away), which is what its user sees first. Measured twice: on loopback as it
// is, and under Lighthouse's mobile profile, where the round trips and the bytes cost what
// they cost on a phone.
import { test, expect, Browser } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, median, RUNS, SITE, writeFigures } from './lib';

/** Lighthouse's mobile preset (its `mobileSlow4G` and CPU slowdown), set through CDP. */
const MOBILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

type Profile = 'loopback' | 'mobile';
const ROWS: Record<string, number> = { '/': 25, '/vanilla/': 100 };

async function measure(browser: Browser, url: string, rows: number, profile: Profile): Promise<number> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  if (profile === 'mobile') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE.latency,
      downloadThroughput: MOBILE.downloadThroughput,
      uploadThroughput: MOBILE.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpuSlowdown });
  }
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length >= n, rows, { polling: 'raf', timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

for (const profile of ['loopback', 'mobile'] as Profile[]) {
  test(`cold load to the first rendered list of 100 snapshots (${profile})`, async ({ browser }) => {
    test.setTimeout(30_000 + RUNS * 2 * (profile === 'mobile' ? 40_000 : 10_000));
    const sim = await startSim({
      createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
      extraArgs: ['--seed-servers', '20'],
    });
    const times = { console: [] as number[], vanilla: [] as number[] };
    try {
      for (let i = 0; i < RUNS; i++) {
        times.console.push(await measure(browser, sim.url('/'), ROWS['/'], profile));
        times.vanilla.push(await measure(browser, sim.url('/vanilla/'), ROWS['/vanilla/'], profile));
      }
    } finally {
      sim.stop();
    }
    const result = {
      profile,
      network: profile === 'mobile' ? MOBILE : null,
      runs: RUNS,
      console_median_ms: median(times.console),
      vanilla_median_ms: median(times.vanilla),
      ratio: median(times.console) / median(times.vanilla),
      console_ms: times.console,
      vanilla_ms: times.vanilla,
    };
    writeFigures(profile === 'mobile' ? 'cold_load_mobile' : 'cold_load', result);
    console.log(`cold load, ${profile} (${RUNS} alternating runs): console ${result.console_median_ms.toFixed(0)} ms, vanilla ${result.vanilla_median_ms.toFixed(0)} ms, ratio ${result.ratio.toFixed(2)}`);
    expect(times.console).toHaveLength(RUNS);
  });
}
