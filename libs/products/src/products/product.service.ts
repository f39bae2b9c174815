import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { canSeePrivate, OrganizationKind, OrganizationService, VerificationStatus } from '@lienket/accounts';
import { recordAudit } from '@lienket/audit';
import { AuthUser, RequestContext, requireOrganizationManager } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { badInput, DomainError, ErrorCode, isUuid, MessageKey, notFound } from '@lienket/graphql';
import { writeOutbox } from '@lienket/queue';
import { writeListingChanged } from './listing-changed';
import { todayInVietnam } from '@lienket/reference-data';
import { ListingStatus, ProductEntity, ProductVersion } from './product.entity';
import { ProductSearchRepository, SearchHit } from './product-search.repository';
import { rankCursor, timeCursor } from './product.keyset';
import { isPublicListing, isPublishedListing, publicListingSql } from './public-listing';
import {
  parseProductInput,
  parseSearchInput,
  sameVersion,
  SearchFilterInput,
  snapshotOf,
  versionOf,
} from './product.rules';

export const LIST_TOTAL_CAP = 1000;
const MAX_REASON = 2000;

export type ModerationDecision = 'APPROVE' | 'REJECT';

export interface ProductPage {
  rows: ProductEntity[];
  hasPreviousPage: boolean;
  total?: number;
}

/** The keyset of the moderation queue: oldest submission first. */
export const pendingReviewCursorKey = (p: ProductEntity) => [p.submittedAt!.toISOString(), p.id];

export const listingConflict = (key: MessageKey) => new DomainError(ErrorCode.CONFLICT, key);
const stateOf = (e: ProductEntity) => ({ status: e.status, ...versionOf(e) });
const toColumns = (v: ProductVersion) => ({ ...v, currency: 'VND' });

/**
 * Product listings: the lifecycle (DRAFT → PENDING_REVIEW → APPROVED | REJECTED, APPROVED →
 * ARCHIVED), who may do what, and what each caller may see. Every change is one transaction with
 * its audit entry.
 */
