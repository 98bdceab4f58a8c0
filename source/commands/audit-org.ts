// `ami-wizard audit --org` (or --accounts FILE): every account's own images, through a read-only role
// assumed in each (iam/audit-role.yaml), checked as the single-account audit checks them. Exit 0 when
// every image passes, 1 when any fails, 3 when an account or a region could not be audited (whatever
// the rest found), 2 for bad input.
import { resolve } from 'node:path';
import { AUDIT_ROLE_NAME } from '../../generators/audit-role-name.ts';
import type { CliArgs } from '../cli-options.ts';
import { EXIT, InputError } from '../errors.ts';
import { readAccountList } from '../audit/account-list.ts';
import { auditOrganization } from '../audit/org-audit.ts';
import type { AccountResult } from '../audit/org-audit.ts';
import { failureLine, imageLine, orgAuditText, summaryLine, totals } from '../audit/org-report.ts';
import type { OrgTally } from '../audit/org-report.ts';
import { auditPolicy } from '../audit/policy.ts';
import { openResumeState } from '../audit/resume-state.ts';
import type { ResumeState } from '../audit/resume-state.ts';
import { assertRegionCode } from '../aws/ec2-client.ts';
import { openOrgAws, VIEW_ARN } from '../aws/org-clients.ts';
import { printable } from '../text/printable.ts';
import { shortened } from '../text/shortened.ts';
import { progress } from '../aws/progress.ts';
import type { CommandIO } from './context.ts';

/** The role iam/audit-role.yaml creates unless its stack names another. */
export const DEFAULT_ROLE_NAME = AUDIT_ROLE_NAME;
// IAM's role name and external id characters (CreateRole RoleName, AssumeRole ExternalId).
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** Options only the organization audit takes: given without --org or --accounts, they are refused. */
const ORG_ONLY = ['roleName', 'externalId', 'resume', 'view'] as const;

export const isOrgAudit = (args: CliArgs): boolean => Boolean(args.org || args.accounts);

export function assertOrgOptions(args: CliArgs): void {
  if (isOrgAudit(args)) return;
  const stray = ORG_ONLY.find((key) => args[key] !== undefined);
  if (stray === 'view') throw new InputError('--view is for audit --org: audit --org --view ARN.');
  if (stray)
    throw new InputError(
      `--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is for audit --org or --accounts FILE.`,
    );
}

export async function auditOrgCommand(args: CliArgs, io: CommandIO, testEndpoint?: string): Promise<number> {
  // Bad input fails before any AWS work.
  const policy = await auditPolicy(args, io.cwd);
  args.regions.forEach(assertRegionCode);
  const roleName = args.roleName ?? DEFAULT_ROLE_NAME;
  if (!ROLE_NAME.test(roleName))
    throw new InputError('--role-name needs an IAM role name: 1-64 letters, digits and + = , . @ _ -.');
  if (args.externalId !== undefined && !EXTERNAL_ID.test(args.externalId))
    throw new InputError('--external-id needs 2-1224 letters, digits and + = , . @ : / _ -.');
  if (args.view !== undefined && args.accounts)
    throw new InputError('--view finds the accounts itself: give --org --view ARN, or --accounts FILE without --view.');
  if (args.view !== undefined && !VIEW_ARN.test(args.view))
    throw new InputError(
      `--view needs a Resource Explorer view ARN, arn:aws:resource-explorer-2:REGION:ACCOUNT:view/NAME/ID (got "${printable(shortened(args.view, 80))}"); \`aws resource-explorer-2 list-views\` lists them.`,
    );
  const given = args.accounts ? readAccountList(resolve(io.cwd, args.accounts), args.accounts) : undefined;
  const state: ResumeState | undefined = args.resume
    ? openResumeState(resolve(io.cwd, args.resume), args.resume)
    : undefined;
  // A resumed account counts only once this run's listing (the organization, --accounts or the view)
  // gives it: a resume file from another organization, or with accounts since closed, adds nothing.
  const finishedBefore = new Map((state?.finished ?? []).map((a) => [a.accountId, a]));
  const tally: OrgTally = { accounts: [], resumed: 0, failures: [] };
  const skip = new Set(finishedBefore.keys());
  const spinner = progress(io.status);
  let images = 0;
  let done = 0;
  const show = () =>
    spinner.update(
      `Auditing the organization: ${done} accounts done, ${images} images, ${tally.failures.length} errors`,
    );
  const finish = (result: AccountResult) => {
    done++;
    if (result.failures.length === 0) {
      tally.accounts.push(result);
      state?.add(result);
    } else if (result.regions.length) tally.accounts.push(result); // the regions it could audit still count
    show();
  };
  try {
    spinner.update('Loading the AWS SDK');
    const aws = await openOrgAws({
      timeoutMs: args.awsTimeoutMs,
      concurrency: args.concurrency,
      roleName,
      ...(args.view ? { view: true } : {}),
      ...(args.externalId ? { externalId: args.externalId } : {}),
      ...(testEndpoint ? { endpoint: testEndpoint } : {}),
    });
    show();
    // Before the first page: from here on a slow reader holds back the pages, never the calls in flight.
    if (args.json) await io.stdoutDrained?.();
    try {
      await auditOrganization(
        aws,
        {
          ...(given ? { accounts: given.map((id) => ({ id })) } : {}),
          skip,
          ...(args.view ? { view: args.view } : {}),
          ...(args.regions.length ? { regions: [...new Set(args.regions)] } : {}),
          concurrency: args.concurrency,
          checks: { rules: policy.rules, maxAgeDays: policy.maxAgeDays, now: new Date() },
        },
        {
          async images(accountId, audits) {
            images += audits.length;
            show();
            if (!args.json) return;
            // One write a page: a line at a time would cost a system call per image. Then wait for a
            // slow reader: the region's next page (and so the fan-out) waits with it.
            io.stdout(audits.map((audit) => imageLine(accountId, audit)).join(''));
            await io.stdoutDrained?.();
          },
          failure(failure) {
            tally.failures.push(failure);
            if (args.json) io.stdout(failureLine(failure));
            show();
          },
          account: finish,
          resumed(accountId) {
            const before = finishedBefore.get(accountId);
            if (!before) return;
            tally.accounts.push(before);
            tally.resumed++;
          },
        },
      );
    } finally {
      aws.close();
    }
  } finally {
    spinner.stop();
    state?.close();
  }
  const t = totals(tally);
  const code = t.failedAccounts || t.failedRegions ? EXIT.incomplete : t.failing ? EXIT.failure : EXIT.ok;
  if (args.json) io.stdout(summaryLine(t, code));
  else
    io.stdout(
      orgAuditText(
        tally,
        {
          maxAgeDays: policy.maxAgeDays,
          ...(policy.source ? { policySource: policy.source, ruleCount: policy.rules?.length ?? 0 } : {}),
        },
        io.columns || 80,
      ),
    );
  return code;
}
