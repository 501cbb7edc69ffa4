// Shared by the measures: where the built sites are, medians, and the figures' JSON files.
// Figures go to target/bench/<name>.json; `cargo xtask bench` gathers them into
// docs/BENCHMARKS.md. Nothing here asserts a timing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext } from '@playwright/test';
import { TOKEN } from '../e2e/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
/** The release console with the vanilla floor beside it, at /vanilla/ (made by the xtask). */
export const SITE = process.env.BENCH_SITE ?? path.join(ROOT, 'target', 'bench-site');
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'target', 'bench');

/** How many alternating runs of each page (10 for `cargo xtask bench`, fewer for the smoke run). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 10);

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The first and third quartiles (linear between ranks): how much a median's runs spread. */
export const quartiles = (xs: number[]): [number, number] => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => {
    const i = (s.length - 1) * q;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
  };
  return [at(0.25), at(0.75)];
};

/** A fresh context (empty cache), signed in as both pages expect. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript((t) => sessionStorage.setItem('snapshot-console.token', t), TOKEN);
  return context;
}

export function writeFigures(name: string, figures: object): void {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${name}.json`), JSON.stringify(figures, null, 2));
}
