// Promotion: the one step that moves an image on from the stage it is born at, whichever engine built
// it. A build keeps its images private (untested, at the first stage); promoting one past that stage
// shares it with options.shareWith: launch permission for the accounts, organizations and OUs, and
// volume permission on its snapshots for the accounts (what Packer's ami_users and snapshot_users
// did at build time). The same script serves both engines: packer/scripts/promote-image.sh behind
// `make promote`, or imagebuilder/promote-image.sh when Image Builder builds alone.
import { STAGES } from '../questionnaire/answer-values.ts';
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function sharing(ctx: BuildContext) {
  const { accounts, organizations, organizationalUnits } = ctx.options.shareWith;
  if (accounts.length + organizations.length + organizationalUnits.length === 0) return null;
  // ModifyImageAttribute's LaunchPermission: UserId, OrganizationArn, OrganizationalUnitArn
  // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_LaunchPermission.html).
  const add = [
    ...accounts.map((UserId) => ({ UserId })),
    ...organizations.map((OrganizationArn) => ({ OrganizationArn })),
    ...organizationalUnits.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn })),
  ];
  const parts = [
    ...(accounts.length ? [plural(accounts.length, 'account', 'accounts')] : []),
    ...(organizations.length ? [plural(organizations.length, 'organization', 'organizations')] : []),
    ...(organizationalUnits.length
      ? [plural(organizationalUnits.length, 'organizational unit', 'organizational units')]
      : []),
  ];
  return {
    launchPermission: JSON.stringify({ Add: add }),
    snapshotAccounts: accounts,
    summary: parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!,
  };
}

/** The promote script at `path`, for the engine that writes it. */
export function promoteScript(
  ctx: BuildContext,
  templates: Renderer,
  path: 'packer/scripts/promote-image.sh' | 'imagebuilder/promote-image.sh',
): GeneratedFile {
  const usage = `usage: ${path.startsWith('packer/') ? 'make promote IMAGE=ami-... STAGE=test' : 'imagebuilder/promote-image.sh ami-... test'}`;
  const contents = templates.render('packer/scripts/promote-image.sh.hbs', {
    ...ctx,
    stages: STAGES,
    usage,
    sharing: sharing(ctx),
  });
  return { path, contents, mode: 0o755 };
}
