// "Copy as…" and "Export" (issue 26): what reaches the clipboard and the downloaded files, and
// that their code is fetched only on first use.
import * as fs from 'node:fs';
import { test, expect, signIn, row, TOKEN, Sim } from './fixtures';
import { axeViolations, overflowing } from './layout';
import type { Page } from '@playwright/test';

const TOOLS = /\/tools\/snapshot_tools(_bg\.wasm|\.js)$/;

/** The menu `name` ("Copy as…" or "Export") within `scope`, opened if it was closed. */
async function openMenu(scope: Page | ReturnType<Page['getByRole']>, name: string) {
  const menu = scope.getByRole('group').filter({ hasText: name });
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) {
    await menu.getByText(name, { exact: true }).click();
  }
  return menu;
}

async function copyAs(page: Page, scope: Page | ReturnType<Page['getByRole']>, form: string): Promise<string> {
  const menu = await openMenu(scope, 'Copy as…');
  await menu.getByRole('button', { name: form, exact: true }).click();
  await expect(menu.getByRole('status')).toHaveText(`Copied as ${form}. It reads the token from VPS_API_TOKEN.`);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** RFC 4180 rows of `text` (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The snapshot names the table shows, in its order. */
async function shownNames(page: Page, sim: Sim, server: number): Promise<string[]> {
  const names: string[] = (await sim.api('GET', `/snapshots/?server_id=${server}`)).json.results.map((s: any) => s.name);
  const texts = await page.getByRole('table', { name: 'Snapshots' }).getByRole('row').allInnerTexts();
  const position = (name: string) => texts.findIndex((t) => t.includes(name));
  return names.filter((n) => position(n) >= 0).sort((a, b) => position(a) - position(b));
}

const today = () => new Date().toISOString().slice(0, 10);

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('Copy as… on the list gives its call with the filter, without the token, loading its code on first use', async ({ page, sim }) => {
  const fetched: string[] = [];
  page.on('request', (r) => { if (TOOLS.test(r.url())) fetched.push(r.url()); });
  await signIn(page, sim);
  await page.getByLabel('Filter by server').selectOption({ label: 'web-server-01' });
  expect(fetched, 'nothing of Copy as… loads with the console').toEqual([]);
  expect(await axeViolations(page)).toEqual([]);

  const curl = await copyAs(page, page, 'cURL');
  expect(fetched).toHaveLength(2);
  expect(curl).toContain(`curl -X GET "${sim.url('/api/v1/snapshots/?server_id=12345')}"`);
  expect(curl).toContain('-H "Authorization: Bearer $VPS_API_TOKEN"');
  expect(curl).not.toContain(TOKEN);
  expect(await axeViolations(page), 'the open menu and its status').toEqual([]);

  const python = await copyAs(page, page, 'Python');
  expect(python).toContain(`url = "${sim.url('/api/v1/snapshots/')}"`);
  expect(python).toContain('params = {"server_id": 12345}');
  expect(python).toContain(`os.environ['VPS_API_TOKEN']`);
  expect(python).not.toContain(TOKEN);
  expect(fetched, 'loaded once').toHaveLength(2);
});

test('Copy as… in the create dialog is the request Create then sends, quotes and new lines included', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create snapshot' });
  await dialog.getByLabel('Name').fill('');
  const menu = await openMenu(dialog, 'Copy as…');
  await menu.getByRole('button', { name: 'cURL', exact: true }).click();
  await expect(menu.getByRole('status')).toHaveText('Correct the form first: the command is what Create would send.');

  await dialog.getByLabel('Name').fill('before-php_84');
  const description = 'PHP 8.4 $HOME `id`\nline two \'single\' "double"';
  await dialog.getByLabel('Description').fill(description);
  const curl = await copyAs(page, dialog, 'cURL');
  expect(curl).toContain(`curl -X POST "${sim.url('/api/v1/snapshots/')}"`);
  expect(curl).not.toContain(TOKEN);
  // The body as a shell reads the single-quoted -d argument.
  const quoted = /-d '((?:[^']|'\\'')*)'$/.exec(curl);
  expect(quoted).not.toBeNull();
  const body = JSON.parse(quoted![1].replaceAll(`'\\''`, `'`));
  expect(body).toEqual({ server_id: expect.any(Number), name: 'before-php_84', description });
  const js = await copyAs(page, dialog, 'JavaScript');
  expect(js).toContain(`fetch('${sim.url('/api/v1/snapshots/')}'`);
  expect(js).toContain('process.env.VPS_API_TOKEN');
  expect(await axeViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  const sent = apiRequests.filter((r) => r.method() === 'POST');
  expect(sent).toHaveLength(1);
  expect(sent[0].url()).toBe(sim.url('/api/v1/snapshots/'));
  expect(sent[0].postDataJSON(), 'what was copied is what was sent').toEqual(body);
});

test('Copy as… in the restore and delete dialogs names the snapshot', async ({ page, sim }) => {
  await signIn(page, sim);
  await row(page, 'pre-migration-snapshot').getByRole('button', { name: 'Restore pre-migration-snapshot' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore snapshot' });
  const id = (await sim.api('GET', '/snapshots/')).json.results.find((s: any) => s.name === 'pre-migration-snapshot').id;
  const js = await copyAs(page, restore, 'JavaScript');
  expect(js).toContain(`const snapshotId = ${id};`);
  expect(js).toContain("method: 'POST'");
  expect(js).toContain('/api/v1/snapshots/${snapshotId}/restore/`');
  expect(js).not.toContain(TOKEN);
  await restore.getByRole('button', { name: 'Cancel' }).click();

  await row(page, 'weekly-snapshot-2025-01-08').getByRole('button', { name: /^Delete/ }).click();
  const del = page.getByRole('dialog', { name: 'Delete snapshot' });
  const curl = await copyAs(page, del, 'cURL');
  expect(curl).toMatch(new RegExp(`^curl -X DELETE "${sim.url('/api/v1/snapshots/')}\\d+/"`));
  expect(curl).not.toContain(TOKEN);
  expect(await axeViolations(page)).toEqual([]);
});

test('Export downloads the list as shown, as CSV and JSON', async ({ page, sim }) => {
  // A description a spreadsheet would run as a formula, and one in Bengali.
  await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'formula-check', description: '=HYPERLINK("http://evil.example")' });
  await sim.api('POST', '/snapshots/', { server_id: 12345, name: 'bengali-note', description: 'স্ন্যাপশট, "উদ্ধৃতি"' });
  await signIn(page, sim);
  await page.getByLabel('Filter by server').selectOption({ label: 'web-server-01' });
  const shown = await shownNames(page, sim, 12345);
  expect(shown.length).toBeGreaterThan(2);

  const menu = await openMenu(page, 'Export');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe(`snapshots-web-server-01-${today()}.csv`);
  const csvText = fs.readFileSync(await csvDownload.path(), 'utf8');
  expect(csvText.startsWith('\ufeff'), 'a byte-order mark').toBe(true);
  const [header, ...records] = parseCsv(csvText.slice(1));
  expect(header).toEqual(['id', 'name', 'status', 'server_id', 'server_name', 'size_mb', 'created_at', 'description']);
  expect(records.map((r) => r[1])).toEqual(shown);
  const formula = records.find((r) => r[1] === 'formula-check')!;
  expect(formula[7]).toBe(`'=HYPERLINK("http://evil.example")`);
  expect(formula[6]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(records.find((r) => r[1] === 'bengali-note')![7]).toBe('স্ন্যাপশট, "উদ্ধৃতি"');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'JSON' }).click()]);
  expect(jsonDownload.suggestedFilename()).toBe(`snapshots-web-server-01-${today()}.json`);
  const json = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
  expect(json.count).toBe(shown.length);
  expect(json.results.map((s: any) => s.name)).toEqual(shown);
  expect(json.results.find((s: any) => s.name === 'formula-check').description).toBe('=HYPERLINK("http://evil.example")');

  // A search narrows the file as it narrows the table.
  await page.getByLabel('Search').fill('formula');
  await expect(page.getByRole('table', { name: 'Snapshots' }).getByRole('row')).toHaveCount(2);
  const [narrowed] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'JSON' }).click()]);
  const only = JSON.parse(fs.readFileSync(await narrowed.path(), 'utf8'));
  expect(only.results.map((s: any) => s.name)).toEqual(['formula-check']);
  expect(await axeViolations(page)).toEqual([]);
  // Both menus open, on a phone and in a sidebar's width: nothing scrolls sideways.
  await openMenu(page, 'Copy as…');
  for (const width of [320, 400]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await overflowing(page), `${width} px`).toEqual([]);
  }
});

test('Export says so when its code cannot be fetched, and works on the next click', async ({ page, sim }) => {
  await signIn(page, sim);
  await page.route(TOOLS, (route) => route.abort());
  const menu = await openMenu(page, 'Export');
  await menu.getByRole('button', { name: 'CSV' }).click();
  await expect(menu.getByRole('status')).toHaveText('The file could not be made. Check the connection and try again.');
  await page.unroute(TOOLS);
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`snapshots-all-${today()}.csv`);
  await expect(menu.getByRole('status')).toHaveText('');
});
