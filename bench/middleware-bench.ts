/**
 * What the HTTP middleware of issue 11 costs each request (`npx tsx bench/middleware-bench.ts [rounds]`,
 * default 8,000): six Express apps in this process, each with one route answering a neighbours-sized JSON
 * (20 nodes, 20 relationships, ~3 KB) and none, one or all of the middleware createApp mounts (request-log.ts's
 * pino-http at LOG_LEVEL=warn, security.ts's helmet and cors, the JSON body parsers). Requests one at a time
 * over one keep-alive connection, the apps interleaved request by request; prints p50, p99 and mean (ms)
 * per app. No database: the figure is the middleware's share of a browse request's time.
 */
import http from 'node:http';
import express, { type Express } from 'express';
import { jsonBodiesOnly } from '../server/src/http/error-handler.ts';
import { losslessJsonBody } from '../server/src/http/json-body.ts';
import { createLogger, requestLog } from '../server/src/http/request-log.ts';
import { corsAllowlist, securityHeaders } from '../server/src/http/security.ts';
import { percentile } from './harness.ts';

const ROUNDS = Number(process.argv[2] ?? 8_000);
const WARM_UP = 500;

const answer = {
  nodes: Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, elementId: `4:x:${i}`, labels: ['Person'], properties: { name: 'x'.repeat(20), n: i } })),
  relationships: Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, elementId: `5:x:${i}`, type: 'KNOWS', source: 'n0', target: `n${i}`, properties: { certainty: 'reported' } })),
};

type Part = 'log' | 'helmet' | 'cors' | 'body';
const APPS: Record<string, Part[]> = { bare: [], log: ['log'], helmet: ['helmet'], cors: ['cors'], body: ['body'], all: ['log', 'helmet', 'cors', 'body'] };

/** An app with `parts` mounted as createApp mounts them, and the neighbours route. */
function appWith(parts: readonly Part[]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (parts.includes('log')) app.use(requestLog(createLogger({ level: 'warn', format: 'json' })));
  if (parts.includes('helmet')) app.use(securityHeaders);
  if (parts.includes('cors')) app.use('/api', corsAllowlist([]));
  if (parts.includes('body')) {
    app.use('/api', jsonBodiesOnly);
    app.use(losslessJsonBody('1mb'));
  }
  const router = express.Router();
  router.get('/nodes/:id/neighbors', (_req, res) => {
    res.json(answer);
  });
  app.use('/api', router);
  return app;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, host: '127.0.0.1', path: '/api/nodes/n0/neighbors?limit=25', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
}

const ports: Record<string, number> = {};
const servers: http.Server[] = [];
for (const [name, parts] of Object.entries(APPS)) {
  const server = http.createServer(appWith(parts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  ports[name] = (server.address() as { port: number }).port;
}
const times: Record<string, number[]> = Object.fromEntries(Object.keys(APPS).map((name) => [name, []]));
for (let round = 0; round < WARM_UP + ROUNDS; round++) {
  for (const name of Object.keys(APPS)) {
    const started = performance.now();
    await get(ports[name] as number);
    if (round >= WARM_UP) times[name]?.push(performance.now() - started);
  }
}
for (const [name, samples] of Object.entries(times)) {
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  console.log(`${name.padEnd(7)} p50 ${percentile(samples, 50).toFixed(3)} ms  p99 ${percentile(samples, 99).toFixed(3)} ms  mean ${mean.toFixed(3)} ms`);
}
agent.destroy();
for (const server of servers) server.close();
