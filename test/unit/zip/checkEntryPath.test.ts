import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEntryPath } from '../../../src/core/zip/checkEntryPath';

/** The rules of `checkEntryPath` step by step, as written before its one-test shortcut for plain paths. */
function stepByStep(rawName: string): string {
  const refuse = (reason: string): never => {
    throw new Error(`The path "${rawName}" ${reason}; no upload or download may carry it.`);
  };
  if (rawName.includes('\0')) refuse('contains a NUL character');
  if (rawName.includes('\\')) refuse('contains a backslash');
  if (rawName.startsWith('/')) refuse('is absolute');
  if (/^[a-zA-Z]:/.test(rawName)) refuse('starts with a drive letter');
  const segments = rawName.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) refuse('climbs out of its folder with ".."');
  if (segments.length === 0) refuse('is empty');
  return segments.join('/');
}

/** What `check` makes of `rawName`: the path, or the message it refuses it with. */
function outcome(check: (rawName: string) => string, rawName: string): string {
  try {
    return `ok ${check(rawName)}`;
  } catch (error) {
    return `refused ${(error as Error).message}`;
  }
}

describe('checkEntryPath', () => {
  it('gives the same path or refusal as its rules step by step, for every path of up to five pieces', () => {
    const pieces = ['a', 'B', '.', '..', '/', '\\', ':', '\0', 'é', ' '];
    let paths = [''];
    for (let length = 1; length <= 5; length++) {
      paths = paths.flatMap((path) => pieces.map((piece) => path + piece));
      for (const path of paths) assert.equal(outcome(checkEntryPath, path), outcome(stepByStep, path), JSON.stringify(path));
    }
  });
});
