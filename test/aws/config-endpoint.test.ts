// endpoint_url in the AWS config (and credentials) file, found the way the SDK finds it (pure part):
// which value the SDK would send EC2 calls to, and what is wrong with it.
import { describe, expect, it } from 'vitest';
import { configEndpointProblem } from '../../source/aws/config-endpoint.ts';

const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';
const files = (config?: string, credentials?: string) => ({
  ...(config === undefined ? {} : { config: { path: CONFIG, text: config } }),
  ...(credentials === undefined ? {} : { credentials: { path: CREDENTIALS, text: credentials } }),
});

describe('configEndpointProblem', () => {
  it('[default] endpoint_url that is not a URL: the file, the line and an example', () => {
    const problem = configEndpointProblem(
      {},
      files('# team\n[default]\nregion = eu-west-1\nendpoint_url = not a url\n'),
    );
    expect(problem).toMatch(
      /^The AWS config file \/home\/u\/\.aws\/config, line 4: endpoint_url = "not a url" is not a URL\./,
    );
    expect(problem).toMatch(/endpoint_url = https:\/\/ec2\.eu-west-1\.amazonaws\.com/);
  });

  it('file:///etc/passwd is not an http or https URL', () => {
    expect(configEndpointProblem({}, files('[default]\nendpoint_url = file:///etc/passwd\n'))).toMatch(
      /line 2: endpoint_url = "file:\/\/\/etc\/passwd" is not an http or https URL/,
    );
  });

  it('the profile AWS_PROFILE names, not [default]', () => {
    const text = '[default]\nendpoint_url = https://ec2.local\n[profile build]\nendpoint_url = not a url\n';
    expect(configEndpointProblem({}, files(text))).toBeUndefined();
    expect(configEndpointProblem({ AWS_PROFILE: 'build' }, files(text))).toMatch(/line 4: .*profile build/s);
    expect(configEndpointProblem({ AWS_PROFILE: 'other' }, files(text))).toBeUndefined();
  });

  it('the ec2 endpoint of the services section the profile names wins over its own endpoint_url', () => {
    const text = [
      '[profile build]',
      'services = local',
      'endpoint_url = https://ec2.local',
      '[services local]',
      's3 =',
      '  endpoint_url = not a url',
      'ec2 =',
      '  endpoint_url = not a url either',
    ].join('\n');
    const problem = configEndpointProblem({ AWS_PROFILE: 'build' }, files(text));
    expect(problem).toMatch(/line 8: ec2 endpoint_url = "not a url either" is not a URL/);
    expect(problem).toMatch(/\[services local\]/);
  });

  it('a services section without an ec2 endpoint leaves the profile endpoint_url in charge', () => {
    const text =
      '[default]\nservices = local\nendpoint_url = ftp://x\n[services local]\ns3 =\n  endpoint_url = http://s3.local\n';
    expect(configEndpointProblem({}, files(text))).toMatch(
      /line 3: endpoint_url = "ftp:\/\/x" is not an http or https URL/,
    );
  });

  it('a services section that does not exist: the SDK then takes no endpoint from the file at all', () => {
    expect(
      configEndpointProblem({}, files('[default]\nservices = missing\nendpoint_url = not a url\n')),
    ).toBeUndefined();
  });

  it("a setting after an indented block is the section's own again", () => {
    const text = '[default]\ns3 =\n  endpoint_url = http://s3.local\nendpoint_url = not a url\n';
    expect(configEndpointProblem({}, files(text))).toMatch(/line 4:/);
  });

  it('[profile default] is the default profile too, and replaces a [default] section wherever it is', () => {
    expect(configEndpointProblem({}, files('[profile default]\nendpoint_url = not a url\n'))).toMatch(/line 2:/);
    expect(
      configEndpointProblem({}, files('[default]\nendpoint_url = not a url\n[profile default]\nregion = eu-west-1\n')),
    ).toBeUndefined();
    expect(
      configEndpointProblem({}, files('[profile default]\nregion = eu-west-1\n[default]\nendpoint_url = not a url\n')),
    ).toBeUndefined();
  });

  it('a section without settings does not exist for the SDK: an empty [profile default] replaces nothing', () => {
    expect(configEndpointProblem({}, files('[default]\nendpoint_url = not a url\n[profile default]\n'))).toMatch(
      /line 2:/,
    );
    expect(
      configEndpointProblem({}, files('[default]\nservices = local\nendpoint_url = not a url\n[services local]\n')),
    ).toBeUndefined();
  });

  it('a section given twice: the later value of a setting counts', () => {
    expect(
      configEndpointProblem(
        {},
        files('[default]\nendpoint_url = not a url\n[default]\nendpoint_url = https://ec2.local\n'),
      ),
    ).toBeUndefined();
    expect(
      configEndpointProblem(
        {},
        files('[default]\nendpoint_url = https://ec2.local\n[default]\nendpoint_url = not a url\n'),
      ),
    ).toMatch(/line 4:/);
  });

  it('the credentials file counts for its profile; the config file wins where both set it', () => {
    expect(configEndpointProblem({}, files(undefined, '[default]\nendpoint_url = not a url\n'))).toMatch(
      /^The AWS credentials file \/home\/u\/\.aws\/credentials, line 2:/,
    );
    expect(
      configEndpointProblem(
        {},
        files('[default]\nendpoint_url = https://ec2.local\n', '[default]\nendpoint_url = not a url\n'),
      ),
    ).toBeUndefined();
  });

  it.each([
    ['an endpoint variable overrides the file', { AWS_ENDPOINT_URL_EC2: 'https://ec2.local' }],
    ['AWS_ENDPOINT_URL does too', { AWS_ENDPOINT_URL: 'https://ec2.local' }],
    ['configured endpoints ignored', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }],
  ])('no problem: %s', (_name, env) => {
    expect(configEndpointProblem(env, files('[default]\nendpoint_url = not a url\n'))).toBeUndefined();
  });

  it('the profile may ignore configured endpoints itself', () => {
    expect(
      configEndpointProblem({}, files('[default]\nignore_configured_endpoint_urls = true\nendpoint_url = not a url\n')),
    ).toBeUndefined();
  });

  it.each([
    ['no files', files()],
    ['a valid endpoint', files('[default]\nendpoint_url = http://127.0.0.1:4566 # local\n')],
    ['a comment', files('[default]\n# endpoint_url = not a url\n')],
    [
      'a services section the profile does not name',
      files('[default]\n[services local]\nec2 =\n  endpoint_url = not a url\n'),
    ],
  ])('no problem: %s', (_name, given) => {
    expect(configEndpointProblem({}, given)).toBeUndefined();
  });

  it('the value is shown escaped and cut', () => {
    const problem = configEndpointProblem({}, files(`[default]\nendpoint_url = x\x1b]0;owned\x07${'y'.repeat(200)}\n`));
    expect(problem).toContain('x\\x1b]0;owned\\x07');
    expect(problem).not.toContain('y'.repeat(101));
  });
});
