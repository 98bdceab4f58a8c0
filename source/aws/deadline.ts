// One deadline per AWS call (--aws-timeout). The SDK's own timeouts each cover one piece: a connection,
// the wait for response headers, an idle socket. None covers retries together, a body that trickles a
// byte every few seconds, or a credential_process that never exits. So the call races a timer; at the
// deadline its AbortSignal fires (the SDK drops the request and sends no retry) and the caller gets
// AwsDeadlineError at once, whatever the parts that ignore the signal are still doing.

/** What the call was waiting for when the deadline passed: it decides the advice. */
export type AwsCallPhase = 'config' | 'credentials' | 'answer';

export class AwsDeadlineError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly phase: AwsCallPhase,
  ) {
    super(`AWS call exceeded its ${timeoutMs} ms deadline while waiting for ${phase}`);
    this.name = 'AwsDeadlineError';
  }
}

let abandoned = false;

/**
 * True once a call was given up at its deadline. What it left running (a credential_process child, a
 * socket) may keep Node alive, so the CLI exits explicitly after printing.
 */
export const awsWorkAbandoned = (): boolean => abandoned;

export async function withDeadline<T>(
  timeoutMs: number,
  phase: AwsCallPhase,
  run: (signal: AbortSignal) => Promise<T>,
  onExpire: () => void = () => {},
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      abandoned = true;
      const error = new AwsDeadlineError(timeoutMs, phase);
      controller.abort(error);
      onExpire();
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
