// The wasm's compile and instantiate time, apart from its download: the bytes are fetched
// first, then `WebAssembly.compile` and `WebAssembly.instantiate` are timed on them in the
// console's own page (its CSP allows wasm), each run in a fresh context. Instantiation gets
// an empty function for every import: the console's start is a call the JS glue makes
// afterwards, so nothing of the app runs here. Also under a 4× CPU slowdown, as Lighthouse's
// mobile profile.
import { test, expect } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { median, RUNS, SITE, writeFigures } from './lib';

test('wasm compile and instantiate time', async ({ browser }) => {
  test.setTimeout(30_000 + RUNS * 2 * 10_000);
  const sim = await startSim({ createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: SITE, extraArgs: [] });
  const runs: Record<string, { compile: number[]; instantiate: number[] }> = {
    cpu_1x: { compile: [], instantiate: [] },
    cpu_4x: { compile: [], instantiate: [] },
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
      }
    }
  } finally {
    sim.stop();
  }
  const summary = (key: string) => ({
    compile_median_ms: median(runs[key].compile),
    instantiate_median_ms: median(runs[key].instantiate),
    compile_ms: runs[key].compile,
    instantiate_ms: runs[key].instantiate,
  });
  const result = { runs: RUNS, wasm_bytes: wasmBytes, cpu_1x: summary('cpu_1x'), cpu_4x: summary('cpu_4x') };
  writeFigures('wasm_start', result);
  console.log(`wasm (${wasmBytes} B) compile + instantiate: ${result.cpu_1x.compile_median_ms.toFixed(1)} + ${result.cpu_1x.instantiate_median_ms.toFixed(1)} ms; at 4× CPU ${result.cpu_4x.compile_median_ms.toFixed(1)} + ${result.cpu_4x.instantiate_median_ms.toFixed(1)} ms`);
  expect(runs.cpu_1x.compile).toHaveLength(RUNS);
});
