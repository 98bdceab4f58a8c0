// What the wizard reads and keeps on disk besides the generated folder, behind the one dynamic import
// wizard-run.ts makes: an --answers file as a draft, and kept drafts. They load js-yaml, which the
// wizard needs only when a file is there to read or an answer to keep, never before its first screen.
export { draftFromFile } from './prefill.ts';
export { draftText } from './draft-file.ts';
export { keepDraft, readKeptDraft, removeDraft } from './draft-store.ts';
