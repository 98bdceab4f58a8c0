// The strict re-read of the AWS config and credentials files (pure part): which line is malformed.
import { describe, expect, it } from 'vitest';
import { configFilePaths, iniProblem } from '../../source/aws/config-file.ts';

describe('iniProblem', () => {
  it('accepts what the AWS CLI and SDK write and read', () => {
    const text = [
      '# comment',
      '; comment',
      '',
      '[default]',
      'region = eu-west-1 # inline comment',
      'output=json',
      's3 =',
      '  max_concurrent_requests = 20',
      '[profile build]',
      'credential_process = /usr/local/bin/creds --profile build',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'empty =',
    ].join('\r\n');
    expect(iniProblem(text)).toBeUndefined();
  });

  it.each([
    ['[profile build\nregion = eu-west-1', { line: 1, reason: 'has "[profile build" without a closing "]"' }],
    ['[default]\nregion eu-west-1', { line: 2, reason: 'is not "name = value" (it starts with "region")' }],
    ['region = eu-west-1\n[default]', { line: 1, reason: 'comes before any [section] header' }],
    ['[default]\n= eu-west-1', { line: 2, reason: 'has no setting name before "="' }],
  ])('%j', (text, expected) => {
    expect(iniProblem(text)).toEqual(expected);
  });

  it('never quotes what could be a secret', () => {
    const problem = iniProblem('[default]\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(problem).toEqual({ line: 2, reason: 'is not "name = value"' });
  });

  it('escapes a section name it quotes', () => {
    expect(iniProblem('[profile \x1b[31mx')?.reason).toContain('\\x1b[31mx');
  });
});

describe('configFilePaths', () => {
  it('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws', () => {
    expect(configFilePaths({}, '/home/u')).toEqual({
      config: '/home/u/.aws/config',
      credentials: '/home/u/.aws/credentials',
    });
    expect(configFilePaths({ AWS_CONFIG_FILE: '/c', AWS_SHARED_CREDENTIALS_FILE: '~/k' }, '/home/u')).toEqual({
      config: '/c',
      credentials: '/home/u/k',
    });
  });
});
