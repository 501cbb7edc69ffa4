// Languages: the menu, where the choice is kept, the link, the host's data-lang, loading a
// language only when it is chosen, and English when a language's file is missing or broken.
// Names come from the shipped locale files, so a missing translation fails here too.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, expect, startSim, TOKEN } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const texts = (tag: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'app', 'locales', `${tag}.json`), 'utf8'));
const bs = texts('bs');
/** A text with its `{placeholders}` filled, as the console fills it. */
const fill = (pattern: string, args: Record<string, string>) =>
  pattern.replace(/\{(\w+)\}/g, (all, name) => args[name] ?? all);
const zh = texts('zh-Hans');

test('the menu switches the language in place, keeping what was typed', async ({ page, sim }) => {
  await page.goto(sim.url('/'));
  await page.getByLabel('API token').fill('half-typed-token');
  await page.evaluate(() => { (window as any).__sameDocument = true; });
  const locales: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/locales/')) locales.push(new URL(r.url()).pathname); });

  await page.getByLabel('Language').selectOption({ label: 'Bosanski' });

  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
  await expect(page.getByRole('heading', { name: bs['app.name'] })).toBeVisible();
  await expect(page.getByLabel(bs['sign_in.token'])).toHaveValue('half-typed-token');
  await expect(page.getByLabel(bs['language.label'])).toHaveValue('bs');
  await expect(page).toHaveTitle(bs['app.name']);
  // Its own root says the language; the page's <html> is left as it was.
  const lang = await page.getByRole('heading', { name: bs['app.name'] })
    .evaluate((h) => [h.closest('[lang]')!.getAttribute('lang'), document.documentElement.lang]);
  expect(lang).toEqual(['bs', 'en']);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  expect(locales).toEqual(['/locales/bs.json']);

  // Back to English needs no file: it ships in the wasm.
  await page.getByLabel(bs['language.label']).selectOption({ label: 'English' });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(locales).toEqual(['/locales/bs.json']);
});

test('the choice is kept for the next visit, and ?lang= opens in a language', async ({ page, sim }) => {
  await page.goto(sim.url('/'));
  // Nothing but English is fetched while English is in use.
  const locales: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/locales/')) locales.push(new URL(r.url()).pathname); });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(locales).toEqual([]);

  await page.getByLabel('Language').selectOption({ label: 'Bosanski' });
  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'snapshot-console.lang': 'bs' });
  await page.reload();
  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();

  await page.goto(sim.url('/?lang=zh-Hans'));
  await expect(page.getByRole('button', { name: zh['sign_in.button'] })).toBeVisible();
  await expect(page.getByLabel(zh['language.label'])).toHaveValue('zh-Hans');

  // A choice made after following a link outlives the link: the URL forgets ?lang=.
  await page.getByLabel(zh['language.label']).selectOption({ label: 'Bosanski' });
  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
  await page.reload();
  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
});

test('the browser\'s own languages choose the first visit\'s', async ({ browser, sim }) => {
  const context = await browser.newContext({ locale: 'bs-BA' });
  const page = await context.newPage();
  await page.goto(sim.url('/'));
  await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
  await context.close();
});

