// One local endpoint for the three services the organization audit calls, dispatched by protocol as
// AWS's own endpoints would see them: Organizations speaks JSON 1.1 (X-Amz-Target:
// AWSOrganizationsV20161128.ListAccounts), STS and EC2 the Query protocol (Action=AssumeRole,
// Action=DescribeRegions / DescribeImages) with XML answers. The caller's account is read from the access
// key AssumeRole handed out (ASIA + the account id) and the region from the request's SigV4 scope.
// The organization is a scenario (accounts x regions x images) with faults injected on purpose:
// throttling every Nth call, roles that deny, a region not enabled, an endpoint that never answers.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImageRecord } from '../../../source/aws/image-record.ts';
import { describeImagesXml } from '../fixtures/images.ts';
import { escapeXml, listenLocal } from './ec2-server.ts';
import type { FixtureImage } from '../fixtures/images.ts';

export const SEVENTEEN_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

export interface Place {
  account: string;
  region: string;
}

export interface OrgScenario {
  accounts: number;
  regions: string[];
  imagesPerRegion: number;
  /**
   * Every Nth call (counting first attempts, all services together) answers with the service's throttling
   * error; its retry (the SDK's amz-sdk-request: attempt=2) is answered.
   */
  throttleEvery?: number;
  /** Accounts whose role refuses AssumeRole (AccessDenied). */
  deny?: string[];
  /** A region not enabled in the account: DescribeImages there answers OptInRequired. */
  disabled?: Place[];
  /** DescribeImages there never answers. */
  stall?: Place[];
  /** Accounts the organization lists as SUSPENDED, besides the active ones. */
  suspended?: number;
  /** Every answer waits this long: calls overlap as they do against AWS. */
  delayMs?: number;
  /** ListAccounts answers AccessDeniedException (the caller may not list the organization). */
  denyListAccounts?: boolean;
  /** Image ids the Resource Explorer view does not index (yet): ListResources leaves them out. */
  unindexed?: string[];
  /** Resources per ListResources page (default 50). */
  viewPageSize?: number;
  /** Answers wait for this before they are sent (the streaming test holds later accounts). */
  hold?: (request: OrgRequest) => Promise<void> | undefined;
}

export interface OrgRequest {
  service: 'organizations' | 'sts' | 'ec2' | 'resource-explorer-2';
  action: string;
  /** The caller's account (ec2), or the one AssumeRole asks for (sts). */
  account?: string;
  region?: string;
  params: Record<string, string>;
}

export interface OrgStats {
  inFlight: number;
  maxInFlight: number;
  requests: number;
  throttled: number;
  byAction: Record<string, number>;
  /** The account of every AssumeRole asked for, in order. */
  assumed: string[];
  /** Every ListResources: the view and the filter it was asked with. */
  listResources: { viewArn: string; filter: string }[];
  /** The region each ListResources was signed for. */
  listResourcesRegions: string[];
}

export interface FakeOrg {
  url: string;
  stats: OrgStats;
  close(): Promise<void>;
}

export const accountIds = (s: Pick<OrgScenario, 'accounts'>): string[] =>
  Array.from({ length: s.accounts }, (_, i) => String(100_000_000_000 + i * 1_001));

/** The tag policy the scenario's images are checked against: CostCenter and a Stage from a list. */
export const SCENARIO_POLICY = {
  tags: {
    costcenter: { tag_key: { '@@assign': 'CostCenter' } },
    stage: { tag_key: { '@@assign': 'Stage' }, tag_value: { '@@assign': ['prod', 'test', 'dev'] } },
  },
};

/**
 * The images an account owns in a region: some fail, at a rate that differs by account (so the worst
 * offenders are distinct), each failing one check in turn.
 */
export function scenarioImages(s: OrgScenario, account: string, region: string): FixtureImage[] {
  const a = accountIds(s).indexOf(account);
  const r = s.regions.indexOf(region);
  const failRate = a % 7; // of every 10 images
  return Array.from({ length: s.imagesPerRegion }, (_, i) => {
    const id = `ami-${(a * 100_000 + r * 1_000 + i).toString(16).padStart(17, '0')}`;
    const base: FixtureImage = {
      id,
      name: `app-${account}-${region}-${i}`,
      ageDays: 10 + (i % 30),
      tags: { CostCenter: '2200', Stage: 'prod', Name: `app-${i}` },
      owner: account,
    };
    if (i % 10 >= failRate) return base;
    switch ((i + r) % 4) {
      case 0:
        return { ...base, tags: { CostCenter: '2200', Stage: 'staging' } };
      case 1:
        return { ...base, ageDays: 500 };
      case 2:
        return { ...base, public: true };
      default:
        return { ...base, imds: null };
    }
  });
}

