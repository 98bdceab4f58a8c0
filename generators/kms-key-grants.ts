// iam/kms-key-policy-statements.json: what the key policy of each image key must add so that the
// accounts, organizations and OUs the images are shared with can launch them (EC2 decrypts the
// snapshots and re-encrypts the volumes for them, with a grant it creates). An existing key's policy
// cannot be changed from CloudFormation, so these are statements to merge into it (README: "Deploy
// it"); a consumer account's own IAM policies must allow the same actions on the key.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
import type { BuildContext } from './build-context.ts';
import { imageKeys } from './build-permissions.ts';

export interface KeyPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { AWS: string[] };
  Action: string[];
  Resource: '*';
  Condition?: Record<string, Record<string, string[] | boolean>>;
}

const USE = ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];

const sidPrefix = (ctx: BuildContext): string =>
  `AmiWizard${ctx.project.slug.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`;
const CONSUMERS = ['Accounts', 'Organizations', 'OrganizationalUnits'] as const;
const PURPOSES = ['Use', 'Grant'] as const;
const sidOf = (ctx: BuildContext, consumer: (typeof CONSUMERS)[number], purpose: (typeof PURPOSES)[number]) =>
  `${sidPrefix(ctx)}${consumer}${purpose}`;

/**
 * Every Sid these statements can have: they name the project, so a merge removes this project's
 * earlier statements (a consumer since removed from the answers included) and no one else's.
 */
export const keyPolicySids = (ctx: BuildContext): string[] =>
  CONSUMERS.flatMap((c) => PURPOSES.map((p) => sidOf(ctx, c, p)));

/** The organization path of an OU ARN: the OU and everything below it, wherever it sits under the root. */
function ouPaths(ouArn: string): string[] {
  const [, org, ou] = /:ou\/(o-[a-z0-9]+)\/(ou-([a-z0-9]+)-[a-z0-9]+)$/.exec(ouArn) ?? [];
  if (!org || !ou) throw new Error(`not an OU ARN: ${ouArn}`);
  // An OU id starts with the id of its root (ou-ROOT-...), so the root is r-ROOT.
  const root = `r-${ou.split('-')[1]}`;
  return [`${org}/${root}/${ou}/*`, `${org}/${root}/*/${ou}/*`];
}

/** The statements, or none when the images use no customer key or are shared with no one. */
export function keyPolicyStatements(ctx: BuildContext): KeyPolicyStatement[] {
  const { accounts, organizations, organizationalUnits } = ctx.options.shareWith;
  if (imageKeys(ctx).length === 0) return [];
  const grant = { Bool: { 'kms:GrantIsForAWSResource': true } };
  const pair = (
    name: (typeof CONSUMERS)[number],
    Principal: KeyPolicyStatement['Principal'],
    condition?: KeyPolicyStatement['Condition'],
  ): KeyPolicyStatement[] => [
    {
      Sid: sidOf(ctx, name, 'Use'),
      Effect: 'Allow',
      Principal,
      Action: USE,
      Resource: '*',
      ...(condition ? { Condition: condition } : {}),
    },
    {
      Sid: sidOf(ctx, name, 'Grant'),
      Effect: 'Allow',
      Principal,
      Action: ['kms:CreateGrant'],
      Resource: '*',
      Condition: { ...condition, ...grant },
    },
  ];
  return [
    ...(accounts.length ? pair('Accounts', { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }) : []),
    ...(organizations.length
      ? pair('Organizations', '*', {
          StringEquals: { 'aws:PrincipalOrgID': organizations.map((o) => o.split('/').at(-1)!) },
        })
      : []),
    ...(organizationalUnits.length
      ? pair('OrganizationalUnits', '*', {
          'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': organizationalUnits.flatMap(ouPaths) },
        })
      : []),
  ];
}
