// `ami-wizard audit`: the account's own images (every page, deprecated ones too) checked against the
// tag policy and the image hygiene rules. Exit 1 when any image fails, 0 when all pass. With --org or
// --accounts FILE, every account of the organization: source/commands/audit-org.ts.
import type { CliArgs } from '../cli-options.ts';
import { EXIT } from '../errors.ts';
import { auditImage } from '../audit/checks.ts';
import { auditPolicy } from '../audit/policy.ts';
import { describeImages } from '../aws/describe-images.ts';
import { assertRegionCode, openEc2 } from '../aws/ec2-client.ts';
import { auditJson, auditText } from '../audit/audit-text.ts';
import type { ImageRecord } from '../aws/image-record.ts';
import { progress } from '../aws/progress.ts';
import type { CommandIO } from './context.ts';
import { assertOrgOptions, auditOrgCommand, isOrgAudit } from './audit-org.ts';

/** Images per DescribeImages page: small enough that the spinner moves in a large account. */
const PAGE_SIZE = 200;

export async function auditCommand(args: CliArgs, io: CommandIO): Promise<number> {
  assertOrgOptions(args);
  if (isOrgAudit(args)) return auditOrgCommand(args, io);
  // Bad input fails before the SDK loads: the policy, then every --region.
  const policy = await auditPolicy(args, io.cwd);
  args.regions.forEach(assertRegionCode);
  const spinner = progress(io.status);
  const images: ImageRecord[] = [];
  const regions: string[] = [];
  try {
    spinner.update('Loading the AWS SDK');
    // No --region: the SDK's own region (AWS_REGION, the profile).
    for (const wanted of args.regions.length ? [...new Set(args.regions)] : [undefined]) {
      const session = await openEc2({ timeoutMs: args.awsTimeoutMs, ...(wanted ? { region: wanted } : {}) });
      regions.push(session.region);
      try {
        spinner.update(`Listing images in ${session.region}`);
        const found = await describeImages(
          session,
          { Owners: ['self'], IncludeDeprecated: true },
          {
            pageSize: PAGE_SIZE,
            onPage: ({ pages, images: n }) =>
              spinner.update(`Listing images in ${session.region}: page ${pages}, ${n} images`),
          },
        );
        images.push(...found);
      } finally {
        session.client.destroy();
      }
    }
  } finally {
    spinner.stop();
  }
  const now = new Date();
  const checks = { rules: policy.rules, maxAgeDays: policy.maxAgeDays, now };
  const audits = images.map((image) => auditImage(image, checks));
  if (args.json) io.stdout(auditJson(audits));
  else {
    // A pipe or a file gets the classic 80 columns; a terminal gets its own width.
    const width = io.columns || 80;
    io.stdout(
      auditText(
        {
          regions,
          audits,
          maxAgeDays: policy.maxAgeDays,
          ...(policy.source ? { policySource: policy.source, ruleCount: policy.rules?.length ?? 0 } : {}),
        },
        width,
      ),
    );
  }
  return audits.every((a) => a.compliant) ? EXIT.ok : EXIT.failure;
}
