import { Module } from '@nestjs/common';
import { AccountsModule } from '@lienket/accounts';
import { ProductsModule } from '@lienket/products';
import { ModerationQueueService } from './queue/moderation-queue.service';
import { AuditLogService } from './audit/audit-log.service';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { OrganizationVerificationService } from './queue/organization-verification.service';
import { ReportService } from './reports/report.service';
import { ProcurementNeedsClient } from './queue/procurement-needs.client';
import { OrganizationEvidenceResolver, VerificationDeskResolver } from './desk/desk.resolver';
import { VerificationDeskService } from './desk/desk.service';

/** Verification of organizations, moderation of listings and (through procurement) needs, reports and the audit log. */
@Module({
  imports: [AccountsModule, ProductsModule],
  providers: [ModerationQueueService, OrganizationVerificationService, AuditLogService, ReportService, ModerationService, ModerationResolver, VerificationDeskService, VerificationDeskResolver, OrganizationEvidenceResolver, ProcurementNeedsClient],
})
export class ModerationModule {}
