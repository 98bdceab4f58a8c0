// The AWS side of `audit --org`: Organizations ListAccounts, STS AssumeRole into each account, EC2
// DescribeRegions and DescribeImages with the role's credentials. Every call goes through one limiter
// (--concurrency) and has its own deadline (--aws-timeout; no command-wide budget, which an organization
// would outgrow), and the SDK retries throttling in its adaptive mode. The SDKs load only here, lazily.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Credentials } from '@aws-sdk/client-sts';
import { InputError } from '../errors.ts';
import { withDeadline } from './deadline.ts';
import type { AwsCallPhase } from './deadline.ts';
import { ec2AnswerCheck } from './ec2-answer-check.ts';
import { silenceSdkNodeVersionWarning, TIMEOUTS } from './ec2-client.ts';
import type { Ec2Session } from './ec2-client.ts';
import { findConfigEndpointProblem } from './config-endpoint.ts';
import { endpointUrlProblem } from './endpoint-url.ts';
import { awsFailure } from './failure.ts';
import { limiter } from './limiter.ts';
import type { Limiter } from './limiter.ts';
import { scopeFailure } from './scope-failure.ts';

type Ec2Sdk = typeof import('@aws-sdk/client-ec2');
type StsSdk = typeof import('@aws-sdk/client-sts');
type OrgSdk = typeof import('@aws-sdk/client-organizations');
type ExplorerSdk = typeof import('@aws-sdk/client-resource-explorer-2');

/** A Resource Explorer view's ARN: arn:PARTITION:resource-explorer-2:REGION:ACCOUNT:view/NAME/UUID. */
export const VIEW_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):resource-explorer-2:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):view\/[\w.-]{1,64}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The images a view indexes: image ids by owning account, then by region. */
export type IndexedImages = Map<string, Map<string, string[]>>;

export interface OrgAccount {
  id: string;
  name?: string;
}

export interface OrgAwsOptions {
  timeoutMs: number;
  concurrency: number;
  roleName: string;
  externalId?: string;
  /** --view: the Resource Explorer SDK loads only then. */
  view?: boolean;
  /** Tests only: one endpoint for every service (a user sets AWS_ENDPOINT_URL, which the SDK reads itself). */
  endpoint?: string;
}

/** The role's credentials in one account, and the EC2 calls made with them. */
export interface AccountAws {
  /** The regions the account has enabled (DescribeRegions in the home region). */
  regions(): Promise<string[]>;
  /** A session for one region; close() it when done. */
  region(region: string): Ec2Session & { close(): void };
}

/** Image ids given to one DescribeImages (image-id filter values; EC2 takes up to 200). */
export const IDS_PER_CALL = 200;

export interface OrgAws {
  /** The region the tool runs in: STS and each account's DescribeRegions go there. */
  homeRegion: string;
  /** ACTIVE accounts of the organization, a page at a time. */
  accounts(): AsyncGenerator<OrgAccount[]>;
  /**
   * Every image a Resource Explorer view indexes (ListResources, resourcetype:ec2:image, every page),
   * grouped by owning account and region. Throws a FailureError: the run cannot go on without it.
   */
  indexedImages(viewArn: string): Promise<IndexedImages>;
  /** AssumeRole into the account. Throws a ScopeFailure. */
  assume(account: string): Promise<AccountAws>;
  /** The limiter every call goes through (--concurrency). */
  readonly calls: Limiter;
  close(): void;
}

const SESSION_NAME = 'ami-wizard-audit';

/** What indexedImages reads of a ListResources resource. */
export interface IndexedResource {
  Arn?: string;
  OwningAccountId?: string;
  Region?: string;
}

/**
 * Groups a view's resources by owning account and region as its pages arrive, keeping only image ids,
 * each a string of its own: a match taken from the ARN would be a slice that keeps the whole ARN (and
 * 170,000 of them for 200 accounts) alive. Nothing else of a resource (Properties, dates) is kept.
 */
