/** A loopback HTTP server for retrieval tests, with a log of what it was asked. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Logged {
  method: string;
  url: string;
  authorization?: string;
}

export interface TestServer {
  url: string;
  port: number;
  log: Logged[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const log: Logged[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    log.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    Promise.resolve(handler(req, res, base)).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(
  res: ServerResponse,
  status: number,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, headers);
  res.end(body);
}
