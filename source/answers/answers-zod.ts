// zod and the answers file's schema, as the wizard's draft check uses them (draft.ts). A file of its
// own in the bundle (scripts/bundle-files.mjs), loaded when a draft is first checked: the screens'
// file then holds neither, and the wizard reads keys before either is read from disk.
export { safeParse } from 'zod/mini';
export { AnswersSchema } from '../../questionnaire/answers-schema.ts';
