import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { ServiceSchema } from '@lienket/database';
import { OutboxRelay } from './outbox-relay';

/** A provider that relays one service schema's outbox to BullMQ for as long as the app runs. */
export function outboxRelayHost(schema: ServiceSchema): Type<unknown> {
  @Injectable()
  class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
    readonly relay: OutboxRelay;
    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.relay = new OutboxRelay(schema, config.database.serviceUrls[schema], config.redisUrl, config.queuePrefix);
    }
    onApplicationBootstrap() {
      return this.relay.start();
    }
    onApplicationShutdown() {
      return this.relay.stop();
    }
  }
  return OutboxRelayHost;
}
