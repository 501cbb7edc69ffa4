// Shared fixtures: a fresh simulator per test (in memory, serving the built console), and a
// page that fails the test on any uncaught error in the console.
import { test as base, expect, Page, Request } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');
export const TOKEN = 'e2e-token-7c1f0a';

export type SimOptions = {
  addr?: string;
  token?: string;
  createDelayMs: number;
  restoreDelayMs: number;
  seed: 'demo' | 'empty' | 'large';
  consoleDir: string;
  extraArgs: string[];
};

export class Sim {
  constructor(public origin: string, private child: ChildProcess, public logs: string[]) {}

  url(p: string): string {
    return this.origin + p;
  }

  /** Calls the API directly, as another client would (to set up or change state). */
  async api(method: string, p: string, body?: unknown, token = TOKEN): Promise<{ status: number; json: any }> {
    const response = await fetch(this.url(`/api/v1${p}`), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  /** Calls the simulator's test control (`--test-control`), e.g. to queue a fault. */
  async control(p: string, body: unknown = {}, method = 'POST'): Promise<void> {
    const response = await fetch(this.url(`/_sim${p}`), {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 204) throw new Error(`control ${p}: ${response.status} ${await response.text()}`);
  }

  /** Queues `fault` for the next `times` requests of `operation` (e.g. 'snapshot_list'). */
  fault(operation: string, fault: object, times = 1): Promise<void> {
    return this.control('/faults', { operation, fault, times });
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }

  /** Stops this simulator and starts a fresh one on the same address (e.g. with another
   *  token, as when the service revokes the one in use). */
  async restart(options: SimOptions): Promise<Sim> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.stop();
    await exited;
    return startSim({ ...options, addr: new URL(this.origin).host });
  }
}

export async function startSim(options: SimOptions): Promise<Sim> {
  const bin = process.env.SIM_BIN ?? path.join(ROOT, 'target', 'debug', 'snapshot-sim');
  const args = [
    '--addr', options.addr ?? '127.0.0.1:0', '--ephemeral', '--token', options.token ?? TOKEN,
    '--seed', options.seed,
    '--create-delay-ms', String(options.createDelayMs),
    '--restore-delay-ms', String(options.restoreDelayMs),
    '--console-dir', options.consoleDir,
    // Faults, revocation and advancing transitions for the tests (routes under /_sim/).
    '--test-control',
    ...options.extraArgs,
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const logs: string[] = [];
  child.stderr!.on('data', (d) => logs.push(String(d)));
  const lines = readline.createInterface({ input: child.stdout! });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('simulator did not start: ' + logs.join(''))), 10_000);
    lines.on('line', (line) => {
      const m = /^snapshot-sim listening on (\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${logs.join('')}`)));
  });
  return new Sim(origin, child, logs);
}

type Fixtures = {
  simOptions: SimOptions;
  sim: Sim;
  pageErrors: string[];
  /** Content-Security-Policy violations a test expects (all others fail it). */
  expectedCspViolations: number;
  /** Browser console errors and page errors a test provokes on purpose (a hostile server's
   *  answers, a wasm trap). */
  allowedConsoleErrors: RegExp | null;
  cspViolations: void;
  apiRequests: Request[];
};

export const test = base.extend<Fixtures>({
  simOptions: [
    {
      createDelayMs: 60_000,
      restoreDelayMs: 60_000,
      seed: 'demo',
      consoleDir: path.join(ROOT, 'dist'),
      extraArgs: [],
    },
    { option: true },
  ],
  sim: async ({ simOptions }, use) => {
    const sim = await startSim(simOptions);
    await use(sim);
    sim.stop();
  },
  // Every test, whether it names this fixture or not: the console must not panic or log an
  // error (but for the browser's own reports of failed requests, and what a test allows).
  pageErrors: [
    async ({ page, expectedCspViolations, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => {
        if (!(allowedConsoleErrors !== null && allowedConsoleErrors.test(e.message))) {
          errors.push(`pageerror: ${e.message}`);
        }
      });
      page.on('console', (m) => {
        const expected = /status of (4\d\d|5\d\d)|net::ERR_/.test(m.text())
          || (expectedCspViolations > 0 && /Content Security Policy/.test(m.text()))
          || (allowedConsoleErrors !== null && allowedConsoleErrors.test(m.text()));
        if (m.type() === 'error' && !expected) {
          errors.push(`console.error: ${m.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'the console must not log errors or panic').toEqual([]);
    },
    { auto: true },
  ],
  allowedConsoleErrors: [null, { option: true }],
  expectedCspViolations: [0, { option: true }],
  // Every test counts CSP violations in every page it opens; there must be none (but for
  // the test that provokes one on purpose).
  cspViolations: [
    async ({ page, expectedCspViolations }, use) => {
      await page.addInitScript(() => {
        (window as any).__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await use();
      const seen: string[] = await page.evaluate(() => (window as any).__cspViolations ?? []).catch(() => []);
      expect(seen, 'Content-Security-Policy violations').toHaveLength(expectedCspViolations);
    },
    { auto: true },
  ],
  apiRequests: async ({ page }, use) => {
    const requests: Request[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) requests.push(r);
    });
    await use(requests);
  },
});

export { expect };

/** Opens the console and signs in with the simulator's token. */
export async function signIn(page: Page, sim: Sim, query = ''): Promise<void> {
  await page.goto(sim.url(`/${query}`));
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  await expect(page.getByText(/^Updated /)).toBeVisible();
}

/** The table row of a snapshot, found by its name. */
export function row(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
}
