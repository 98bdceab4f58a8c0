// endpoint_url in the AWS config or credentials file points the SDK at another endpoint, like the
// variables do (endpoint-url.ts). The SDK turns a value that is not a URL into "Invalid URL" inside the
// first request, and sends file:///etc/passwd to 127.0.0.1:80. So the value the SDK will use is found
// here the way the SDK finds it (@smithy/core's parseIni, getConfigData and getEndpointUrlConfig), and
// checked with the same rules before the SDK loads: bad input (exit 2), with the file and the line.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { ConfigFileProblem } from './config-file.ts';
import { configFilePaths } from './config-file.ts';
import { ENDPOINT_EXAMPLE, shownValue, urlProblem } from './endpoint-url.ts';

type Env = Record<string, string | undefined>;
type Kind = ConfigFileProblem['kind'];

export interface IniFile {
  path: string;
  text: string;
}

interface Setting {
  value: string;
  line: number;
  kind: Kind;
  path: string;
}
type Section = Map<string, Setting>;

const PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const SECTION_TYPES = ['profile', 'sso-session', 'services'];

/** The sections by the SDK's names ("default", "profile.build", "services.local"), each setting with its line. */
function parseIni({ path, text }: IniFile, kind: Kind): Map<string, Section> {
  const sections = new Map<string, Section>();
  let current: string | undefined;
  let subSection: string | undefined;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.split(/(?:^|\s)[;#]/)[0]!.trim();
    if (line.startsWith('[') && line.endsWith(']')) {
      subSection = undefined;
      const name = line.slice(1, -1);
      // The SDK refuses the whole file then; so nothing of it counts.
      if (name === '__proto__' || name === 'profile __proto__') return new Map();
      const match = PREFIXED.exec(name);
      current = match ? (SECTION_TYPES.includes(match[1]!) ? `${match[1]}.${match[3]}` : undefined) : name;
      continue;
    }
    const equals = line.indexOf('=');
    if (current === undefined || equals <= 0) continue;
    const name = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    // "ec2 =" opens a block of indented settings (ec2.endpoint_url); a line that is not indented ends it.
    if (value === '') {
      subSection = name;
      continue;
    }
    if (subSection && raw.trimStart() === raw) subSection = undefined;
    // As in the SDK, a section exists once it holds a setting, and a repeated section adds to the first.
    const section = sections.get(current) ?? new Map<string, Setting>();
    sections.set(current, section);
    section.set(subSection ? `${subSection}.${name}` : name, { value, line: index + 1, kind, path });
  }
  return sections;
}

/** The config file's profiles by name: [default], then [profile NAME] (so [profile default] replaces [default]). */
function configProfiles(sections: Map<string, Section>): Map<string, Section> {
  const profiles = new Map<string, Section>();
  if (sections.has('default')) profiles.set('default', sections.get('default')!);
  for (const [key, section] of sections) {
    const type = key.slice(0, Math.max(0, key.indexOf('.')));
    if (SECTION_TYPES.includes(type)) profiles.set(type === 'profile' ? key.slice(type.length + 1) : key, section);
  }
  return profiles;
}

/** The endpoint_url the SDK sends EC2 calls to, from the files, and what is wrong with it; undefined when nothing is. */
export function configEndpointProblem(
  env: Env,
  files: { config?: IniFile; credentials?: IniFile },
): string | undefined {
  // A variable wins over the files (endpoint-url.ts checks it).
  if (env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL) return undefined;
  const config = files.config ? configProfiles(parseIni(files.config, 'config')) : new Map<string, Section>();
  const credentials = files.credentials ? parseIni(files.credentials, 'credentials') : new Map<string, Section>();
  const profileName = env.AWS_PROFILE || 'default';
  const profile = new Map([...(credentials.get(profileName) ?? []), ...(config.get(profileName) ?? [])]);
  // The SDK reads the variable when it is "true" or "false", else the profile's setting.
  const ignoreVariable = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS;
  const ignore =
    ignoreVariable === 'true' || ignoreVariable === 'false'
      ? ignoreVariable === 'true'
      : profile.get('ignore_configured_endpoint_urls')?.value === 'true';
  if (ignore) return undefined;
  const servicesName = profile.get('services')?.value;
  let services: Section | undefined;
  if (servicesName) {
    services = config.get(`services.${servicesName}`);
    // A services section that does not exist makes the SDK take no endpoint from the files at all.
    if (!services) return undefined;
  }
  const fromServices = services?.get('ec2.endpoint_url');
  const setting = fromServices ?? profile.get('endpoint_url');
  if (!setting) return undefined;
  const problem = urlProblem(setting.value);
  if (!problem) return undefined;
  const name = fromServices ? 'ec2 endpoint_url' : 'endpoint_url';
  return [
    `The AWS ${setting.kind} file ${shownValue(setting.path)}, line ${setting.line}: ${name} = "${shownValue(setting.value)}" ${problem}.`,
    `The SDK sends the EC2 calls of profile ${shownValue(profileName)} there${fromServices ? ` ([services ${shownValue(servicesName!)}])` : ''}.`,
    `Set the endpoint's address, e.g. endpoint_url = ${ENDPOINT_EXAMPLE}`,
    "or remove the line to use the region's own endpoint.",
  ].join('\n  ');
}

/** Larger than any AWS file a person writes; a larger one is left to the SDK, unchecked. */
const MAX_FILE_BYTES = 1024 * 1024;

/** The problem with the files' endpoint_url (configEndpointProblem), reading them as the SDK finds them. */
export async function findConfigEndpointProblem(env: Env = process.env): Promise<string | undefined> {
  if (env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL) return undefined;
  const paths = configFilePaths(env, env.HOME || homedir());
  const [config, credentials] = await Promise.all([readUpTo(paths.config), readUpTo(paths.credentials)]);
  return configEndpointProblem(env, {
    ...(config === undefined ? {} : { config: { path: paths.config, text: config } }),
    ...(credentials === undefined ? {} : { credentials: { path: paths.credentials, text: credentials } }),
  });
}

/**
 * The file's text, or undefined when it is missing, unreadable, larger than MAX_FILE_BYTES (/dev/zero)
 * or a pipe with nothing to read yet. Opened with O_NONBLOCK: a FIFO nothing writes to would otherwise
 * hold a libuv thread in open(), and Node waits for that thread even in process.exit().
 */
async function readUpTo(path: string): Promise<string | undefined> {
  let file: FileHandle;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return buffer.toString('utf8', 0, length);
      length += bytesRead;
      if (length > MAX_FILE_BYTES) return undefined;
    }
  } catch {
    return undefined; // EISDIR, EAGAIN (a pipe that is silent for now): the SDK reads it as it can
  } finally {
    await file.close();
  }
}
