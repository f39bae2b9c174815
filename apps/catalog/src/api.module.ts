import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule } from '@lienket/accounts';
import { ModerationModule } from '@lienket/moderation';
import { buildRequestContext } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { GraphqlExceptionFilter, subgraphOptions } from '@lienket/graphql';
import { ProductsModule } from '@lienket/products';

const config = loadConfig();

/** The catalog subgraph's GraphQL API; the host module supplies database, Redis and config. */
@Module({
  imports: [
    GraphQLModule.forRoot(subgraphOptions((req) => buildRequestContext(req, config.auth.jwtSecret))),
    AccountsModule,
    ModerationModule,
    ProductsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }],
})
export class CatalogApiModule {}
