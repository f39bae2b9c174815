import { OrganizationKind, VerificationStatus } from '@lienket/accounts';
import { checklistOf } from './onboarding.service';

const nothing = { profile: false, documents: false, product: false, team: false };

describe('checklistOf', () => {
  it("gives a cooperative documents, profile, first product and verification, in that order", () => {
    const c = checklistOf({ kind: OrganizationKind.COOPERATIVE, verification: VerificationStatus.PENDING_VERIFICATION, ...nothing, product: true, team: true });
    expect(c).toEqual({
      steps: [
        { key: 'DOCUMENTS', done: false },
        { key: 'PROFILE', done: false },
        { key: 'FIRST_PRODUCT', done: true },
        { key: 'VERIFICATION', done: false },
      ],
      doneCount: 1,
      total: 4,
      complete: false,
    });
  });

  it('gives a buyer a colleague instead of a product, and is complete when all four are done', () => {
    const c = checklistOf({ kind: OrganizationKind.ENTERPRISE, verification: VerificationStatus.VERIFIED, profile: true, documents: true, product: false, team: true });
    expect(c.steps.map((s) => s.key)).toEqual(['DOCUMENTS', 'PROFILE', 'TEAM', 'VERIFICATION']);
    expect(c).toMatchObject({ doneCount: 4, total: 4, complete: true });
  });

  it('does not count a suspended or rejected organization as verified', () => {
    for (const verification of [VerificationStatus.SUSPENDED, VerificationStatus.REJECTED]) {
      const c = checklistOf({ kind: OrganizationKind.COOPERATIVE, verification, profile: true, documents: true, product: true, team: false });
      expect(c).toMatchObject({ doneCount: 3, complete: false });
    }
  });
});
