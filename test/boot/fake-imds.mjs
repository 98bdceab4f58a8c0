#!/usr/bin/env node
// A fake EC2 instance metadata service, IMDSv2 only, as the documentation describes it: a token from
// PUT /latest/api/token (TTL 1-21600 s), then GETs carrying it (401 without a valid one). It serves
// the instance id, region, zone, user data and instance tags of the instance described in CONFIG
// (read at every request, so a test switches instances between boots), and logs every request.
// Runs inside the simulation's own network namespace on 169.254.169.254:80.
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [config, log] = process.argv.slice(2);
const tokens = new Set();

createServer((req, res) => {
  const instance = JSON.parse(readFileSync(config, 'utf8'));
  const reply = (status, body = '') => {
    appendFileSync(log, `${JSON.stringify({ method: req.method, path: req.url, status })}\n`);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  };
  if (instance.down) return req.socket.destroy(); // metadata switched off for this boot
  if (req.method === 'PUT' && req.url === '/latest/api/token') {
    const ttl = Number(req.headers['x-aws-ec2-metadata-token-ttl-seconds']);
    if (!(ttl >= 1 && ttl <= 21600)) return reply(400);
    const token = `token-${tokens.size + 1}`;
    tokens.add(token);
    return reply(200, token);
  }
  if (req.method !== 'GET') return reply(405);
  if (!tokens.has(req.headers['x-aws-ec2-metadata-token'])) return reply(401);
  const tags = instance.tags ?? {};
  const paths = {
    '/latest/meta-data/instance-id': instance.instanceId,
    '/latest/meta-data/placement/region': instance.region,
    '/latest/meta-data/placement/availability-zone': `${instance.region}a`,
    '/latest/user-data': instance.userData,
    // Instance tags in metadata: listed only when the option is on, one key a line.
    ...(instance.metadataTags === false ? {} : { '/latest/meta-data/tags/instance': Object.keys(tags).join('\n') }),
    ...Object.fromEntries(
      instance.metadataTags === false
        ? []
        : Object.entries(tags).map(([k, v]) => [`/latest/meta-data/tags/instance/${k}`, v]),
    ),
  };
  const body = paths[req.url];
  return body === undefined ? reply(404) : reply(200, body);
}).listen(80, '169.254.169.254');
