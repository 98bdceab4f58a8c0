// A local stand-in for the EC2 endpoint that speaks the Query protocol the real SDK uses: POST / with a
// form-encoded body (Action=DescribeImages&Version=2016-11-15&Owner.1=self&Filter.1.Name=...), XML
// answers, errors as <Response><Errors><Error><Code>. Binds 127.0.0.1 on a random port only.
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Ec2Request {
  action: string;
  params: Record<string, string>;
  /** Owner.N values in order. */
  owners: string[];
  /** Filter.N.Name -> its Filter.N.Value.M values. */
  filters: Record<string, string[]>;
  authorization: string;
}

/**
 * What the server does with the n-th request (0-based): an answer (after `delayMs`, with extra headers
 * such as a redirect's Location), 'hang' (never answers), or 'trickle' (a 200 whose XML body arrives
 * one byte a second, forever: the socket is never idle long enough for an inactivity timeout).
 */
export type Reply =
  | { status: number; body: string; headers?: Record<string, string>; delayMs?: number }
  | 'hang'
  | 'trickle';
export type Handler = (request: Ec2Request, index: number) => Reply;

export interface FakeEc2 {
  url: string;
  port: number;
  requests: Ec2Request[];
  close(): Promise<void>;
}

export async function startFakeEc2(handler: Handler): Promise<FakeEc2> {
  const requests: Ec2Request[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 1_000_000) req.destroy(); // a request this size is a bug in the test
    });
    req.on('end', () => {
      const request = parseRequest(body, String(req.headers.authorization ?? ''));
      requests.push(request);
      const reply = handler(request, requests.length - 1);
      if (reply === 'hang') return; // never answers; close() ends the socket
      if (reply === 'trickle') return trickle(res);
      if (reply.delayMs) setTimeout(() => send(res, reply), reply.delayMs);
      else send(res, reply);
    });
  });
  const { url, port, close } = await listenLocal(server);
  return {
    url,
    port,
    requests,
    close,
  };
}

/** Runs `run` against a fake EC2 endpoint answering with `handler`, and closes it afterwards. */
export async function withFakeEc2<T>(handler: Handler, run: (ec2: FakeEc2) => Promise<T>): Promise<T> {
  const ec2 = await startFakeEc2(handler);
  try {
    return await run(ec2);
  } finally {
    await ec2.close();
  }
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const { port, close } = await listenLocal(createServer());
  await close();
  return port;
}

function send(
  res: ServerResponse,
  { status, body, headers }: { status: number; body: string; headers?: Record<string, string> },
) {
  if (res.destroyed) return; // the client gave up while a delayed answer waited
  res.writeHead(status, {
    'content-type': 'text/xml;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function trickle(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
  res.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">',
  );
  const timer = setInterval(() => res.write(' '), 1_000);
  res.on('close', () => clearInterval(timer));
}

function parseRequest(body: string, authorization = ''): Ec2Request {
  const params = Object.fromEntries(new URLSearchParams(body));
  const indexed = (prefix: string) =>
    Object.keys(params)
      .map((k) => new RegExp(`^${prefix}\\.(\\d+)$`).exec(k))
      .filter((m): m is RegExpExecArray => !!m)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => params[m[0]]!);
  const filters: Record<string, string[]> = {};
  for (const [key, name] of Object.entries(params)) {
    const m = /^Filter\.(\d+)\.Name$/.exec(key);
    if (m) filters[name] = indexed(`Filter\\.${m[1]}\\.Value`);
  }
  return { action: params.Action ?? '', params, owners: indexed('Owner'), filters, authorization };
}

export const ok = (body: string): Reply => ({ status: 200, body });
export const fail = (status: number, code: string, message: string): Reply => ({
  status,
  body: errorXml(code, message),
});
/** A 200 with any body and content type: what a captive portal or a wrong endpoint sends. */
export const other = (body: string, contentType = 'text/html; charset=utf-8'): Reply => ({
  status: 200,
  body,
  headers: { 'content-type': contentType },
});
export const redirect = (status: number, location: string): Reply => ({
  status,
  body: '',
  headers: { location, 'content-type': 'text/html' },
});

/** The documented EC2 error shape (ec2-xml/error.xml). */
function errorXml(code: string, message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Listens on a free port of 127.0.0.1; close() ends every open connection (a hanging answer too)
 * before the server closes. Shared by the local fakes of AWS (this file, org-server.ts).
 */
export async function listenLocal(server: Server): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
