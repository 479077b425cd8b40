import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newChunkScan, scanChunks } from '../../../src/webview/chat/markdownChunks';

/** The chunks of `text` as the streaming renderer cuts it (the last, growing part excluded). */
function chunks(text: string): string[] {
  const scan = newChunkScan();
  scanChunks(scan, text);
  return scan.ends.map((end, index) => text.slice(index === 0 ? 0 : scan.ends[index - 1], end));
}

describe('markdown chunks of a streamed reply', () => {
  it('cuts at blank lines before an unindented line once that line is complete, keeping the growing part out', () => {
    assert.deepEqual(chunks('# Title\n\nA paragraph\nstill it.\n\nNext'), ['# Title\n\n']);
    assert.deepEqual(chunks('# Title\n\nA paragraph\nstill it.\n\nNext\n'), ['# Title\n\n', 'A paragraph\nstill it.\n\n']);
  });

  it('never cuts inside a fenced code block, whatever its blank lines', () => {
    const text = 'Intro\n\n```python\ndef f():\n\n    return 1\n\nprint(f())\n```\n\nAfter\n';
    assert.deepEqual(chunks('Intro\n\n```python\ndef f():\n\n    return 1\n\nprint(f())\n'), ['Intro\n\n']);
    assert.deepEqual(chunks(text), ['Intro\n\n', '```python\ndef f():\n\n    return 1\n\nprint(f())\n```\n\n']);
    assert.deepEqual(chunks('~~~~\n\n```\n\nstill code\n~~~~\n\nout\n'), ['~~~~\n\n```\n\nstill code\n~~~~\n\n']);
  });

  it('ends a chunk at the first line after a code block that opened its chunk', () => {
    assert.deepEqual(chunks('```\ncode\n```\nText\n\n```\nx\n```\n\n\n- item\n'), ['```\ncode\n```\n', 'Text\n\n', '```\nx\n```\n\n\n']);
    assert.deepEqual(chunks('Text\n```\ncode\n```\nmore\n'), []);
  });

  it('keeps indented continuations and further items of a list with what they continue', () => {
    assert.deepEqual(chunks('- one\n\n  more of one\n\n- two\n\n1. three\n'), []);
    assert.deepEqual(chunks('- one\n\n  more of one\n\n- two\n\nAfter the list\n'), ['- one\n\n  more of one\n\n- two\n\n']);
    assert.deepEqual(chunks('Text\n\n    code\n\n    more code\n\nEnd\n'), ['Text\n\n    code\n\n    more code\n\n']);
  });

  it('gives the same chunks when the text arrives in pieces as when it arrives whole', () => {
    const text = 'Para one.\n\n```js\nx\n\ny\n```\n\n- a\n\n  b\n\nPara two\nline.\n\nlast';
    const scan = newChunkScan();
    let shown = '';
    for (const piece of text.match(/[\s\S]{1,3}/g) ?? []) {
      shown += piece;
      scanChunks(scan, shown);
    }
    const whole = newChunkScan();
    scanChunks(whole, text);
    assert.deepEqual(scan.ends, whole.ends);
    assert.ok(whole.ends.length >= 3);
  });
});
