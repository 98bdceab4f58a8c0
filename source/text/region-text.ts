// The words for a region code AWS does not have, with the likely one: the wizard and the answers-file
// diagnostics both say it this way.
import { REGION_CODES } from '../../questionnaire/regions.ts';
import { didYouMean } from './did-you-mean.ts';

/** "eu-wst-1 is not an AWS region; did you mean eu-west-1?" */
export function unknownRegionText(code: string): string {
  const guess = didYouMean(code, REGION_CODES);
  return `${code} is not an AWS region; ${guess ? `did you mean ${guess}?` : 'use a commercial region code such as eu-west-1'}`;
}

/** True for the answers schema's issue about a well-formed code that is no region. */
export const isUnknownRegionIssue = (issue: { code: string; params?: Record<string, unknown> }): boolean =>
  issue.code === 'custom' && issue.params?.region === true;
