// IAM policy statements as data, and their CloudFormation form. A resource ARN is written with
// CloudFormation's own names (${AWS::Partition}, ${AWS::AccountId}) and becomes !Sub in a template;
// the values an ARN is built from are checked first, so no answer can carry `${` (or anything else)
// into a !Sub, where CloudFormation would evaluate it.
import { type Intrinsic, sub } from './cfn-yaml.ts';

export type Condition = Record<string, Record<string, string | string[] | boolean>>;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  /** ARNs (with CloudFormation's ${AWS::...} names) or intrinsics such as !GetAtt Role.Arn; '*' alone for actions that take none. */
  Resource: (string | Intrinsic | Record<string, unknown>)[];
  Condition?: Condition;
}

/** What an ARN's parts may hold: the characters of region codes, account ids, names and paths. */
const ARN_PART = /^[A-Za-z0-9_.:/@+=,*-]*$/;

const PARTITION = '${AWS::Partition}';
export const ACCOUNT = '${AWS::AccountId}';

/** An ARN from parts this project computed or the answers schema holds to a grammar: refused if one could break out. */
export function arn(service: string, region: string, account: string, resource: string): string {
  for (const part of [service, region, resource]) {
    if (!ARN_PART.test(part)) throw new Error(`not an ARN part: ${JSON.stringify(part)}`);
  }
  if (account !== ACCOUNT && account !== '' && !/^\d{12}$/.test(account))
    throw new Error(`not an account: ${JSON.stringify(account)}`);
  return `arn:${PARTITION}:${service}:${region}:${account}:${resource}`;
}

/** A policy document for a template: ARNs holding ${AWS::...} become !Sub, everything else stays a plain value. */
export function policyDocument(statements: PolicyStatement[]): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      ...s,
      Resource: s.Resource.map((r) => (typeof r === 'string' && r.includes('${') ? sub(r) : r)),
    })),
  };
}

/** The actions of statements, once each, sorted: what a reader is told the identity may do. */
export function actionsOf(statements: PolicyStatement[]): string[] {
  return [...new Set(statements.flatMap((s) => s.Action))].sort();
}

/**
 * A managed policy holds at most 6,144 characters (IAM quotas); statements are packed into as few
 * policies as fit, counted as the template writes them (longer than the resolved ARNs).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
const MANAGED_POLICY_LIMIT = 6144;

export function packStatements(statements: PolicyStatement[], limit = MANAGED_POLICY_LIMIT - 200): PolicyStatement[][] {
  const size = (s: PolicyStatement) => JSON.stringify(s).length;
  const packs: PolicyStatement[][] = [];
  let current: PolicyStatement[] = [];
  let used = 0;
  for (const s of statements) {
    if (size(s) > limit)
      throw new Error(`statement ${s.Sid} alone exceeds a managed policy's ${MANAGED_POLICY_LIMIT} characters`);
    if (used + size(s) > limit && current.length) {
      packs.push(current);
      current = [];
      used = 0;
    }
    current.push(s);
    used += size(s) + 1;
  }
  if (current.length) packs.push(current);
  return packs;
}
