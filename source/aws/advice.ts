// Turns what the SDK throws into a few lines a person can act on: what happened, then what to do.
// Pure, so every branch is unit-tested; nothing here prints a credential (only names of settings).
// Every fragment that came from AWS, the endpoint or the environment (an error code or message, a
// region, a host, a redirect target) goes through printable(): one fragment, one visible line.
import { printable } from '../text/printable.ts';
import type { ConfigFileProblem } from './config-file.ts';

export interface AwsCallContext {
  /** The IAM action of the call, e.g. ec2:DescribeImages. */
  action: string;
  region?: string;
  /** The per-attempt request timeout, to say how long a silent endpoint was given. */
  timeoutMs?: number;
  /** A malformed line in the AWS config or credentials file, when the SDK found no region or credentials. */
  configProblem?: ConfigFileProblem;
}

const OFFLINE_NOTE = [
  'Offline? Only lookup and audit need AWS; generate works without it:',
  'ami-wizard --answers FILE --out DIR',
];

const EXPIRED = ['RequestExpired', 'ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'];
const DENIED = ['UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException'];
const BAD_CREDENTIALS = [
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
];
const THROTTLED = [
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'EC2ThrottledException',
  'RequestThrottled',
  'SlowDown',
];
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
];

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
  /** AwsDeadlineError (deadline.ts). */
  timeoutMs?: number;
  phase?: string;
  totalMs?: number;
  /** Ec2AnswerError (ec2-answer-check.ts). */
  problem?: { kind: string; status: number; location?: string; contentType?: string; maxBytes?: number };
  endpoint?: string;
}

/** Which AWS files to re-read for a malformed line: the SDK skipped one and found no region or no credentials. */
export function configFilesToCheck(error: unknown): ConfigFileProblem['kind'][] {
  const e = (error ?? {}) as SdkErrorShape;
  const message = e.message ?? '';
  if (isRegionMissing(message)) return ['config'];
  if (isCredentialsMissing(e.name ?? '', message)) return ['credentials', 'config'];
  return [];
}

const isRegionMissing = (message: string) => /Region is missing/.test(message);
const isCredentialsMissing = (name: string, message: string) =>
  (name === 'CredentialsProviderError' || /Could not load credentials/.test(message)) &&
  !/expired|refresh/i.test(message);

/** The service an IAM action belongs to, as its messages name it. */
const serviceOf = (action: string): string =>
  ({
    organizations: 'Organizations',
    sts: 'STS',
    'resource-explorer-2': 'Resource Explorer',
  })[action.split(':')[0] ?? ''] ?? 'EC2';

export function adviceFor(error: unknown, ctx: AwsCallContext): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = printable(e.name ?? '');
  const message = e.message ?? String(error);
  const where = ctx.region ? ` in ${printable(ctx.region)}` : '';
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : '';

  if (e.name === 'AwsDeadlineError' && e.timeoutMs)
    return e.totalMs ? budgetAdvice(e.timeoutMs, e.totalMs) : deadlineAdvice(e.timeoutMs, e.phase);
  if (e.problem && e.name && ANSWER_ERRORS.includes(e.name)) return answerAdvice(e, ctx, attempts);
  if (ctx.configProblem && (isRegionMissing(message) || isCredentialsMissing(e.name ?? '', message))) {
    return configFileAdvice(ctx.configProblem, isRegionMissing(message) ? 'region' : 'credentials');
  }
  if (isRegionMissing(message)) {
    return lines(
      'No AWS region is configured.',
      'Pass --region eu-west-1, set AWS_REGION, or set region in the AWS profile.',
    );
  }
  if (/Region not accepted|Invalid region/i.test(message)) {
    return lines(
      `The configured AWS region is not valid (${oneLine(message)}).`,
      'Pass --region with a region code such as eu-west-1, or fix AWS_REGION.',
    );
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
      ...(encoded ? [`Details: aws sts decode-authorization-message --encoded-message ${printable(encoded)}`] : []),
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
      `The region${ctx.region ? ` ${printable(ctx.region)}` : ''} is not available to this account (${name}).`,
      'Check --region or AWS_REGION; aws ec2 describe-regions lists the enabled ones.',
      'Opt-in regions must be enabled in the account settings first.',
    );
  }
  if (THROTTLED.includes(name)) {
    return lines(
      `${serviceOf(ctx.action)} throttled the requests (${name})${attempts}${where}.`,
      'Wait a minute and run again, or let the SDK retry longer:',
      'AWS_MAX_ATTEMPTS=10 AWS_RETRY_MODE=adaptive',
    );
  }
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return lines(
      `${serviceOf(ctx.action)} is not answering properly${where} (${name || `HTTP ${status}`})${attempts}.`,
      'This is on the AWS side; try again in a few minutes.',
    );
  }
  const network = networkCode(e);
  if (network || name === 'TimeoutError' || name === 'AbortError') {
    return networkAdvice(e, network, ctx, attempts);
  }
  // The answer passed the shape check (ec2-answer.ts) but its XML is broken inside.
  if (/XML parse error/.test(message))
    return lines(`The endpoint did not answer like EC2 (${oneLine(message)})${attempts}.`, ...NOT_EC2_ADVICE);
  if (e.$metadata) {
    return lines(
      `${serviceOf(ctx.action)} refused ${ctx.action.replace(/^ec2:/, '')}${where}: ${name}: ${oneLine(message)}`,
    );
  }
  throw error;
}

