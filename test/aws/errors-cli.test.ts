// Every way AWS can fail reads as advice: exit 1, a few lines, no stack, no credential, bounded time.
// Retries use the SDK's standard strategy; AWS_MAX_ATTEMPTS (set by awsEnv, 2 unless said) keeps them short.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImagesXml } from './fixtures/images.ts';
import { closedPort, fail, ok, withFakeEc2 } from './support/ec2-server.ts';
import type { Handler } from './support/ec2-server.ts';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';
import { UPSTREAM_DIR } from '../support/tools.ts';
import type { AwsEnvOptions, CliResult } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

async function audit(
  handler: Handler,
  env: AwsEnvOptions = {},
  args: string[] = [],
): Promise<CliResult & { requests: number }> {
  return withFakeEc2(handler, async (ec2) => {
    const result = await runCli(['audit', ...args], awsEnv(home.dir, { endpoint: ec2.url, ...env }));
    return { ...result, requests: ec2.requests.length };
  });
}

function expectFailure(result: CliResult, ...patterns: RegExp[]) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
  expectAdvice(result, expect);
}

const OFFLINE =
  /Offline\? Only lookup and audit need AWS; generate works without it:\n {2}ami-wizard --answers FILE --out DIR/;
const ENCODED = 'Uz4t-EXAMPLE-encoded-authorization-failure-0123456789abcdef';

describe('configuration', () => {
  it('no credentials: says how to provide them, never asks for keys, sends nothing', async () => {
    const result = await audit(() => ok(describeImagesXml([])), { credentials: false });
    expectFailure(result, /No AWS credentials found/, /aws configure/, /AWS_PROFILE/, /AWS_ACCESS_KEY_ID/);
    expect(result.requests).toBe(0);
  });

  it('no region: names the three ways to set one', async () => {
    const result = await audit(() => ok(describeImagesXml([])), { region: null });
    expectFailure(result, /No AWS region is configured/, /--region/, /AWS_REGION/);
    expect(result.requests).toBe(0);
  });

  it('a region that is not a region code is bad input (exit 2)', async () => {
    const result = await audit(() => ok(describeImagesXml([])), {}, ['--region', 'EU_WEST']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--region "EU_WEST" is not an AWS region code such as eu-west-1/);
  });

  it('unknown region: its endpoint does not resolve (DNS stubbed offline, no endpoint override)', async () => {
    const result = await runCli(['audit', '--region', 'xx-nowhere-9'], awsEnv(home.dir));
    expectFailure(result, /Unknown region "xx-nowhere-9": ec2\.xx-nowhere-9\.amazonaws\.com does not exist/, OFFLINE);
  });

  it('a region the account cannot use (OptInRequired / InvalidRegion)', async () => {
    for (const code of ['OptInRequired', 'InvalidRegion']) {
      const result = await audit(() => fail(403, code, 'You are not subscribed to this service.'));
      expectFailure(
        result,
        new RegExp(`region eu-west-1 is not available to this account \\(${code}\\)`),
        /describe-regions/,
      );
    }
  });
});

describe('credentials and permissions', () => {
  it('access denied names the missing IAM action and how to decode the details', async () => {
    const message = `You are not authorized to perform this operation. Encoded authorization failure message: ${ENCODED}`;
    const result = await audit(() => fail(403, 'UnauthorizedOperation', message));
    expectFailure(
      result,
      /Access denied \(UnauthorizedOperation\) for ec2:DescribeImages in eu-west-1\./,
      /Allow the IAM action ec2:DescribeImages for the user or role you run as/,
      new RegExp(`aws sts decode-authorization-message --encoded-message ${ENCODED}`),
    );
    expect(result.requests).toBe(1); // not retried
  });

  it('AuthFailure: the credentials were not accepted', async () => {
    const result = await audit(() =>
      fail(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials'),
    );
    expectFailure(
      result,
      /AWS did not accept the credentials \(AuthFailure\) in eu-west-1/,
      /aws sts get-caller-identity/,
    );
  });

  it('expired token or request: how to refresh, and the clock hint', async () => {
    for (const code of ['ExpiredToken', 'RequestExpired']) {
      const result = await audit(() => fail(400, code, 'The security token included in the request is expired'));
      expectFailure(result, new RegExp(`Your AWS credentials have expired \\(${code}\\)`), /aws sso login/, /clock/);
    }
  });
});

describe('other EC2 errors', () => {
  const documented = join(UPSTREAM_DIR, 'aws/ec2-xml/error.xml');
  it("any other error code is named with its message (the EC2 API Reference's error response)", async () => {
    const body = readFileSync(documented, 'utf8');
    const result = await audit(() => ({ status: 400, body }));
    expectFailure(
      result,
      /EC2 refused DescribeImages in eu-west-1: InvalidInstanceID\.NotFound: The instance ID 'i-1a2b3c4d' does not exist/,
    );
    expect(result.requests).toBe(1);
  });
});

describe('throttling and outages', () => {
  it('throttling is retried by the SDK (AWS_MAX_ATTEMPTS=2), then a clear message', async () => {
    const result = await audit(() => fail(503, 'RequestLimitExceeded', 'Request limit exceeded.'));
    expectFailure(
      result,
      /EC2 throttled the requests \(RequestLimitExceeded\) after 2 attempts in eu-west-1/,
      /AWS_MAX_ATTEMPTS=10/,
    );
    expect(result.requests).toBe(2);
  });

  it('one throttled page is retried and the audit goes on', async () => {
    const result = await audit((_req, i) =>
      i === 0 ? fail(400, 'Throttling', 'Rate exceeded') : ok(describeImagesXml([])),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.requests).toBe(2);
    expect(result.stdout).toContain('No images owned by this account in eu-west-1.');
  });

  it('a 503 ServiceUnavailable is retried, then reported as an AWS-side problem', async () => {
    const result = await audit(() => fail(503, 'Unavailable', 'The server is overloaded.'), { maxAttempts: 3 });
    expectFailure(result, /EC2 is not answering properly in eu-west-1 \(Unavailable\) after 3 attempts/);
    expect(result.requests).toBe(3);
  });
});

describe('network', () => {
  it('a server that never answers fails on the request timeout (5 s per attempt) and says so', async () => {
    const result = await audit(() => 'hang', { maxAttempts: 1 });
    expectFailure(result, /EC2 did not answer within 5 s\./, OFFLINE);
  });

  it('connection refused: unreachable after the retries, with the offline note', async () => {
    const port = await closedPort();
    const result = await runCli(['audit'], awsEnv(home.dir, { endpoint: `http://127.0.0.1:${port}` }));
    expectFailure(
      result,
      new RegExp(`EC2 at 127\\.0\\.0\\.1:${port} is unreachable \\(ECONNREFUSED\\) after 2 attempts`),
      /AWS_ENDPOINT_URL_EC2/,
      OFFLINE,
    );
  });

  it('AWS_ENDPOINT_URL (all services) is honoured like AWS_ENDPOINT_URL_EC2', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([])),
      async (ec2) => {
        const result = await runCli(['audit', '--json'], awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL: ec2.url } }));
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toBe('[]\n');
        expect(ec2.requests).toHaveLength(1);
      },
    );
  });
});
