// What a layout must never do, measured in the browser: a row's actions out of view or cut
// off, a name broken inside a word, anything scrolling sideways, a dialog out of the viewport.
// Shared by the width tests (English) and the language tests (every locale).
import * as fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The console's own box: the element its host marked `data-snapshot-console`. */
export const consoleBox = (page: Page) => page.locator('[data-snapshot-console]');

/** What is wrong with the layout at this width, as sentences (none when all is well). */
export async function layoutProblems(page: Page, names: string[]): Promise<string[]> {
  const problems: string[] = [];
  const box = (await consoleBox(page).boundingBox())!;
  const viewport = page.viewportSize()!.width;
  // Every row's buttons (Restore, Delete) are visible, inside the console's box and the
  // viewport, and not cut off by a scrolling ancestor.
  const actions = page.getByRole('table').getByRole('row').getByRole('button');
  if (!(await actions.count())) problems.push('no row actions found');
  for (const button of await actions.all()) {
    const label = await button.getAttribute('aria-label');
    const b = await button.boundingBox();
    if (!b || !(await button.isVisible())) { problems.push(`${label}: not visible`); continue; }
    if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.x + b.width > viewport) {
      problems.push(`${label}: at ${b.x}–${b.x + b.width}, outside the box ${box.x}–${box.x + box.width}`);
    }
    const clipped = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX === 'visible') continue;
        const c = p.getBoundingClientRect();
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5) return true;
      }
      return false;
    });
    if (clipped) problems.push(`${label}: cut off by a scrolling ancestor`);
  }
  // No name breaks inside a word: every line break falls after "-" or "_", unless one part
  // alone is wider than the whole cell.
  for (const name of names) {
    const cell = page.getByRole('cell', { name, exact: true });
    if (!(await cell.count())) continue;
    const broken = await cell.evaluate((el, name) => {
      const range = document.createRange();
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ ch: node.textContent![i], top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      const parts = name.split(/(?<=[-_])/);
      const widest = Math.max(...parts.map((p) => {
        const probe = document.createElement('span');
        probe.textContent = p;
        el.appendChild(probe);
        const w = probe.getBoundingClientRect().width;
        probe.remove();
        return w;
      }));
      const room = el.getBoundingClientRect().width;
      for (let i = 1; i < chars.length; i++) {
        if (chars[i].top !== chars[i - 1].top && !'-_'.includes(chars[i - 1].ch) && widest <= room) {
          return `${name} breaks after "${chars.slice(0, i).map((c) => c.ch).join('')}"`;
        }
      }
      return null;
    }, name);
    if (broken) problems.push(broken);
  }
  // Nothing in the console scrolls sideways.
  problems.push(...await overflowing(page));
  return problems;
}

/** Every element of the console wider than its box (scrolling sideways), as sentences. */
export async function overflowing(page: Page): Promise<string[]> {
  return consoleBox(page).evaluate((root) => {
    const found: string[] = [];
    // Visually hidden text (for screen readers) is clipped to 1 px on purpose.
    const clipped = (el: Element | null): boolean =>
      !!el && el !== root && (getComputedStyle(el).clip !== 'auto' || clipped(el.parentElement));
    for (const el of [root, ...root.querySelectorAll('*')]) {
      // Unseen: the choices of a closed <details> (a menu) are laid out but not shown.
      if (el.clientWidth === 0 || clipped(el) || !el.checkVisibility()) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
      }
    }
    return found;
  });
}

/** What is wrong with the open dialog: outside the viewport, or scrolling sideways. */
export async function dialogProblems(page: Page, dialog: Locator): Promise<string[]> {
  await expect(dialog).toBeVisible();
  return dialog.evaluate((d) => {
    const found: string[] = [];
    const r = d.getBoundingClientRect();
    if (r.left < 0 || r.right > document.documentElement.clientWidth) found.push(`dialog at ${r.left}–${r.right}`);
    for (const el of [d, ...d.querySelectorAll('*')]) {
      const seen = el.clientWidth > 0 && getComputedStyle(el).clip === 'auto' && el.checkVisibility();
      if (seen && el.scrollWidth > el.clientWidth + 1) {
        found.push(`<${el.tagName.toLowerCase()}> in the dialog is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
      }
    }
    return found;
  });
}


/** axe-core's violations on the page as it is, one line each (none when all is well). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

