import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, PlatformRole, requirePlatformStaff } from '@lienket/auth';
import { DomainError, ErrorCode, isUuid, notFound, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { CONTRACT_COLUMNS, ContractRow } from './contract-read.service';
import { lockContract } from './contract.service';
import { ContractEvents } from './contract-events';
import { updated } from '../shared/sql';
import { ContractStatus, DisputeOutcome } from './contract.type';
import { disputeSchema, resolutionSchema, statementSchema } from './dto/contract.schema';

/**
 * Disputes (decision 116): either party freezes an ACTIVE or DELIVERING contract with a reason, the
 * other side adds its statement once, a platform ADMIN resolves it back to the status before the
 * dispute or to CANCELLED. `procurement.disputes` is the record of who said what and when; both
 * parties are told of the opening and the resolution through the outbox.
 */
@Injectable()
export class DisputeService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly events: ContractEvents,
  ) {}

  async open(user: AuthUser, contractId: string, raw: unknown): Promise<ContractRow> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'either');
      const { reason } = validateInput(disputeSchema, raw);
      if (c.status !== ContractStatus.ACTIVE && c.status !== ContractStatus.DELIVERING) throw new DomainError(ErrorCode.CONFLICT, 'disputeNotAllowed');
      const openedBy = c.side === 'buyer' ? c.buyer_org_id : c.supplier_org_id;
      const other = c.side === 'buyer' ? c.supplier_org_id : c.buyer_org_id;
      const [d] = await em.query<{ id: string }[]>(
        `INSERT INTO procurement.disputes (contract_id, opened_by_org_id, opened_by, reason, status_before, opened_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [c.id, openedBy, user.id, reason, c.status, clock.now()],
      );
      const [done] = await updated<ContractRow>(em, `UPDATE procurement.contracts c SET status = 'DISPUTED' WHERE c.id = $1 RETURNING ${CONTRACT_COLUMNS}`, [c.id]);
      await this.events.tell(em, 'dispute.opened', this.events.to(c, other, `dispute:${d.id}:opened`), { reason });
      return done;
    });
  }

  /** The side that did not open the dispute gives its statement, once, while it is open. */
  async statement(user: AuthUser, contractId: string, raw: unknown): Promise<ContractRow> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'either');
      const { text } = validateInput(statementSchema, raw);
      const orgId = c.side === 'buyer' ? c.buyer_org_id : c.supplier_org_id;
      const [d] = await em.query<{ opened_by_org_id: string; statement: string | null }[]>(
        `SELECT opened_by_org_id, statement FROM procurement.disputes WHERE contract_id = $1 AND resolved_at IS NULL`,
        [c.id],
      );
      if (!d) throw new DomainError(ErrorCode.CONFLICT, 'disputeNotOpen');
      if (d.opened_by_org_id === orgId || d.statement !== null) throw new DomainError(ErrorCode.CONFLICT, 'disputeStatementGiven');
      await em.query(
        `UPDATE procurement.disputes SET statement = $2, statement_by = $3, statement_at = $4 WHERE contract_id = $1 AND resolved_at IS NULL`,
        [c.id, text, user.id, clock.now()],
      );
      return c;
    });
  }

  /** A platform ADMIN ends the dispute: back to where the contract was, or cancelled. */
  async resolve(user: AuthUser, contractId: string, raw: unknown): Promise<ContractRow> {
    requirePlatformStaff(user, [PlatformRole.ADMIN]);
    return this.ds.transaction(async (em) => {
      const [c] = isUuid(contractId) ? await em.query<ContractRow[]>(`SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c WHERE c.id = $1 FOR UPDATE`, [contractId]) : [];
      if (!c) throw notFound('contract');
      const input = validateInput(resolutionSchema, raw);
      const [d] = await updated<{ id: string; status_before: ContractStatus }>(em, `UPDATE procurement.disputes SET resolution = $2, outcome = $3, resolved_by = $4, resolved_at = $5
          WHERE contract_id = $1 AND resolved_at IS NULL RETURNING id, status_before`,
        [c.id, input.resolution, input.outcome, user.id, clock.now()],
      );
      if (!d || c.status !== ContractStatus.DISPUTED) throw new DomainError(ErrorCode.CONFLICT, 'disputeNotOpen');
      const status = input.outcome === DisputeOutcome.CANCEL ? ContractStatus.CANCELLED : d.status_before;
      const [done] = await updated<ContractRow>(em, `UPDATE procurement.contracts c SET status = $2 WHERE c.id = $1 RETURNING ${CONTRACT_COLUMNS}`, [c.id, status]);
      for (const org of [c.buyer_org_id, c.supplier_org_id]) {
        await this.events.tell(em, 'dispute.resolved', this.events.to(c, org, `dispute:${d.id}:resolved`), { outcome: input.outcome, resolution: input.resolution });
      }
      return done;
    });
  }
}
