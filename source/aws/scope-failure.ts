// What went wrong in one account or one region of an organization audit, sorted into what a reader
// acts on: the role (access denied or missing), a region the account has not enabled, a call that did
// not answer in time, throttling that outlasted the SDK's retries, anything else. Pure.
import { FailureError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { shortened } from '../text/shortened.ts';
import { AwsDeadlineError } from './deadline.ts';

export const FAILURE_KINDS = ['access-denied', 'region-unavailable', 'deadline', 'throttled', 'error'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A failure the audit records and goes on from: the kind, the error's code and its message (escaped, cut). */
export class ScopeFailure extends FailureError {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScopeFailure';
  }
}

// STS says AccessDenied both when the trust policy refuses and when the role does not exist.
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AWSOrganizationsNotInUseException',
]);
// A region the account has not opted in to: EC2 answers OptInRequired, or refuses the credentials there.
const REGION_UNAVAILABLE = new Set([
  'OptInRequired',
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);
const THROTTLED = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);
// A call that never answers ends at its --aws-timeout deadline (AwsDeadlineError), or before it when
// the SDK has timed out each attempt and has no retry left: a deadline either way, the code saying
// which. The SDK names its connection, request and socket timeouts TimeoutError (the request's with
// the code ETIMEDOUT, the others with none), and a reset or broken connection too (ECONNRESET,
// EPIPE): those answered, by closing, and are errors.
const timedOut = (error: unknown) => {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' && (code === undefined || code === 'ETIMEDOUT');
};

export function scopeFailure(error: unknown): ScopeFailure {
  if (error instanceof ScopeFailure) return error;
  const shown = (text: string) => printable(shortened(text.replace(/\s+/g, ' ').trim(), 300));
  if (error instanceof AwsDeadlineError) return new ScopeFailure('deadline', 'Deadline', shown(error.message));
  const code = String((error as { name?: unknown } | null)?.name ?? 'Error');
  const message = error instanceof Error ? error.message : String(error);
  const kind: FailureKind = ACCESS_DENIED.has(code)
    ? 'access-denied'
    : REGION_UNAVAILABLE.has(code)
      ? 'region-unavailable'
      : THROTTLED.has(code)
        ? 'throttled'
        : timedOut(error)
          ? 'deadline'
          : 'error';
  return new ScopeFailure(kind, shown(code), shown(message));
}
