import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, requireOrganization } from '@lienket/auth';
import { badInput, isUuid, notFound, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { CONTRACT_COLUMNS, ContractRow } from './contract-read.service';
import { ContractEvents } from './contract-events';
import { messageSchema } from './dto/contract.schema';

export interface MessageRow {
  id: string;
  sender_org_id: string;
  body: string;
  created_at: Date;
}

/**
 * The parties' thread about a contract (delivery arrangements): any member of either party reads
 * and writes it, in every status (a dispute is when people most need to talk); platform staff
 * read contracts but do not join the thread. Each message is told to the other party.
 */
@Injectable()
export class ContractMessageService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly events: ContractEvents,
  ) {}

  /** Oldest first, `limit` at a time; `after` is the id of the last message of the previous page. */
  async list(user: AuthUser, contractId: string, limit: number, after?: string | null): Promise<MessageRow[]> {
    const orgId = requireOrganization(user);
    if (after && !isUuid(after)) throw badInput('after', 'invalidCursor');
    const [party] = isUuid(contractId)
      ? await this.ds.query<unknown[]>(`SELECT 1 FROM procurement.contracts c WHERE c.id = $1 AND $2 IN (c.buyer_org_id, c.supplier_org_id)`, [contractId, orgId])
      : [];
    if (!party) throw notFound('contract');
    return this.ds.query<MessageRow[]>(
      `SELECT m.id, m.sender_org_id, m.body, m.created_at FROM procurement.contract_messages m
        WHERE m.contract_id = $1
          AND ($3::uuid IS NULL OR (m.created_at, m.id) > (SELECT k.created_at, k.id FROM procurement.contract_messages k WHERE k.id = $3 AND k.contract_id = $1))
        ORDER BY m.created_at, m.id LIMIT $2`,
      [contractId, limit, after ?? null],
    );
  }

  async send(user: AuthUser, contractId: string, raw: unknown): Promise<MessageRow> {
    const orgId = requireOrganization(user);
    return this.ds.transaction(async (em) => {
      // One sender at a time per contract, and the time taken once the row is held: messages commit
      // in the order of their times, so a reader polling for "after the last I have" never misses
      // one that committed late with an earlier time.
      const [c] = isUuid(contractId)
        ? await em.query<ContractRow[]>(
            `SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c WHERE c.id = $1 AND $2 IN (c.buyer_org_id, c.supplier_org_id) FOR NO KEY UPDATE OF c`,
            [contractId, orgId],
          )
        : [];
      if (!c) throw notFound('contract');
      const { body } = validateInput(messageSchema, raw);
      const [m] = await em.query<MessageRow[]>(
        `INSERT INTO procurement.contract_messages (contract_id, sender_org_id, sender_id, body, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, sender_org_id, body, created_at`,
        [c.id, orgId, user.id, body, clock.now()],
      );
      const other = orgId === c.buyer_org_id ? c.supplier_org_id : c.buyer_org_id;
      await this.events.tell(em, 'contract.message', this.events.to(c, other, `message:${m.id}`), { body: body.slice(0, 200) });
      return m;
    });
  }
}
