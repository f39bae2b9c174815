import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canSeePrivate, OrganizationKind, VerificationStatus } from '@lienket/accounts';
import { Viewer } from '@lienket/auth';
import { Onboarding, OnboardingStepKey } from './onboarding.type';

interface Facts {
  kind: OrganizationKind;
  verification: VerificationStatus;
  profile: boolean;
  documents: boolean;
  product: boolean;
  team: boolean;
}

// A buyer never lists products, so its third step is bringing in a colleague instead.
const STEPS: Record<OrganizationKind, readonly OnboardingStepKey[]> = {
  [OrganizationKind.COOPERATIVE]: [OnboardingStepKey.DOCUMENTS, OnboardingStepKey.PROFILE, OnboardingStepKey.FIRST_PRODUCT, OnboardingStepKey.VERIFICATION],
  [OrganizationKind.ENTERPRISE]: [OnboardingStepKey.DOCUMENTS, OnboardingStepKey.PROFILE, OnboardingStepKey.TEAM, OnboardingStepKey.VERIFICATION],
};

/** Pure: which steps are done, from the facts read in one statement. */
export function checklistOf(f: Facts): Onboarding {
  const done: Record<OnboardingStepKey, boolean> = {
    [OnboardingStepKey.DOCUMENTS]: f.documents,
    [OnboardingStepKey.PROFILE]: f.profile,
    [OnboardingStepKey.FIRST_PRODUCT]: f.product,
    [OnboardingStepKey.TEAM]: f.team,
    [OnboardingStepKey.VERIFICATION]: f.verification === VerificationStatus.VERIFIED,
  };
  const steps = STEPS[f.kind].map((key) => ({ key, done: done[key] }));
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, complete: doneCount === steps.length };
}

/** The getting-started checklist, ticked from the organization's rows, never from what the browser remembers. */
@Injectable()
export class OnboardingService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** For the organization's members and platform staff; null to anyone else. */
  async of(viewer: Viewer, organizationId: string): Promise<Onboarding | null> {
    if (!canSeePrivate(viewer, organizationId)) return null;
    const [f] = await this.ds.query<Facts[]>(
      `SELECT o.kind, o.verification,
         (coalesce(btrim(o.description), '') <> '' AND coalesce(btrim(o.address), '') <> ''
           AND o.ward_code IS NOT NULL AND coalesce(btrim(o.phone), '') <> '') AS profile,
         EXISTS (SELECT 1 FROM catalog.documents d WHERE d.organization_id = o.id) AS documents,
         EXISTS (SELECT 1 FROM catalog.products p WHERE p.organization_id = o.id) AS product,
         ((SELECT count(*) FROM catalog.users u WHERE u.organization_id = o.id) > 1
           OR EXISTS (SELECT 1 FROM catalog.invitations i WHERE i.organization_id = o.id AND i.accepted_at IS NULL AND i.expires_at > now())) AS team
       FROM catalog.organizations o WHERE o.id = $1`,
      [organizationId],
    );
    return f ? checklistOf(f) : null;
  }
}
