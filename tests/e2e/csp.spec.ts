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
