// The one place that loads @aws-sdk/client-ec2. It is imported dynamically, so only `lookup`, `audit`
// and an opt-in `--resolve` pay its ~0.5 s start-up; the SDK reads region, credentials and endpoint from
// its standard chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, ~/.aws/*).
import { REGION_CODE, REGION_PATTERN } from '../../questionnaire/answer-values.ts';
import { InputError } from '../errors.ts';
import { commandBudget, withDeadline } from './deadline.ts';
import type { AwsCallPhase } from './deadline.ts';
import { ec2AnswerCheck } from './ec2-answer-check.ts';
import { findConfigEndpointProblem } from './config-endpoint.ts';
import { endpointUrlProblem } from './endpoint-url.ts';
import { awsFailure } from './failure.ts';

type Ec2Sdk = typeof import('@aws-sdk/client-ec2');
// The aggregated client (client.describeImages(input, { abortSignal })): a page at a time, each with its
// own deadline, and no command class named in our code (only the SDK's own file holds that).
type Ec2Client = InstanceType<Ec2Sdk['EC2']>;

export interface Ec2Session {
  client: Ec2Client;
  region: string;
  /** One AWS call under the session's deadline: `run` passes the signal on, e.g. client.describeImages(input, { abortSignal }). */
  call<T>(run: (abortSignal: AbortSignal) => Promise<T>): Promise<T>;
}

export interface Ec2Options {
  /** Default: the SDK's region (AWS_REGION, the profile). */
  region?: string;
  /** The deadline of each AWS call (--aws-timeout), retries and credentials included; the command's AWS work gets TOTAL_DEADLINE_CALLS of them in all. */
  timeoutMs: number;
}

/**
 * Per attempt: a dead endpoint (nothing listening, packets dropped) fails in seconds, not minutes. The
 * SDK's standard retries (3 attempts unless AWS_MAX_ATTEMPTS or max_attempts say otherwise) still apply,
 * and the deadline of the whole call (Ec2Options.timeoutMs) bounds them together.
 */
export const TIMEOUTS = { connectionMs: 2_000, requestMs: 5_000 } as const;

/** Bad input before any AWS work: a --region that is not a region code. */
export function assertRegionCode(region: string | undefined): void {
  // The answers file's own pattern: anything else is a typo, not an unknown region.
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    throw new InputError(`--region ${JSON.stringify(region)} is not ${REGION_CODE}.`);
  }
}

export async function openEc2(options: Ec2Options): Promise<Ec2Session> {
  assertRegionCode(options.region);
  const endpointProblem = endpointUrlProblem(process.env);
  if (endpointProblem) throw new InputError(endpointProblem);
  const budget = commandBudget(options.timeoutMs);
  const context = { action: 'ec2:DescribeImages', ...(options.region ? { region: options.region } : {}) };
  try {
    // endpoint_url in the AWS files, checked before the SDK loads; under the deadline like the SDK's own
    // reading of those files (a stuck network file system).
    const fileProblem = await withDeadline(
      options.timeoutMs,
      'config',
      () => findConfigEndpointProblem(process.env),
      undefined,
      budget,
    );
    if (fileProblem) throw new InputError(fileProblem);
  } catch (error) {
    throw await awsFailure(error, context);
  }
  silenceSdkNodeVersionWarning();
  const sdk = await loadSdk();
  const client = new sdk.EC2({
    ...(options.region ? { region: options.region } : {}),
    requestHandler: {
      connectionTimeout: TIMEOUTS.connectionMs,
      requestTimeout: TIMEOUTS.requestMs,
      // Without this the request timeout only logs a warning and the wait is unbounded.
      throwOnRequestTimeout: true,
      // Inactivity while the body streams; the SDK's own default is 15 minutes.
      socketTimeout: TIMEOUTS.requestMs,
    },
  });
  client.middlewareStack.add(ec2AnswerCheck, { step: 'deserialize', priority: 'low', name: 'amiWizardEc2AnswerCheck' });
  // At a deadline the client goes too: its sockets close, so nothing of the call keeps Node busy.
  const within = <T>(phase: AwsCallPhase, run: (signal: AbortSignal) => Promise<T>) =>
    withDeadline(options.timeoutMs, phase, run, () => client.destroy(), budget);
  try {
    // The SDK refuses a region that is not a host name label (an ESC in AWS_REGION) right here.
    const region = await within('config', () => client.config.region());
    // Credentials first, on their own: a credential_process that hangs is named as such. The provider
    // is memoised, so the requests reuse what it returns.
    await within('credentials', () => client.config.credentials());
    return { client, region, call: (run) => within('answer', run) };
  } catch (error) {
    client.destroy();
    throw await awsFailure(error, context);
  }
}

async function loadSdk(): Promise<Ec2Sdk> {
  const module = await import('@aws-sdk/client-ec2');
  // Node resolves the SDK's CommonJS build with named exports; esbuild's bundle of it exposes only
  // `default` (module.exports), so take whichever carries the client.
  return ('EC2' in module ? module : (module as unknown as { default: Ec2Sdk }).default) as Ec2Sdk;
}

const SDK_NODE_WARNING = /^(NodeVersionSupportWarning|NodeDeprecationWarning)\b/;
let silenced = false;

/**
 * The SDK warns on stderr that future versions need a newer Node.js. That is for us, not for the
 * person running the CLI, so exactly that warning is dropped; every other warning passes through.
 */
export function silenceSdkNodeVersionWarning(): void {
  if (silenced) return;
  silenced = true;
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const message = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const fromSdk =
      /AWS SDK for JavaScript/.test(message) && (SDK_NODE_WARNING.test(message) || SDK_NODE_WARNING.test(type ?? ''));
    if (fromSdk) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
}
