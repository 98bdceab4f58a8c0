// What an instance needs to be reached through SSM Session Manager, and no more: AWS's "Session
// Manager only" instance policy. AmazonSSMManagedInstanceCore would also allow ssm:GetParameter and
// ssm:GetParameters on every parameter of the account, which would undo the per-stage scoping of the
// secrets the bootstrap reads.
// https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html
import type { PolicyStatement } from './iam-policy.ts';

export const SESSION_MANAGER_STATEMENT: PolicyStatement = {
  Sid: 'SessionManagerOnly',
  Effect: 'Allow',
  Action: [
    'ssm:UpdateInstanceInformation',
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
  ],
  Resource: ['*'],
};
