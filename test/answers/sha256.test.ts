// The drafts' SHA-256 (source/answers/sha256.ts) against node:crypto's, for any text.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../source/answers/sha256.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it("is FIPS 180-4's answer for its examples", () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is node:crypto’s for any text, across the padding edges (55, 56, 64 bytes) and beyond a block', () => {
    for (let length = 0; length <= 200; length++)
      expect(sha256Hex('a'.repeat(length))).toBe(nodeSha256('a'.repeat(length)));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 3000, seed: 23 },
    );
  });
});
