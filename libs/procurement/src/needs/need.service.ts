import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, OrganizationRole, requireOrganization } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { badInput, decodeCursor, DomainError, ErrorCode, forbidden, unauthenticated, validateInput } from '@lienket/graphql';
import { findCategory, findProvince, findUnit } from '@lienket/reference-data';
import { needSchema } from './dto/need.schema';
import { NeedEntity, NeedStatus, PUBLIC_NEED_STATUSES } from './need.entity';
import { NeedFilter } from './need.type';

const TOTAL_CAP = 1000;
const today = () => new Date().toISOString().slice(0, 10);

@Injectable()
export class NeedService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Saves a DRAFT need for the caller's organization; only owners and managers may. */
  async create(user: AuthUser, raw: unknown): Promise<NeedEntity> {
    const buyerOrgId = requireOrganization(user);
    if (user.organizationRole === OrganizationRole.MEMBER) throw forbidden();
    // The token carries the verification; a suspension ends every older token at once.
    if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedNeeds');
    const input = validateInput(needSchema, raw);
    if (!findCategory(input.categoryCode)) throw badInput('categoryCode', 'unknownCategory', { value: input.categoryCode });
    if (!findUnit(input.unitCode)) throw badInput('unitCode', 'unknownUnit', { value: input.unitCode });
    if (!findProvince(input.deliveryProvinceCode)) {
      throw badInput('deliveryProvinceCode', 'unknownProvince', { value: input.deliveryProvinceCode });
    }
    if (input.deliveryFrom < today()) throw badInput('deliveryFrom', 'invalidValue');
    if (input.deliveryFrom > input.deliveryTo) throw badInput('deliveryTo', 'dateOrder');
    const window = this.config.minBidWindowSeconds;
    if (input.bidDeadline.getTime() < Date.now() + window * 1000) {
      throw badInput('bidDeadline', 'deadlineTooSoon', { minutes: Math.ceil(window / 60) });
    }
    if (input.bidDeadline.toISOString().slice(0, 10) > input.deliveryFrom) throw badInput('bidDeadline', 'deadlineAfterDelivery');
    const { targetUnitPrice, ...fields } = input;
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
   * Needs newest first, keyset-paginated. `mine` lists the caller's organization's needs in every
   * status; otherwise only public statuses are visible to anyone.
   */
  async list(user: AuthUser | null, filter: NeedFilter | null | undefined, limit: number, after?: string | null) {
    const cursor = decodeCursor(after, 2);
    const qb = this.ds.getRepository(NeedEntity).createQueryBuilder('n');
    if (filter?.mine) {
      if (!user) throw unauthenticated();
      qb.where('n.buyer_org_id = :org', { org: requireOrganization(user) });
      if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    } else {
      const statuses = filter?.status ? PUBLIC_NEED_STATUSES.filter((s) => s === filter.status) : PUBLIC_NEED_STATUSES;
      qb.where('n.status IN (:...statuses)', { statuses: statuses.length ? statuses : ['-'] });
    }
    if (filter?.categoryCode) {
      qb.andWhere('(n.category_code = :cat OR left(n.category_code, 2) = :cat)', { cat: filter.categoryCode });
    }
    if (filter?.provinceCode) qb.andWhere('n.delivery_province_code = :prov', { prov: filter.provinceCode });
    const total = await this.ds
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from(`(${qb.clone().select('1').limit(TOTAL_CAP).getQuery()})`, 'capped')
      .setParameters(qb.getParameters())
      .getRawOne<{ n: number }>();
    if (cursor) qb.andWhere('(n.created_at, n.id) < (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const rows = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit + 1).getMany();
    return { rows, total: total?.n ?? 0, hasPreviousPage: !!cursor };
  }
}
