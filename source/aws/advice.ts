// Turns what the SDK throws into a few lines a person can act on: what happened, then what to do.
// Pure, so every branch is unit-tested; nothing here prints a credential (only names of settings).
export interface AwsCallContext {
  /** The IAM action of the call, e.g. ec2:DescribeImages. */
  action: string;
  region?: string;
  /** The per-attempt request timeout, to say how long a silent endpoint was given. */
  timeoutMs?: number;
}

const OFFLINE_NOTE = ['Offline? Only lookup and audit need AWS; generate works without it:', 'ami-wizard --answers FILE --out DIR'];

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
    return lines('No AWS region is configured.', 'Pass --region eu-west-1, set AWS_REGION, or set region in the AWS profile.');
  }
  if (/Region not accepted|Invalid region/i.test(message)) {
    return lines(`The configured AWS region is not valid (${oneLine(message)}).`, 'Pass --region with a region code such as eu-west-1, or fix AWS_REGION.');
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/.test(message)) {
    if (/expired|refresh/i.test(message)) return expiredAdvice('');
    return lines(
      'No AWS credentials found.',
      'Run aws configure, or aws sso login --profile NAME and set AWS_PROFILE=NAME,',
      'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use an instance role.',
      'ami-wizard never asks for keys and never stores them.',
    );
  }
  if (EXPIRED.includes(name)) return expiredAdvice(name);
  if (DENIED.includes(name)) {
    const encoded = /Encoded authorization failure message:\s*(\S+)/.exec(message)?.[1];
    return lines(
      `Access denied (${name}) for ${ctx.action}${where}.`,
      `Allow the IAM action ${ctx.action} for the user or role you run as.`,
      ...(encoded ? [`Details: aws sts decode-authorization-message --encoded-message ${encoded}`] : []),
    );
  }
  if (BAD_CREDENTIALS.includes(name)) {
    return lines(
      `AWS did not accept the credentials (${name})${where}.`,
      'Check which identity and keys you use: aws sts get-caller-identity',
      'and that the region is enabled for the account.',
    );
  }
  if (/^InvalidRegion|^UnknownRegion/.test(name) || name === 'OptInRequired') {
    return lines(
      `The region${ctx.region ? ` ${ctx.region}` : ''} is not available to this account (${name}).`,
      'Check --region or AWS_REGION; aws ec2 describe-regions lists the enabled ones.',
      'Opt-in regions must be enabled in the account settings first.',
    );
  }
  if (THROTTLED.includes(name)) {
    return lines(
      `EC2 throttled the requests (${name})${attempts}${where}.`,
      'Wait a minute and run again, or let the SDK retry longer:',
      'AWS_MAX_ATTEMPTS=10 AWS_RETRY_MODE=adaptive',
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
    `Your AWS credentials have expired${name ? ` (${name})` : ''}.`,
    'Refresh them: aws sso login --profile NAME, or a new AWS_SESSION_TOKEN.',
    'Still failing? Check the clock: AWS rejects requests 15+ minutes off.',
  );
}

function networkAdvice(e: SdkErrorShape, code: string | undefined, ctx: AwsCallContext, attempts: string): string {
  const host = e.hostname ?? (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : undefined);
  const regionHost = host && ctx.region && host === `ec2.${ctx.region}.amazonaws.com`;
  if (code === 'ENOTFOUND' && regionHost) {
    return lines(`Unknown region "${ctx.region}": ${host} does not exist.`, 'Check --region or AWS_REGION (region codes look like eu-west-1).', ...OFFLINE_NOTE);
  }
  const limit = ctx.timeoutMs ? ` within ${ctx.timeoutMs / 1000} s` : ' in time';
  const what = code && code !== 'ETIMEDOUT'
    ? `is unreachable (${code})`
    : /establish a connection/.test(e.message ?? '') ? 'did not accept a connection in time' : `did not answer${limit}`;
  return lines(
    `EC2${host ? ` at ${host}` : ''} ${what}${attempts}.`,
    'Check the network, a proxy, or AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL.',
    ...OFFLINE_NOTE,
  );
}

function networkCode(e: SdkErrorShape): string | undefined {
  if (e.code && NETWORK_CODES.includes(e.code)) return e.code;
  // Node reports a failed multi-address connect as an AggregateError of per-address errors.
  return e.errors?.map((inner) => inner.code).find((code): code is string => !!code && NETWORK_CODES.includes(code));
}

// The headline follows "ami-wizard: "; the advice lines are indented under it. Written to fit 80
// columns by hand: wrapping would split the commands people copy.
const lines = (...parts: string[]) => parts.join('\n  ');
const oneLine = (text: string) => text.split('\n')[0]!.slice(0, 300);
