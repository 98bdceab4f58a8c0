// An endpoint that answers, but not as EC2: a captive portal's HTML, an empty 200, JSON, another XML
// document, a redirect. Each is an error with advice (exit 1), never "0 images" and a passing audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImagesXml } from './fixtures/images.ts';
import { ok, other, redirect, withFakeEc2 } from './support/ec2-server.ts';
import type { Handler, Reply } from './support/ec2-server.ts';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';
import type { CliResult } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

async function run(handler: Handler, args: string[]): Promise<CliResult & { requests: number }> {
  return withFakeEc2(handler, async (ec2) => {
    const result = await runCli(args, awsEnv(home.dir, { endpoint: ec2.url }));
    return { ...result, requests: ec2.requests.length };
  });
}

const NOT_EC2 = /did not answer like EC2/;
const CAUSES = /captive portal|proxy/;
const ENDPOINT = /AWS_ENDPOINT_URL_EC2/;

const PORTAL =
  '<!DOCTYPE html>\n<html><head><title>Hotel Wi-Fi</title></head><body><form action="/login">Accept the terms</form></body></html>';

describe('a 200 that is not EC2', () => {
  const cases: [string, Reply][] = [
    ['an HTML captive portal', other(PORTAL)],
    ['an empty body', other('', 'text/xml')],
    ['JSON', other('{"Images":[]}', 'application/json')],
    [
      'XML with another root',
      other('<?xml version="1.0"?>\n<DescribeRegionsResponse><regionInfo/></DescribeRegionsResponse>', 'text/xml'),
    ],
    [
      'XML in the right shape, cut short',
      other(
        '<?xml version="1.0"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><imagesSet>',
        'text/xml',
      ),
    ],
    ['plain text', other('OK', 'text/plain')],
  ];
  it.each(cases)('audit: %s', async (_label, reply) => {
    const result = await run(() => reply, ['audit']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(NOT_EC2);
    expect(result.stderr).toMatch(CAUSES);
    expect(result.stderr).toMatch(ENDPOINT);
    expect(result.requests).toBe(1); // not retried: the next answer would be the same page
    expectAdvice(result, expect);
  });

  it('lookup --json: the captive portal is an error, not "no image found"', async () => {
    const result = await run(() => other(PORTAL), ['lookup', '--os', 'amazon-linux-2023', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(NOT_EC2);
  });

  it('the second page of a listing is checked too', async () => {
    const result = await run((_req, i) => (i === 0 ? ok(describeImagesXml([], 'token-2')) : other(PORTAL)), ['audit']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(NOT_EC2);
  });

  it('the control: a real EC2 answer (an XML declaration, the root, a trailing line break) passes', async () => {
    const result = await run(() => ok(`${describeImagesXml([])}\n`), ['audit', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('[]\n');
  });
});

describe('a redirect', () => {
  it.each([301, 302, 307, 308])(
    'HTTP %i: says the endpoint redirected, and to check the region or endpoint URL',
    async (status) => {
      const result = await run(() => redirect(status, 'https://ec2.us-east-1.amazonaws.com/\x9b2J'), ['audit']);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/Unknown/);
      expect(result.stderr).toMatch(
        new RegExp(`redirected the request \\(HTTP ${status}\\) to https://ec2\\.us-east-1\\.amazonaws\\.com/`),
      );
      expect(result.stderr).toContain('amazonaws.com/\\x9b2J'); // the target as visible text
      expect(result.stderr).toMatch(/--region/);
      expect(result.stderr).toMatch(ENDPOINT);
      expect(result.requests).toBe(1); // not followed: a redirect could send signed requests anywhere
      expectAdvice(result, expect);
    },
  );
});

describe('an error status whose body is not an EC2 error', () => {
  it('a proxy refusing with an HTML 403 is named by its status, not "Unknown"', async () => {
    const result = await run(
      () => ({ status: 403, body: PORTAL, headers: { 'content-type': 'text/html' } }),
      ['audit'],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/Unknown/);
    expect(result.stderr).toMatch(/HTTP 403/);
    expect(result.stderr).toMatch(NOT_EC2);
  });

  it('an HTML 502 from a gateway is still retried, then named by its status', async () => {
    const result = await run(
      () => ({ status: 502, body: '<html><body>Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } }),
      ['audit'],
    );
    expect(result.code).toBe(1);
    expect(result.requests).toBe(2); // AWS_MAX_ATTEMPTS=2 in awsEnv
    expect(result.stderr).not.toMatch(/Unknown/);
    expect(result.stderr).toMatch(/HTTP 502/);
  });
});
