// iam/audit-role.yaml: the role audit --org assumes trusts the auditor account only (and its external id
// when one is set) and may list regions and images, nothing more; the runner's own statements name
// actions that exist. The CLI's default --role-name is the role's default name.
import { describe, expect, it } from 'vitest';
import { AUDIT_ROLE_NAME, AUDIT_RUNNER_STATEMENTS } from '../../generators/iam-audit.ts';
import { DEFAULT_ROLE_NAME } from '../../source/commands/audit-org.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { lintStatements, readTemplate, roleStatements } from '../support/iam-policies.ts';

describe('iam/audit-role.yaml', () => {
  it('trusts the auditor account, requires the external id when set, and reads images only', async () => {
    const files = await generate(answersFrom(minimalAnswers()));
    const text = files.find((f) => f.path === 'iam/audit-role.yaml')!.contents;
    const t = readTemplate(text) as any;
    const role = t.Resources.AuditRole.Properties;
    expect(t.Parameters.RoleName.Default).toBe(AUDIT_ROLE_NAME);
    const [trust] = role.AssumeRolePolicyDocument.Statement;
    expect(trust.Principal.AWS.value).toBe('arn:${AWS::Partition}:iam::${AuditorAccountId}:root');
    expect(trust.Action).toBe('sts:AssumeRole');
    expect(trust.Condition['Fn::If'][1]).toEqual({ StringEquals: { 'sts:ExternalId': expect.anything() } });
    const statements = roleStatements(t, 'AuditRole', 'eu-west-1');
    expect([...new Set(statements.flatMap((s) => s.Action))].sort()).toEqual([
      'ec2:DescribeImages',
      'ec2:DescribeRegions',
    ]);
    expect(await lintStatements(statements)).toEqual([]);
    expect(await lintStatements(AUDIT_RUNNER_STATEMENTS as any)).toEqual([]);
  });

  it('is the role audit --org assumes by default', () => {
    expect(DEFAULT_ROLE_NAME).toBe(AUDIT_ROLE_NAME);
  });
});
