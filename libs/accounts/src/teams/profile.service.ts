import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { badInput, notFound, optionalText, validateInput } from '@lienket/graphql';
import { currentYearInVietnam, findWard } from '@lienket/reference-data';
import { OrganizationEntity } from '../organizations/organization.entity';
import { refuseIfSuspended } from '../organizations/suspension';

/** From 1900 to this year in Vietnam, the year read at each validation (a schema is built once, at start-up). */
const foundedYear = z
  .number()
  .int()
  .min(1900, { message: 'outOfRange' })
  .check((ctx) => {
    const year = currentYearInVietnam();
    if (ctx.value > year) ctx.issues.push({ code: 'too_big', origin: 'number', maximum: year, inclusive: true, input: ctx.value, message: 'outOfRange' });
  });

export const profileSchema = z.object({
  description: optionalText(2000),
  address: optionalText(300),
  wardCode: z.string().trim().regex(/^\d{5}$/, { message: 'invalidValue' }).nullish().transform((v) => v ?? null),
  phone: z.string().trim().regex(/^\+?[0-9 ().-]{8,20}$/, { message: 'invalidValue' }).nullish().transform((v) => v ?? null),
  memberCount: z.number().int().min(1, { message: 'outOfRange' }).max(1_000_000, { message: 'outOfRange' }).nullish().transform((v) => v ?? null),
  foundedYear: foundedYear.nullish().transform((v) => v ?? null),
});

/** Owners and managers keep their organization's profile; members read it. */
@Injectable()
export class ProfileService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async update(user: AuthUser, raw: unknown): Promise<OrganizationEntity> {
    const organizationId = requireOrganizationManager(user);
    const input = validateInput(profileSchema, raw);
    return inTransaction(this.ds, async (m) => {
      const repo = m.getRepository(OrganizationEntity);
      const org = await repo.findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound();
      refuseIfSuspended(org.verification, 'organizationSuspendedProfile');
      if (input.wardCode && findWard(input.wardCode)?.provinceCode !== org.provinceCode) {
        throw badInput('wardCode', 'unknownWard', { value: input.wardCode });
      }
      const before = pick(org);
      Object.assign(org, input);
      await repo.save(org);
      await recordAudit(m, { actorId: user.id, action: 'organization.profile_updated', subject: 'ORGANIZATION', subjectId: org.id, before, after: pick(org) });
      return org;
    });
  }
}

const pick = (o: OrganizationEntity) => ({
  description: o.description,
  address: o.address,
  wardCode: o.wardCode,
  phone: o.phone,
  memberCount: o.memberCount,
  foundedYear: o.foundedYear,
});
