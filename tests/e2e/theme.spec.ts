// Light or dark: embedded, the console sits on its host's side, whatever the OS prefers, and
// follows the host's switch with no reload; on its own page it follows the OS. Measured in
// the page: the luminance of the console's text and of the surface under its table.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Page } from '@playwright/test';
import { test, expect, row, TOKEN, Sim } from './fixtures';

const PORTAL = path.resolve(__dirname, '..', '..', 'target', 'portal-site');
const CSP = fs.readFileSync(path.join(PORTAL, 'csp.txt'), 'utf8').trim();
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: PORTAL, extraArgs: [] } });

type Scheme = 'light' | 'dark';

/** The scheme the console shows: dark when its text is light. Also the host's own, from the
 *  background its element sits on, and the table's surface. */
async function schemes(page: Page) {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** The first opaque background at or above `e`. */
    const background = (e: Element | null): string => {
      for (; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const root = document.querySelector('.snapshot-console')!;
    const mount = root.parentElement!;
    const scheme = (l: number) => (l > 0.4 ? 'light' : 'dark');
    return {
      console: luminance(getComputedStyle(root).color) > 0.4 ? 'dark' : 'light',
      host: scheme(luminance(background(mount))),
      consoleBackground: scheme(luminance(background(root))),
      surface: scheme(luminance(background(document.querySelector('.snapshot-console table, .snapshot-console form')))),
    };
  });
}

/** axe-core's colour-contrast findings inside the console only (the host's page is not ours). */
async function contrast(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run({ include: [['.snapshot-console']] }, { runOnly: ['color-contrast'] });
    return result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`));
  });
}

async function signedIn(page: Page) {
  await page.evaluate((token) => sessionStorage.setItem('snapshot-console.token', token), TOKEN);
}

for (const os of ['light', 'dark'] as Scheme[]) {
  test(`a Bootstrap portal on a ${os} OS: the console takes the portal's theme, and its switch`, async ({ page, sim }) => {
    await page.emulateMedia({ colorScheme: os });
    await page.goto(sim.url('/element.html'));
    await signedIn(page);
    await page.reload();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    for (const host of ['light', 'dark', 'light'] as Scheme[]) {
      // The portal's own switch: no reload.
      if ((await page.evaluate(() => document.documentElement.dataset.bsTheme)) !== host) {
        await page.getByRole('button', { name: /mode$/ }).click();
      }
      const seen = await schemes(page);
      expect(seen, `portal ${host}, OS ${os}`).toEqual({ console: host, host, consoleBackground: host, surface: host });
      expect(await contrast(page), `portal ${host}, OS ${os}`).toEqual([]);
    }
  });
}

/** A host page made here: `<html class=…>` with a stylesheet that paints it as Tailwind's
 *  dark mode would (no color-scheme declared), or a plain page declaring nothing. */
async function madeHost(page: Page, sim: Sim, htmlClass: string, css: string, attributes = '', head = '') {
  const html = `<!DOCTYPE html><html lang="en" class="${htmlClass}"><head><meta charset="utf-8"><title>Host</title>${head}
    <link rel="stylesheet" href="/host/site.css"><link rel="stylesheet" href="/console/console.css"></head>
    <body><main><h1>Host portal</h1><snapshot-console server-id="12345" ${attributes}></snapshot-console></main>
    <script type="module" src="/console/embed.js"></script></body></html>`;
  await page.route(sim.url('/host/page.html'), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': CSP }, body: html }));
  await page.route(sim.url('/host/site.css'), (route) => route.fulfill({ status: 200, contentType: 'text/css', body: css }));
  await page.goto(sim.url('/host/page.html'));
  await signedIn(page);
  await page.reload();
  await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
}

const TAILWIND = 'html.dark body { background: #0f172a; color: #e2e8f0; } body { margin: 0; background: #fff; }';

test('a Tailwind-style page with the dark class on <html>: a dark console, on a light OS too, and back', async ({ page, sim }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await madeHost(page, sim, 'dark', TAILWIND);
  expect(await schemes(page)).toEqual({ console: 'dark', host: 'dark', consoleBackground: 'dark', surface: 'dark' });
  expect(await contrast(page)).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  expect(await schemes(page)).toEqual({ console: 'light', host: 'light', consoleBackground: 'light', surface: 'light' });
});

test('a plain page that declares nothing: a light console even on a dark OS', async ({ page, sim }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await madeHost(page, sim, '', 'body { margin: 0; }');
  expect(await schemes(page)).toEqual({ console: 'light', host: 'light', consoleBackground: 'light', surface: 'light' });
  expect(await contrast(page)).toEqual([]);
});

test('theme="dark" and theme="light" force one, whatever the page says', async ({ page, sim }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await madeHost(page, sim, '', 'body { margin: 0; background: #111; }', 'theme="dark"');
  expect((await schemes(page)).console).toBe('dark');
  expect(await contrast(page)).toEqual([]);
  await page.locator('snapshot-console').evaluate((e) => e.setAttribute('theme', 'light'));
  expect((await schemes(page)).console).toBe('light');
});

test('a theme given by the page\'s <meta> forces it, as the attribute does', async ({ page, sim }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await madeHost(page, sim, '', 'body { margin: 0; background: #111; }', '', '<meta name="snapshot-console:theme" content="dark">');
  expect((await schemes(page)).console).toBe('dark');
  expect(await contrast(page)).toEqual([]);
});

// A host's brand colours through the theming API, too light for the light scheme and too
// dark for the dark one: the console holds them to AA (text on them, and they as text).
for (const [scheme, colours] of [
  ['light', '--sc-accent: #ffc107; --sc-danger: #ff6b6b;'],
  ['dark', '--sc-accent: #1e3a8a; --sc-danger: #7f1d1d;'],
] as const) {
  test(`a host's own accent and danger on a ${scheme} page keep the console's text readable`, async ({ page, sim }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await madeHost(page, sim, scheme, `:root { color-scheme: ${scheme}; } body { margin: 0; background: Canvas; } snapshot-console { ${colours} }`);
    expect((await schemes(page)).console).toBe(scheme);
    expect(await contrast(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(page.getByRole('dialog', { name: 'Create snapshot' }).getByRole('button', { name: 'Create' })).toBeVisible();
    expect(await contrast(page)).toEqual([]);
  });
}

for (const os of ['light', 'dark'] as Scheme[]) {
  test(`the console's own page follows a ${os} OS, readable`, async ({ page, sim }) => {
    await page.emulateMedia({ colorScheme: os });
    await page.goto(sim.url('/console/index.html'));
    await signedIn(page);
    await page.reload();
    await expect(row(page, 'pre-migration-snapshot')).toBeVisible();
    expect(await schemes(page)).toEqual({ console: os, host: os, consoleBackground: os, surface: os });
    expect(await contrast(page)).toEqual([]);
  });
}
