// The generate path, in one module for the `generate` command and the wizard's Files step (which
// imports it when it gets there) alike: the generators and templates, the folder as it is, the plan,
// its text and the write.
export { conflictsError, prepareFolder } from './prepare.ts';
export { changeCount } from './plan.ts';
export { aboutLines, conflictAdvice, planEntryJson, planView, runText } from './plan-text.ts';
export { applyPlan } from './write.ts';