/** The image as the audit reads it from EC2's answer (source/aws/describe-images.ts), for expected findings. */
export function fixtureRecord(image: FixtureImage, region: string): ImageRecord {
  const DAY_MS = 86_400_000;
  const snapshots = image.snapshots ?? [{ device: '/dev/xvda', id: `snap-${image.id.slice(4)}`, encrypted: true }];
  const imds = image.imds === undefined ? 'v2.0' : image.imds;
  return {
    imageId: image.id,
    name: image.name,
    region,
    state: image.state ?? 'available',
    creationDate: new Date(Date.now() - image.ageDays * DAY_MS).toISOString(),
    ...(image.deprecatesInDays === undefined
      ? {}
      : { deprecationTime: new Date(Date.now() + image.deprecatesInDays * DAY_MS).toISOString() }),
    public: image.public === true,
    ...(imds ? { imdsSupport: imds } : {}),
    tags: Object.entries(image.tags ?? {}).map(([key, value]) => ({ key, value })),
    ebs: snapshots.map((s) => ({
      device: s.device,
      snapshotId: s.id,
      ...(s.encrypted === undefined ? {} : { encrypted: s.encrypted }),
    })),
  };
}

const at = (places: Place[] | undefined, account?: string, region?: string) =>
  (places ?? []).some((p) => p.account === account && p.region === region);

type Answer = { status: number; body: string; type: string } | 'hang';

export async function startFakeOrg(scenario: OrgScenario): Promise<FakeOrg> {
  const stats: OrgStats = {
    inFlight: 0,
    maxInFlight: 0,
    requests: 0,
    throttled: 0,
    byAction: {},
    assumed: [],
    listResources: [],
    listResourcesRegions: [],
  };
  let calls = 0;
  const active = accountIds(scenario);
  const suspended = Array.from({ length: scenario.suspended ?? 0 }, (_, i) => String(900_000_000_000 + i));
  const listed = [...active.slice(0, 3), ...suspended, ...active.slice(3)];

  const server = createServer((req, res) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.on('close', () => stats.inFlight--);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', async () => {
      const request = parse(req, body);
      stats.requests++;
      const firstAttempt = !/attempt=([2-9]|\d\d)/.test(String(req.headers['amz-sdk-request'] ?? ''));
      const n = firstAttempt ? ++calls : 0;
      stats.byAction[request.action] = (stats.byAction[request.action] ?? 0) + 1;
      if (request.service === 'resource-explorer-2') stats.listResourcesRegions.push(request.region ?? '');
      await scenario.hold?.(request);
      if (scenario.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
      if (scenario.throttleEvery && n && n % scenario.throttleEvery === 0) {
        stats.throttled++;
        return send(res, throttle(request));
      }
      send(res, answer(request));
    });
  });

  // What the Resource Explorer view indexes: built once, on the first ListResources.
  let indexed: Record<string, unknown>[] | undefined;

  function answer(request: OrgRequest): Answer {
    const { action, params, account, region } = request;
    if (action === 'ListAccounts') {
      if (scenario.denyListAccounts)
        return json(400, {
          __type: 'AccessDeniedException',
          Message: "You don't have permissions to access this resource.",
        });
      const start = Number(params.NextToken ?? 0);
      const page = listed.slice(start, start + 20);
      const next = start + 20 < listed.length ? String(start + 20) : undefined;
      return json(200, {
        Accounts: page.map((id) => {
          const status = suspended.includes(id) ? 'SUSPENDED' : 'ACTIVE';
          return {
            Id: id,
            Arn: `arn:aws:organizations::100000000000:account/o-example/${id}`,
            Name: `account-${id}`,
            Email: `aws+${id}@example.com`,
            Status: status,
            State: status,
            JoinedMethod: 'CREATED',
            JoinedTimestamp: 1_700_000_000,
          };
        }),
        ...(next ? { NextToken: next } : {}),
      });
    }
    if (action === 'ListResources') {
      // REST-JSON: the body the SDK sent; the answer as Resource Explorer shapes it.
      const input = params as unknown as { ViewArn?: string; Filters?: { FilterString?: string }; NextToken?: string };
      stats.listResources.push({ viewArn: input.ViewArn ?? '', filter: input.Filters?.FilterString ?? '' });
      indexed ??= active.flatMap((account) =>
        scenario.regions.flatMap((r) =>
          scenarioImages(scenario, account, r)
            .filter((image) => !scenario.unindexed?.includes(image.id))
            .map((image) => ({
              Arn: `arn:aws:ec2:${r}:${account}:image/${image.id}`,
              OwningAccountId: account,
              Region: r,
              ResourceType: 'ec2:image',
              Service: 'ec2',
              LastReportedAt: '2023-11-14T22:13:20.000Z', // REST-JSON: RFC 3339 (the real SDK refuses a number)
              Properties: [],
            })),
        ),
      );
      const all = indexed;
      const size = scenario.viewPageSize ?? 50;
      const start = Number(input.NextToken ?? 0);
      const next = start + size < all.length ? String(start + size) : undefined;
      return {
        status: 200,
        type: 'application/json',
        body: JSON.stringify({
          Resources: all.slice(start, start + size),
          ViewArn: input.ViewArn,
          ...(next ? { NextToken: next } : {}),
        }),
      };
    }
    if (action === 'AssumeRole') {
      stats.assumed.push(account ?? '');
      if (!account || !active.includes(account) || scenario.deny?.includes(account))
        return stsError(403, 'AccessDenied', `User is not authorized to perform: sts:AssumeRole on ${params.RoleArn}`);
      return xml(200, assumeRoleXml(account));
    }
    if (!account || !active.includes(account))
      return ec2Error(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
    if (action === 'DescribeRegions') return xml(200, describeRegionsXml(scenario.regions));
    if (action === 'DescribeImages') {
      if (!region || !scenario.regions.includes(region)) return ec2Error(401, 'AuthFailure', 'unknown region');
      if (at(scenario.disabled, account, region))
        return ec2Error(401, 'OptInRequired', `You are not subscribed to this service in ${region}.`);
      if (at(scenario.stall, account, region)) return 'hang';
      const wanted = imageIdFilter(params);
      const images = scenarioImages(scenario, account, region).filter((i) => !wanted || wanted.includes(i.id));
      const start = Number(params.NextToken ?? 0);
      const size = Number(params.MaxResults ?? 1000);
      const next = start + size < images.length ? String(start + size) : undefined;
      return xml(200, describeImagesXml(images.slice(start, start + size), next));
    }
    return ec2Error(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  }

  const { url, close } = await listenLocal(server);
  return { url, stats, close };
}

/** The values of an image-id filter (Filter.N.Name=image-id, Filter.N.Value.M), if the call has one. */
function imageIdFilter(params: Record<string, string>): string[] | undefined {
  const n = Object.entries(params).find(([k, v]) => /^Filter\.\d+\.Name$/.test(k) && v === 'image-id')?.[0];
  if (!n) return undefined;
  const prefix = `${n.slice(0, -'Name'.length)}Value.`;
  return Object.entries(params)
    .filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => v);
}

