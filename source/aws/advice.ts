// Turns what the SDK throws into a few lines a person can act on: what happened, then what to do.
// Pure, so every branch is unit-tested; nothing here prints a credential (only names of settings).
export interface AwsCallContext {
  /** The IAM action of the call, e.g. ec2:DescribeImages. */
  action: string;
  region?: string;
}

const OFFLINE_NOTE = 'Working offline? Everything but lookup and audit runs without AWS: ami-wizard --answers FILE --out DIR';

const EXPIRED = ['RequestExpired', 'ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'];
const DENIED = ['UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException'];
const BAD_CREDENTIALS = ['AuthFailure', 'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken'];
const THROTTLED = ['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'EC2ThrottledException', 'RequestThrottled', 'SlowDown'];
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE'];

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
  errors?: SdkErrorShape[];
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

export function adviceFor(error: unknown, ctx: AwsCallContext): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name ?? '';
  const message = e.message ?? String(error);
  const where = ctx.region ? ` in ${ctx.region}` : '';
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : '';

  if (/Region is missing/.test(message)) {
    return lines('No AWS region is configured.', 'Pass --region eu-west-1, set AWS_REGION, or set region in your AWS profile (aws configure).');
  }
  if (/Region not accepted|Invalid region/i.test(message)) {
    return lines(`The configured AWS region is not valid (${oneLine(message)}).`, 'Pass --region with a region code such as eu-west-1, or fix AWS_REGION / the profile.');
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/.test(message)) {
    if (/expired|refresh/i.test(message)) return expiredAdvice(name);
    return lines(
      'No AWS credentials found.',
      'Provide them the usual AWS way: aws configure, or aws sso login --profile NAME with AWS_PROFILE=NAME,',
      'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or an instance/container role.',
      'ami-wizard never asks for keys and never stores them.',
    );
  }
  if (EXPIRED.includes(name)) return expiredAdvice(name);
  if (DENIED.includes(name)) {
    const encoded = /Encoded authorization failure message:\s*(\S+)/.exec(message)?.[1];
    return lines(
      `Access denied (${name}): your AWS identity may not call ${ctx.action}${where}.`,
      `Allow the IAM action "${ctx.action}" in a policy attached to the user or role you run as.`,
      ...(encoded ? [`Details: aws sts decode-authorization-message --encoded-message ${encoded}`] : []),
    );
  }
  if (BAD_CREDENTIALS.includes(name)) {
    return lines(
      `AWS did not accept the credentials (${name})${where}.`,
      'Check the access key of the profile or environment you use (aws sts get-caller-identity), and that the region is enabled for the account.',
    );
  }
  if (/^InvalidRegion|^UnknownRegion/.test(name) || name === 'OptInRequired') {
    return lines(
      `The region${ctx.region ? ` ${ctx.region}` : ''} is not available to this account (${name}).`,
      'Check --region or AWS_REGION (aws ec2 describe-regions lists the enabled ones); opt-in regions must be enabled in the account settings first.',
    );
  }
  if (THROTTLED.includes(name)) {
    return lines(
      `EC2 throttled the requests (${name})${attempts}${where}.`,
      'Wait a minute and run again, or allow more retries: AWS_MAX_ATTEMPTS=10 AWS_RETRY_MODE=adaptive.',
    );
  }
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return lines(`EC2 is not answering properly${where} (${name || `HTTP ${status}`})${attempts}.`, 'This is on the AWS side; try again in a few minutes.');
  }
  const network = networkCode(e);
  if (network || name === 'TimeoutError' || name === 'AbortError') {
    return networkAdvice(e, network, ctx, attempts);
  }
  if (e.$metadata) {
    return lines(`EC2 refused ${ctx.action.replace(/^ec2:/, '')}${where}: ${name}: ${oneLine(message)}`);
  }
  throw error;
}

function expiredAdvice(name: string): string {
  return lines(
    `Your AWS credentials have expired (${name || 'expired token'}).`,
    'Refresh them: aws sso login --profile NAME, or get a new session token for AWS_SESSION_TOKEN.',
    'If that does not help, check the computer clock: AWS rejects requests more than 15 minutes off.',
  );
}

function networkAdvice(e: SdkErrorShape, code: string | undefined, ctx: AwsCallContext, attempts: string): string {
  const host = e.hostname ?? (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : undefined);
  const regionHost = host && ctx.region && host === `ec2.${ctx.region}.amazonaws.com`;
  if (code === 'ENOTFOUND' && regionHost) {
    return lines(
      `Unknown region "${ctx.region}": ${host} does not exist.`,
      'Check --region or AWS_REGION (region codes look like eu-west-1).',
      OFFLINE_NOTE,
    );
  }
  const what = code === 'ETIMEDOUT' || !code ? 'did not answer in time' : `is unreachable (${code})`;
  return lines(
    `EC2${host ? ` at ${host}` : ''} ${what}${attempts}.`,
    'Check the network connection, a proxy, or AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL if you set them.',
    OFFLINE_NOTE,
  );
}

function networkCode(e: SdkErrorShape): string | undefined {
  if (e.code && NETWORK_CODES.includes(e.code)) return e.code;
  // Node reports a failed multi-address connect as an AggregateError of per-address errors.
  return e.errors?.map((inner) => inner.code).find((code): code is string => !!code && NETWORK_CODES.includes(code));
}

const lines = (...parts: string[]) => parts.join('\n  ');
const oneLine = (text: string) => text.split('\n')[0]!.slice(0, 300);
