// A list of 5,000 snapshots (1,000 servers of 5), the console against the vanilla floor,
// alternating, each in a fresh context: the time to the rendered list, the time from a search
// keystroke to the next painted frame of the updated table, and the memory held afterwards
// (JS heap after a forced GC, plus the wasm linear memory). Then, in the console only, 100
// more keystrokes: wasm memory only grows, so what it gains over them is what searching
// keeps (the floor's JS heap is collected, and its keystrokes cost it half a second each).
import { test, expect, Page } from '@playwright/test';
import { startSim } from '../e2e/fixtures';
import { freshContext, median, quartiles, RUNS, SITE, writeFigures } from './lib';

const SERVERS = Number(process.env.BENCH_LARGE_SERVERS ?? 1000);
const TOTAL = SERVERS * 5;
/** The rows each page shows at once: the floor renders every snapshot; the console one page. */
const SHOWN = { console: Math.min(TOTAL, Number(process.env.BENCH_CONSOLE_ROWS ?? 25)), vanilla: TOTAL };
/** Typed into the search box, then erased: each keystroke changes the rows shown. */
const KEYSTROKES = ['9', '99', '999', '99', '9', '', '8', '88', '888', '88', '8', ''];
/** The keystrokes after the first round, over which the console's memory must stay flat. */
const SOAK = Number(process.env.BENCH_SOAK_KEYSTROKES ?? 100);

type Figures = { render_ms: number; keystroke_ms: number[]; js_heap_bytes: number; wasm_bytes: number; wasm_after_load_bytes: number; wasm_after_soak_bytes: number; soak_keystroke_ms: number[]; dom_nodes: number };

async function keystroke(page: Page, value: string): Promise<number> {
  const table = await page.getByRole('table', { name: 'Snapshots' }).elementHandle();
  return page.getByRole('searchbox', { name: 'Search' }).evaluate(
    (input: HTMLInputElement, { value, table }) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const done = new MutationObserver(() => {
          done.disconnect();
          // The next frame after the change, once painted.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        });
        done.observe(table!, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { done.disconnect(); resolve(NaN); }, 10_000);
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) || null }));
      }),
    { value, table },
  );
}

test('a list of 5,000 snapshots: render, search keystroke, memory', async ({ browser }) => {
  test.setTimeout(60_000 + RUNS * 2 * 30_000 + RUNS * SOAK * 1_000);
  const sim = await startSim({
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: SITE,
    extraArgs: ['--seed-servers', String(SERVERS)],
  });
  const measure = async (which: 'console' | 'vanilla'): Promise<Figures> => {
    const context = await freshContext(browser);
    await context.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e: any) => { (window as any).__wasmMemory = e.detail.wasm.memory; }));
    const page = await context.newPage();
    await page.goto(sim.url(which === 'console' ? '/' : '/vanilla/'));
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length >= n, SHOWN[which], { polling: 'raf', timeout: 60_000 });
    const render_ms = await page.evaluate(() => performance.now());
    // Wasm memory only grows: this against the figure after the keystrokes shows whether
    // searching does.
    const wasm_after_load_bytes = await page.evaluate(() => (window as any).__wasmMemory?.buffer.byteLength ?? 0);
    const keystroke_ms: number[] = [];
    for (const value of KEYSTROKES) {
      await page.waitForTimeout(100);
      keystroke_ms.push(await keystroke(page, value));
    }
    const wasmBytes = () => page.evaluate(() => (window as any).__wasmMemory?.buffer.byteLength ?? 0);
    const wasm_bytes = await wasmBytes();
    const soak_keystroke_ms: number[] = [];
    if (which === 'console') {
      for (let i = 0; i < SOAK; i++) {
        await page.waitForTimeout(20);
        soak_keystroke_ms.push(await keystroke(page, KEYSTROKES[i % KEYSTROKES.length]));
      }
    }
    const wasm_after_soak_bytes = await wasmBytes();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    await context.close();
    return { render_ms, keystroke_ms, js_heap_bytes: heap.usedSize, wasm_bytes, wasm_after_load_bytes, wasm_after_soak_bytes, soak_keystroke_ms, dom_nodes: dom.nodes };
  };
  const runs = { console: [] as Figures[], vanilla: [] as Figures[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      runs.console.push(await measure('console'));
      runs.vanilla.push(await measure('vanilla'));
    }
  } finally {
    sim.stop();
  }
  const summary = (fs: Figures[]) => ({
    render_median_ms: median(fs.map((f) => f.render_ms)),
    keystroke_median_ms: median(fs.flatMap((f) => f.keystroke_ms)),
    keystroke_iqr_ms: quartiles(fs.flatMap((f) => f.keystroke_ms)),
    render_iqr_ms: quartiles(fs.map((f) => f.render_ms)),
    keystroke_max_ms: Math.max(...fs.flatMap((f) => f.keystroke_ms)),
    memory_median_bytes: median(fs.map((f) => f.js_heap_bytes + f.wasm_bytes)),
    js_heap_median_bytes: median(fs.map((f) => f.js_heap_bytes)),
    wasm_median_bytes: median(fs.map((f) => f.wasm_bytes)),
    wasm_after_load_median_bytes: median(fs.map((f) => f.wasm_after_load_bytes)),
    /** Wasm memory gained over the keystrokes after the first round, per 100 keystrokes. */
    wasm_growth_per_100_median_bytes: median(fs.map((f) => ((f.wasm_after_soak_bytes - f.wasm_bytes) * 100) / Math.max(SOAK, 1))),
    soak_keystroke_median_ms: median(fs.flatMap((f) => f.soak_keystroke_ms)),
    dom_nodes_median: median(fs.map((f) => f.dom_nodes)),
    rows_shown: 0,
  });
  const c = { ...summary(runs.console), rows_shown: SHOWN.console };
  const v = { ...summary(runs.vanilla), rows_shown: SHOWN.vanilla };
  const result = {
    runs: RUNS, snapshots: TOTAL, keystrokes: KEYSTROKES, soak_keystrokes: SOAK,
    console: c, vanilla: v,
    render_ratio: c.render_median_ms / v.render_median_ms,
    keystroke_ratio: c.keystroke_median_ms / v.keystroke_median_ms,
    memory_ratio: c.memory_median_bytes / v.memory_median_bytes,
    raw: runs,
  };
  writeFigures('large_list', result);
  const mb = (b: number) => (b / 1048576).toFixed(1);
  console.log(`${TOTAL} snapshots (${RUNS} alternating runs): render console ${c.render_median_ms.toFixed(0)} ms, vanilla ${v.render_median_ms.toFixed(0)} ms (ratio ${result.render_ratio.toFixed(2)}); ` +
    `keystroke median console ${c.keystroke_median_ms.toFixed(1)} ms (max ${c.keystroke_max_ms.toFixed(1)}), vanilla ${v.keystroke_median_ms.toFixed(1)} ms; ` +
    `memory console ${mb(c.memory_median_bytes)} MB (JS ${mb(c.js_heap_median_bytes)} + wasm ${mb(c.wasm_median_bytes)}; wasm ${mb(c.wasm_after_load_median_bytes)} after the load, +${(c.wasm_growth_per_100_median_bytes / 1024).toFixed(0)} KB per 100 more keystrokes), vanilla ${mb(v.memory_median_bytes)} MB`);
  expect(runs.console.flatMap((f) => f.keystroke_ms).filter(Number.isNaN)).toEqual([]);
});
