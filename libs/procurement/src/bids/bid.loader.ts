import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { loader, RequestContext } from '@lienket/auth';
import { plainRead } from '@lienket/database';
import { NeedEntity } from '../needs/need.entity';

/**
 * `Bid.need` for a page of bids, one statement. No visibility filter: a bid reaches a reader only
 * through BidReadService (its own organization, or the buyer after the opening), and both may see
 * the need it was made on, whatever became of it since.
 */
export function needsOfBids(ds: DataSource, ctx: RequestContext): DataLoader<string, NeedEntity | undefined> {
  return loader(ctx, 'needsOfBids', () => new DataLoader<string, NeedEntity | undefined>(async (ids) => {
    const { table, columns, entities } = plainRead(ds, NeedEntity, 'n');
    const needs = entities(await ds.query(`SELECT ${columns} FROM ${table} n WHERE n.id = ANY($1::uuid[])`, [ids]));
    const byId = new Map(needs.map((n) => [n.id, n]));
    return ids.map((id) => byId.get(id));
  }));
}
