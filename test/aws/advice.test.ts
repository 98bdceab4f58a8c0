// Error-to-advice mapping (pure), with errors shaped as the SDK raises them. The CLI tests produce the
// real ones; these pin the branches the local server cannot reach (SSO expiry, AggregateError, ...).
import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../source/aws/advice.ts';

const ctx = { action: 'ec2:DescribeImages', region: 'eu-west-1', timeoutMs: 5_000 };
const service = (name: string, status: number, message = 'm', attempts = 1) =>
  Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, attempts } });
const network = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { name: 'TimeoutError', code, ...extra });

describe('adviceFor', () => {
  it.each([
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), /^No AWS credentials found\./],
    [
      Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), { name: 'CredentialsProviderError' }),
      /^Your AWS credentials have expired\./,
    ],
    [new Error('Region is missing'), /^No AWS region is configured\./],
    [new Error('Region not accepted: region="a b" is not a valid hostname component.'), /^The configured AWS region is not valid/],
    [service('UnauthorizedOperation', 403, 'You are not authorized to perform this operation.'), /^Access denied \(UnauthorizedOperation\) for ec2:DescribeImages in eu-west-1\.\n {2}Allow the IAM action ec2:DescribeImages/],
    [service('AccessDeniedException', 403), /^Access denied \(AccessDeniedException\)/],
    [service('AuthFailure', 401), /^AWS did not accept the credentials \(AuthFailure\) in eu-west-1\./],
    [service('ExpiredToken', 400), /^Your AWS credentials have expired \(ExpiredToken\)\./],
    [service('RequestExpired', 400), /clock/],
    [service('OptInRequired', 403), /^The region eu-west-1 is not available to this account \(OptInRequired\)\./],
    [service('RequestLimitExceeded', 503, 'x', 3), /^EC2 throttled the requests \(RequestLimitExceeded\) after 3 attempts in eu-west-1\./],
    [service('InternalError', 500, 'x', 3), /^EC2 is not answering properly in eu-west-1 \(InternalError\) after 3 attempts\./],
    [network('ECONNREFUSED', { address: '127.0.0.1', port: 9, $metadata: { attempts: 3 } }), /^EC2 at 127\.0\.0\.1:9 is unreachable \(ECONNREFUSED\) after 3 attempts\./],
    [network('ENOTFOUND', { hostname: 'ec2.eu-west-1.amazonaws.com' }), /^Unknown region "eu-west-1": ec2\.eu-west-1\.amazonaws\.com does not exist\./],
    [network('EAI_AGAIN', { hostname: 'ec2.eu-west-1.amazonaws.com' }), /^EC2 at ec2\.eu-west-1\.amazonaws\.com is unreachable \(EAI_AGAIN\)/],
    [network('ETIMEDOUT'), /^EC2 did not answer within 5 s\./],
    [Object.assign(new Error('the request socket did not establish a connection with the server within the configured timeout of 2000 ms.'), { name: 'TimeoutError' }), /^EC2 did not accept a connection in time\./],
    [Object.assign(new AggregateError([network('ECONNREFUSED'), network('ECONNREFUSED')]), { name: 'AggregateError' }), /is unreachable \(ECONNREFUSED\)/],
    [service('InvalidParameterValue', 400, 'Invalid filter name\nsecond line'), /^EC2 refused DescribeImages in eu-west-1: InvalidParameterValue: Invalid filter name$/],
  ])('%s', (error, expected) => {
    const advice = adviceFor(error, ctx);
    expect(advice).toMatch(expected);
    expect(advice.split('\n').length).toBeLessThanOrEqual(5);
  });

  it('network failures end with the offline note', () => {
    expect(adviceFor(network('ECONNRESET'), ctx)).toMatch(/\n {2}Offline\? Only lookup and audit need AWS; generate works without it:\n {2}ami-wizard --answers FILE --out DIR$/);
  });

  it('rethrows what it does not recognise, so a bug is not dressed up as advice', () => {
    const bug = new TypeError('x is not a function');
    expect(() => adviceFor(bug, ctx)).toThrow(bug);
  });
});
