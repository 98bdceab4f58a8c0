// The AWS API calls a generated folder's build makes, derived from the generated files themselves (never
// from the generator's own list): the amazon-ebs sources' attributes, mapped to the calls the Packer
// amazon plugin makes for them, and the `aws SERVICE COMMAND` lines of the scripts the Makefile and the
// builds run on the build machine.
//
// The mapping follows the plugin's source, hashicorp/packer-plugin-amazon v1.8.2 (builder/ebs/builder.go
// lists the steps; builder/common/step_*.go make the calls), and its documented IAM policy:
// https://developer.hashicorp.com/packer/integrations/hashicorp/amazon#iam-task-or-instance-role
// https://github.com/hashicorp/packer-plugin-amazon/tree/v1.8.2/builder/common
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { amazonEbsSources, variableDefaults } from './packer-sources.ts';
import type { AmazonEbsSource, HclValue } from './packer-sources.ts';

/** One call and the regions it is made in. */
export interface ApiCall {
  action: string;
  regions: string[];
  /** Why the build makes it: the attribute or script line. */
  because: string;
}

/**
 * Attributes that make no API call of their own (their effect is inside a call listed elsewhere), and
 * blocks likewise. A new attribute in the templates fails the derivation until it is placed here or
 * in the mapping below, so the build policy cannot silently fall behind the templates.
 */
const NO_CALL_ATTRIBUTES = new Set([
  'name',
  'ami_name',
  'region',
  'instance_type',
  'ssh_username',
  'user_data',
  'user_data_file',
  'winrm_username',
  'winrm_use_ssl',
  'winrm_insecure',
  'winrm_port',
  'winrm_timeout',
  'temporary_security_group_source_public_ip',
  'force_deregister',
  'region_kms_key_ids',
  'communicator',
  'ssh_interface',
  'disable_stop_instance',
  'iam_instance_profile',
  'subnet_id',
]);
const NO_CALL_BLOCKS = new Set([
  'source_ami_filter',
  'aws_polling',
  'metadata_options',
  'launch_block_device_mappings',
]);

const has = (v: HclValue | undefined): boolean =>
  v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0) && v !== '';

