import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseMochaSummary, parseResultLine, resultLine } from '../../scripts/lib/summary.mjs';
import { tailFile } from '../../scripts/lib/tail.mjs';

test('npm test adds up the last result line each runner prints', () => {
  const output = ['3 passed, 1 failed', 'noise: 9 passed, 9 failed', resultLine(12, 0), ''].join('\n');
  assert.deepEqual(parseResultLine(output), { passed: 12, failed: 0 });
  assert.equal(parseResultLine('no summary here'), undefined);
});

test('the integration runner reads the in-host reporter totals', () => {
  assert.deepEqual(parseMochaSummary('  ✔ a\nmocha: 5 passing, 2 failing, 0 pending\n'), { passed: 5, failed: 2 });
  assert.equal(parseMochaSummary('the run crashed before mocha reported'), undefined);
});

test('tailing delivers appended text whole, even a character split across two writes', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-tail-'));
  try {
    const file = path.join(dir, 'mocha.log');
    const chunks: string[] = [];
    let firstRead: () => void = () => {};
    const firstReadDone = new Promise<void>((resolve) => {
      firstRead = resolve;
    });
    const stop = tailFile(file, (text) => {
      chunks.push(text);
      firstRead();
    });
    const line = Buffer.from('✔ passes\n');
    appendFileSync(file, line.subarray(0, 2)); // two of the three bytes of ✔
    await firstReadDone;
    appendFileSync(file, line.subarray(2));
    stop();
    assert.equal(chunks.join(''), '✔ passes\n');
    assert.ok(!chunks.join('').includes('\uFFFD'), 'no replacement character from a split byte sequence');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