const ENDPOINT_VARIABLES = 'AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL';

function deadlineAdvice(timeoutMs: number, phase: string | undefined): string {
  const seconds = timeoutMs / 1000;
  const limit = `within ${seconds} s (--aws-timeout ${seconds})`;
  const longer = `--aws-timeout ${Math.max(60, seconds * 2)}`;
  if (phase === 'credentials') {
    return lines(
      `AWS credentials were not ready ${limit}.`,
      'A credential_process or SSO login in the profile may be waiting (for input,',
      `an MFA code, the network): run it by hand to see, or allow longer: ${longer}`,
    );
  }
  if (phase === 'config') {
    return lines(
      `Reading the AWS configuration took longer than ${seconds} s (--aws-timeout ${seconds}).`,
      `Check AWS_CONFIG_FILE and ~/.aws, or allow longer: ${longer}`,
    );
  }
  return lines(
    `EC2 did not answer ${limit}.`,
    `Check the network, a proxy, or ${ENDPOINT_VARIABLES};`,
    `a slow link may need longer: ${longer}`,
    ...OFFLINE_NOTE,
  );
}

/** Every call was in time, but all of them together were not (deadline.ts, TOTAL_DEADLINE_CALLS). */
function budgetAdvice(timeoutMs: number, totalMs: number): string {
  const seconds = timeoutMs / 1000;
  const times = Math.round(totalMs / timeoutMs);
  return lines(
    `All AWS calls together took over ${totalMs / 1000} s (${times} x --aws-timeout ${seconds}).`,
    'Many pages or a slow link add up: check the network, a proxy, or',
    `${ENDPOINT_VARIABLES}; or allow longer: --aws-timeout ${Math.max(60, seconds * 2)}`,
    `(a command's AWS calls get ${times} times --aws-timeout in all).`,
  );
}

const ANSWER_ERRORS = ['NotEc2Answer', 'EndpointRedirect', 'AnswerTooLarge'];

function answerAdvice(e: SdkErrorShape, ctx: AwsCallContext, attempts: string): string {
  const problem = e.problem!;
  const endpoint = `The endpoint${e.endpoint ? ` at ${printable(e.endpoint)}` : ''}`;
  if (e.name === 'EndpointRedirect') {
    const target = problem.location ? ` to ${printable(cut(problem.location, 120))}` : '';
    return lines(
      `${endpoint} redirected the request (HTTP ${problem.status})${target}.`,
      'EC2 answers API calls where they are sent: the region or the endpoint URL is wrong.',
      `Check --region or AWS_REGION, and ${ENDPOINT_VARIABLES}.`,
    );
  }
  const what =
    e.name === 'AnswerTooLarge'
      ? `sent more than ${Math.round((problem.maxBytes ?? 0) / 1024 / 1024)} MB for one page of ${ctx.action.replace(/^ec2:/, '')}; stopped reading`
      : `did not answer like EC2 (HTTP ${problem.status}${problem.contentType ? `, ${printable(cut(problem.contentType, 60))}` : ''})${attempts}`;
  return lines(`${endpoint} ${what}.`, ...NOT_EC2_ADVICE);
}

const NOT_EC2_ADVICE = [
  'A proxy or a captive portal (hotel or guest Wi-Fi) may be answering instead,',
  `or ${ENDPOINT_VARIABLES} points to something else than EC2.`,
  'Log in to the network, or fix or unset those variables.',
];

function configFileAdvice(problem: ConfigFileProblem, missing: 'region' | 'credentials'): string {
  return lines(
    `The AWS ${problem.kind} file ${printable(problem.path)} is malformed: line ${problem.line} ${problem.reason}.`,
    `The SDK skips the lines it cannot read, and found no ${missing}. Fix that line and run again.`,
  );
}

function expiredAdvice(name: string): string {
  return lines(
    `Your AWS credentials have expired${name ? ` (${name})` : ''}.`,
    'Refresh them: aws sso login --profile NAME, or a new AWS_SESSION_TOKEN.',
    'Still failing? Check the clock: AWS rejects requests 15+ minutes off.',
  );
}

function networkAdvice(e: SdkErrorShape, code: string | undefined, ctx: AwsCallContext, attempts: string): string {
  const rawHost = e.hostname ?? (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : undefined);
  const host = rawHost && printable(rawHost);
  const regionHost = rawHost && ctx.region && rawHost === `ec2.${ctx.region}.amazonaws.com`;
  if (code === 'ENOTFOUND' && regionHost) {
    return lines(
      `Unknown region "${printable(ctx.region!)}": ${host} does not exist.`,
      'Check --region or AWS_REGION (region codes look like eu-west-1).',
      ...OFFLINE_NOTE,
    );
  }
  const limit = ctx.timeoutMs ? ` within ${ctx.timeoutMs / 1000} s` : ' in time';
  const what =
    code && code !== 'ETIMEDOUT'
      ? `is unreachable (${code})`
      : /establish a connection/.test(e.message ?? '')
        ? 'did not accept a connection in time'
        : `did not answer${limit}`;
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
const oneLine = (text: string) => printable(text.split('\n')[0]!.slice(0, 300));
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}...` : text);
