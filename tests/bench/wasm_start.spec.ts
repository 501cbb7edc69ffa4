// The wasm's compile and instantiate time, apart from its download: the bytes are fetched
// first, then `WebAssembly.compile` and `WebAssembly.instantiate` are timed on them in the
// console's own page (its CSP allows wasm), each run in a fresh context. Instantiation gets
// an empty function for every import: the console's start is a call the JS glue makes
// afterwards, so nothing of the app runs here. Also under a 4× CPU slowdown, as Lighthouse's
// mobile profile.
//
// That compile only validates the module: V8 compiles each wasm function on the main thread
// the first time it is called. So each run also loads the signed-in console to its first
// page of rows (the cold load's list), traced with the `v8.wasm` category alone, and counts
// the functions compiled on their first call and their time. Apart from the cold loads,
// whose timings this tracing would weigh on.
import { test, expect, Browser } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, median, RUNS, SITE, writeFigures } from './lib';

type TraceEvent = { name: string; ph: string; dur?: number };

/** The wasm functions V8 compiled on their first call in one cold load of the signed-in
 *  console, up to its first page of rows, and their time in ms. */
async function firstCalls(browser: Browser, url: string, rate: number): Promise<{ functions: number; ms: number }> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await browser.startTracing(page, { categories: ['v8.wasm'] });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 25, null, { timeout: 60_000 });
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await context.close();
  const compiled = traceEvents.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X');
  return { functions: compiled.length, ms: compiled.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 };
}

test('wasm compile and instantiate time', async ({ browser }) => {
  test.setTimeout(30_000 + RUNS * 2 * 30_000);
  // The cold load's list: 20 servers of 5.
  const sim = await startSim({
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
    extraArgs: ['--seed-servers', '20'],
  });
  const runs: Record<string, { compile: number[]; instantiate: number[]; first_call_functions: number[]; first_call_ms: number[] }> = {
    cpu_1x: { compile: [], instantiate: [], first_call_functions: [], first_call_ms: [] },
    cpu_4x: { compile: [], instantiate: [], first_call_functions: [], first_call_ms: [] },
  };
  let wasmBytes = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [key, rate] of [['cpu_1x', 1], ['cpu_4x', 4]] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(sim.url('/'));
        // The sign-in screen: the wasm has loaded, and its URL is in the resource timings.
        await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const figures = await page.evaluate(async () => {
          const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
          if (!entry) throw new Error('no .wasm in the resource timings');
          const bytes = await (await fetch(entry.name)).arrayBuffer();
          const t0 = performance.now();
          const module = await WebAssembly.compile(bytes);
          const t1 = performance.now();
          const imports: Record<string, Record<string, () => void>> = {};
          for (const imp of WebAssembly.Module.imports(module)) {
            if (imp.kind !== 'function') throw new Error(`import ${imp.module}.${imp.name} is a ${imp.kind}`);
            (imports[imp.module] ??= {})[imp.name] = () => {};
          }
          await WebAssembly.instantiate(module, imports);
          const t2 = performance.now();
          return { compile: t1 - t0, instantiate: t2 - t1, bytes: bytes.byteLength };
        });
        runs[key].compile.push(figures.compile);
        runs[key].instantiate.push(figures.instantiate);
        wasmBytes = figures.bytes;
        await context.close();
        const first = await firstCalls(browser, sim.url('/'), rate);
        runs[key].first_call_functions.push(first.functions);
        runs[key].first_call_ms.push(first.ms);
      }
    }
  } finally {
    sim.stop();
  }
  const summary = (key: string) => ({
    compile_median_ms: median(runs[key].compile),
    instantiate_median_ms: median(runs[key].instantiate),
    first_call_functions_median: median(runs[key].first_call_functions),
    first_call_median_ms: median(runs[key].first_call_ms),
    compile_ms: runs[key].compile,
    instantiate_ms: runs[key].instantiate,
    first_call_functions: runs[key].first_call_functions,
    first_call_ms: runs[key].first_call_ms,
  });
  const result = { runs: RUNS, wasm_bytes: wasmBytes, cpu_1x: summary('cpu_1x'), cpu_4x: summary('cpu_4x') };
  writeFigures('wasm_start', result);
  console.log(`wasm (${wasmBytes} B) compile + instantiate: ${result.cpu_1x.compile_median_ms.toFixed(1)} + ${result.cpu_1x.instantiate_median_ms.toFixed(1)} ms; at 4× CPU ${result.cpu_4x.compile_median_ms.toFixed(1)} + ${result.cpu_4x.instantiate_median_ms.toFixed(1)} ms`);
  console.log(`compiled on first call, to the first rows: ${result.cpu_1x.first_call_functions_median} functions, ${result.cpu_1x.first_call_median_ms.toFixed(1)} ms; at 4× CPU ${result.cpu_4x.first_call_median_ms.toFixed(1)} ms`);
  expect(runs.cpu_1x.compile).toHaveLength(RUNS);
  // Every traced load ran the console: it compiled functions as it first called them.
  expect(Math.min(...runs.cpu_1x.first_call_functions, ...runs.cpu_4x.first_call_functions)).toBeGreaterThan(0);
});
