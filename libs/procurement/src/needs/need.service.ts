import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, requireOrganization } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { plainRead, preparedQuery } from '@lienket/database';
import { badInput, decodeCursor, DomainError, ErrorCode, notFound, unauthenticated, validateInput } from '@lienket/graphql';
import { mayReadNeed } from './need-access';
import { closeDueNeeds, isPastDeadline } from './need-clock';
import { requireNeedManager } from './need-lifecycle.service';
import { clock, findCategory, findProvince, findUnit, todayInVietnam, vietnamDate } from '@lienket/reference-data';
import { needSchema } from './dto/need.schema';
import { audienceSql, checkInvitees } from './need-audience';
import { needFilterSql } from './need-filter';
import { NeedEntity, NeedStatus, PUBLIC_NEED_STATUSES } from './need.entity';
import { NeedFilter } from './need.type';

const TOTAL_CAP = 1000;
/** A cursor's time: ISO 8601 in UTC (older cursors carry milliseconds, new ones microseconds). */
const CURSOR_KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** to_char format of a cursor's time: all six fractional digits PostgreSQL keeps. */
const CURSOR_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

@Injectable()
export class NeedService {
  private readonly logger = new Logger('Needs');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Saves a DRAFT need for the caller's organization; only owners and managers may. */
  async create(user: AuthUser, raw: unknown): Promise<NeedEntity> {
    const buyerOrgId = requireNeedManager(user);
    const { targetUnitPrice, ...fields } = this.validate(raw);
    await checkInvitees(this.ds.manager, buyerOrgId, fields.visibility, fields.invitedSupplierIds);
    return this.ds.getRepository(NeedEntity).save({
      ...fields,
      targetUnitPrice: targetUnitPrice?.amount ?? null,
      currency: 'VND',
      buyerOrgId,
      createdBy: user.id,
      status: NeedStatus.DRAFT,
    });
  }

  /**
   * Rewrites a DRAFT need of the caller's organization with the same rules as create. The row is
   * locked first, so a submit running at the same moment either sees the old draft or waits for this one.
   */
  async update(user: AuthUser, id: string, raw: unknown): Promise<NeedEntity> {
    const buyerOrgId = requireNeedManager(user);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(NeedEntity);
      // Another organization's need reads exactly like one that does not exist.
      const need = UUID.test(id) ? await repo.findOne({ where: { id, buyerOrgId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!need) throw notFound('need');
      // Bidders priced what was posted: past a draft only the deadline and clarifications change
      // (NeedAmendmentService); anything material is a cancellation and a new need.
      if (need.status !== NeedStatus.DRAFT) throw Object.assign(new DomainError(ErrorCode.CONFLICT, 'needNotDraft', { status: need.status }), { reason: 'MATERIAL_CHANGE' });
      const { targetUnitPrice, ...fields } = this.validate(raw);
      await checkInvitees(em, buyerOrgId, fields.visibility, fields.invitedSupplierIds);
      return repo.save(Object.assign(need, fields, { targetUnitPrice: targetUnitPrice?.amount ?? null }));
    });
  }

  /**
   * One need, to whoever may read it (see mayReadNeed, INVITED needs included; a suspended buyer's organization is not
   * public to resolve as the need's buyer either). An OPEN need past its deadline is closed here and
   * now (once: see closeDueNeeds) and read CLOSED.
   */
  async get(user: AuthUser | null, id: string): Promise<NeedEntity> {
    const need = UUID.test(id) ? await this.ds.getRepository(NeedEntity).findOneBy({ id }) : null;
    if (!need || !(await mayReadNeed(this.ds.manager, user, need))) throw notFound('need');
    if (isPastDeadline(need)) {
      await this.ds.transaction((em) => closeDueNeeds(em, clock.now(), need.id));
      return (await this.ds.getRepository(NeedEntity).findOneBy({ id }))!;
    }
    return need;
  }

