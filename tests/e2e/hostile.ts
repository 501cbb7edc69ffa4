// Servers that answer as a hostile or broken API would, for the trust tests: the simulator
// cannot send links to other origins, redirects or echoed secrets, so these do.
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html',
};

/** What one request looked like when it arrived. */
export type Seen = { method: string; url: string; authorization?: string; origin?: string };

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen[]) => void;

export class Server {
  seen: Seen[] = [];
  constructor(private server: http.Server, public origin: string) {}
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** A server on a free loopback port that records every request (preflights too). */
export async function serve(handler: Handler): Promise<Server> {
  let box: Server | undefined;
  const server = http.createServer((req, res) => {
    box!.seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      origin: req.headers.origin,
    });
    handler(req, res, box!.seen);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  box = new Server(server, `http://127.0.0.1:${port}`);
  return box;
}

/** A host portal page with no Content-Security-Policy, as many run, embedding the console
 *  with `attributes` on its mount element; `extra` goes into the body before it. */
export function hostPage(attributes: string, extra = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host portal</title>
<link rel="stylesheet" href="/console/console.css"></head>
<body><h1>Host portal</h1>${extra}<div data-snapshot-console ${attributes}></div>
<script type="module" src="/console/embed.js"></script></body></html>`;
}

/** Serves the built console under /console/, `pages` at their paths, and hands requests
 *  under /api/ to `api` (the browser's own, such as /favicon.ico, get a 404). */
export function site(pages: Record<string, string>, api: Handler): Handler {
  return (req, res, seen) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (pages[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(pages[url.pathname]);
    } else if (url.pathname.startsWith('/console/')) {
      const file = path.join(DIST, path.normalize(url.pathname.slice('/console/'.length)));
      if (!file.startsWith(DIST) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    } else if (url.pathname.startsWith('/api/')) {
      api(req, res, seen);
    } else {
      res.writeHead(404).end();
    }
  };
}

/** A JSON answer, with CORS open to any origin (as a careless API or an attacker's host
 *  would answer), so that only the console itself can stop a request. */
export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...openCors() }).end(JSON.stringify(body));
}

export function openCors(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, accept, idempotency-key',
    'access-control-allow-methods': 'GET, POST, DELETE',
  };
}

/** An attacker's host: answers preflights and requests as if it were the API. */
export function evilApi(): Handler {
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, openCors()).end();
      return;
    }
    json(res, 200, { count: 1, next: null, results: [snapshot(666, 'stolen')] });
  };
}

export function snapshot(id: number, name: string) {
  return {
    id, name, server: { id: 1, name: 'web-1' }, status: 'completed', size_mb: 10,
    created_at: '2025-01-15T18:30:00Z', description: '',
  };
}
