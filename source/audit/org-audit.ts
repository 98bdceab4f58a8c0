// The organization audit: every account (listed by Organizations, or given), the role assumed in each,
// every enabled region, every image the account owns, each checked by auditImage exactly as the
// single-account audit does. A failure (the role refused, a region not enabled, a deadline) is recorded
// for its account or region and the rest goes on. Images are handed to the sink as each page arrives and
// then dropped: what the run keeps is counts per account and region.
import { IDS_PER_CALL } from '../aws/org-clients.ts';
import type { AccountAws, OrgAccount, OrgAws } from '../aws/org-clients.ts';
import { scopeFailure } from '../aws/scope-failure.ts';
import type { FailureKind } from '../aws/scope-failure.ts';
import type { AuditOptions, CheckId, ImageAudit } from './checks.ts';
import { auditImage } from './checks.ts';
import { imagePages } from '../aws/describe-images.ts';
import type { Ec2Session } from '../aws/ec2-client.ts';

/** Images per DescribeImages page, as in the single-account audit. */
export const PAGE_SIZE = 200;

export interface RegionCounts {
  region: string;
  images: number;
  failing: number;
  /** Failing images per check. */
  failed: Partial<Record<CheckId, number>>;
}

export interface AccountFailure {
  accountId: string;
  region?: string;
  action: 'sts:AssumeRole' | 'ec2:DescribeRegions' | 'ec2:DescribeImages';
  kind: FailureKind;
  code: string;
  message: string;
}

export interface AccountResult {
  accountId: string;
  name?: string;
  regions: RegionCounts[];
  failures: AccountFailure[];
}

export interface OrgAuditSink {
  /**
   * One page of the account's images in a region, checked: written out at once, then dropped. The next
   * page of that region is asked for once the returned promise settles (backpressure from the output).
   */
  images(accountId: string, audits: ImageAudit[]): void | Promise<void>;
  failure(failure: AccountFailure): void;
  /** Every region of the account answered or failed. A result without failures is finished. */
  account(result: AccountResult): void;
  /** An account the listing gave that the resume file has as finished: not visited again. */
  resumed?(accountId: string): void;
}

export interface OrgAuditRun {
  /** Given accounts (--accounts FILE); else Organizations lists them. */
  accounts?: OrgAccount[];
  /** Accounts already finished (--resume): not visited. */
  skip: ReadonlySet<string>;
  /**
   * --view ARN: the images a Resource Explorer view indexes, instead of every region of every account:
   * only the accounts and regions where it lists images are visited, and only those images described.
   */
  view?: string;
  /** --region: only these (each must be enabled in the account); else every enabled region. */
  regions?: string[];
  concurrency: number;
  checks: AuditOptions;
}

export async function auditOrganization(aws: OrgAws, run: OrgAuditRun, sink: OrgAuditSink): Promise<void> {
  const indexed = run.view ? await aws.indexedImages(run.view) : undefined;
  const source = indexed
    ? given([...indexed.keys()].sort().map((id) => ({ id })))
    : run.accounts
      ? given(run.accounts)
      : aws.accounts();
  // Accounts in flight: at most --concurrency, so the calls waiting for a slot stay few.
  const running = new Set<Promise<void>>();
  const seen = new Set<string>();
  // The first failure of an account's task (the sink or a bug; AWS failures are recorded, not thrown):
  // no account starts after it, and it is thrown once the running ones have finished.
  let broken: { error: unknown } | undefined;
  try {
    for await (const page of source) {
      for (const account of page) {
        if (broken) break;
        if (seen.has(account.id)) continue;
        seen.add(account.id);
        if (run.skip.has(account.id)) {
          sink.resumed?.(account.id);
          continue;
        }
        const task: Promise<void> = auditAccount(aws, account, run, sink, indexed?.get(account.id))
          .catch((error: unknown) => void (broken ??= { error }))
          .finally(() => running.delete(task));
        running.add(task);
        if (running.size >= run.concurrency) await Promise.race(running);
      }
      if (broken) break;
    }
  } finally {
    // Also when the listing itself fails: the command closes the resume file and the clients next, so
    // no account may still be running then.
    await Promise.all(running);
  }
  if (broken) throw broken.error;
}

async function* given(accounts: OrgAccount[]): AsyncGenerator<OrgAccount[]> {
  yield accounts;
}

async function auditAccount(
  aws: OrgAws,
  account: OrgAccount,
  run: OrgAuditRun,
  sink: OrgAuditSink,
  indexed?: Map<string, string[]>,
): Promise<void> {
  const result: AccountResult = {
    accountId: account.id,
    ...(account.name ? { name: account.name } : {}),
    regions: [],
    failures: [],
  };
  const failed = (action: AccountFailure['action'], error: unknown, region?: string) => {
    const { kind, code, message } = scopeFailure(error);
    const failure: AccountFailure = {
      accountId: account.id,
      ...(region ? { region } : {}),
      action,
      kind,
      code,
      message,
    };
    result.failures.push(failure);
    sink.failure(failure);
  };
  let role: AccountAws | undefined;
  try {
    role = await aws.assume(account.id);
  } catch (error) {
    failed('sts:AssumeRole', error);
  }
  let regions: string[] = [];
  if (role && indexed) {
    // The view's regions: no DescribeRegions, and none without images. --region narrows them.
    regions = [...indexed.keys()].filter((r) => !run.regions || run.regions.includes(r)).sort();
  } else if (role) {
    try {
      const enabled = await role.regions();
      regions = run.regions ? run.regions.filter((r) => enabled.includes(r)) : enabled;
      for (const r of run.regions?.filter((r) => !enabled.includes(r)) ?? [])
        failed('ec2:DescribeRegions', { name: 'OptInRequired', message: `${r} is not enabled in the account` }, r);
    } catch (error) {
      failed('ec2:DescribeRegions', error);
    }
  }
  await Promise.all(
    regions.map(async (region) => {
      const counts: RegionCounts = { region, images: 0, failing: 0, failed: {} };
      const session = role!.region(region);
      try {
        for await (const page of imagePagesOf(session, indexed?.get(region))) {
          const audits = page.map((image) => auditImage(image, run.checks));
          for (const audit of audits) {
            counts.images++;
            if (audit.compliant) continue;
            counts.failing++;
            for (const r of audit.results)
              if (r.status === 'fail') counts.failed[r.check] = (counts.failed[r.check] ?? 0) + 1;
          }
          await sink.images(account.id, audits);
        }
        result.regions.push(counts);
      } catch (error) {
        failed('ec2:DescribeImages', error, region);
      } finally {
        session.close();
      }
    }),
  );
  result.regions.sort((a, b) => a.region.localeCompare(b.region));
  sink.account(result);
}

async function* imagePagesOf(session: Ec2Session, ids?: string[]) {
  if (!ids) {
    yield* imagePages(session, { Owners: ['self'], IncludeDeprecated: true }, PAGE_SIZE);
    return;
  }
  // An image-id filter, not ImageIds: an image deleted since the view indexed it is left out, where
  // ImageIds would fail the whole call (InvalidAMIID.NotFound).
  for (let i = 0; i < ids.length; i += IDS_PER_CALL)
    yield* imagePages(
      session,
      {
        Owners: ['self'],
        IncludeDeprecated: true,
        Filters: [{ Name: 'image-id', Values: ids.slice(i, i + IDS_PER_CALL) }],
      },
      PAGE_SIZE,
    );
}
