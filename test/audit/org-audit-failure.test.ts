// When the organization's listing fails part way (a later ListAccounts page denied, throttled past its
// retries, past its deadline), the accounts already started must have finished before the failure
// reaches the command: it then closes the resume file, the clients and the progress line, and an
// account finishing after that would write to a closed file and print after the error.
import { describe, expect, it } from 'vitest';
import { auditOrganization } from '../../source/audit/org-audit.ts';
import type { AccountResult, OrgAuditSink } from '../../source/audit/org-audit.ts';
import type { OrgAws } from '../../source/aws/org-clients.ts';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

function fakeAws(onAssume: (id: string) => Promise<void>, listingFails = true): OrgAws {
  return {
    homeRegion: 'eu-west-1',
    async *accounts() {
      yield [{ id: '111111111111' }, { id: '222222222222' }];
      await later(undefined, 5);
      if (listingFails) throw new Error('ListAccounts page 2 failed');
    },
    indexedImages: () => Promise.reject(new Error('not used')),
    assume: async (id: string) => {
      await onAssume(id);
      return { regions: () => later([], 30), region: () => ({}) as never };
    },
    calls: undefined as never,
    close() {},
  };
}

/** A sink that keeps the id of each account it is told has finished. */
function recordingSink(): { finished: string[]; sink: OrgAuditSink } {
  const finished: string[] = [];
  return {
    finished,
    sink: { images() {}, failure() {}, account: (result: AccountResult) => void finished.push(result.accountId) },
  };
}

describe('auditOrganization when the listing fails part way', () => {
  it('rejects only once the accounts it started have finished', async () => {
    const { finished, sink } = recordingSink();
    const run = { skip: new Set<string>(), concurrency: 4, checks: {} as never };
    await expect(
      auditOrganization(
        fakeAws(() => later(undefined, 20)),
        run,
        sink,
      ),
    ).rejects.toThrow('ListAccounts page 2 failed');
    expect(finished.sort()).toEqual(['111111111111', '222222222222']);
  });

  it('an account that throws stops the run, after the others finished', async () => {
    const { finished, sink } = recordingSink();
    // The first account finishes at once and its record fails; the second is still running then.
    const aws = fakeAws((id) => later(undefined, id === '111111111111' ? 0 : 20), false);
    const brokenSink: OrgAuditSink = {
      ...sink,
      account: (result) => {
        if (result.accountId === '111111111111') throw new Error('sink broke');
        sink.account(result);
      },
    };
    const run = { skip: new Set<string>(), concurrency: 4, checks: {} as never };
    await expect(auditOrganization(aws, run, brokenSink)).rejects.toThrow('sink broke');
    expect(finished).toEqual(['222222222222']);
  });
});
