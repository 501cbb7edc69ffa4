// A portal's TypeScript (tests/types/host.ts) compiles against the element's declarations as
// shipped in dist/, with the tsc the tests' package lock pins: an event, its detail or a
// property missing from embed.d.ts fails here.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test, expect } from '@playwright/test';

test('a TypeScript host compiles against dist/embed.d.ts', () => {
  const tests = path.resolve(__dirname, '..');
  const tsc = path.join(tests, 'node_modules', '.bin', 'tsc');
  let output = '';
  try {
    execFileSync(tsc, ['-p', path.join(tests, 'types', 'tsconfig.json')], { encoding: 'utf8' });
  } catch (e: any) {
    output = `${e.stdout}${e.stderr}`;
  }
  expect(output).toBe('');
});