export function imageIndex(): { add(resource: IndexedResource): void; images(): IndexedImages } {
  // A Set per account and region, since a view may list an image twice.
  const sets = new Map<string, Map<string, Set<string>>>();
  return {
    add(r) {
      // arn:aws:ec2:REGION:ACCOUNT:image/ami-...
      const id = /:image\/(ami-[0-9a-f]{8,17})$/.exec(r.Arn ?? '')?.[1];
      const account = r.OwningAccountId ?? r.Arn?.split(':')[4];
      const where = r.Region ?? r.Arn?.split(':')[3];
      if (!id || !account || !/^\d{12}$/.test(account) || !where) return;
      let regions = sets.get(account);
      if (!regions) sets.set(own(account), (regions = new Map()));
      let ids = regions.get(where);
      if (!ids) regions.set(own(where), (ids = new Set()));
      if (!ids.has(id)) ids.add(own(id));
    },
    images() {
      const found: IndexedImages = new Map();
      for (const [account, regions] of sets) {
        found.set(account, new Map([...regions].map(([where, ids]) => [where, [...ids]])));
        sets.delete(account);
      }
      return found;
    },
  };
}

/** A copy of an ASCII string that shares no memory with the string it was cut from. */
const own = (text: string) => Buffer.from(text, 'latin1').toString('latin1');

