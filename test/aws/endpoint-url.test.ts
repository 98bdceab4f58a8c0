// AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL checked before the SDK loads (pure).
import { describe, expect, it } from 'vitest';
import { endpointUrlProblem } from '../../source/aws/endpoint-url.ts';

describe('endpointUrlProblem', () => {
  it.each([
    [{}],
    [{ AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:4566' }],
    [{ AWS_ENDPOINT_URL: 'https://ec2.eu-west-1.amazonaws.com' }],
    [{ AWS_ENDPOINT_URL_EC2: 'https://ec2.local', AWS_ENDPOINT_URL: 'not a url' }], // the SDK uses the EC2 one
    [{ AWS_ENDPOINT_URL_EC2: '' }], // empty is unset, for the SDK too
    [{ AWS_ENDPOINT_URL_EC2: 'not a url', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }],
  ])('no problem: %j', (env) => {
    expect(endpointUrlProblem(env)).toBeUndefined();
  });

  it.each([
    [
      { AWS_ENDPOINT_URL_EC2: 'not a url' },
      /^AWS_ENDPOINT_URL_EC2="not a url" is not a URL\.\n {2}Set the endpoint's address, e\.g\. AWS_ENDPOINT_URL_EC2=https:\/\/ec2\.eu-west-1\.amazonaws\.com/,
    ],
    [{ AWS_ENDPOINT_URL: 'localhost:4566' }, /^AWS_ENDPOINT_URL="localhost:4566" is not an http or https URL\./],
    [{ AWS_ENDPOINT_URL_EC2: 'file:///etc/passwd' }, /is not an http or https URL/],
    [{ AWS_ENDPOINT_URL_EC2: 'x\x1b[2J' }, /^AWS_ENDPOINT_URL_EC2="x\\x1b\[2J" is not a URL/],
  ])('%j', (env, expected) => {
    expect(endpointUrlProblem(env)).toMatch(expected);
  });
});
