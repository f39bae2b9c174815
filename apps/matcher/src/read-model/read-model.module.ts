import { Module } from '@nestjs/common';
import { MatchRunner } from './match-runner';
import { ListingChangedHandler, NeedOpenedHandler, SupplierChangedHandler } from './read-model.handlers';

/** The matcher's read model and its ranking of each opened need (issue 11, decision 141). */
@Module({ providers: [MatchRunner, SupplierChangedHandler, ListingChangedHandler, NeedOpenedHandler] })
export class ReadModelModule {}
