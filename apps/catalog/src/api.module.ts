import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccountsModule } from '@lienket/accounts';
import { ModerationModule } from '@lienket/moderation';
import { GraphqlExceptionFilter } from '@lienket/graphql';
import { subgraphGraphQL } from '@lienket/observability';
import { ProductsModule } from '@lienket/products';

/** The catalog subgraph's GraphQL API; the host module supplies database, Redis and config. */
@Module({
  imports: [
    subgraphGraphQL(),
    AccountsModule,
    ModerationModule,
    ProductsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }],
})
export class CatalogApiModule {}
