// How an organization audit sorts a failure in one account or region (source/aws/scope-failure.ts).
import { describe, expect, it } from 'vitest';
import { AwsDeadlineError } from '../../source/aws/deadline.ts';
import { scopeFailure } from '../../source/aws/scope-failure.ts';

const named = (name: string, message = 'm') => Object.assign(new Error(message), { name });

describe('a failure in one scope of an organization audit', () => {
  it('is sorted by what the reader acts on', () => {
    const kinds = (errors: unknown[]) => errors.map((error) => scopeFailure(error).kind);
    expect(kinds([named('AccessDenied'), named('UnauthorizedOperation')])).toEqual(['access-denied', 'access-denied']);
    expect(kinds([named('OptInRequired'), named('AuthFailure')])).toEqual(['region-unavailable', 'region-unavailable']);
    expect(kinds([named('RequestLimitExceeded'), named('ThrottlingException')])).toEqual(['throttled', 'throttled']);
    expect(kinds([named('InternalError'), new Error('socket hang up'), 'text'])).toEqual(['error', 'error', 'error']);
  });

  // A call that never answers ended two ways: at its --aws-timeout deadline, or earlier, when the
  // SDK had timed out each of its attempts (5 s each) and had no retry left. With --aws-timeout 10 the
  // two came within milliseconds of each other, and the same stall was reported as "deadline" or as
  // "error" by whichever timer fired first.
  it('a call that did not answer in time is a deadline, whichever timeout ended it', () => {
    const ours = scopeFailure(new AwsDeadlineError(10_000, 'answer'));
    expect([ours.kind, ours.code]).toEqual(['deadline', 'Deadline']);
    // As @smithy/node-http-handler ends an attempt: its request timeout (code ETIMEDOUT), its
    // connection and socket timeouts (no code).
    const request = scopeFailure(
      Object.assign(named('TimeoutError', 'a request has exceeded the configured 5000 ms requestTimeout.'), {
        code: 'ETIMEDOUT',
      }),
    );
    expect([request.kind, request.code, request.message]).toEqual([
      'deadline',
      'TimeoutError',
      'a request has exceeded the configured 5000 ms requestTimeout.',
    ]);
    expect(scopeFailure(named('TimeoutError', 'did not establish a connection within 2000 ms')).kind).toBe('deadline');
    // The SDK names a reset or broken connection TimeoutError too: that call answered, by closing.
    for (const code of ['ECONNRESET', 'EPIPE'])
      expect(scopeFailure(Object.assign(named('TimeoutError', 'socket hang up'), { code })).kind, code).toBe('error');
  });
});
