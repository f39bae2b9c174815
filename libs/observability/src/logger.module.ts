import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig } from '@lienket/config';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Structured JSON logs; every request carries an id that the gateway forwards to the subgraphs. */
export function loggerModule(app: string) {
  const config = loadConfig();
  return LoggerModule.forRoot({
    pinoHttp: {
      name: app,
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      // pino-http binds the request to a child logger on every request, serialized at once even when
      // nothing is logged at this level: the id, method and path only (no headers, so nothing to
      // redact) — measured in bench:gateway, decision 42.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      quietReqLogger: true,
    },
  });
}
