// What the identity that runs the Packer build may do: the one source of the build policy in
// iam/access.yaml and of the README's list of actions. The calls are the amazon plugin's (v1.8.2:
// builder/ebs/builder.go runs the steps, builder/common/step_*.go make them) for the attributes the
// templates set, and the build machine's scripts (make promote, publishing image ids to SSM).
// https://developer.hashicorp.com/packer/integrations/hashicorp/amazon#iam-task-or-instance-role
//
// Scoped where EC2 allows: ARNs in the build region (the instance and what it runs with) or in every
// region the images are in (images, snapshots); resources the build creates must carry this
// project's Project tag when they are created (aws:RequestTag, tag-on-create), and what it changes or
// removes must already carry it (ec2:ResourceTag). EC2 has no condition on an image's name, so the
// Project tag is what ties an image to this project.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
import type { BuildContext } from './build-context.ts';
import { getAtt } from './cfn-yaml.ts';
import { ACCOUNT, actionsOf, arn } from './iam-policy.ts';
import type { Condition, PolicyStatement } from './iam-policy.ts';

/** Logical id of the role of the Packer build instance under Session Manager (iam/access.yaml). */
export const BUILD_INSTANCE_ROLE = 'PackerBuildInstanceRole';

/** The caller's own sessions: IAM's ${aws:userid}, written ${!...} so that !Sub leaves it to IAM. */
const SESSION_OF_CALLER = '${!aws:userid}-*';

const ec2 = (regions: string[], type: string) => regions.map((r) => arn('ec2', r, ACCOUNT, `${type}/*`));
/** Images and snapshots: their ARNs name no account. */
const ec2Shared = (regions: string[], type: string) => regions.map((r) => arn('ec2', r, '', `${type}/*`));

