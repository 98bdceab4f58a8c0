// Configuration the SDK would misread or choke on: a malformed AWS config or credentials file (the SDK
// skips what it cannot parse, then reports "no region"), an endpoint variable that is not a URL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImagesXml } from './fixtures/images.ts';
import { ok, withFakeEc2 } from './support/ec2-server.ts';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';
import type { AwsEnvOptions, CliResult } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

async function audit(env: AwsEnvOptions): Promise<CliResult & { requests: number }> {
  return withFakeEc2(
    () => ok(describeImagesXml([])),
    async (ec2) => {
      const result = await runCli(['audit'], awsEnv(home.dir, { endpoint: ec2.url, ...env }));
      return { ...result, requests: ec2.requests.length };
    },
  );
}

function file(name: string, text: string): string {
  const path = join(home.dir, name);
  writeFileSync(path, text);
  return path;
}

describe('a malformed AWS config file', () => {
  it('a section header without its closing bracket: names the file and the line', async () => {
    const config = file('config-unclosed', '# team settings\n[profile build\nregion = eu-west-1\n');
    const result = await audit({ region: null, extra: { AWS_CONFIG_FILE: config, AWS_PROFILE: 'build' } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/No AWS region is configured/);
    expect(result.stderr).toContain(`The AWS config file ${config} is malformed: line 2`);
    expect(result.stderr).toMatch(/\[profile build/);
    expect(result.requests).toBe(0);
    expectAdvice(result, expect);
  });

  it('a setting without "=": the line is named', async () => {
    const config = file('config-garbage', '[default]\nregion eu-west-1\noutput = json\n');
    const result = await audit({ region: null, extra: { AWS_CONFIG_FILE: config } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The AWS config file ${config} is malformed: line 2`);
    expect(result.stderr).toMatch(/line 2 is not "name = value" \(it starts with "region"\)/);
  });

  it('a malformed credentials file, when no credentials were found', async () => {
    const credentials = file('credentials-unclosed', '[default\naws_access_key_id = AKIDEXAMPLE\n');
    const result = await audit({ credentials: false, extra: { AWS_SHARED_CREDENTIALS_FILE: credentials } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The AWS credentials file ${credentials} is malformed: line 1`);
    expect(result.stderr).not.toContain('AKIDEXAMPLE'); // the line is described, a key is never echoed
  });

  it('the control: a well-formed file without a region still says no region is configured', async () => {
    const config = file(
      'config-fine',
      '# comment\n; another\n\n[default]\noutput = json\ns3 =\n  max_concurrent_requests = 20\n[sso-session corp]\nsso_region = eu-west-1\n[services local]\nec2 =\n  endpoint_url = http://localhost:1\n',
    );
    const result = await audit({ region: null, extra: { AWS_CONFIG_FILE: config } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No AWS region is configured/);
    expect(result.stderr).not.toMatch(/malformed/);
  });

  it('a malformed file the SDK did not need is not an error (AWS_REGION and keys from the environment)', async () => {
    const config = file('config-unused', '[default\nregion = eu-west-1\n');
    const result = await audit({ extra: { AWS_CONFIG_FILE: config } });
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL', () => {
  it.each(['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL'])(
    '%s that is not a URL is bad input (exit 2), named with an example',
    async (name) => {
      const env = awsEnv(home.dir, { extra: { [name]: 'not a url' } });
      const result = await runCli(['audit'], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`${name}="not a url" is not a URL`));
      expect(result.stderr).toMatch(/https:\/\/ec2\.eu-west-1\.amazonaws\.com/);
      expect(result.stderr).not.toMatch(/failed unexpectedly/);
    },
  );

  it('a URL of another scheme is refused too; lookup and --resolve share the check', async () => {
    const result = await runCli(
      ['lookup', '--os', 'amazon-linux-2023'],
      awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL_EC2: 'ftp://ec2.example' } }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/AWS_ENDPOINT_URL_EC2="ftp:\/\/ec2\.example" is not an http or https URL/);
  });

  it('the value is shown escaped', async () => {
    const result = await runCli(['audit'], awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL_EC2: 'x\x1b]0;owned\x07' } }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('\\x1b]0;owned\\x07');
  });
});

describe('endpoint_url in the AWS config file', () => {
  // No endpoint variable: the SDK takes endpoint_url from the profile (or its services section).
  async function lookup(config: string, extra: Record<string, string> = {}): Promise<CliResult> {
    return runCli(
      ['lookup', '--os', 'amazon-linux-2023'],
      awsEnv(home.dir, { extra: { AWS_CONFIG_FILE: config, ...extra } }),
    );
  }

  it('[default] endpoint_url that is not a URL is bad input (exit 2): the file, the line, an example', async () => {
    const config = file('config-endpoint-bad', '[default]\nregion = eu-west-1\nendpoint_url = not a url\n');
    const result = await lookup(config);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`The AWS config file ${config}, line 3: endpoint_url = "not a url" is not a URL.`);
    expect(result.stderr).toMatch(/endpoint_url = https:\/\/ec2\.eu-west-1\.amazonaws\.com/);
    expect(result.stderr).not.toMatch(/failed unexpectedly/);
    expectAdvice(result, expect);
  });

  it('file:///etc/passwd is refused as not http(s), not reported as an unreachable EC2', async () => {
    const config = file('config-endpoint-file', '[default]\nendpoint_url = file:///etc/passwd\n');
    const result = await runCli(['audit'], awsEnv(home.dir, { extra: { AWS_CONFIG_FILE: config } }));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      `${config}, line 2: endpoint_url = "file:///etc/passwd" is not an http or https URL`,
    );
    expect(result.stderr).not.toMatch(/unreachable/);
  });

  it('the ec2 endpoint of the services section of AWS_PROFILE', async () => {
    // With AWS_PROFILE set the SDK takes no keys from the environment, so the profile holds test keys.
    const keys = 'aws_access_key_id = AKIDPROFILETESTONLY00\naws_secret_access_key = profile-test-secret\n';
    const config = file(
      'config-endpoint-services',
      `[profile build]\nregion = eu-west-1\n${keys}services = local\n[services local]\nec2 =\n  endpoint_url = not a url\n`,
    );
    const result = await lookup(config, { AWS_PROFILE: 'build' });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${config}, line 8: ec2 endpoint_url = "not a url" is not a URL.`);
    expect(result.stderr).not.toMatch(/failed unexpectedly/);
  });

  it('the controls: a valid endpoint_url in the file is used; an endpoint variable overrides a bad one', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([])),
      async (ec2) => {
        const good = file('config-endpoint-good', `[default]\nendpoint_url = ${ec2.url}\n`);
        const byFile = await runCli(['audit', '--json'], awsEnv(home.dir, { extra: { AWS_CONFIG_FILE: good } }));
        expect(byFile.code, byFile.stderr).toBe(0);
        expect(ec2.requests).toHaveLength(1);
        const bad = file('config-endpoint-overridden', '[default]\nendpoint_url = not a url\n');
        const byVariable = await runCli(
          ['audit', '--json'],
          awsEnv(home.dir, { endpoint: ec2.url, extra: { AWS_CONFIG_FILE: bad } }),
        );
        expect(byVariable.code, byVariable.stderr).toBe(0);
        expect(ec2.requests).toHaveLength(2);
      },
    );
  });
});
