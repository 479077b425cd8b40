/**
 * Fixture files made at test time rather than committed: a realistic API key in the repository would be flagged
 * by secret scanners (and the project's own before-stop check), so the labelled set's Anthropic-key threat gets
 * its script written here, from parts that no scanner reads as a key. The file is git-ignored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const LABELLED = path.join(__dirname, '..', 'fixtures', 'security', 'labelled');

/** A made-up key of the Anthropic format (prefix, 93 characters, `AA`), never a real one. */
export const FAKE_ANTHROPIC_KEY = ['sk', 'ant', 'api03', `${'Zq8Xv2Lm4Nc6Bt0Rw3Ys5Hd7Kf9Jg1Pa'.repeat(3)}AA`].join('-');

/** Writes the labelled set's generated files (idempotent); call before reading the set. */
export function writeGeneratedFixtures(): void {
  const scripts = path.join(LABELLED, 'threat-secret-anthropic', 'scripts');
  mkdirSync(scripts, { recursive: true });
  writeFileSync(path.join(scripts, 'run.py'), `from anthropic import Anthropic\nclient = Anthropic(api_key="${FAKE_ANTHROPIC_KEY}")\n`);
}
