// What the wizard says about kept drafts: the line after a run quit part-way, the welcome's offer
// to resume, and the notices for a draft that was ignored or could not be kept.
import { printable } from './printable.ts';

/** `path` with the home folder shown as ~, as a person would type it. */
export function homeShortened(path: string, home: string | undefined): string {
  return home && home !== '/' && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/**
 * The line after a run that ended without writing: how many answers were kept, where, and how to
 * get them back. `out`: --out as given (the draft belongs to that folder); `fromAnswers`: the run
 * started from --answers, and a resume is offered only without it; `days`: how long it is offered.
 */
export function draftKeptLine(
  count: number,
  shownFile: string,
  days: number,
  options: { out?: string; fromAnswers?: boolean } = {},
): string {
  const again = ['ami-wizard', ...(options.out === undefined ? [] : ['--out', options.out])].join(' ');
  const how = options.fromAnswers
    ? `Run ${again} again in this folder, without --answers, to resume`
    : `Run ${again} again in this folder to resume`;
  return `Draft kept: ${count} answer${count === 1 ? '' : 's'}, in ${printable(shownFile)}. ${how} (kept ${days} days).`;
}

export const draftNotKeptLine = (reason: string): string => `Draft not kept: ${printable(reason)}.`;

/** The welcome's note for a draft that was found but not offered. */
export const draftIgnoredNote = (shownFile: string, reason: string): string =>
  `A draft of an earlier run was ignored (${printable(shownFile)}: ${reason}).`;

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** When a draft was saved, in local time: 14:05 today, else 3 Dec 14:05. */
export function savedTime(savedAt: Date, now: Date): string {
  const time = `${pad(savedAt.getHours())}:${pad(savedAt.getMinutes())}`;
  return savedAt.toDateString() === now.toDateString()
    ? time
    : `${savedAt.getDate()} ${MONTHS[savedAt.getMonth()]} ${time}`;
}

export const resumeLabel = (step: number, savedAt: Date, now: Date): string =>
  `Resume where you left off (step ${step}, saved ${savedTime(savedAt, now)})`;
export const START_OVER_LABEL = 'Start over (the draft is deleted)';
