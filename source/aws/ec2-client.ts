// The one place that loads @aws-sdk/client-ec2. It is imported dynamically, so only `lookup`, `audit`
// and an opt-in `--resolve` pay its ~0.5 s start-up; the SDK reads region, credentials and endpoint from
// its standard chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, ~/.aws/*).
import { FailureError, InputError } from '../errors.ts';
import { adviceFor } from './advice.ts';

export type Ec2Sdk = typeof import('@aws-sdk/client-ec2');
type Ec2Client = InstanceType<Ec2Sdk['EC2Client']>;

export interface Ec2Session {
  sdk: Ec2Sdk;
  client: Ec2Client;
  region: string;
}

/**
 * Per attempt: a dead endpoint (nothing listening, packets dropped) fails in seconds, not minutes. The
 * SDK's standard retries (3 attempts unless AWS_MAX_ATTEMPTS or max_attempts say otherwise) still apply,
 * so a silent server costs at most attempts x requestMs.
 */
export const TIMEOUTS = { connectionMs: 2_000, requestMs: 5_000 } as const;

// Region codes such as eu-west-1, us-gov-west-1, cn-north-1; anything else is a typo, not an unknown region.
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Bad input before any AWS work: a --region that is not a region code. */
export function assertRegionCode(region: string | undefined): void {
  if (region !== undefined && !REGION_CODE.test(region)) {
    throw new InputError(`--region ${JSON.stringify(region)} is not an AWS region code such as eu-west-1.`);
  }
}

export async function openEc2(region?: string): Promise<Ec2Session> {
  assertRegionCode(region);
  silenceSdkNodeVersionWarning();
  const sdk = await loadSdk();
  const client = new sdk.EC2Client({
    ...(region ? { region } : {}),
    requestHandler: {
      connectionTimeout: TIMEOUTS.connectionMs,
      requestTimeout: TIMEOUTS.requestMs,
      // Without this the request timeout only logs a warning and the wait is unbounded.
      throwOnRequestTimeout: true,
      // Inactivity while the body streams; the SDK's own default is 15 minutes.
      socketTimeout: TIMEOUTS.requestMs,
    },
  });
  try {
    return { sdk, client, region: await client.config.region() };
  } catch (error) {
    client.destroy();
    throw new FailureError(adviceFor(error, { action: 'ec2:DescribeImages' }));
  }
}

async function loadSdk(): Promise<Ec2Sdk> {
  const module = await import('@aws-sdk/client-ec2');
  // Node resolves the SDK's CommonJS build with named exports; esbuild's bundle of it exposes only
  // `default` (module.exports), so take whichever carries the client.
  return ('EC2Client' in module ? module : (module as unknown as { default: Ec2Sdk }).default) as Ec2Sdk;
}

const SDK_NODE_WARNING = /^(NodeVersionSupportWarning|NodeDeprecationWarning)\b/;
let silenced = false;

/**
 * The SDK warns on stderr that future versions need a newer Node.js. That is for us, not for the
 * person running the CLI, so exactly that warning is dropped; every other warning passes through.
 */
function silenceSdkNodeVersionWarning(): void {
  if (silenced) return;
  silenced = true;
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const message = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const fromSdk = /AWS SDK for JavaScript/.test(message) && (SDK_NODE_WARNING.test(message) || SDK_NODE_WARNING.test(type ?? ''));
    if (fromSdk) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
}