@Injectable()
export class ProductService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly organizations: OrganizationService,
    private readonly searchRepository: ProductSearchRepository,
  ) {}

  /** Saves a DRAFT for the caller's organization, verified or not: drafts are private. */
  async create(user: AuthUser, raw: unknown): Promise<ProductEntity> {
    const organizationId = requireEditor(user);
    const version = parseProductInput(raw);
    return inTransaction(this.ds, async (m) => {
      await requireSupplier(m, organizationId);
      const repo = m.getRepository(ProductEntity);
      const saved = await repo.save(
        repo.create({
          ...toColumns(version),
          organizationId,
          status: ListingStatus.DRAFT,
          moderationNote: null,
          approved: null,
          submittedAt: null,
        }),
      );
      await audit(m, user.id, 'product.created', saved, null, stateOf(saved));
      return saved;
    });
  }

  /**
   * Replaces the listing's content. A material edit of an APPROVED listing is submitted for review
   * again, while its approved snapshot stays what the public sees; an edit that changes nothing
   * writes nothing.
   */
  async update(user: AuthUser, id: string, raw: unknown): Promise<ProductEntity> {
    const organizationId = requireEditor(user);
    const version = parseProductInput(raw);
    return inTransaction(this.ds, async (m) => {
      await requireNotSuspended(m, organizationId);
      const p = await lockOwn(m, organizationId, id);
      if (p.status === ListingStatus.ARCHIVED) throw listingConflict('listingArchived');
      if (sameVersion(versionOf(p), version)) return p;
      const before = stateOf(p);
      if (p.status === ListingStatus.APPROVED) {
        await requireVerified(m, organizationId);
        Object.assign(p, { status: ListingStatus.PENDING_REVIEW, submittedAt: new Date() });
      }
      const saved = await m.getRepository(ProductEntity).save(Object.assign(p, toColumns(version)));
      await audit(m, user.id, 'product.updated', saved, before, stateOf(saved));
      return saved;
    });
  }

  /** DRAFT or REJECTED → PENDING_REVIEW; only a VERIFIED organization may publish. */
  async submit(user: AuthUser, id: string): Promise<ProductEntity> {
    const organizationId = requireEditor(user);
    return inTransaction(this.ds, async (m) => {
      const p = await lockOwn(m, organizationId, id);
      if (p.status !== ListingStatus.DRAFT && p.status !== ListingStatus.REJECTED)
        throw listingConflict('listingNotSubmittable');
      await requireVerified(m, organizationId);
      return transition(m, user.id, p, 'product.submitted', {
        status: ListingStatus.PENDING_REVIEW,
        submittedAt: new Date(),
        moderationNote: null,
      });
    });
  }

  /** Takes a public listing off the market (also one whose newer version is still in review). */
  async archive(user: AuthUser, id: string): Promise<ProductEntity> {
    const organizationId = requireEditor(user);
    return inTransaction(this.ds, async (m) => {
      const p = await lockOwn(m, organizationId, id);
      if (!isPublishedListing(p)) throw listingConflict('listingNotArchivable');
      const archived = await transition(m, user.id, p, 'product.archived', { status: ListingStatus.ARCHIVED });
      await writeListingChanged(m, archived, 'ARCHIVED');
      return archived;
    });
  }

  /**
   * A moderator's decision on a listing awaiting review, in the caller's transaction (the moderation
   * module authorizes the actor). The row is locked, so of two moderators deciding at once one wins
   * and the other gets CONFLICT. Approving makes the current version the public one.
   */
  async decide(
    m: EntityManager,
    productId: string,
    decision: ModerationDecision,
    reason: string | null,
    actorId: string,
  ): Promise<ProductEntity> {
    const note = reason?.trim() || null;
    if (decision === 'REJECT' && !note) throw badInput('reason', 'required');
    if (note && note.length > MAX_REASON) throw badInput('reason', 'tooLong', { max: MAX_REASON });
    const p = isUuid(productId)
      ? await m
          .getRepository(ProductEntity)
          .findOne({ where: { id: productId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!p) throw notFound('product');
    if (p.status !== ListingStatus.PENDING_REVIEW) throw listingConflict('listingNotPending');
    const approve = decision === 'APPROVE';
    const changes: Partial<ProductEntity> = approve
      ? { status: ListingStatus.APPROVED, approved: snapshotOf(p, new Date()), moderationNote: null }
      : { status: ListingStatus.REJECTED, moderationNote: note };
    const { saved, auditId } = await audited(m, actorId, p, approve ? 'product.approved' : 'product.rejected', changes, note);
    if (approve) await writeListingChanged(m, saved, 'APPROVED');
    // Told in the same transaction (the outbox): the organization learns of every decision, once.
    await writeOutbox(m, 'catalog', 'product.moderation_decided', {
      productId: saved.id,
      productName: saved.name,
      organizationId: saved.organizationId,
      outcome: approve ? 'APPROVED' : 'REJECTED',
      reason: note,
      decisionId: auditId,
      recipients: await m.query(
        `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users
          WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY email`,
        [saved.organizationId],
      ),
    });
    return saved;
  }

  /** Listings awaiting review, oldest submission first (cursor: `pendingReviewCursorKey`). */
  async listPendingReview(limit: number, afterCursor?: string | null): Promise<ProductPage> {
    const cursor = timeCursor(afterCursor);
    const qb = this.ds
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.status = :status', { status: ListingStatus.PENDING_REVIEW });
    if (cursor) qb.andWhere('(p.submitted_at, p.id) > (:at::timestamptz, :id::uuid)', cursor);
    const rows = await qb
      .orderBy('p.submitted_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return { rows, hasPreviousPage: !!cursor };
  }

  /**
   * Public listings (their approved version) of VERIFIED organizations whose name matches `query`
   * ignoring diacritics, case and a typo per word; by reliability, then latest approval (decision 32).
   */
  async search(
    query: string | null | undefined,
    filter: SearchFilterInput | null | undefined,
    limit: number,
    after?: string | null,
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const terms = parseSearchInput(query, filter);
    return this.searchRepository.search({
      ...terms,
      today: todayInVietnam(),
      limit,
      after: rankCursor(after),
    });
  }

  /** A listing as the caller may see it, or null: another organization's private listing does not exist. */
  async findVisible(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    if (!isUuid(id)) return null;
    const p = await this.ds.getRepository(ProductEntity).findOneBy({ id });
    if (!p) return null;
    if (canSeePrivate(ctx.user, p.organizationId)) return p;
    if (!isPublishedListing(p)) return null;
    const org = await this.organizations.loader(ctx).load(p.organizationId);
    return isPublicListing(p, org?.verification) ? p : null;
  }

  /**
   * An organization's listings, newest first: all of them for its members and platform staff, the
   * public ones of a VERIFIED organization for everyone else.
   */
  async listForOrganization(
    user: AuthUser | null,
    org: { id: string; verification: VerificationStatus },
    limit: number,
    after?: string | null,
  ): Promise<ProductPage> {
    const cursor = timeCursor(after);
    const mine = canSeePrivate(user, org.id);
    if (!mine && org.verification !== VerificationStatus.VERIFIED)
      return { rows: [], hasPreviousPage: !!cursor, total: 0 };
    const qb = this.ds
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.organization_id = :org', { org: org.id });
    if (!mine) qb.andWhere(publicListingSql(':verification'), { verification: org.verification });
    const total = await cappedCount(this.ds, qb);
    if (cursor) qb.andWhere('(p.created_at, p.id) < (:at::timestamptz, :id::uuid)', cursor);
    const rows = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { rows, total, hasPreviousPage: !!cursor };
  }
}

/** Only owners and managers change listings, always their own organization's. */
export const requireEditor = (user: AuthUser): string => requireOrganizationManager(user);

/** Locks the caller's organization's listing; any other listing answers as if it did not exist. */
export async function lockOwn(
  m: EntityManager,
  organizationId: string,
  id: string,
): Promise<ProductEntity> {
  const p = isUuid(id)
    ? await m
        .getRepository(ProductEntity)
        .findOne({ where: { id, organizationId }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!p) throw notFound('product');
  return p;
}

/** FOR SHARE: a suspension cannot commit between this check and the change that relies on it. */
async function organizationOf(m: EntityManager, organizationId: string) {
  const [org] = await m.query<{ verification: VerificationStatus; kind: OrganizationKind }[]>(
    `SELECT verification, kind FROM catalog.organizations WHERE id = $1 FOR SHARE`,
    [organizationId],
  );
  return org;
}
const verificationOf = async (m: EntityManager, organizationId: string) => (await organizationOf(m, organizationId))?.verification;

/**
 * Only cooperatives sell: a buyer (ENTERPRISE) posts needs instead, so it may not start a listing
 * (it has none to edit or submit). A suspended organization may not either.
 */
async function requireSupplier(m: EntityManager, organizationId: string): Promise<void> {
  const org = await organizationOf(m, organizationId);
  if (org?.kind === OrganizationKind.ENTERPRISE) throw new DomainError(ErrorCode.FORBIDDEN, 'buyersDoNotList');
  if (org?.verification === VerificationStatus.SUSPENDED) throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspended');
}

/** A suspended organization's business is blocked: no new or edited listings until reinstated. */
export async function requireNotSuspended(m: EntityManager, organizationId: string): Promise<void> {
  if ((await verificationOf(m, organizationId)) === VerificationStatus.SUSPENDED) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspended');
  }
}

/** Only a VERIFIED organization may publish. */
async function requireVerified(m: EntityManager, organizationId: string): Promise<void> {
  if ((await verificationOf(m, organizationId)) !== VerificationStatus.VERIFIED) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'verificationRequired');
  }
}

