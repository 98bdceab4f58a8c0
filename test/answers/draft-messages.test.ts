// The wizard's validation messages say what is expected and which entry is wrong, as the answers
// file's messages do, never zod's bare "Invalid input".
import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldProblem } from '../../source/answers/draft.ts';

describe('messages under a text field', () => {
  it('a 200-character project name is told the limit', () => {
    const message = fieldProblem(emptyDraft(), 'project.name', (draft) => void (draft.project.name = 'x'.repeat(200)));
    expect(message).toMatch(/200 characters.*at most \d+/);
    expect(message).not.toContain('Invalid input');
  });

  it('a project name with ${ is refused with the reason, as in an answers file', () => {
    const message = fieldProblem(
      emptyDraft(),
      'project.name',
      (draft) => void (draft.project.name = 'pay ${AWS::AccountId}'),
    );
    expect(message).toMatch(/\$\{ \(CloudFormation.*substitution/);
  });

  it('a role name that is too long is named', () => {
    const long = `web${'x'.repeat(120)}`;
    const message = fieldProblem(
      emptyDraft(),
      'roles',
      (draft) => void (draft.roles = [{ name: 'app' }, { name: long }] as never),
    );
    expect(message).toBeDefined();
    expect(message).not.toContain('Invalid input');
    expect(message).toContain('"webxxxx');
  });
});
