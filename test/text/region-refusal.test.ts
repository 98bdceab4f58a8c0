// What the regions screen says about a code as it is typed (issue 21): a code AWS has is not
// refused; a near miss is refused with the likely one; a well-formed code the list lacks is refused
// saying the list may be older than the region; anything else names the shape expected.
import { expect, it } from 'vitest';
import { typedRegionRefusal } from '../../source/text/region-text.ts';

it('a known code is not refused', () => {
  expect(typedRegionRefusal('eu-west-1')).toBeUndefined();
});

it('a near miss is refused with the likely one', () => {
  expect(typedRegionRefusal('eu-wset-1')).toBe('eu-wset-1 is not an AWS region; did you mean eu-west-1?');
});

it('a well-formed code the list lacks is refused, saying a newer ami-wizard may know it', () => {
  expect(typedRegionRefusal('xx-newregion-1')).toMatch(
    /^xx-newregion-1 is not an AWS region this ami-wizard knows; .*newer ami-wizard/,
  );
});

it('text that is no region code names the shape expected', () => {
  expect(typedRegionRefusal('ireland')).toMatch(/region code such as eu-west-1/);
});
