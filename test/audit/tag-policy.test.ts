// Reading tag policies (pure): the generator's file, the operators, the effective form, the wildcard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../generators/build-context.ts';
import { tagPolicy } from '../../generators/tagging.ts';
import { answersFrom } from '../support/generate.ts';
import { minimalAnswers } from '../support/answers.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { parseTagPolicy, valueAllowed } from '../../source/audit/tag-policy.ts';
import { ROOT } from '../aws/support/run-cli.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'test/aws/fixtures/tag-policies', name), 'utf8')) as unknown;

describe('parseTagPolicy', () => {
  it("reads the generator's policy: every key required, with its exact case and allowed values", () => {
    const answers = answersFrom({
      ...minimalAnswers(),
      project: { name: 'demo', costCenter: 'CC-7' },
      tags: { Team: { value: 'a', allowed: ['a', 'b'] } },
    });
    const policy = tagPolicy(buildContext(answers, decisionFor(answers), { generator: 'test', answersChecksum: '' }));
    const rules = parseTagPolicy(policy, 'tag-policy.json');
    expect(rules.map((r) => r.key)).toEqual([
      'Name',
      'Version',
      'Software',
      'Role',
      'System',
      'Project',
      'CostCenter',
      'Stage',
      'Confidentiality',
      'Compliance',
      'Team',
    ]);
    expect(rules.every((r) => r.required)).toBe(true);
    expect(rules.find((r) => r.key === 'Name')!.allowed).toBeUndefined();
    expect(rules.find((r) => r.key === 'CostCenter')!.allowed).toEqual(['CC-7']);
    expect(rules.find((r) => r.key === 'Team')!.allowed).toEqual(['a', 'b']);
  });

  it("reads the generator's @@append value lists as the allowed values", () => {
    const answers = answersFrom({
      ...minimalAnswers(),
      project: { name: 'web-shop', system: 'shop', compliance: ['pci-dss'] },
    });
    const policy = tagPolicy(
      buildContext(answers, decisionFor(answers), { generator: 'test', answersChecksum: '' }),
    ) as { tags: Record<string, any> };
    // The generated shape composes with other tag policies: nothing is @@assign'ed but the key's case.
    expect(policy.tags.project.tag_value).toEqual({
      '@@append': ['web-shop'],
      '@@operators_allowed_for_child_policies': ['@@none'],
    });
    const rules = parseTagPolicy(JSON.parse(JSON.stringify(policy)), 'tag-policy.json');
    const allowed = (key: string) => rules.find((r) => r.key === key)!.allowed;
    expect(allowed('Project')).toEqual(['web-shop']);
    expect(allowed('System')).toEqual(['shop']);
    expect(allowed('Compliance')).toEqual(['pci-dss']);
    expect(allowed('CostCenter')).toEqual(['unassigned']); // what the images carry without a cost center
    expect(valueAllowed('web-shop', allowed('Project')!)).toBe(true);
    expect(valueAllowed('billing', allowed('Project')!)).toBe(false);
  });

  it('an @@append-only list is the allowed values; @@remove still takes away', () => {
    const doc = {
      tags: {
        project: {
          tag_key: { '@@assign': 'Project' },
          tag_value: { '@@append': ['a', 'b*', 'c'], '@@remove': ['c'] },
          enforced_for: { '@@append': ['ec2:image'] },
        },
      },
    };
    expect(parseTagPolicy(doc, 'p')).toEqual([{ key: 'Project', allowed: ['a', 'b*'], required: true }]);
  });

  it('applies @@assign, @@append and @@remove within one document', () => {
    expect(parseTagPolicy(fixture('operators.json'), 'operators.json')).toEqual([
      { key: 'CostCenter', allowed: ['100', '300*', '400'], required: true },
      { key: 'Project', required: true },
      { key: 'Department', allowed: ['Marketing', 'Sales'], required: false }, // report_required_tag_for: instances only
    ]);
  });

  it('reads the operator-free effective policy form', () => {
    expect(parseTagPolicy(fixture('effective.json'), 'effective.json')).toEqual([
      { key: 'CostCenter', allowed: ['100', '200'], required: true },
    ]);
  });

  it('report_required_tag_for covering images keeps the tag required', () => {
    for (const type of ['ec2:image', 'ec2:*', 'ec2:ALL_SUPPORTED']) {
      const doc = {
        tags: { owner: { tag_key: { '@@assign': 'Owner' }, report_required_tag_for: { '@@assign': [type] } } },
      };
      expect(parseTagPolicy(doc, 'p')[0]!.required, type).toBe(true);
    }
  });

  it('without tag_key the statement name is the key', () => {
    expect(parseTagPolicy({ tags: { Owner: { tag_value: { '@@assign': ['x'] } } } }, 'p')).toEqual([
      { key: 'Owner', allowed: ['x'], required: true },
    ]);
  });

  it.each([
    [[], /needs a "tags" object/],
    [{ tags: 'x' }, /needs a "tags" object/],
    [{ tags: { a: [] } }, /tags\.a must be an object/],
    [{ tags: { a: { tag_keys: {} } } }, /tags\.a has an unknown field "tag_keys"/],
    [{ tags: { a: { tag_key: { '@@assign': '' } } } }, /tags\.a\.tag_key must be \{"@@assign": "KeyName"\}/],
    [{ tags: { a: { tag_value: { '@@set': ['x'] } } } }, /unknown operator "@@set"/],
    [{ tags: { a: { tag_value: { '@@assign': [1] } } } }, /tags\.a\.tag_value\.@@assign must be a list of strings/],
    [fixture('two-wildcards.json'), /"\*@\*\.com" has more than one "\*"/],
  ])('refuses %j', (doc, message) => {
    expect(() => parseTagPolicy(doc, 'p.json')).toThrow(message);
    try {
      parseTagPolicy(doc, 'p.json');
    } catch (error) {
      expect((error as { exitCode?: number }).exitCode).toBe(2);
      expect((error as Error).message).toMatch(/^p\.json is not a usable tag policy: /);
    }
  });
});

describe('valueAllowed (tag policy wildcard: one * matches any sequence, values are case-sensitive)', () => {
  it.each([
    ['100', ['100', '200'], true],
    ['1000', ['100'], false],
    ['prod', ['Prod'], false],
    ['3001', ['300*'], true],
    ['300', ['300*'], true],
    ['2300', ['300*'], false],
    ['team-a', ['*-a'], true],
    ['-a', ['*-a'], true],
    ['a', ['*-a'], false],
    ['eu-west-1-prod', ['eu*prod'], true],
    ['euprod', ['eu*prod'], true],
    ['eprod', ['eu*prod'], false],
    ['', ['*'], true],
    ['anything at all', ['*'], true],
    ['x', [], false],
  ])('%j in %j is %s', (value, allowed, expected) => {
    expect(valueAllowed(value, allowed)).toBe(expected);
  });
});
