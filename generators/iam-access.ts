// iam/access.yaml: who may build the images. The Packer build's policy (build-permissions.ts) on a
// role people in the account assume; with Session Manager, the build instance's role and profile; with
// options.githubActions.repository, GitHub's OIDC provider and the role the workflow assumes, trusting
// exactly one repository's protected environment (never a branch, never a wildcard).
// https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
import type { BuildContext } from './build-context.ts';
import { BUILD_INSTANCE_ROLE, packerBuildStatements } from './build-permissions.ts';
import { fnEquals, fnIf, getAtt, ref, sub } from './cfn-yaml.ts';
import { imageStackStatements } from './image-stack-permissions.ts';
import { packStatements, policyDocument } from './iam-policy.ts';
import type { PolicyStatement } from './iam-policy.ts';
import { SESSION_MANAGER_STATEMENT } from './session-manager-permissions.ts';

const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
const GITHUB_AUDIENCE = 'sts.amazonaws.com';
/** Long builds (copies to other regions can take hours) outlast the one-hour default session. */
export const MAX_SESSION_SECONDS = 4 * 3600;

/** The subject GitHub puts in the OIDC token of a job that runs in `environment` of `repository`. */
export const githubSubject = (repository: string, environment: string): string =>
  `repo:${repository}:environment:${environment}`;

/** The GitHub role's name and path, from options.githubActions.roleArn, so the workflow assumes exactly this role. */
export function githubRoleName(roleArn: string): { path: string; name: string } {
  const match = /^arn:[^:]+:iam::\d{12}:role(\/(?:.*\/)?)([^/]+)$/.exec(roleArn);
  if (!match) throw new Error(`not a role ARN: ${roleArn}`);
  return { path: match[1]!, name: match[2]! };
}

/** Managed policies holding the statements, as few as fit IAM's size limit. */
function managedPolicies(prefix: string, description: string, statements: PolicyStatement[]): Record<string, unknown> {
  return Object.fromEntries(
    packStatements(statements).map((pack, i, all) => [
      `${prefix}${i + 1}`,
      {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: all.length > 1 ? `${description} (${i + 1} of ${all.length})` : description,
          PolicyDocument: policyDocument(pack),
        },
      },
    ]),
  );
}

/** The template, or null when nothing in it applies (Image Builder alone, no GitHub role). */
export function accessTemplate(ctx: BuildContext): Record<string, unknown> | null {
  const slug = ctx.project.slug;
  const ci = ctx.options.githubActions;
  const github = ci?.repository ? { ...ci, repository: ci.repository } : null;
  const packer = packerBuildStatements(ctx);
  const imageStack = github ? imageStackStatements(ctx) : [];
  if (!packer.length && !github) return null;

  const packerPolicies = managedPolicies(
    'PackerBuildPolicy',
    `Build the ${slug} images with Packer (ami-wizard, iam/access.yaml)`,
    packer,
  );
  const stackPolicies = managedPolicies(
    'ImageStackPolicy',
    `Deploy and run the ${slug} EC2 Image Builder stack`,
    imageStack,
  );
  const resources: Record<string, unknown> = { ...packerPolicies, ...stackPolicies };
  const refs = (policies: Record<string, unknown>) => Object.keys(policies).map((id) => ref(id));

  if (packer.length) {
    resources.PackerBuildRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Packer builds of the ${slug} images; people of this account with sts:AssumeRole on it`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        ManagedPolicyArns: refs(packerPolicies),
        MaxSessionDuration: MAX_SESSION_SECONDS,
      },
    };
  }
  const sessionManager = ctx.options.sessionManager;
  if (packer.length && sessionManager) {
    resources[BUILD_INSTANCE_ROLE] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `The ${slug} Packer build instance: reached through Session Manager, nothing else`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [{ PolicyName: 'session-manager-only', PolicyDocument: policyDocument([SESSION_MANAGER_STATEMENT]) }],
      },
    };
    resources.PackerBuildInstanceProfile = {
      Type: 'AWS::IAM::InstanceProfile',
      Properties: { InstanceProfileName: sessionManager.instanceProfile, Roles: [ref(BUILD_INSTANCE_ROLE)] },
    };
  }
  if (github) {
    resources.GitHubOidcProvider = {
      Type: 'AWS::IAM::OIDCProvider',
      Condition: 'CreateGitHubOidcProvider',
      Properties: { Url: `https://${GITHUB_OIDC_HOST}`, ClientIdList: [GITHUB_AUDIENCE] },
    };
    const { path, name } = githubRoleName(github.roleArn);
    resources.GitHubBuildRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: name,
        Path: path,
        Description: `The ${slug} image workflow of one GitHub repository's protected environment`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: {
                Federated: fnIf('CreateGitHubOidcProvider', ref('GitHubOidcProvider'), ref('GitHubOidcProviderArn')),
              },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE,
                  [`${GITHUB_OIDC_HOST}:sub`]: githubSubject(github.repository, github.environment),
                },
              },
            },
          ],
        },
        ManagedPolicyArns: [...refs(packerPolicies), ...refs(stackPolicies)],
        MaxSessionDuration: MAX_SESSION_SECONDS,
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Who may build the ${slug} images (generated by ${ctx.generator})`,
    ...(github
      ? {
          Parameters: {
            GitHubOidcProviderArn: {
              Type: 'String',
              Default: '',
              Description: `ARN of this account's ${GITHUB_OIDC_HOST} provider when it has one (an account has at most one); empty: the stack creates it.`,
            },
          },
          Conditions: { CreateGitHubOidcProvider: fnEquals(ref('GitHubOidcProviderArn'), '') },
        }
      : {}),
    Resources: resources,
    Outputs: {
      ...(packer.length
        ? {
            PackerBuildRoleArn: {
              Description: 'Assume this role to run make build',
              Value: getAtt('PackerBuildRole', 'Arn'),
            },
          }
        : {}),
      ...(github
        ? {
            GitHubBuildRoleArn: {
              Description: 'options.githubActions.roleArn names this role',
              Value: getAtt('GitHubBuildRole', 'Arn'),
            },
          }
        : {}),
    },
  };
}
