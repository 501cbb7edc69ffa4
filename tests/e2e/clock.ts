// Playwright's fake clock, made to work with a console compiled to wasm.
import type { Page } from '@playwright/test';

/**
 * Installs the page's fake clock (call it before the page opens the console) so a test can
 * run the console's timers at once: `page.clock.runFor(ms)`. `AbortSignal.timeout` follows
 * it too: running past 15 s aborts a read still in flight.
 *
 * The fake clock numbers its timers from 10^12, but the console (web-sys, gloo-timers, Leptos)
 * keeps a timer's id as a WebIDL `long`, an i32: the id it later passes to `clearTimeout` is
 * cut to 32 bits, the clock finds no such timer, and the cancelled timer (a poll while the tab
 * is hidden, say) fires anyway. This lifts such an id back to the clock's before clearing.
 */
export async function installClock(page: Page): Promise<void> {
  await page.clock.install();
  // Added after the clock's own script (both are the context's), so it wraps the fake ones.
  await page.context().addInitScript(() => {
    const first = 1e12; // The clock's first timer id.
    const lift = (id: unknown) =>
      typeof id === 'number' && id < first ? first + ((((id - (first | 0)) % 2 ** 32) + 2 ** 32) % 2 ** 32) : id;
    for (const name of ['clearTimeout', 'clearInterval'] as const) {
      const clear = globalThis[name] as (id?: unknown) => void;
      (globalThis as any)[name] = (id?: unknown) => clear(lift(id));
    }
  });
}