function parse(req: IncomingMessage, body: string): OrgRequest {
  if (req.url === '/ListResources') {
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
    return {
      service: 'resource-explorer-2',
      action: 'ListResources',
      ...(scope ? { region: scope[1] } : {}),
      params: body ? (JSON.parse(body) as Record<string, string>) : {},
    };
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target.startsWith('AWSOrganizationsV20161128.')) {
    const input = body ? (JSON.parse(body) as Record<string, string>) : {};
    return { service: 'organizations', action: target.split('.')[1]!, params: input };
  }
  const params = Object.fromEntries(new URLSearchParams(body));
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  if (params.Action === 'AssumeRole')
    return {
      service: 'sts',
      action: 'AssumeRole',
      account: /::(\d{12}):role\//.exec(params.RoleArn ?? '')?.[1],
      params,
    };
  const key = scope?.[1] ?? '';
  return {
    service: 'ec2',
    action: params.Action ?? '',
    ...(key.startsWith('ASIA') ? { account: key.slice(4) } : {}),
    ...(scope ? { region: scope[2] } : {}),
    params,
  };
}

const json = (status: number, value: unknown): Answer => ({
  status,
  body: JSON.stringify(value),
  type: 'application/x-amz-json-1.1',
});
const xml = (status: number, body: string): Answer => ({ status, body, type: 'text/xml;charset=UTF-8' });

function throttle(request: OrgRequest): Answer {
  if (request.service === 'resource-explorer-2')
    return {
      status: 429,
      type: 'application/json',
      body: JSON.stringify({ message: 'Rate exceeded' }),
    };
  if (request.service === 'organizations')
    return json(400, { __type: 'ThrottlingException', Message: 'Rate exceeded' });
  if (request.service === 'sts') return stsError(400, 'Throttling', 'Rate exceeded');
  return ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.');
}

const ec2Error = (status: number, code: string, message: string): Answer =>
  xml(
    status,
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`,
  );

const stsError = (status: number, code: string, message: string): Answer =>
  xml(
    status,
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>c6104cbe-af31-11e0-8154-example</RequestId></ErrorResponse>`,
  );

function assumeRoleXml(account: string): string {
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/ami-wizard-audit/ami-wizard-audit</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:ami-wizard-audit</AssumedRoleId></AssumedRoleUser>
    <Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>local-test-secret-${account}</SecretAccessKey><SessionToken>local-test-token-${account}</SessionToken><Expiration>${expires}</Expiration></Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

function describeRegionsXml(regions: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <regionInfo>${regions.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('')}</regionInfo>
</DescribeRegionsResponse>`;
}

function send(res: ServerResponse, answer: Answer): void {
  if (answer === 'hang' || res.destroyed) return; // never answers; close() ends the socket
  res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
