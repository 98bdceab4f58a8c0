// The Ink screens of both commands that have them, in one module: the bundle makes it one file
// (scripts/bundle-files.mjs), which the wizard and the workshop load once their first frame is up
// (commands/load-ui.ts). They share Ink, React and most of their code. The workshop's own part
// is evaluated only when asked for: it would bring js-yaml into the wizard's start.
export { runWizard } from './wizard-run.ts';
export const workshopScreens = () => import('./workshop-run.ts');
