// Where a cold load's time goes: from navigation to the first painted page of rows, cut into
// named phases that add up to the whole. Milestones come from the page (a script installed
// before any of its own: it wraps the calls the page makes, and marks each first one) and
// from a Chromium trace of the same run (the end of the task that rendered the rows, and the
// style and layout before the paint). The same code measures the console and the floor.
import { Browser, BrowserContext, Page } from '@playwright/test';

/** The phases, in the order they happen; their figures add up to `total`. */
export const PHASES = [
  'html', 'js_glue', 'wasm', 'rust_start', 'waiting_on_list', 'decoding', 'rendering', 'style_layout', 'paint',
] as const;
export type Phase = typeof PHASES[number];
export type Phases = Record<Phase, number> & {
  total: number;
  /** Layouts forced by script while the rows were rendered (thrash), in ms. */
  forced_layout: number;
};

/** Installed before the page's own scripts: marks the first of each milestone, in ms since
 *  navigation (the page's clock), and as `bench:` user-timing marks (the trace's clock). */
function instrument(rows: number) {
  const marks: Record<string, number> = {};
  (window as any).__benchMarks = marks;
  const mark = (name: string) => {
    if (name in marks) return;
    marks[name] = performance.now();
    performance.mark(`bench:${name}`);
  };
  // The glue has run once it asks for the wasm; instantiated when that settles.
  for (const name of ['instantiateStreaming', 'instantiate'] as const) {
    const original = (WebAssembly as any)[name];
    (WebAssembly as any)[name] = function (...args: unknown[]) {
      mark('glue');
      const started = original.apply(this, args);
      started.then(() => mark('wasm'), () => {});
      return started;
    };
  }
  // The floor has no wasm: its script has run once it asks for the list.
  const fetch = window.fetch;
  window.fetch = function (...args: Parameters<typeof fetch>) {
    mark('fetch');
    return fetch.apply(this, args);
  };
  const checkRows = () => {
    const body = document.querySelector('tbody');
    const count = body ? body.rows.length : 0;
    if (count > 0) mark('first_row');
    if (count >= rows && !('rows_in' in marks)) {
      mark('rows_in');
      requestAnimationFrame(() => setTimeout(() => mark('painted')));
    }
  };
  for (const name of ['appendChild', 'insertBefore', 'append', 'replaceChildren'] as const) {
    const proto: any = name === 'append' || name === 'replaceChildren' ? Element.prototype : Node.prototype;
    const original = proto[name];
    proto[name] = function (this: Node, ...args: unknown[]) {
      const result = original.apply(this, args);
      // The console's first own element (not the floor's static page).
      if ('wasm' in marks && (this as Element).closest?.('[data-snapshot-console]')) mark('mount');
      if (!('painted' in marks)) checkRows();
      return result;
    };
  }
}

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number };

/** A context whose pages mark their milestones; done once `rows` rows are painted. */
export async function instrumented(context: BrowserContext, rows: number): Promise<BrowserContext> {
  await context.addInitScript(instrument, rows);
  return context;
}

/** Opens `url` in a new page of an `instrumented` context, traced, and returns its phases. */
export async function tracedLoad(browser: Browser, context: BrowserContext, url: string, setUp?: (page: Page) => Promise<void>): Promise<Phases> {
  const page = await context.newPage();
  await setUp?.(page);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
  await page.goto(url);
  await page.waitForFunction(() => 'painted' in (window as any).__benchMarks, null, { timeout: 120_000 });
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const phases = await phasesOf(page, trace.traceEvents);
  await page.close();
  return phases;
}

async function phasesOf(page: Page, events: TraceEvent[]): Promise<Phases> {
  const page_ = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const list = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/snapshots/')) as PerformanceResourceTiming | undefined;
    // The floor marks its own decoding (bench/vanilla/vanilla.js); the console's ends where
    // its first row goes in.
    const decoded = performance.getEntriesByName('decoded')[0]?.startTime;
    return { marks: (window as any).__benchMarks as Record<string, number>, html: nav.responseEnd, list: list?.responseEnd ?? 0, decoded };
  });
  const m = page_.marks;
  // The trace's clock: the renderer's main thread is where the bench marks were made.
  const markEvent = (name: string) => events.find((e) => e.cat.includes('blink.user_timing') && e.name === `bench:${name}`);
  const first = markEvent('first_row')!;
  const painted = markEvent('painted')!;
  const toPage = (ts: number) => m.first_row + (ts - first.ts) / 1000;
  const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur !== undefined);
  // The task that put the rows in: rendering ends with it.
  const renderTask = main.find((e) => e.name === 'RunTask' && e.ts <= first.ts && first.ts <= e.ts + e.dur!);
  const renderEnd = renderTask ? toPage(renderTask.ts + renderTask.dur!) : m.rows_in;
  const within = (from: number, to: number, names: string[]) => {
    let sum = 0, covered = -Infinity;
    for (const e of main.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts)) {
      // Outermost events only: a Layout may hold a style update, and the reverse.
      if (e.ts < from || e.ts + e.dur! > to || e.ts + e.dur! <= covered) continue;
      sum += e.dur! / 1000;
      covered = e.ts + e.dur!;
    }
    return sum;
  };
  const renderEndTs = renderTask ? renderTask.ts + renderTask.dur! : first.ts;
  const styleLayout = within(renderEndTs, painted.ts, ['UpdateLayoutTree', 'Layout']);
  const forced = renderTask ? within(renderTask.ts, renderEndTs, ['Layout']) : 0;

  // Consecutive milestones; each phase is the time between two (never negative).
  const points: number[] = [];
  const at = (t: number | undefined) => {
    const last = points.length ? points[points.length - 1] : 0;
    const value = Math.max(last, t ?? last);
    points.push(value);
    return value;
  };
  at(page_.html);
  const glue = at(m.glue ?? m.fetch);
  const wasm = at(m.wasm ?? glue);
  at(m.mount ?? wasm);
  at(page_.list);
  at(page_.decoded ?? m.first_row);
  at(renderEnd);
  const end = m.painted;
  const [html, gl, wa, mount, listReady, decoded, rendered] = points;
  return {
    html,
    js_glue: gl - html,
    wasm: wa - gl,
    rust_start: mount - wa,
    waiting_on_list: listReady - mount,
    decoding: decoded - listReady,
    rendering: rendered - decoded,
    style_layout: Math.min(styleLayout, Math.max(0, end - rendered)),
    paint: Math.max(0, end - rendered - styleLayout),
    total: end,
    forced_layout: forced,
  };
}
