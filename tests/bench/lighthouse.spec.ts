// Lighthouse's performance score on the sign-in screen (no token: what a first visit
// shows), with its default mobile profile (simulated slow 4G, 4× CPU), in Debian's
// Chromium. Lighthouse comes from npm (pinned in package.json) and launches the browser
// itself; nothing is downloaded.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSim } from '../e2e/fixtures';
import { median, RUNS, SITE, writeFigures } from './lib';

const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];

test('Lighthouse performance score on the sign-in screen', async () => {
  // Three runs at most: each is a whole browser launch and trace (about 12 s).
  const runs = Math.min(RUNS, 3);
  test.setTimeout(30_000 + runs * 60_000);
  const sim = await startSim({ createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: SITE, extraArgs: [] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
  const scores: number[] = [];
  let last: Record<string, unknown> = {};
  try {
    for (let i = 0; i < runs; i++) {
      const report = path.join(dir, `run-${i}.json`);
      execFileSync('npx', [
        'lighthouse', sim.url('/'),
        '--only-categories=performance',
        '--output=json', `--output-path=${report}`, '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
      const result = JSON.parse(fs.readFileSync(report, 'utf8'));
      if (result.runtimeError) throw new Error(`Lighthouse: ${JSON.stringify(result.runtimeError)}`);
      scores.push(Math.round(result.categories.performance.score * 100));
      last = Object.fromEntries(AUDITS.map((a) => [a, result.audits[a].displayValue]));
      last.lighthouse = result.lighthouseVersion;
    }
  } finally {
    sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result = { runs, score_median: median(scores), scores, last_run: last };
  writeFigures('lighthouse', result);
  console.log(`Lighthouse performance (${runs} runs): ${scores.join(', ')}; last run ${JSON.stringify(last)}`);
  expect(scores).toHaveLength(runs);
});
