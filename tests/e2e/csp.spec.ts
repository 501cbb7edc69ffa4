import { test, expect, signIn } from './fixtures';

test('the console page is served with a strict policy', async ({ page, sim }) => {
  const response = await page.goto(sim.url('/'));
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha384-");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  expect(response!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByLabel('API token')).toBeVisible();
});

test.describe('an injected inline script', () => {
  // One report per policy: the header's and the <meta> tag's (for hosts without headers).
  test.use({ expectedCspViolations: 2 });
  test('is blocked by the policy', async ({ page, sim }) => {
    await signIn(page, sim);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = '(window as any).__injected = true; window.__injected = true;';
      document.body.appendChild(script);
    });
    await expect.poll(() => page.evaluate(() => (window as any).__cspViolations.length)).toBe(2);
    expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as any).__cspViolations[0])).toMatch(/^script-src/);
  });
});

test('a cold load fetches the wasm and its glue once each: the preloads are used', async ({ page, sim }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const unused: string[] = [];
  page.on('console', (m) => { if (/preloaded using link preload but not used/.test(m.text())) unused.push(m.text()); });
  await signIn(page, sim);
  await expect(page.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  expect(fetched.filter((p) => /\/snapshot-console-[0-9a-f]+_bg\.wasm$/.test(p))).toHaveLength(1);
  expect(fetched.filter((p) => /\/snapshot-console-[0-9a-f]+\.js$/.test(p))).toHaveLength(1);
  expect(unused).toEqual([]);
});

test('a repeat visit takes the wasm and its glue from the cache unasked, and asks again for the page and the files hosts name', async ({ page, sim }) => {
  await signIn(page, sim);
  // The same tab, visited again: as an admin comes back to the console.
  await page.goto(sim.url('/'));
  await expect(page.getByText(/^Updated /)).toBeVisible();
  // What came over the wire, by the page's own count: nothing for a file kept as immutable,
  // a 304's headers for one asked again.
  const sent = await page.evaluate(() => Object.fromEntries(
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => [new URL(e.name).pathname.replace(/-[0-9a-f]+(_bg\.wasm|\.js)$/, '-HASH$1'), (e as PerformanceResourceTiming).transferSize])));
  expect(sent['/snapshot-console-HASH_bg.wasm']).toBe(0);
  expect(sent['/snapshot-console-HASH.js']).toBe(0);
  expect(sent['/']).toBeGreaterThan(0);
  expect(sent['/console.css']).toBeGreaterThan(0);
});