  /** The input's rules: field shapes, then reference codes and dates against data and the clock. */
  private validate(raw: unknown) {
    const input = validateInput(needSchema, raw);
    if (!findCategory(input.categoryCode)) throw badInput('categoryCode', 'unknownCategory', { value: input.categoryCode });
    if (!findUnit(input.unitCode)) throw badInput('unitCode', 'unknownUnit', { value: input.unitCode });
    if (!findProvince(input.deliveryProvinceCode)) {
      throw badInput('deliveryProvinceCode', 'unknownProvince', { value: input.deliveryProvinceCode });
    }
    // Dates are Vietnamese calendar days: at 00:30 in Hà Nội, yesterday (still "today" in UTC) is past.
    if (input.deliveryFrom < todayInVietnam()) throw badInput('deliveryFrom', 'invalidValue');
    if (input.deliveryFrom > input.deliveryTo) throw badInput('deliveryTo', 'dateOrder');
    const window = this.config.minBidWindowSeconds;
    if (input.bidDeadline.getTime() < clock.now().getTime() + window * 1000) {
      throw badInput('bidDeadline', 'deadlineTooSoon', { minutes: Math.ceil(window / 60) });
    }
    if (vietnamDate(input.bidDeadline) > input.deliveryFrom) throw badInput('bidDeadline', 'deadlineAfterDelivery');
    return input;
  }

  /**
   * Needs newest first, keyset-paginated. `mine` lists the caller's organization's needs in every
   * status; otherwise only public statuses of needs the caller may read (an INVITED need: its buyer,
   * staff and the suppliers it invites). `invited` keeps the needs that invite the caller's
   * organization; `query` and `deliveryMonth` narrow either list (needFilterSql).
   */
  async list(user: AuthUser | null, filter: NeedFilter | null | undefined, limit: number, after?: string | null) {
    const cursor = decodeCursor(after, 2);
    // A forged key must be bad input, not a cast error from the database.
    if (cursor && !(CURSOR_KEY_TIME.test(String(cursor[0])) && !Number.isNaN(Date.parse(String(cursor[0]))) && UUID.test(String(cursor[1])))) throw badInput('after', 'invalidCursor');
    const params: unknown[] = [];
    const $ = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    const now = clock.now();
    if (filter?.mine) {
      if (!user) throw unauthenticated();
      where.push(`n.buyer_org_id = ${$(requireOrganization(user))}`);
    } else {
      where.push(`n.status = ANY(${$(PUBLIC_NEED_STATUSES)}::text[])`);
      // Only needs of buyers verified now (see get): a suspended buyer's needs leave the public list.
      where.push(`EXISTS (SELECT 1 FROM procurement.organizations o WHERE o.id = n.buyer_org_id AND o.verification = 'VERIFIED')`);
      where.push(audienceSql(user, $));
    }
    if (filter?.invited) {
      if (!user) throw unauthenticated();
      where.push(`n.invited_supplier_ids @> ARRAY[${$(requireOrganization(user))}::uuid]`);
    }
    where.push(...needFilterSql(filter, $));
    // Status as of now: an OPEN need past its deadline is CLOSED, whether or not the flip ran yet.
    if (filter?.status === NeedStatus.OPEN) where.push(`n.status = 'OPEN' AND n.bid_deadline > ${$(now)}`);
    else if (filter?.status === NeedStatus.CLOSED) where.push(`(n.status = 'CLOSED' OR (n.status = 'OPEN' AND n.bid_deadline <= ${$(now)}))`);
    else if (filter?.status) where.push(`n.status = ${$(filter.status)}`);
    const { table, columns, entities } = plainRead(this.ds, NeedEntity, 'n');
    const [total] = await preparedQuery<{ n: number }>(
      this.ds,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} n WHERE ${where.join(' AND ')} LIMIT ${TOTAL_CAP}) capped`,
      params,
    );
    if (cursor) where.push(`(n.created_at, n.id) < (${$(cursor[0])}::timestamptz, ${$(cursor[1])}::uuid)`);
    // The cursor carries created_at as PostgreSQL's own microsecond text: a JS Date keeps only
    // milliseconds, and paging from a rounded key skipped rows created in the same millisecond.
    const rows = await preparedQuery<{ cursorAt: string }>(
      this.ds,
      `SELECT ${columns}, to_char(n.created_at AT TIME ZONE 'UTC', ${CURSOR_TIME}) AS "cursorAt"
         FROM ${table} n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT ${$(limit + 1)}`,
      params,
    );
    const due = entities(rows).filter((n) => isPastDeadline(n, now));
    if (due.length) this.closeLater(now);
    return {
      rows: rows.map(({ cursorAt, ...row }) => ({ need: entities([row])[0], key: [cursorAt, (row as { id: string }).id] as [string, string] })),
      total: total?.n ?? 0,
      hasPreviousPage: !!cursor,
    };
  }

  /** A page showed needs past their deadline as CLOSED: make it so, without holding up the page. */
  private closeLater(now: Date) {
    this.ds.transaction((em) => closeDueNeeds(em, now)).catch((e: Error) => this.logger.warn(`closing needs past their deadline: ${e.message}`));
  }
}
