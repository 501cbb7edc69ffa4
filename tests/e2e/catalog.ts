// The console's own words in each language, read from where the console reads them (the
// English catalog in app/src/i18n/keys.rs, the shipped locale files), so tests find controls
// by their accessible names in every language.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The six languages, by the tag the console uses. */
export const LANGUAGES = ['en', 'st', 'id', 'bs', 'zh-Hans', 'bn'] as const;
export type Language = (typeof LANGUAGES)[number];

function english(): Record<string, string> {
  const source = fs.readFileSync(path.join(ROOT, 'app', 'src', 'i18n', 'keys.rs'), 'utf8');
  const texts: Record<string, string> = {};
  for (const m of source.matchAll(/"([a-z_.]+)" => text\("((?:[^"\\]|\\.)*)"\)/g)) {
    texts[m[1]] = JSON.parse(`"${m[2]}"`);
  }
  return texts;
}

/** `t(key, args)`: the text of `key` in `language`, its `{placeholders}` filled. */
export function catalog(language: Language): (key: string, args?: Record<string, string>) => string {
  const texts: Record<string, string> = language === 'en'
    ? english()
    : JSON.parse(fs.readFileSync(path.join(ROOT, 'app', 'locales', `${language}.json`), 'utf8'));
  return (key, args = {}) => {
    const text = texts[key];
    if (typeof text !== 'string') throw new Error(`no text for ${key} in ${language}`);
    return text.replace(/\{(\w+)\}/g, (all, name) => args[name] ?? all);
  };
}