test('a missing or broken language file leaves the console in English with a quiet notice', async ({ page }) => {
  // A copy of the built console where Bengali's file is not JSON and Sesotho's is gone.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'console-'));
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  for (const ext of ['', '.br', '.gz']) {
    fs.rmSync(path.join(site, 'locales', `bn.json${ext}`), { force: true });
    fs.rmSync(path.join(site, 'locales', `st.json${ext}`), { force: true });
  }
  fs.writeFileSync(path.join(site, 'locales', 'bn.json'), '<html>not a locale</html>');
  const sim = await startSim({ createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo', consoleDir: site, extraArgs: [] });
  try {
    await page.goto(sim.url('/'));
    for (const [name, tag] of [['বাংলা', 'bn'], ['Sesotho', 'st']]) {
      await page.getByLabel('Language').selectOption({ label: name });
      await expect(page.getByRole('status').filter({ hasText: `The ${name} texts could not be loaded, so the console is shown in English.` })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      const lang = await page.getByRole('button', { name: 'Sign in' }).evaluate((b) => b.closest('[lang]')!.getAttribute('lang'));
      expect(lang, tag).toBe('en');
    }
    // And the console still signs in.
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  } finally {
    sim.stop();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('a host page\'s data-lang shows the console in that language, and the host\'s <html lang> is untouched', async ({ page }) => {
  const sim = await startSim({
    createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'demo',
    consoleDir: path.join(ROOT, 'target', 'portal-site'), extraArgs: [],
  });
  try {
    await page.goto(sim.url('/bosanski.html'));
    await expect(page.getByRole('button', { name: bs['sign_in.button'] })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    await expect(page).toHaveTitle('Acme Hosting · Bosanski');
    // No menu unless the host asks for one (data-lang-menu).
    await expect(page.getByRole('combobox')).toHaveCount(0);
  } finally {
    sim.stop();
  }
});

for (const tag of ['st', 'id', 'bs', 'zh-Hans', 'bn']) {
  test(`signed in, in ${tag}: the list's heading, toolbar and actions are in that language`, async ({ page, sim }) => {
    const t = texts(tag);
    await page.goto(sim.url(`/?lang=${tag}`));
    await page.getByLabel(t['sign_in.token']).fill(TOKEN);
    await page.getByRole('button', { name: t['sign_in.button'] }).click();
    await expect(page.getByRole('heading', { name: t['list.title'], exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: t['action.create'] })).toBeVisible();
    await expect(page.getByRole('button', { name: t['action.sign_out'] })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: t['toolbar.search'] })).toBeVisible();
    await expect(page.getByRole('combobox', { name: t['toolbar.sort'] })).toHaveValue('newest');
    await expect(page.getByRole('option', { name: t['sort.size'] })).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: t['toolbar.filter'] })).toBeVisible();
    const quotas = page.getByRole('region', { name: t['quota.section'] });
    await expect(quotas.getByRole('button', { name: /db-primary-01/ })).toContainText(t['quota.limit_reached']);
    const table = page.getByRole('table', { name: t['list.title'] });
    for (const column of ['col.server', 'col.name', 'col.status', 'col.size', 'col.created', 'col.description']) {
      await expect(table.getByRole('columnheader', { name: t[column] })).toBeVisible();
    }
    const row = table.getByRole('row').filter({ hasText: 'pre-migration-snapshot' });
    await expect(row.getByText(t['status.completed'], { exact: true })).toBeVisible();
    await expect(row.getByRole('button', { name: t['action.restore_named'].replace('{name}', 'pre-migration-snapshot') })).toBeVisible();
    await expect(row.getByRole('button', { name: t['action.delete_named'].replace('{name}', 'pre-migration-snapshot') })).toBeVisible();
  });
}

/** Each language's name in itself, as the menu lists it. */
const NATIVE: Record<string, string> = {
  st: 'Sesotho', id: 'Bahasa Indonesia', bs: 'Bosanski', 'zh-Hans': '简体中文', bn: 'বাংলা',
};

for (const tag of ['st', 'id', 'bs', 'zh-Hans', 'bn']) {
  test(`in ${tag}: chosen from the menu, then create, restore and delete, with their checks and notices, in that language`, async ({ page, sim, apiRequests }) => {
    const t = texts(tag);
    await page.goto(sim.url('/'));
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: NATIVE[tag] });
    await expect(page.getByRole('combobox', { name: t['language.label'] })).toHaveValue(tag);
    await page.getByLabel(t['sign_in.token']).fill(TOKEN);
    await page.getByRole('button', { name: t['sign_in.button'] }).click();
    const notices = page.getByRole('status', { name: t['toast.region'] });

    // Create, with the name rule's reason in the language, a described character in it.
    await page.getByRole('button', { name: t['action.create'] }).click();
    const create = page.getByRole('dialog', { name: t['action.create'] });
    await expect(create).toContainText(t['create.advice']);
    await create.getByRole('combobox', { name: t['col.server'] }).selectOption({ label: t['create.another_server'] });
    const serverId = create.getByRole('textbox', { name: t['create.server_id'] });
    await serverId.fill('x');
    await expect(create).toContainText(t['invalid.server_id']);
    await serverId.fill('12347');
    const name = create.getByRole('textbox', { name: t['col.name'] });
    await name.fill('bad name');
    await expect(create).toContainText(fill(t['invalid.name_character'], { character: t['character.space'] }));
    await name.fill(`lang-${tag}`);
    await create.getByRole('button', { name: t['create.submit'], exact: true }).click();
    await expect(create).toBeHidden();
    await expect(notices).toContainText(fill(t['notice.creating'], { snapshot: `lang-${tag}`, server: 'staging-02' }));

    // Restore: the warnings, the typed name, the notice.
    const table = page.getByRole('table', { name: t['list.title'] });
    await table.getByRole('button', { name: fill(t['action.restore_named'], { name: 'pre-migration-snapshot' }) }).click();
    const restore = page.getByRole('dialog', { name: t['restore.title'] });
    await expect(restore).toContainText(t['restore.overwritten']);
    await expect(restore).toContainText(t['restore.stopped']);
    await expect(restore).toContainText(t['restore.undo']);
    const confirm = restore.getByRole('button', { name: t['action.restore'], exact: true });
    await expect(confirm).toBeDisabled();
    await restore.getByRole('checkbox', { name: t['restore.safety'] }).uncheck();
    await restore.getByLabel(fill(t['restore.confirm'], { server: 'web-server-01' })).fill('web-server-01');
    await confirm.click();
    await expect(restore).toBeHidden();
    await expect(notices).toContainText(fill(t['notice.restoring'], { server: 'web-server-01' }));

    // Delete: the warning and the notice.
    await table.getByRole('button', { name: fill(t['action.delete_named'], { name: 'weekly-snapshot-2025-01-08' }) }).click();
    const del = page.getByRole('dialog', { name: t['delete.title'] });
    await expect(del).toContainText(t['delete.permanent']);
    await del.getByRole('button', { name: t['action.delete'], exact: true }).click();
    await expect(del).toBeHidden();
    // Sent after the real 5 s undo window: more than the default wait leaves on a busy machine.
    await expect(notices).toContainText(fill(t['notice.deleted'], { snapshot: 'weekly-snapshot-2025-01-08' }), { timeout: 15_000 });

    const writes = apiRequests.filter((r) => r.method() !== 'GET').map((r) => r.method());
    expect(writes).toEqual(['POST', 'POST', 'DELETE']);

    // An API failure, worded in the language around the action's name; Bengali writes the
    // status with its own digits, as Intl gives them.
    await sim.fault('snapshot_list', { kind: 'status', status: 503 }, 3);
    await page.getByRole('button', { name: t['action.refresh'] }).click();
    const status = tag === 'bn' ? '৫০৩' : '503';
    await expect(page.getByRole('alert')).toContainText(fill(t['error.server'], { what: t['what.load'], status }));
    await expect(page.getByRole('button', { name: t['action.try_again'] })).toBeVisible();
  });
}

