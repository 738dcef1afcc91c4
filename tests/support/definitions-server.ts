import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server answers one path. */
export interface ServedFile {
  body?: string | Buffer;
  status?: number;
  contentType?: string | null;
  etag?: string;
  lastModified?: string;
  /** Milliseconds to wait before answering (timeouts). */
  delayMs?: number;
  /** Answer with a redirect to this path, or to this absolute URL (another origin). */
  redirectTo?: string;
  /** Send no Content-Length, so the client must count bytes itself. */
  chunked?: boolean;
}

/** A real HTTP server on 127.0.0.1 for definitions sync tests, with a log of what it was asked. */
export interface DefinitionsServer {
  origin: string;
  url(path: string): string;
  serve(path: string, file: ServedFile): void;
  requests: {
    path: string;
    ifNoneMatch: string | undefined;
    ifModifiedSince: string | undefined;
    status: number;
  }[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; the test must close it. */
export async function startDefinitionsServer(): Promise<DefinitionsServer> {
  const files = new Map<string, ServedFile>();
  const requests: DefinitionsServer['requests'] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    // Extension pages fetch cross-origin: answer CORS so tests also cover a host without a granted permission.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    response.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
    const log = (status: number) =>
      requests.push({
        path,
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
        status,
      });
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      log(404);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    if (file.redirectTo) {
      log(302);
      response.writeHead(302, { Location: file.redirectTo }).end();
      return;
    }
    if (file.etag && request.headers['if-none-match'] === file.etag) {
      log(304);
      response.writeHead(304, { ETag: file.etag }).end();
      return;
    }
    const status = file.status ?? 200;
    log(status);
    const headers: Record<string, string> = {};
    if (file.contentType !== null) headers['Content-Type'] = file.contentType ?? 'application/json';
    if (file.etag) headers.ETag = file.etag;
    if (file.lastModified) headers['Last-Modified'] = file.lastModified;
    if (file.chunked) headers['Transfer-Encoding'] = 'chunked';
    response.writeHead(status, headers);
    response.end(file.body ?? '');
  };

  const server: Server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (file?.delayMs && request.method !== 'OPTIONS') {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        if (!response.destroyed) answer(request, response);
      }, file.delayMs);
      pendingTimers.add(timer);
    } else answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    serve: (path, file) => void files.set(path, file),
    requests,
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
