// What the bundle's account (scripts/bundle-account.mjs) counts as run when a file loads: a module our
// code reaches through a stand-in that loads it on first use (scripts/build.mjs) is in the file, but
// does not run with it. Read by the bench's report and by the tests of what each path loads.
import { describe, expect, it } from 'vitest';
import { eagerInputs, inputsOf } from '../support/bundle.ts';

describe("the bundle's account of what runs at load", () => {
  it('leaves out a module reached through a stand-in until first use (string-width, for recommend)', () => {
    const stringWidth = (input: string) => input.startsWith('node_modules/string-width/');
    // The check can fail: recommend's file holds string-width, for text that is not ASCII.
    expect(inputsOf('recommend.js').some(stringWidth)).toBe(true);
    expect([...eagerInputs('recommend.js')].filter(stringWidth)).toEqual([]);
  });
});
