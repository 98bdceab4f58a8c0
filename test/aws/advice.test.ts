// Error-to-advice mapping (pure), with errors shaped as the SDK raises them. The CLI tests produce the
// real ones; these pin the branches the local server cannot reach (SSO expiry, AggregateError, ...).
import { describe, expect, it } from 'vitest';
import { adviceFor, configFilesToCheck } from '../../source/aws/advice.ts';

const ctx = { action: 'ec2:DescribeImages', region: 'eu-west-1', timeoutMs: 5_000 };
const service = (name: string, status: number, message = 'm', attempts = 1) =>
  Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts },
  });
const network = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { name: 'TimeoutError', code, ...extra });

describe('adviceFor', () => {
  it.each([
    [
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      /^No AWS credentials found\./,
    ],
    [
      Object.assign(
        new Error(
          'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login',
        ),
        { name: 'CredentialsProviderError' },
      ),
      /^Your AWS credentials have expired\./,
    ],
    [new Error('Region is missing'), /^No AWS region is configured\./],
    [
      new Error('Region not accepted: region="a b" is not a valid hostname component.'),
      /^The configured AWS region is not valid/,
    ],
    [
      service('UnauthorizedOperation', 403, 'You are not authorized to perform this operation.'),
      /^Access denied \(UnauthorizedOperation\) for ec2:DescribeImages in eu-west-1\.\n {2}Allow the IAM action ec2:DescribeImages/,
    ],
    [service('AccessDeniedException', 403), /^Access denied \(AccessDeniedException\)/],
    [service('AuthFailure', 401), /^AWS did not accept the credentials \(AuthFailure\) in eu-west-1\./],
    [service('ExpiredToken', 400), /^Your AWS credentials have expired \(ExpiredToken\)\./],
    [service('RequestExpired', 400), /clock/],
    [service('OptInRequired', 403), /^The region eu-west-1 is not available to this account \(OptInRequired\)\./],
    [
      service('RequestLimitExceeded', 503, 'x', 3),
      /^EC2 throttled the requests \(RequestLimitExceeded\) after 3 attempts in eu-west-1\./,
    ],
    [
      service('InternalError', 500, 'x', 3),
      /^EC2 is not answering properly in eu-west-1 \(InternalError\) after 3 attempts\./,
    ],
    [
      network('ECONNREFUSED', { address: '127.0.0.1', port: 9, $metadata: { attempts: 3 } }),
      /^EC2 at 127\.0\.0\.1:9 is unreachable \(ECONNREFUSED\) after 3 attempts\./,
    ],
    [
      network('ENOTFOUND', { hostname: 'ec2.eu-west-1.amazonaws.com' }),
      /^Unknown region "eu-west-1": ec2\.eu-west-1\.amazonaws\.com does not exist\./,
    ],
    [
      network('EAI_AGAIN', { hostname: 'ec2.eu-west-1.amazonaws.com' }),
      /^EC2 at ec2\.eu-west-1\.amazonaws\.com is unreachable \(EAI_AGAIN\)/,
    ],
    [network('ETIMEDOUT'), /^EC2 did not answer within 5 s\./],
    [
      Object.assign(
        new Error(
          'the request socket did not establish a connection with the server within the configured timeout of 2000 ms.',
        ),
        { name: 'TimeoutError' },
      ),
      /^EC2 did not accept a connection in time\./,
    ],
    [
      Object.assign(new AggregateError([network('ECONNREFUSED'), network('ECONNREFUSED')]), { name: 'AggregateError' }),
      /is unreachable \(ECONNREFUSED\)/,
    ],
    [
      service('InvalidParameterValue', 400, 'Invalid filter name\nsecond line'),
      /^EC2 refused DescribeImages in eu-west-1: InvalidParameterValue: Invalid filter name$/,
    ],
  ])('%s', (error, expected) => {
    const advice = adviceFor(error, ctx);
    expect(advice).toMatch(expected);
    expect(advice.split('\n').length).toBeLessThanOrEqual(5);
  });

  it('network failures end with the offline note', () => {
    expect(adviceFor(network('ECONNRESET'), ctx)).toMatch(
      /\n {2}Offline\? Only lookup and audit need AWS; generate works without it:\n {2}ami-wizard --answers FILE --out DIR$/,
    );
  });

  it('a deadline names --aws-timeout and what was waited for', () => {
    const deadline = (phase: string, timeoutMs = 5_000) =>
      Object.assign(new Error('x'), { name: 'AwsDeadlineError', timeoutMs, phase });
    expect(adviceFor(deadline('answer'), ctx)).toMatch(
      /^EC2 did not answer within 5 s \(--aws-timeout 5\)\.\n {2}Check the network, a proxy, or AWS_ENDPOINT_URL_EC2/,
    );
    expect(adviceFor(deadline('answer'), ctx)).toMatch(/--aws-timeout 60\n/);
    expect(adviceFor(deadline('answer', 120_000), ctx)).toMatch(/--aws-timeout 240\n/);
    expect(adviceFor(deadline('credentials'), ctx)).toMatch(
      /^AWS credentials were not ready within 5 s \(--aws-timeout 5\)\.\n {2}A credential_process or SSO login/,
    );
    expect(adviceFor(deadline('config'), ctx)).toMatch(/^Reading the AWS configuration took longer than 5 s/);
  });

  it('the deadline of the whole command says how long all calls had, and that --aws-timeout scales it', () => {
    const total = Object.assign(new Error('x'), {
      name: 'AwsDeadlineError',
      timeoutMs: 5_000,
      phase: 'answer',
      totalMs: 50_000,
    });
    const advice = adviceFor(total, ctx);
    expect(advice).toMatch(/^All AWS calls together took over 50 s \(10 x --aws-timeout 5\)\./);
    expect(advice).toMatch(/--aws-timeout 60/);
    expect(advice).not.toMatch(/did not answer within/);
  });

  it('an answer that is not EC2, a redirect, a body too large', () => {
    const answerError = (name: string, problem: Record<string, unknown>) =>
      Object.assign(new Error('x'), {
        name,
        problem,
        endpoint: '127.0.0.1:9',
        $metadata: { httpStatusCode: problem.status, attempts: 1 },
      });
    expect(
      adviceFor(answerError('NotEc2Answer', { kind: 'not-ec2', status: 200, contentType: 'text/html' }), ctx),
    ).toMatch(
      /^The endpoint at 127\.0\.0\.1:9 did not answer like EC2 \(HTTP 200, text\/html\)\.\n {2}A proxy or a captive portal/,
    );
    expect(
      adviceFor(answerError('EndpointRedirect', { kind: 'redirect', status: 301, location: 'https://x/\x1b[2J' }), ctx),
    ).toMatch(
      /^The endpoint at 127\.0\.0\.1:9 redirected the request \(HTTP 301\) to https:\/\/x\/\\x1b\[2J\.\n {2}EC2 answers API calls where they are sent/,
    );
    expect(
      adviceFor(answerError('AnswerTooLarge', { kind: 'too-large', status: 200, maxBytes: 64 * 1024 * 1024 }), ctx),
    ).toMatch(/sent more than 64 MB for one page of DescribeImages/);
    expect(adviceFor(service('Error', 200, '@aws-sdk XML parse error: unexpected content.'), ctx)).toMatch(
      /^The endpoint did not answer like EC2 \(@aws-sdk XML parse error/,
    );
  });

  it('a malformed AWS file is named instead of "no region" or "no credentials"', () => {
    const configProblem = {
      kind: 'config' as const,
      path: '/home/u/.aws/config',
      line: 3,
      reason: 'has "[profile x" without a closing "]"',
    };
    expect(adviceFor(new Error('Region is missing'), { ...ctx, configProblem })).toMatch(
      /^The AWS config file \/home\/u\/\.aws\/config is malformed: line 3 has "\[profile x" without a closing "\]"\.\n {2}.*found no region/,
    );
    const noCredentials = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(adviceFor(noCredentials, { ...ctx, configProblem: { ...configProblem, kind: 'credentials' } })).toMatch(
      /^The AWS credentials file .* found no credentials/s,
    );
    // Other errors keep their own advice, malformed file or not.
    expect(adviceFor(service('AuthFailure', 401), { ...ctx, configProblem })).toMatch(
      /^AWS did not accept the credentials/,
    );
  });

  it('which files to re-read: config for no region, both for no credentials, none otherwise', () => {
    expect(configFilesToCheck(new Error('Region is missing'))).toEqual(['config']);
    expect(
      configFilesToCheck(
        Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      ),
    ).toEqual(['credentials', 'config']);
    expect(configFilesToCheck(service('AuthFailure', 401))).toEqual([]);
  });

  it('fragments from AWS are escaped: an error code, a message, a region', () => {
    const advice = adviceFor(service('Bad\nami-wizard: ok', 400, 'msg\x1b[31m\u202e'), { ...ctx, region: 'eu\x9b' });
    expect(advice).toBe('EC2 refused DescribeImages in eu\\x9b: Bad\\x0aami-wizard: ok: msg\\x1b[31m\\u202e');
  });

  it('rethrows what it does not recognise, so a bug is not dressed up as advice', () => {
    const bug = new TypeError('x is not a function');
    expect(() => adviceFor(bug, ctx)).toThrow(bug);
  });
});
