// AWS_ENDPOINT_URL_EC2 (or AWS_ENDPOINT_URL for every service) points the SDK at another endpoint. A
// value that is not a URL makes the SDK fail deep inside with a raw Node error, so it is checked first,
// before the SDK loads: bad input (exit 2), the variable named, an example given. Pure.
import { printable } from '../printable.ts';

type Env = Record<string, string | undefined>;

const EXAMPLE = 'https://ec2.eu-west-1.amazonaws.com';

/** The problem with the endpoint variable the SDK would use, or undefined when there is none. */
export function endpointUrlProblem(env: Env): string | undefined {
  // The SDK ignores both variables when told to (and an empty value as if unset).
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  const name = env.AWS_ENDPOINT_URL_EC2 ? 'AWS_ENDPOINT_URL_EC2' : env.AWS_ENDPOINT_URL ? 'AWS_ENDPOINT_URL' : undefined;
  if (!name) return undefined;
  const value = env[name]!;
  const shown = `${name}="${printable(value.length > 100 ? `${value.slice(0, 100)}...` : value)}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return advice(`${shown} is not a URL.`, name);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return advice(`${shown} is not an http or https URL.`, name);
  if (!url.hostname) return advice(`${shown} has no host name.`, name);
  return undefined;
}

const advice = (headline: string, name: string) =>
  [headline, `Set the endpoint's address, e.g. ${name}=${EXAMPLE}`, `or unset ${name} to use the region's own endpoint.`].join('\n  ');