/** The calls one amazon-ebs source makes, in its build region and the regions it copies to. */
export function sourceCalls(source: AmazonEbsSource, buildRegion: string): ApiCall[] {
  const a = source.attributes;
  const copies = Array.isArray(a.ami_regions) ? a.ami_regions : [];
  if (a.ami_regions !== undefined && !Array.isArray(a.ami_regions))
    throw new Error(`${source.file}: ami_regions is not a literal list`);
  const all = [buildRegion, ...copies];
  const calls: ApiCall[] = [];
  const call = (actions: string[], regions: string[], because: string) =>
    calls.push(...actions.map((action) => ({ action, regions, because })));
  const known = new Set<string>();
  const uses = (name: string) => (known.add(name), has(a[name]));
  /** Whether any of the attributes is set (each is marked as mapped). */
  const any = (...names: string[]) => names.map(uses).some(Boolean);
  known.add('ami_regions');

  // Every build: region validation (step_pre_validate), the source image (step_source_ami_info), the
  // instance (step_run_source_instance, its waiters), extra volumes (step_cleanup_volumes), the image
  // (step_create_ami) and, when a build fails after it, the image's removal (its Cleanup).
  call(
    [
      'ec2:DescribeRegions',
      'ec2:DescribeImages',
      'ec2:DescribeInstances',
      'ec2:RunInstances',
      'ec2:TerminateInstances',
    ],
    [buildRegion],
    'every amazon-ebs build',
  );
  call(['ec2:DescribeVolumes', 'ec2:DeleteVolume'], [buildRegion], 'step_cleanup_volumes');
  call(
    ['ec2:CreateImage', 'ec2:DeregisterImage', 'ec2:DeleteSnapshot'],
    [buildRegion],
    'step_create_ami and its cleanup',
  );
  // The image (and its copies) is described and tagged in every region (step_create_tags).
  if (any('tags', 'snapshot_tags')) call(['ec2:DescribeImages', 'ec2:CreateTags'], all, 'tags, snapshot_tags');
  if (any('run_tags', 'run_volume_tags'))
    call(['ec2:CreateTags'], [buildRegion], 'run_tags, run_volume_tags (tag on create)');
  // step_modify_ami_attributes: the description, IMDS support and launch permissions of every copy.
  if (any('ami_description', 'imds_support')) call(['ec2:ModifyImageAttribute'], all, 'ami_description, imds_support');
  if (any('ami_users', 'ami_org_arns', 'ami_ou_arns'))
    call(['ec2:ModifyImageAttribute'], all, 'ami_users, ami_org_arns, ami_ou_arns');
  if (uses('snapshot_users')) call(['ec2:ModifySnapshotAttribute'], all, 'snapshot_users');
  if (uses('deprecate_at')) call(['ec2:EnableImageDeprecation'], all, 'deprecate_at');
  // step_ami_region_copy: copies to ami_regions; encrypt_boot copies in the build region too, then
  // removes the unencrypted original (DestroyAMIs).
  if (copies.length) call(['ec2:CopyImage'], all, 'ami_regions');
  if (uses('encrypt_boot'))
    call(['ec2:CopyImage', 'ec2:DeregisterImage', 'ec2:DeleteSnapshot'], [buildRegion], 'encrypt_boot');
  // EBS encryption with a customer key: EC2 calls KMS for the caller (the plugin's docs list the key's actions).
  const mapping = source.blocks.find((b) => b.type === 'launch_block_device_mappings')?.body.attributes ?? {};
  if (any('kms_key_id') || has(mapping.kms_key_id)) {
    call(
      [
        'kms:CreateGrant',
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
      ],
      uses('encrypt_boot') ? all : [buildRegion],
      'kms_key_id',
    );
  }
  // step_key_pair: a temporary key pair unless the template names one, a key file or a password.
  if (!any('ssh_keypair_name', 'ssh_private_key_file', 'ssh_password'))
    call(['ec2:CreateKeyPair', 'ec2:DeleteKeyPair'], [buildRegion], 'temporary key pair');
  // step_security_group: a temporary group unless the template names one; no ingress rule when the
  // build connects through Session Manager (SkipSSHRuleCreation).
  const sessionManager = a.ssh_interface === 'session_manager' && has(a.iam_instance_profile);
  if (!any('security_group_id', 'security_group_ids', 'security_group_filter')) {
    call(
      ['ec2:CreateSecurityGroup', 'ec2:DescribeSecurityGroups', 'ec2:DeleteSecurityGroup'],
      [buildRegion],
      'temporary security group',
    );
    if (!sessionManager) call(['ec2:AuthorizeSecurityGroupIngress'], [buildRegion], 'temporary security group rule');
  }
  // step_network_info: the subnet's zone and VPC (subnet_id is a variable a team sets).
  if (a.subnet_id !== undefined) call(['ec2:DescribeSubnets'], [buildRegion], 'subnet_id');
  // step_get_password: WinRM without a password reads the generated Administrator password.
  if (a.communicator === 'winrm' && !uses('winrm_password'))
    call(['ec2:GetPasswordData'], [buildRegion], 'winrm without winrm_password');
  // step_stop_ebs_instance, unless the instance stops itself (sysprep).
  if (a.disable_stop_instance !== true)
    call(['ec2:StopInstances'], [buildRegion], 'the instance is stopped before capture');
  // step_iam_instance_profile validates the profile; RunInstances passes its role.
  if (has(a.iam_instance_profile))
    call(['iam:GetInstanceProfile', 'iam:PassRole'], [buildRegion], 'iam_instance_profile');
  // step_create_ssm_tunnel and ssm/session.go: a port-forwarding session, watched with DescribeInstanceStatus.
  if (sessionManager)
    call(
      ['ssm:StartSession', 'ssm:TerminateSession', 'ec2:DescribeInstanceStatus'],
      [buildRegion],
      'ssh_interface session_manager',
    );
  if (a.force_deregister === true) call(['ec2:DeregisterImage'], all, 'force_deregister');
  if (uses('deregistration_protection'))
    call(['ec2:EnableImageDeregistrationProtection'], all, 'deregistration_protection');

  for (const name of Object.keys(a)) {
    if (!known.has(name) && !NO_CALL_ATTRIBUTES.has(name))
      throw new Error(
        `${source.file}: source "${source.name}" sets ${name}, which packer-api-calls.ts does not map to API calls yet`,
      );
  }
  for (const block of source.blocks) {
    if (!NO_CALL_BLOCKS.has(block.type) && !known.has(block.type))
      throw new Error(
        `${source.file}: source "${source.name}" has a ${block.type} block, which packer-api-calls.ts does not map yet`,
      );
  }
  return calls;
}

