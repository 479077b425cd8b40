import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { crc32, crc32InJavaScript } from '../../../src/core/zip/crc32';

describe('crc32', () => {
  it('gives the check value of CRC-32/ISO-HDLC, natively and in JavaScript', () => {
    const check = new TextEncoder().encode('123456789');
    assert.equal(crc32(check), 0xcbf43926);
    assert.equal(crc32InJavaScript(check), 0xcbf43926);
    assert.equal(crc32InJavaScript(new Uint8Array(0)), 0);
  });

  it('computes in JavaScript what zlib computes, at every length around the 8-byte steps and at any offset', () => {
    const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    assert.ok(native, 'this Node has zlib.crc32 to compare with');
    const bytes = randomBytes(4096);
    for (let length = 0; length <= 70; length++) {
      for (const offset of [0, 1, 3, 7]) {
        const slice = bytes.subarray(offset, offset + length);
        assert.equal(crc32InJavaScript(slice), native(slice) >>> 0, `length ${length} at offset ${offset}`);
      }
    }
    assert.equal(crc32InJavaScript(bytes), native(bytes) >>> 0);
  });
});