export async function openOrgAws(options: OrgAwsOptions): Promise<OrgAws> {
  const endpointProblem = options.endpoint ? undefined : endpointUrlProblem(process.env);
  if (endpointProblem) throw new InputError(endpointProblem);
  const context = { action: 'sts:AssumeRole' };
  try {
    const fileProblem = await withDeadline(options.timeoutMs, 'config', () => findConfigEndpointProblem(process.env));
    if (fileProblem) throw new InputError(fileProblem);
  } catch (error) {
    throw await awsFailure(error, context);
  }
  silenceSdkNodeVersionWarning();
  const [ec2Sdk, stsSdk, orgSdk, explorerSdk] = await Promise.all([
    sdk<Ec2Sdk>(import('@aws-sdk/client-ec2'), 'EC2'),
    sdk<StsSdk>(import('@aws-sdk/client-sts'), 'STS'),
    sdk<OrgSdk>(import('@aws-sdk/client-organizations'), 'Organizations'),
    options.view ? sdk<ExplorerSdk>(import('@aws-sdk/client-resource-explorer-2'), 'ResourceExplorer2') : undefined,
  ]);
  // One pool of connections for every client: an account's region is a client of its own (its own
  // credentials), and a connection each would cost a TCP (and TLS) handshake per region. So the clients
  // are never destroyed one by one (that would end the shared agents); close() ends the agents.
  const agents = {
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: options.concurrency }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: options.concurrency }),
  };
  const common = {
    retryMode: 'adaptive',
    requestHandler: {
      ...agents,
      connectionTimeout: TIMEOUTS.connectionMs,
      requestTimeout: TIMEOUTS.requestMs,
      throwOnRequestTimeout: true,
      socketTimeout: TIMEOUTS.requestMs,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  const calls = limiter(options.concurrency);
  // A slot first, then the deadline: time spent waiting for a slot is not the call's.
  const call = <T>(phase: AwsCallPhase, run: (signal: AbortSignal) => Promise<T>) =>
    calls.run(() => withDeadline(options.timeoutMs, phase, run));
  const sts = new stsSdk.STS(common);
  let homeRegion: string;
  try {
    homeRegion = await withDeadline(options.timeoutMs, 'config', () => sts.config.region());
    await withDeadline(options.timeoutMs, 'credentials', () => sts.config.credentials());
  } catch (error) {
    sts.destroy();
    throw await awsFailure(error, context);
  }
  const partition = homeRegion.startsWith('cn-') ? 'aws-cn' : homeRegion.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  // Organizations is global, served from us-east-1 (cn-northwest-1, us-gov-west-1 in the other partitions).
  const orgRegion = { aws: 'us-east-1', 'aws-cn': 'cn-northwest-1', 'aws-us-gov': 'us-gov-west-1' }[partition];
  const organizations = new orgSdk.Organizations({ ...common, region: orgRegion });

  const ec2 = (credentials: Credentials, region: string) => {
    const client = new ec2Sdk.EC2({
      ...common,
      region,
      credentials: {
        accessKeyId: credentials.AccessKeyId ?? '',
        secretAccessKey: credentials.SecretAccessKey ?? '',
        sessionToken: credentials.SessionToken ?? '',
        ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
      },
    });
    client.middlewareStack.add(ec2AnswerCheck, {
      step: 'deserialize',
      priority: 'low',
      name: 'amiWizardEc2AnswerCheck',
    });
    return client;
  };
  // Every failure from here on belongs to one account or region: classified, recorded, and the run goes on.
  const scoped = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw scopeFailure(error);
    }
  };

  return {
    homeRegion,
    calls,
    async *accounts() {
      let token: string | undefined;
      const seen = new Set<string>();
      do {
        const page = await call('answer', (abortSignal) =>
          organizations.listAccounts(token ? { NextToken: token } : {}, { abortSignal }),
        ).catch(async (error) => {
          throw await awsFailure(error, { action: 'organizations:ListAccounts' });
        });
        yield (page.Accounts ?? [])
          .filter((a) => (a.State ?? a.Status) === 'ACTIVE' && a.Id)
          .map((a) => ({ id: a.Id!, ...(a.Name ? { name: a.Name } : {}) }));
        token = page.NextToken || undefined;
        if (token !== undefined && seen.has(token))
          throw new InputError('Organizations sent the same page token twice.');
        if (token !== undefined) seen.add(token);
      } while (token !== undefined);
    },
    async indexedImages(viewArn) {
      const action = 'resource-explorer-2:ListResources';
      const region = VIEW_ARN.exec(viewArn)?.[2];
      if (!explorerSdk || !region) throw new InputError(`--view needs a Resource Explorer view ARN.`);
      // The view's own region answers for it (an aggregator view indexes every region).
      const explorer = new explorerSdk.ResourceExplorer2({ ...common, region });
      const seen = new Set<string>();
      // Grouped as each page arrives: the page's SDK objects go as soon as the next one is asked for.
      const index = imageIndex();
      let token: string | undefined;
      // Not destroyed at the end: its agents are the shared ones (see above).
      do {
        const page = await call('answer', (abortSignal) =>
          explorer.listResources(
            {
              ViewArn: viewArn,
              Filters: { FilterString: 'resourcetype:ec2:image' },
              MaxResults: 1000,
              ...(token ? { NextToken: token } : {}),
            },
            { abortSignal },
          ),
        ).catch(async (error) => {
          throw await awsFailure(error, { action, region });
        });
        for (const r of page.Resources ?? []) index.add(r);
        token = page.NextToken || undefined;
        if (token !== undefined && seen.has(token))
          throw new InputError('Resource Explorer sent the same page token twice.');
        if (token !== undefined) seen.add(token);
      } while (token !== undefined);
      return index.images();
    },
    assume: (account) =>
      scoped(async () => {
        const answer = await call('credentials', (abortSignal) =>
          sts.assumeRole(
            {
              RoleArn: `arn:${partition}:iam::${account}:role/${options.roleName}`,
              RoleSessionName: SESSION_NAME,
              ...(options.externalId ? { ExternalId: options.externalId } : {}),
            },
            { abortSignal },
          ),
        );
        const credentials = answer.Credentials;
        if (!credentials?.AccessKeyId || !credentials.SecretAccessKey)
          throw new Error('STS answered AssumeRole without credentials');
        const session = (region: string) => {
          const client = ec2(credentials, region);
          const ended: Ec2Session['call'] = () => Promise.reject(new Error('the session is closed'));
          const it = {
            client,
            region,
            call: ((run) => scoped(() => call('answer', run))) as Ec2Session['call'],
            // Not client.destroy(): the agents are shared. The client is dropped, and the GC takes it.
            close: () => void (it.call = ended),
          };
          return it;
        };
        return {
          region: session,
          regions: () =>
            scoped(async () => {
              const home = session(homeRegion);
              try {
                const found = await home.call((abortSignal) => home.client.describeRegions({}, { abortSignal }));
                return (found.Regions ?? [])
                  .filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
                  .map((r) => r.RegionName!)
                  .sort();
              } finally {
                home.close();
              }
            }),
        };
      }),
    close() {
      sts.destroy();
      organizations.destroy();
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
    },
  };
}

async function sdk<T>(module: Promise<unknown>, client: string): Promise<T> {
  const loaded = (await module) as Record<string, unknown>;
  // Node gives the SDK's CommonJS build named exports; esbuild's bundle exposes only `default`.
  return (client in loaded ? loaded : (loaded.default as Record<string, unknown>)) as T;
}