const statement = (
  Sid: string,
  Action: string[],
  Resource: PolicyStatement['Resource'],
  Condition?: Condition,
): PolicyStatement => ({
  Sid,
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

/** The keys EC2 uses for the images: each with its region; an alias names a key in every region. */
export function imageKeys(ctx: BuildContext): { region: string; key: string }[] {
  const { encryption, kmsKeyId } = ctx.options;
  if (!encryption || !kmsKeyId) return [];
  return [{ region: ctx.platform.buildRegion, key: kmsKeyId }, ...ctx.regionKeys];
}

/**
 * The key resources of an IAM policy: a key id or ARN as its key ARN; an alias (alias/NAME or its ARN)
 * as the keys of its region that carry that alias (kms:ResourceAliases), since KMS authorizes the key,
 * never the alias. https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
 */
function keyStatements(ctx: BuildContext, sid: string, actions: string[], condition: Condition): PolicyStatement[] {
  const exact: string[] = [];
  const aliases = new Map<string, string[]>();
  for (const { region, key } of imageKeys(ctx)) {
    const aliasArn = /^arn:[^:]+:kms:([^:]+):(\d{12}):(alias\/.+)$/.exec(key);
    if (key.startsWith('alias/')) aliases.set(key, [...(aliases.get(key) ?? []), arn('kms', region, ACCOUNT, 'key/*')]);
    else if (aliasArn)
      aliases.set(aliasArn[3]!, [
        ...(aliases.get(aliasArn[3]!) ?? []),
        arn('kms', aliasArn[1]!, aliasArn[2]!, 'key/*'),
      ]);
    else if (key.startsWith('arn:')) exact.push(key);
    else exact.push(arn('kms', region, ACCOUNT, `key/${key}`));
  }
  return [
    ...(exact.length ? [statement(sid, actions, [...new Set(exact)], condition)] : []),
    ...[...aliases].map(([alias, keys], i) =>
      statement(`${sid}Alias${i + 1}`, actions, [...new Set(keys)], {
        ...condition,
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': [alias] },
      }),
    ),
  ];
}

/** The IAM statements of the Packer build (none when Image Builder alone builds). */
export function packerBuildStatements(ctx: BuildContext): PolicyStatement[] {
  if (!ctx.engines.packer) return [];
  const build = [ctx.platform.buildRegion];
  const all = [ctx.platform.buildRegion, ...ctx.copyRegions];
  const windows = ctx.platform.facts.communicator === 'winrm';
  const sessionManager = ctx.options.sessionManager;
  const { accounts } = ctx.options.shareWith;
  const project = ctx.project.name;
  const requestTag: Condition = { StringEquals: { 'aws:RequestTag/Project': project } };
  const resourceTag: Condition = { StringEquals: { 'ec2:ResourceTag/Project': project } };
  const keys = imageKeys(ctx);
  const viaEc2 = { 'kms:ViaService': [...new Set(keys.map((k) => `ec2.${k.region}.amazonaws.com`))] };

  return [
    // step_run_source_instance: the instance, its volumes and network interface are tagged as they are created (run_tags, run_volume_tags).
    // No instance profile but the one the answers name (Session Manager), none otherwise: the build's
    // identity cannot lend itself another role's permissions through an instance it launches.
    // (ec2:InstanceProfile is a key of the instance resource only, so the volume and interface are apart.)
    statement('LaunchBuildInstance', ['ec2:RunInstances'], ec2(build, 'instance'), {
      ...requestTag,
      ...(sessionManager
        ? { ArnLike: { 'ec2:InstanceProfile': `arn:*:iam::*:instance-profile/${sessionManager.instanceProfile}` } }
        : { Null: { 'ec2:InstanceProfile': 'true' } }),
    }),
    statement(
      'LaunchBuildVolumeAndInterface',
      ['ec2:RunInstances'],
      [...ec2(build, 'volume'), ...ec2(build, 'network-interface')],
      requestTag,
    ),
    // What the instance is launched from and into: any source image (Amazon's, Canonical's, Red Hat's or this project's own), a subnet.
    statement(
      'LaunchFromImageIntoSubnet',
      ['ec2:RunInstances'],
      [...ec2Shared(build, 'image'), ...ec2Shared(build, 'snapshot'), ...ec2(build, 'subnet')],
    ),
    // ... with the temporary key pair and security group this build created (tagged at creation).
    statement(
      'LaunchWithBuildKeyAndGroup',
      ['ec2:RunInstances'],
      [...ec2(build, 'key-pair'), ...ec2(build, 'security-group')],
      resourceTag,
    ),
    // step_key_pair, step_security_group: created tagged, removed after the build.
    statement(
      'CreateBuildKeyAndGroup',
      ['ec2:CreateKeyPair', 'ec2:CreateSecurityGroup'],
      [...ec2(build, 'key-pair'), ...ec2(build, 'security-group')],
      requestTag,
    ),
    statement('CreateGroupInVpc', ['ec2:CreateSecurityGroup'], ec2(build, 'vpc')),
    statement(
      'ManageBuildKeyAndGroup',
      [
        'ec2:DeleteKeyPair',
        'ec2:DeleteSecurityGroup',
        ...(sessionManager ? [] : ['ec2:AuthorizeSecurityGroupIngress']),
      ],
      [...ec2(build, 'key-pair'), ...ec2(build, 'security-group')],
      resourceTag,
    ),
    ...(sessionManager
      ? []
      : [statement('AddBuildGroupRule', ['ec2:AuthorizeSecurityGroupIngress'], ec2(build, 'security-group-rule'))]),
    // The build instance: stopped before capture (Linux; sysprep stops Windows itself), its Windows
    // password read (WinRM, step_get_password), terminated; extra volumes removed (step_cleanup_volumes).
    statement(
      'ManageBuildInstance',
      [
        'ec2:CreateImage',
        'ec2:TerminateInstances',
        ...(windows ? ['ec2:GetPasswordData'] : ['ec2:StopInstances']),
      ].sort(),
      ec2(build, 'instance'),
      resourceTag,
    ),
    statement('CleanUpBuildVolumes', ['ec2:DeleteVolume'], ec2(build, 'volume'), resourceTag),
    // step_create_ami: the image and its snapshots carry the run tags from the start.
    statement(
      'CreateTaggedImage',
      ['ec2:CreateImage'],
      [...ec2Shared(build, 'image'), ...ec2Shared(build, 'snapshot')],
      requestTag,
    ),
    // Tags set as resources are created (the run tags of RunInstances, CreateImage, CreateKeyPair,
    // CreateSecurityGroup; CopyImage copies the image's tags).
    statement(
      'TagOnCreate',
      ['ec2:CreateTags'],
      [
        ...['instance', 'volume', 'network-interface', 'key-pair', 'security-group'].flatMap((t) => ec2(build, t)),
        ...ec2Shared(all, 'image'),
        ...ec2Shared(all, 'snapshot'),
      ],
      {
        StringEquals: {
          'ec2:CreateAction': ['RunInstances', 'CreateImage', 'CopyImage', 'CreateKeyPair', 'CreateSecurityGroup'],
        },
      },
    ),
    // step_create_tags (images and snapshots in every region) and make promote (the Stage tag): this
    // project's images and snapshots; and the snapshots of a copy, which start untagged, only if untagged.
    statement(
      'TagProjectImages',
      ['ec2:CreateTags'],
      [...ec2Shared(all, 'image'), ...ec2Shared(all, 'snapshot')],
      resourceTag,
    ),
    statement('TagCopiedSnapshots', ['ec2:CreateTags'], ec2Shared(all, 'snapshot'), {
      ...requestTag,
      Null: { 'ec2:ResourceTag/Project': 'true' },
    }),
    // Description, IMDS support and launch permissions (step_modify_ami_attributes), deprecation
    // (deprecate_at), and removal of a failed build's image or encrypt_boot's unencrypted original.
    statement(
      'ManageProjectImages',
      ['ec2:DeregisterImage', 'ec2:EnableImageDeprecation', 'ec2:ModifyImageAttribute'],
      ec2Shared(all, 'image'),
      resourceTag,
    ),
    statement('DeleteProjectSnapshots', ['ec2:DeleteSnapshot'], ec2Shared(all, 'snapshot'), resourceTag),
    // step_ami_region_copy: copies to the other regions; encrypt_boot copies in the build region too.
    ...(ctx.copyRegions.length || ctx.encryptBoot
      ? [statement('CopyImages', ['ec2:CopyImage'], [...ec2Shared(all, 'image'), ...ec2Shared(all, 'snapshot')])]
      : []),
    // make promote shares this project's snapshots (the build tagged them, copies too) only with the
    // answers' accounts, never publicly (no group such as "all").
    ...(accounts.length
      ? [
          statement('ShareSnapshotsWithAccounts', ['ec2:ModifySnapshotAttribute'], ec2Shared(all, 'snapshot'), {
            ...resourceTag,
            'ForAllValues:StringEquals': { 'ec2:Add/userId': accounts },
            Null: { 'ec2:Add/group': 'true' },
          }),
        ]
      : []),
    // Describe calls take no resource: limited to the regions the images are in.
    statement(
      'DescribeInImageRegions',
      [
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeRegions',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVolumes',
        ...(sessionManager ? ['ec2:DescribeInstanceStatus'] : []),
      ].sort(),
      ['*'],
      { StringEquals: { 'aws:RequestedRegion': all } },
    ),
    // A customer key: EC2 uses it for the caller (encrypted volumes, encrypted copies); only through EC2.
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html
    // The plugin's docs name kms:GenerateDataKey* and kms:ReEncrypt*: written out, the members EBS uses.
    ...keyStatements(
      ctx,
      'UseImageKeyThroughEc2',
      [
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
      ],
      { StringEquals: viaEc2 },
    ),
    ...keyStatements(ctx, 'GrantImageKeyToEc2', ['kms:CreateGrant'], {
      StringEquals: viaEc2,
      Bool: { 'kms:GrantIsForAWSResource': true },
    }),
    // Session Manager: a port-forwarding session to this project's build instance, and its end; the
    // build instance's profile is checked and its role passed to EC2 only.
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html
    ...(sessionManager
      ? [
          statement('SessionToBuildInstance', ['ssm:StartSession'], ec2(build, 'instance'), {
            StringEquals: { 'ssm:resourceTag/Project': project },
          }),
          statement(
            'PortForwardingDocument',
            ['ssm:StartSession'],
            build.map((r) => arn('ssm', r, '', 'document/AWS-StartPortForwardingSession')),
          ),
          statement(
            'EndOwnSessions',
            ['ssm:TerminateSession'],
            build.map((r) => `${arn('ssm', r, ACCOUNT, 'session/')}${SESSION_OF_CALLER}`),
          ),
          statement(
            'ReadBuildInstanceProfile',
            ['iam:GetInstanceProfile'],
            [arn('iam', '', ACCOUNT, `instance-profile/${sessionManager.instanceProfile}`)],
          ),
          statement('PassBuildInstanceRole', ['iam:PassRole'], [getAtt(BUILD_INSTANCE_ROLE, 'Arn')], {
            StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
          }),
        ]
      : []),
    // Each build publishes its image ids, and make promote a stage's, under options.publishToSsm; make
    // prune reads them all back to keep every image a stage still names. GetParametersByPath is
    // authorized on the path asked for, its parameters on theirs:
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html
    ...(ctx.options.publishToSsm
      ? [
          statement(
            'PublishImageIds',
            ['ssm:PutParameter'],
            all.map((r) => arn('ssm', r, ACCOUNT, `parameter${ctx.options.publishToSsm}/*`)),
          ),
          statement(
            'ReadPublishedImageIds',
            ['ssm:GetParametersByPath'],
            all.flatMap((r) => [
              arn('ssm', r, ACCOUNT, `parameter${ctx.options.publishToSsm}`),
              arn('ssm', r, ACCOUNT, `parameter${ctx.options.publishToSsm}/*`),
            ]),
          ),
        ]
      : []),
  ];
}

/** The actions of the build policy, sorted: the README lists exactly these. */
export function packerBuildActions(ctx: BuildContext): string[] {
  return actionsOf(packerBuildStatements(ctx));
}