async function transition(
  m: EntityManager,
  actorId: string,
  p: ProductEntity,
  action: string,
  changes: Partial<ProductEntity>,
  reason: string | null = null,
) {
  return (await audited(m, actorId, p, action, changes, reason)).saved;
}

/** A status change and its audit entry; answers the entry's id (a moderation decision's identity). */
async function audited(
  m: EntityManager,
  actorId: string,
  p: ProductEntity,
  action: string,
  changes: Partial<ProductEntity>,
  reason: string | null = null,
) {
  const before = { status: p.status };
  const saved = await m.getRepository(ProductEntity).save(Object.assign(p, changes));
  const after = {
    status: saved.status,
    ...(changes.approved ? { approved: changes.approved } : {}),
  };
  const auditId = await audit(m, actorId, action, saved, before, after, reason);
  return { saved, auditId };
}

function audit(
  m: EntityManager,
  actorId: string,
  action: string,
  p: ProductEntity,
  before: unknown,
  after: unknown,
  reason: string | null = null,
) {
  return recordAudit(m, {
    actorId,
    action,
    subject: 'PRODUCT',
    subjectId: p.id,
    before,
    after,
    reason,
  });
}

/** Counts at most LIST_TOTAL_CAP rows: a total never costs a scan of everything. */
async function cappedCount(ds: DataSource, qb: SelectQueryBuilder<ProductEntity>): Promise<number> {
  const row = await ds
    .createQueryBuilder()
    .select('count(*)::int', 'n')
    .from(`(${qb.clone().select('1').limit(LIST_TOTAL_CAP).getQuery()})`, 'capped')
    .setParameters(qb.getParameters())
    .getRawOne<{ n: number }>();
  return row?.n ?? 0;
}
