// The generate path, behind one dynamic import for the `generate` command and the wizard's Files
// step alike: the generators and templates, the folder as it is, the plan, its text and the write.
// One import boundary gives the bundle one group of chunks for all of it; each boundary more split
// it into more, smaller files, and each file costs a read, a parse and a link at start-up
// (scripts/chunk-report.mjs counts them per command).
export { conflictsError, prepareFolder } from './prepare.ts';
export { changeCount } from './plan.ts';
export { aboutLines, conflictAdvice, planEntryJson, planView, runText } from './plan-text.ts';
export { applyPlan } from './write.ts';
