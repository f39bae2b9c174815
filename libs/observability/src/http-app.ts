import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { onlyFromGateway } from '@lienket/auth';
import { loadConfig, TrustProxy } from '@lienket/config';
import { countStatements, SQL_STATEMENTS_HEADER } from '@lienket/database';

export const MAX_BODY = '256kb';

/**
 * JSON body parsing whose failures answer like GraphQL-over-HTTP (400 malformed, 413 too large)
 * instead of reaching Express's default handler, which prints stack traces.
 */
export function jsonBodyParser(limit = MAX_BODY) {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { status?: number; type?: string }) => {
      if (!err) return next();
      const status = err.status === 413 ? 413 : 400;
      const message = status === 413 ? 'Request body is too large' : 'Request body is not valid JSON';
      res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
    });
}

/**
 * Creates an Express-based Nest app with pino logs, bounded bodies and graceful shutdown.
 * `trustProxy` is express's setting (what `req.ip` and `req.secure` believe); none by default.
 */
export async function createHttpApp(
  module: Type<unknown>,
  opts: { beforeBody?: RequestHandler[]; afterBody?: RequestHandler[]; trustProxy?: TrustProxy } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, bufferLogs: true });
  app.set('trust proxy', opts.trustProxy ?? false);
  app.useLogger(app.get(Logger));
  for (const handler of opts.beforeBody ?? []) app.use(handler);
  app.use(jsonBodyParser());
  for (const handler of opts.afterBody ?? []) app.use(handler);
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  return app;
}

/**
 * A subgraph: refuses every call but `/health` that does not carry the gateway's secret, before
 * anything else runs (decision 43). Integration tests serve subgraphs through this too.
 */
export function createSubgraphApp(module: Type<unknown>, gatewaySecret = loadConfig().internal.gatewaySecret): Promise<NestExpressApplication> {
  return createHttpApp(module, { beforeBody: [onlyFromGateway(gatewaySecret)], afterBody: loadConfig().countSqlStatements ? [sqlStatementCounter] : [] });
}

/**
 * SQL_STATEMENT_COUNT: the request runs (from here, its body read) with its own statement count,
 * which its answer carries in a header for the gateway to add up (libs/database sql-count.ts).
 */
function sqlStatementCounter(_req: Request, res: Response, next: NextFunction) {
  countStatements((read) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(read()));
      return writeHead(...args);
    }) as Response['writeHead'];
    next();
  });
}

/** Listens on `host` (loopback unless configured: HOST for the gateway, SUBGRAPH_HOST for the rest). */
export async function listen(app: INestApplication, port: number, name: string, host: string): Promise<void> {
  await app.listen(port, host);
  // Idle keep-alive connections outlive every client's own idle timeout (undici: 4 s, browsers and
  // load balancers: up to 60 s), so a client never sends on a socket the server is closing at that
  // moment ("other side closed"): the client is the one to let an idle connection go.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // With port 0 the OS picks one: log the real one.
  const actual = (app.getHttpServer() as Server).address() as AddressInfo;
  app.get(Logger).log(`${name} listening on http://localhost:${actual.port} (bound to ${actual.address})`);
}
