// One deadline per AWS call (--aws-timeout). The SDK's own timeouts each cover one piece: a connection,
// the wait for response headers, an idle socket. None covers retries together, a body that trickles a
// byte every few seconds, or a credential_process that never exits. So the call races a timer; at the
// deadline its AbortSignal fires (the SDK drops the request and sends no retry) and the caller gets
// AwsDeadlineError at once, whatever the parts that ignore the signal are still doing.
// Each call in time is not enough: 500 pages could take 500 deadlines. So a command's AWS work as a
// whole has a budget too (TOTAL_DEADLINE_CALLS per-call deadlines), and a call ends at whichever comes first.

/** What the call was waiting for when the deadline passed: it decides the advice. */
export type AwsCallPhase = 'config' | 'credentials' | 'answer';

export class AwsDeadlineError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly phase: AwsCallPhase,
    /** Set when the command's budget ran out, not the call's own deadline: its length. */
    readonly totalMs?: number,
  ) {
    super(
      `AWS ${totalMs ? `work exceeded its ${totalMs} ms budget` : `call exceeded its ${timeoutMs} ms deadline`} while waiting for ${phase}`,
    );
    this.name = 'AwsDeadlineError';
  }
}

/**
 * A command's AWS work may take this many per-call deadlines in all: the default 30 s gives 5 minutes,
 * room for an audit of tens of thousands of images (a page of 200 takes about a second), and
 * --aws-timeout scales both.
 */
export const TOTAL_DEADLINE_CALLS = 10;

export interface AwsBudget {
  /** Epoch milliseconds. */
  endsAt: number;
  totalMs: number;
}

let budget: AwsBudget | undefined;

/**
 * The budget of the command's AWS work. One process runs one command, so the first AWS session starts
 * it, and audit's later regions share it.
 */
export function commandBudget(timeoutMs: number): AwsBudget {
  budget ??= { endsAt: Date.now() + TOTAL_DEADLINE_CALLS * timeoutMs, totalMs: TOTAL_DEADLINE_CALLS * timeoutMs };
  return budget;
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
  within?: AwsBudget,
): Promise<T> {
  const left = within ? within.endsAt - Date.now() : Infinity;
  // The budget is spent: start nothing (there is no work to abandon yet).
  if (left <= 0) throw new AwsDeadlineError(timeoutMs, phase, within!.totalMs);
  const byBudget = left < timeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        abandoned = true;
        const error = new AwsDeadlineError(timeoutMs, phase, byBudget ? within!.totalMs : undefined);
        controller.abort(error);
        onExpire();
        reject(error);
      },
      byBudget ? left : timeoutMs,
    );
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