test('switching language signed in keeps the list, the filter, the search and the page, and asks the API nothing', async ({ page, sim, apiRequests }) => {
  await page.goto(sim.url('/'));
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('combobox', { name: 'Filter by server' }).selectOption({ label: 'db-primary-01' });
  await page.getByRole('searchbox', { name: 'Search' }).fill('nightly');
  await expect(page.getByRole('table', { name: 'Snapshots' }).getByRole('row')).toHaveCount(1 + 3);
  await expect(page).toHaveURL(/q=nightly/);
  const url = page.url();
  const before = apiRequests.length;

  await page.getByLabel('Language').selectOption({ label: 'Bosanski' });
  const table = page.getByRole('table', { name: bs['list.title'] });
  await expect(table.getByRole('columnheader', { name: bs['col.name'] })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  await expect(page.getByRole('searchbox', { name: bs['toolbar.search'] })).toHaveValue('nightly');
  await expect(page.getByRole('combobox', { name: bs['toolbar.filter'] })).toHaveValue('12346');
  expect(page.url()).toBe(url);
  expect(apiRequests.length).toBe(before);
});

test('a language file is fetched without the token', async ({ page, sim }) => {
  await page.goto(sim.url('/'));
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const file = page.waitForRequest((r) => r.url().endsWith('/locales/id.json'));
  await page.getByLabel('Language').selectOption({ label: 'Bahasa Indonesia' });
  const headers = await (await file).allHeaders();
  expect(headers.authorization).toBeUndefined();
  expect(JSON.stringify(headers)).not.toContain(TOKEN);
  await expect(page.getByRole('button', { name: texts('id')['action.sign_out'] })).toBeVisible();
});