/** `ssm put-parameter` -> `ssm:PutParameter`: the CLI's command names are its API's, in kebab case. */
export function cliAction(service: string, command: string): string {
  return `${service}:${command
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;
}

/**
 * CLI commands that are not one API call: `aws cloudformation deploy` makes a change set and runs it
 * (awscli/customizations/cloudformation/deployer.py: describe_stacks, get_template_summary on an
 * update, create_change_set, the change_set_create_complete waiter, execute_change_set, the
 * stack_*_complete waiter).
 * https://github.com/aws/aws-cli/blob/develop/awscli/customizations/cloudformation/deployer.py
 */
const CLI_CUSTOMIZATIONS: Record<string, string[]> = {
  'cloudformation deploy': [
    'cloudformation:DescribeStacks',
    'cloudformation:GetTemplateSummary',
    'cloudformation:CreateChangeSet',
    'cloudformation:DescribeChangeSet',
    'cloudformation:ExecuteChangeSet',
  ],
};

/** The actions of every `aws SERVICE COMMAND` in a text (continued lines and $(...) included). */
export function awsCliActions(text: string): string[] {
  const out: string[] = [];
  for (const [, service, command] of text.matchAll(/(?<![\w-])aws\s+([a-z0-9-]+)\s+([a-z][a-z0-9-]*)/g)) {
    out.push(...(CLI_CUSTOMIZATIONS[`${service} ${command}`] ?? [cliAction(service!, command!)]));
  }
  return out;
}

/** The scripts the build machine runs: named by the Makefile's recipes and by shell-local post-processors. */
function buildMachineScripts(files: GeneratedFile[]): GeneratedFile[] {
  const text = files
    .filter((f) => f.path === 'packer/Makefile' || f.path.endsWith('.pkr.hcl'))
    .map((f) => f.contents)
    .join('\n');
  const named = new Set([...text.matchAll(/scripts\/[\w.-]+\.sh/g)].map((m) => `packer/${m[0]}`));
  return files.filter((f) => named.has(f.path));
}

/** Every call the Packer side of a generated folder makes: the builds and the build machine's scripts. */
export function packerBuildCalls(files: GeneratedFile[]): ApiCall[] {
  const hcl = files.filter((f) => f.path.startsWith('packer/') && f.path.endsWith('.pkr.hcl'));
  const buildRegion = variableDefaults(hcl).region;
  if (!buildRegion) throw new Error('packer/variables.pkr.hcl gives the region variable no default');
  const sources = amazonEbsSources(hcl);
  if (sources.length === 0) throw new Error('no amazon-ebs source in packer/');
  const calls = sources.flatMap((s) => sourceCalls(s, buildRegion));
  const regions = [...new Set(calls.flatMap((c) => c.regions))];
  for (const script of buildMachineScripts(files)) {
    // Scripts run in any region the images are in (promote: AWS_REGION; publish: each artifact's region).
    for (const action of awsCliActions(script.contents)) calls.push({ action, regions, because: script.path });
  }
  // SSM checks an aws:ec2:image parameter's value with the caller's ec2:DescribeImages.
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-ec2-aliases.html
  if (calls.some((c) => c.action === 'ssm:PutParameter'))
    calls.push({ action: 'ec2:DescribeImages', regions, because: 'ssm put-parameter --data-type aws:ec2:image' });
  return calls;
}

/** The Markdown section under `## TITLE`, up to the next `## ` heading. */
export function readmeSection(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The contents of the ```sh blocks of a Markdown text. */
export function shellBlocks(markdown: string): string {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}
