// Answer paths are a type (questionnaire/answer-paths.ts): a step, a screen or a rule that names a
// field the answers file does not have fails to compile. The @ts-expect-error lines below are the
// proof: `npx tsc --noEmit` (tsconfig includes test/) fails if any of them compiles.
import { describe, expect, it } from 'vitest';
import type { AnswerPath } from '../../questionnaire/answer-paths.ts';
import { ASKED_FIELDS } from '../../questionnaire/wizard-screens.ts';
import { emptyDraft, fieldProblem } from '../../source/answers/draft.ts';
import { answerField } from '../../source/wizard/answer-field.ts';
import type { DraftValue } from '../../source/wizard/answer-field.ts';

describe('answer paths', () => {
  it('a misspelt path does not compile; a real one does, with its value type', () => {
    const good: AnswerPath[] = [
      'project.stage',
      'platform.os',
      'guidance.recoveryTime',
      'options.githubActions',
      'roles',
    ];
    // @ts-expect-error: there is no project.stag
    const typo: AnswerPath = 'project.stag';
    // @ts-expect-error: platform has no arch, only architecture
    answerField('platform.arch');
    // @ts-expect-error: a stage is one of STAGES, not any text
    answerField('project.stage').set(emptyDraft(), 'production');
    // @ts-expect-error: fieldProblem takes a path of the answers file
    fieldProblem(emptyDraft(), 'platform.region', () => {});
    const stage: DraftValue<'project.stage'> = 'dev';
    expect([...good, typo, stage]).toHaveLength(7);
    expect(ASKED_FIELDS).toContain('project.stage' satisfies AnswerPath);
  });

  it('answerField reads and writes where its path says, and removes an optional answer left empty', () => {
    const draft = emptyDraft();
    const costCenter = answerField('project.costCenter');
    const githubActions = answerField('options.githubActions');
    expect(costCenter.get(draft)).toBeUndefined();
    costCenter.set(draft, 'cc-42');
    githubActions.set(draft, { roleArn: 'arn:aws:iam::123456789012:role/build' });
    expect(draft.project.costCenter).toBe('cc-42');
    expect(draft.options?.githubActions?.roleArn).toBe('arn:aws:iam::123456789012:role/build');
    costCenter.set(draft, undefined);
    expect('costCenter' in draft.project).toBe(false);
    expect(answerField('platform.os').path).toBe('platform.os');
  });
});
