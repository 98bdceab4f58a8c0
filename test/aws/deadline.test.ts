// The deadline of one AWS call: it ends the wait even when the work ignores its AbortSignal.
import { describe, expect, it } from 'vitest';
import { AwsDeadlineError, awsWorkAbandoned, withDeadline } from '../../source/aws/deadline.ts';

describe('withDeadline', () => {
  it('passes a result through and leaves nothing behind', async () => {
    let expired = false;
    await expect(withDeadline(1_000, 'answer', async () => 'page', () => (expired = true))).resolves.toBe('page');
    expect(expired).toBe(false);
  });

  it('passes an error through', async () => {
    await expect(withDeadline(1_000, 'answer', async () => Promise.reject(new Error('AuthFailure')))).rejects.toThrow('AuthFailure');
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
});
