import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives, for tests that await an e-mail. */
export class SmtpListener {
  readonly received: ReceivedMail[] = [];
  private waiters: { to: string; resolve: (m: ReceivedMail) => void }[] = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(mail);
        this.onMail?.(mail);
        for (const w of this.waiters.filter((w) => mail.to.includes(w.to))) w.resolve(mail);
        this.waiters = this.waiters.filter((w) => !mail.to.includes(w.to));
        callback();
      });
    },
  });

  constructor(private readonly onMail?: (mail: ReceivedMail) => void) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves with the first e-mail (already received or still to come) addressed to `to`. */
  waitFor(to: string): Promise<ReceivedMail> {
    const address = to.toLowerCase();
    const found = this.received.find((m) => m.to.includes(address));
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ to: address, resolve }));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
