// Cold load: the time from navigation to the first painted page of a 100-snapshot list, the
// console against the vanilla floor (bench/vanilla), alternating, each in a fresh context
// (empty cache), cut into phases (phases.ts) from a trace of each run. The floor draws all
// 100 rows; the console its first page of 25 (the rest are a click away), which is what its
// user sees first. Measured on loopback as it is, and under Lighthouse's mobile profile,
// where the round trips and the bytes cost what they cost on a phone. Then, on each, a repeat
// visit: the same page again in the same context, its HTTP cache warm, as an admin opens it
// daily (the console's hashed files kept as immutable, the rest revalidated).
import { test, expect, Browser, Page } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, median, quartiles, RUNS, SITE, writeFigures } from './lib';
import { instrumented, Phases, PHASES, tracedLoad } from './phases';

/** Lighthouse's mobile preset (its `mobileSlow4G` and CPU slowdown), set through CDP. */
const MOBILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

type Profile = 'loopback' | 'mobile';
type Which = 'console' | 'vanilla';
const PATH: Record<Which, string> = { console: '/', vanilla: '/vanilla/' };
const ROWS: Record<Which, number> = { console: 25, vanilla: 100 };

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: MOBILE.latency,
    downloadThroughput: MOBILE.downloadThroughput,
    uploadThroughput: MOBILE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpuSlowdown });
}

/** One cold load and the repeat visit after it, on the same network. */
async function measure(browser: Browser, url: string, which: Which, profile: Profile): Promise<{ cold: Phases; repeat: Phases }> {
  const context = await instrumented(await freshContext(browser), ROWS[which]);
  const setUp = profile === 'mobile' ? throttle : undefined;
  const cold = await tracedLoad(browser, context, url, setUp);
  const repeat = await tracedLoad(browser, context, url, setUp);
  await context.close();
  return { cold, repeat };
}

/** Median, quartiles and every run of each phase. */
function summary(runs: Phases[]) {
  const of = (key: keyof Phases) => {
    const xs = runs.map((r) => r[key]);
    const [q1, q3] = quartiles(xs);
    return { median: median(xs), q1, q3 };
  };
  return Object.fromEntries([...PHASES, 'total', 'forced_layout'].map((k) => [k, of(k as keyof Phases)]));
}

/** The console's loads against the floor's: totals with their spread, the ratio, and phases. */
function against(runs: Record<Which, Phases[]>) {
  const total = (rs: Phases[]) => rs.map((r) => r.total);
  return {
    console_median_ms: median(total(runs.console)),
    vanilla_median_ms: median(total(runs.vanilla)),
    console_iqr_ms: quartiles(total(runs.console)),
    vanilla_iqr_ms: quartiles(total(runs.vanilla)),
    ratio: median(total(runs.console)) / median(total(runs.vanilla)),
    phases: { console: summary(runs.console), vanilla: summary(runs.vanilla) },
  };
}

for (const profile of ['loopback', 'mobile'] as Profile[]) {
  test(`cold load to the first painted page of a 100-snapshot list (${profile})`, async ({ browser }) => {
    test.setTimeout(30_000 + RUNS * 2 * (profile === 'mobile' ? 60_000 : 15_000));
    const sim = await startSim({
      createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
      extraArgs: ['--seed-servers', '20'],
    });
    const runs = { console: [] as Phases[], vanilla: [] as Phases[] };
    const repeats = { console: [] as Phases[], vanilla: [] as Phases[] };
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const which of ['console', 'vanilla'] as Which[]) {
          const { cold, repeat } = await measure(browser, sim.url(PATH[which]), which, profile);
          runs[which].push(cold);
          repeats[which].push(repeat);
        }
      }
    } finally {
      sim.stop();
    }
    const result = {
      profile,
      network: profile === 'mobile' ? MOBILE : null,
      runs: RUNS,
      ...against(runs),
      repeat: against(repeats),
      raw: { runs, repeats },
    };
    writeFigures(profile === 'mobile' ? 'cold_load_mobile' : 'cold_load', result);
    const line = (label: string, c: number, v: number) => `${label} console ${c.toFixed(0)} ms, vanilla ${v.toFixed(0)} ms, ratio ${(c / v).toFixed(2)}`;
    console.log(`cold load, ${profile} (${RUNS} alternating runs): ${line('', result.console_median_ms, result.vanilla_median_ms)}`);
    for (const phase of PHASES) {
      console.log(`  ${phase.padEnd(16)} console ${result.phases.console[phase].median.toFixed(1).padStart(7)} ms   vanilla ${result.phases.vanilla[phase].median.toFixed(1).padStart(7)} ms`);
    }
    console.log(`repeat visit: ${line('', result.repeat.console_median_ms, result.repeat.vanilla_median_ms)}`);
    // Every run reached its painted rows, and its phases add up to its whole.
    for (const r of [...runs.console, ...runs.vanilla]) {
      expect(PHASES.reduce((sum, p) => sum + r[p], 0)).toBeCloseTo(r.total, 0);
    }
    expect(runs.console).toHaveLength(RUNS);
  });
}
