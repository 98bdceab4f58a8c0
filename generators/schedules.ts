// When images are rebuilt: one table for both engines. The GitHub workflow (which builds with Packer)
// and the Image Builder baseline pipeline read the same entry, each in its own cron syntax, so the two
// never disagree. A static baseline is rebuilt monthly too: it does not change, but its OS still gets
// security updates, and only a rebuild puts them in the image.
import type { GuidanceAnswers } from '../questionnaire/questions.ts';

type Stability = GuidanceAnswers['baselineStability'];

interface Schedule {
  minute: number;
  hour: number;
  /** A day of the month, or every day. */
  dayOfMonth: number | 'every';
  /** Monday, or every day of the week. */
  dayOfWeek: 'monday' | 'every';
  /** The same time in words, for README.md and decision.md. */
  text: string;
}

const MONTHLY: Schedule = {
  minute: 0,
  hour: 4,
  dayOfMonth: 1,
  dayOfWeek: 'every',
  text: 'on the first of each month at 04:00 UTC',
};

/** The baseline is rebuilt as often as it changes, and at least monthly. */
const BASELINE: Record<Stability, Schedule> = {
  weekly: { minute: 0, hour: 4, dayOfMonth: 'every', dayOfWeek: 'monday', text: 'every Monday at 04:00 UTC' },
  monthly: MONTHLY,
  static: MONTHLY,
};

/** Image Builder's role pipelines check daily, after the baseline's time, and build only on a newer baseline. */
const ROLE_CHECK: Schedule = {
  minute: 0,
  hour: 6,
  dayOfMonth: 'every',
  dayOfWeek: 'every',
  text: 'every day at 06:00 UTC',
};

/** GitHub Actions' five-field cron: minute hour day-of-month month day-of-week (Monday is 1). */
function githubCron(s: Schedule): string {
  return [
    s.minute,
    s.hour,
    s.dayOfMonth === 'every' ? '*' : s.dayOfMonth,
    '*',
    s.dayOfWeek === 'monday' ? 1 : '*',
  ].join(' ');
}

/**
 * EventBridge's six-field cron, as Image Builder takes it: one of day-of-month and day-of-week is `?`
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
function awsCron(s: Schedule): string {
  const dayOfMonth = s.dayOfWeek === 'monday' ? '?' : s.dayOfMonth === 'every' ? '*' : String(s.dayOfMonth);
  const dayOfWeek = s.dayOfWeek === 'monday' ? 'MON' : '?';
  return `cron(${[s.minute, s.hour, dayOfMonth, '*', dayOfWeek, '*'].join(' ')})`;
}

/** The workflow's schedule: it builds the baseline, then the roles on it. */
export const workflowCron = (stability: Stability): string => githubCron(BASELINE[stability]);

/** The Image Builder baseline pipeline's ScheduleExpression. */
export const baselinePipelineSchedule = (stability: Stability): string => awsCron(BASELINE[stability]);

/** The Image Builder role pipelines' ScheduleExpression. */
export const rolePipelineSchedule = (): string => awsCron(ROLE_CHECK);

/** When the baseline is rebuilt, in words. */
export const baselineScheduleText = (stability: Stability): string => BASELINE[stability].text;
