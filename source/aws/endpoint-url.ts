// AWS_ENDPOINT_URL_EC2 (or AWS_ENDPOINT_URL for every service) points the SDK at another endpoint. A
// value that is not a URL makes the SDK fail deep inside with a raw Node error, so it is checked first,
// before the SDK loads: bad input (exit 2), the variable named, an example given. Pure.
// config-endpoint.ts checks endpoint_url in the AWS files with the same rules.
import { printable } from '../text/printable.ts';

type Env = Record<string, string | undefined>;

export const ENDPOINT_EXAMPLE = 'https://ec2.eu-west-1.amazonaws.com';

/** What is wrong with an endpoint URL, as the end of a sentence ("... is not a URL"), or undefined. */
export function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'is not an http or https URL';
  if (!url.hostname) return 'has no host name';
  return undefined;
}

/** The value for a message: escaped, and cut, one line whatever it holds. */
export const shownValue = (value: string): string =>
  printable(value.length > 100 ? `${value.slice(0, 100)}...` : value);

/** The problem with the endpoint variable the SDK would use, or undefined when there is none. */
export function endpointUrlProblem(env: Env): string | undefined {
  // The SDK ignores both variables when told to (and an empty value as if unset).
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  const name = env.AWS_ENDPOINT_URL_EC2
    ? 'AWS_ENDPOINT_URL_EC2'
    : env.AWS_ENDPOINT_URL
      ? 'AWS_ENDPOINT_URL'
      : undefined;
  if (!name) return undefined;
  const problem = urlProblem(env[name]!);
  if (!problem) return undefined;
  return [
    `${name}="${shownValue(env[name]!)}" ${problem}.`,
    `Set the endpoint's address, e.g. ${name}=${ENDPOINT_EXAMPLE}`,
    `or unset ${name} to use the region's own endpoint.`,
  ].join('\n  ');
}
