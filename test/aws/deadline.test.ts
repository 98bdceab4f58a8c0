// The deadline of one AWS call: it ends the wait even when the work ignores its AbortSignal.
import { describe, expect, it } from 'vitest';
import {
  AwsDeadlineError,
  TOTAL_DEADLINE_CALLS,
  awsWorkAbandoned,
  commandBudget,
  withDeadline,
} from '../../source/aws/deadline.ts';

describe('withDeadline', () => {
  it('passes a result through and leaves nothing behind', async () => {
    let expired = false;
    await expect(
      withDeadline(
        1_000,
        'answer',
        async () => 'page',
        () => (expired = true),
      ),
    ).resolves.toBe('page');
    expect(expired).toBe(false);
  });

  it('passes an error through', async () => {
    await expect(withDeadline(1_000, 'answer', async () => Promise.reject(new Error('AuthFailure')))).rejects.toThrow(
      'AuthFailure',
    );
  });

  it('gives up on work that never ends and ignores the signal: aborts it, calls onExpire, names the phase', async () => {
    let signal: AbortSignal | undefined;
    let expired = false;
    const never = (s: AbortSignal) => ((signal = s), new Promise<never>(() => {}));
    const error = await withDeadline(20, 'credentials', never, () => (expired = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsDeadlineError);
    expect(error).toMatchObject({ name: 'AwsDeadlineError', timeoutMs: 20, phase: 'credentials' });
    expect(signal?.aborted).toBe(true);
    expect(expired).toBe(true);
    expect(awsWorkAbandoned()).toBe(true); // the CLI exits explicitly after printing
  });

  it("the command's budget ends a call before its own deadline, and says it was the total", async () => {
    let signal: AbortSignal | undefined;
    const never = (s: AbortSignal) => ((signal = s), new Promise<never>(() => {}));
    const budget = { endsAt: Date.now() + 20, totalMs: 20 };
    const error = await withDeadline(60_000, 'answer', never, () => {}, budget).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AwsDeadlineError', timeoutMs: 60_000, totalMs: 20 });
    expect(signal?.aborted).toBe(true);
  });

  it('a budget already spent starts no call', async () => {
    let called = false;
    const budget = { endsAt: Date.now() - 1, totalMs: 20 };
    const error = await withDeadline(
      60_000,
      'answer',
      async () => void (called = true),
      () => {},
      budget,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AwsDeadlineError', totalMs: 20 });
    expect(called).toBe(false);
  });

  it('a call that ends within both passes through', async () => {
    await expect(
      withDeadline(
        1_000,
        'answer',
        async () => 'page',
        () => {},
        { endsAt: Date.now() + 1_000, totalMs: 1_000 },
      ),
    ).resolves.toBe('page');
  });
});

describe('commandBudget', () => {
  it('is started once per process (one command) and is TOTAL_DEADLINE_CALLS per-call deadlines long', () => {
    const first = commandBudget(3_000);
    expect(first.totalMs).toBe(TOTAL_DEADLINE_CALLS * 3_000);
    expect(first.endsAt).toBeGreaterThan(Date.now());
    expect(commandBudget(3_000)).toBe(first); // audit's later regions share the first one's budget
  });
});
