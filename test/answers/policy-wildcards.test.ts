// A "*" in a value that reaches tagging/tag-policy.json is a wildcard there (AWS tag policies allow one
// per value): owner "*" became @@append ["*"] and let any Owner through (issue 19). Every such answer
// refuses it, and the message names the exact field, as the other answers-file messages do.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tagPolicy } from '../../generators/tagging.ts';
import { buildContext } from '../../generators/build-context.ts';
import { policyValueFields } from '../../questionnaire/answer-rules.ts';
import { CONFIDENTIALITY, STAGES } from '../../questionnaire/answer-values.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { emptyDraft, fieldProblem } from '../../source/answers/draft.ts';
import { diagnoseAnswers } from '../../source/answers/diagnostics.ts';
import { InputError } from '../../source/errors.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom } from '../support/generate.ts';

function problem(answers: Record<string, any>): string {
  try {
    diagnoseAnswers(stringify(answers), 'answers.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('diagnoseAnswers accepted the answers');
}

/** Answers with a value in every field that reaches the tag policy; `patch` puts the wildcard in one. */
function answers(patch: (a: Record<string, any>) => void = () => undefined): Record<string, any> {
  const a = minimalAnswers();
  a.project = {
    name: 'web-shop',
    system: 'shop',
    owner: 'team-web',
    costCenter: 'CC-1',
    compliance: ['pci-dss', 'sox'],
  };
  a.roles = [{ name: 'web', software: [] }];
  a.tags = { Team: { value: 'web', allowed: ['web', 'platform'] }, DataClass: { value: 'internal' } };
  patch(a);
  return a;
}

const FIELDS: [string, (a: Record<string, any>) => void][] = [
  ['project.name', (a) => (a.project.name = 'web-*')],
  ['project.system', (a) => (a.project.system = '*')],
  ['project.owner', (a) => (a.project.owner = '*')],
  ['project.costCenter', (a) => (a.project.costCenter = 'CC-*')],
  ['project.compliance[1]', (a) => (a.project.compliance[1] = 'ISO*')],
  ['tags.Team.value', (a) => (a.tags.Team.value = '*')],
  ['tags.Team.allowed[1]', (a) => (a.tags.Team.allowed[1] = '*')],
  ['tags.DataClass.value', (a) => (a.tags.DataClass.value = 'int*')],
];

describe('a "*" in a value the tag policy lists', () => {
  it.each(FIELDS)('%s is refused, named exactly, with the fix', (field, patch) => {
    const message = problem(answers(patch));
    expect(message).toMatch(new RegExp(`^answers\\.yaml:\\d+:\\d+: ${field.replace(/[.[\]]/g, '\\$&')}: `, 'm'));
    expect(message).toMatch(/wildcard/);
    expect(message).toMatch(/without "\*"/);
    expect(message).not.toMatch(/: project: /);
  });

  it('the same answers without the "*" are accepted', () => {
    expect(() => diagnoseAnswers(stringify(answers()), 'answers.yaml')).not.toThrow();
  });

  it('the wizard names the field too', () => {
    const message = fieldProblem(emptyDraft(), 'project.owner', (draft) => void (draft.project.owner = '*'));
    expect(message).toMatch(/wildcard/);
  });
});

describe('policyValueFields: the one list of answers that become allowed values', () => {
  it('covers every value of the generated tag policy that comes from free text', () => {
    const a = answersFrom(answers());
    const ctx = buildContext(a, decisionFor(a), { generator: 'test', answersChecksum: '' });
    const fromAnswers = new Set(policyValueFields(a).map((f) => f.value));
    // ami-wizard's own vocabulary, and values it composes (Compliance joins the frameworks with +).
    const vocabulary = new Set<string>([
      ...STAGES,
      ...CONFIDENTIALITY,
      'base',
      ...a.roles.map((r) => r.name),
      'unassigned',
      'none',
    ]);
    const statements = Object.values(tagPolicy(ctx).tags as Record<string, { tag_value?: { '@@append': string[] } }>);
    const values = statements.flatMap((s) => s.tag_value?.['@@append'] ?? []);
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      if (vocabulary.has(value)) continue;
      expect(
        value.split('+').every((part) => fromAnswers.has(part)),
        value,
      ).toBe(true);
    }
  });
});
