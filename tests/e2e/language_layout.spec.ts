// Every language at a 360 px phone: nothing overflows, clips or scrolls sideways (Bengali and
// Bosnian run long, Chinese short), every dialog fits, and axe-core finds no accessibility
// violation on the sign-in screen, the list or any dialog. Names come from the locale files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, TOKEN } from './fixtures';
import { axeViolations, dialogProblems, layoutProblems, overflowing } from './layout';

const ROOT = path.resolve(__dirname, '..', '..');

/** The English texts the tests need, keyed as in the locale files. */
const ENGLISH: Record<string, string> = {
  'sign_in.token': 'API token', 'sign_in.button': 'Sign in', 'list.title': 'Snapshots',
  'action.create': 'Create snapshot', 'dialog.cancel': 'Cancel', 'restore.title': 'Restore snapshot',
  'delete.title': 'Delete snapshot', 'action.restore_named': 'Restore {name}', 'action.delete_named': 'Delete {name}',
};
const texts = (tag: string): Record<string, string> => tag === 'en'
  ? ENGLISH
  : JSON.parse(fs.readFileSync(path.join(ROOT, 'app', 'locales', `${tag}.json`), 'utf8'));

for (const tag of ['en', 'st', 'id', 'bs', 'zh-Hans', 'bn']) {
  test(`in ${tag} at 360 px: nothing overflows, the dialogs fit, and axe finds nothing`, async ({ page, sim }) => {
    const t = texts(tag);
    const fill = (key: string, name: string) => t[key].replace('{name}', name);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(sim.url(`/?lang=${tag}`));
    await expect(page.getByRole('button', { name: t['sign_in.button'] })).toBeVisible();
    expect(await overflowing(page), 'sign-in').toEqual([]);
    expect(await axeViolations(page), 'sign-in').toEqual([]);

    await page.getByLabel(t['sign_in.token']).fill(TOKEN);
    await page.getByRole('button', { name: t['sign_in.button'] }).click();
    await expect(page.getByRole('table', { name: t['list.title'] })).toBeVisible();
    const names = (await sim.api('GET', '/snapshots/')).json.results.map((s: { name: string }) => s.name);
    await expect(page.getByRole('button', { name: fill('action.delete_named', names[0]) })).toBeVisible();
    expect(await layoutProblems(page, names), 'list').toEqual([]);
    expect(await axeViolations(page), 'list').toEqual([]);

    const dialogs: [string, string][] = [
      [t['action.create'], t['action.create']],
      [fill('action.restore_named', 'pre-migration-snapshot'), t['restore.title']],
      [fill('action.delete_named', 'pre-migration-snapshot'), t['delete.title']],
    ];
    for (const [opener, title] of dialogs) {
      await page.getByRole('button', { name: opener, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: title });
      expect(await dialogProblems(page, dialog), title).toEqual([]);
      expect(await axeViolations(page), title).toEqual([]);
      await dialog.getByRole('button', { name: t['dialog.cancel'] }).click();
      await expect(dialog).toBeHidden();
    }
  });
}
