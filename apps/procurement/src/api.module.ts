import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProcurementDomainModule } from '@lienket/procurement';
import { GraphqlExceptionFilter } from '@lienket/graphql';
import { subgraphGraphQL } from '@lienket/observability';

/** The procurement subgraph's GraphQL API; the host module supplies database, Redis and config. */
@Module({
  imports: [
    subgraphGraphQL(),
    ProcurementDomainModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }],
})
export class ProcurementApiModule {}
