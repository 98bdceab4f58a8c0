// The words for a region code AWS does not have, with the likely one: the wizard and the answers-file
// diagnostics both say it this way.
import { REGION_PATTERN } from '../../questionnaire/answer-values.ts';
import { REGION_CODES, isKnownRegion } from '../../questionnaire/regions.ts';
import { didYouMean } from './did-you-mean.ts';

/** "eu-wst-1 is not an AWS region; did you mean eu-west-1?" */
export function unknownRegionText(code: string): string {
  const guess = didYouMean(code, REGION_CODES);
  return `${code} is not an AWS region; ${guess ? `did you mean ${guess}?` : 'use a commercial region code such as eu-west-1'}`;
}

/** True for the answers schema's issue about a well-formed code that is no region. */
export const isUnknownRegionIssue = (issue: { code: string; params?: Record<string, unknown> }): boolean =>
  issue.code === 'custom' && issue.params?.region === true;

/**
 * Why a code typed on the regions screen is not offered to tick, naming the likely one, or undefined
 * for a code AWS has. A well-formed code the list lacks (xx-newregion-1) is refused too, not offered
 * with a warning: the answers schema refuses it, so ticking it would only move the refusal to Enter,
 * and a near miss of a known code is far likelier than a region opened since this release.
 */
export function typedRegionRefusal(code: string): string | undefined {
  if (isKnownRegion(code)) return undefined;
  if (!didYouMean(code, REGION_CODES) && REGION_PATTERN.test(code)) {
    return `${code} is not an AWS region this ami-wizard knows; a region AWS opened since needs a newer ami-wizard`;
  }
  return unknownRegionText(code);
}
