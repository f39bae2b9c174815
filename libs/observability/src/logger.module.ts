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
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      quietReqLogger: true,
    },
  });
}
