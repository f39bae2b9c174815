import { MatchIndex } from '../match-index';
import { LABELS, need, offer, supplier, tableKm, track } from './fixtures';

const index = () => new MatchIndex({ distanceKm: tableKm, labels: LABELS });
const vietgap = need({
  requiredCertifications: ['VietGAP'],
  deliveryFrom: '2027-03-01',
  deliveryTo: '2027-03-31',
});

describe('near misses', () => {
  it('tells a supplier without a required certificate which one, valid until when, would qualify it', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'org-a' }));
    expect(ix.top(vietgap, 10)).toEqual([]);
    expect(ix.nearMisses(vietgap, 10)).toEqual([
      expect.objectContaining({
        organizationId: 'org-a',
        code: 'CERTIFICATION_MISSING',
        vi: 'Chứng nhận VietGAP còn hạn đến ít nhất 2027-03-31 sẽ giúp bạn đủ điều kiện cho nhu cầu này',
        en: 'A VietGAP certificate valid until at least 2027-03-31 would qualify you for this need',
      }),
    ]);
  });

  it('tells a supplier whose certificate expires before delivery ends to renew it', () => {
    const ix = index();
    ix.upsertOffer(
      offer({
        organizationId: 'org-a',
        certifications: [{ code: 'VietGAP', validUntil: '2027-03-15' }],
      }),
    );
    const [hint] = ix.nearMisses(vietgap, 10);
    expect(hint.code).toBe('CERTIFICATION_EXPIRES');
    expect(hint.vi).toBe(
      'Chứng nhận VietGAP của bạn hết hạn ngày 2027-03-15, trước khi kết thúc giao hàng: gia hạn đến ít nhất 2027-03-31 sẽ giúp bạn đủ điều kiện',
    );
  });

  it('tells a supplier covering part of the quantity to bid partially or join a group', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'org-a', monthlyCapacity: 60_000 }));
    const [hint] = ix.nearMisses(need(), 10);
    expect(hint).toMatchObject({
      organizationId: 'org-a',
      code: 'PARTIAL_CAPACITY',
      coverage: 0.6,
      vi: 'Công suất của bạn đáp ứng 60% số lượng trong thời gian giao: hãy chào giá một phần hoặc tham gia nhóm hợp tác xã',
      en: 'Your capacity covers 60% of the quantity in the delivery window: bid for part of it or join a group',
    });
  });

  it('leaves out who qualifies fully, who is far from it, and who is suspended', () => {
    const ix = index();
    ix.upsertOffer(
      offer({ organizationId: 'full', certifications: [{ code: 'VietGAP', validUntil: null }] }),
    );
    ix.upsertOffer(
      offer({
        organizationId: 'tiny',
        monthlyCapacity: 10_000,
        certifications: [{ code: 'VietGAP', validUntil: null }],
      }),
    );
    ix.upsertOffer(offer({ organizationId: 'two-short', certifications: [] }));
    ix.upsertOffer(offer({ organizationId: 'gone' }));
    ix.upsertSupplier(supplier('gone', { suspended: true }));
    // 'full' also has a listing without the certificate: its qualifying listing spares it a hint.
    ix.upsertOffer(offer({ organizationId: 'full', provinceCode: '66' }));
    const both = need({ requiredCertifications: ['VietGAP', 'OCOP_4'] });
    expect(ix.nearMisses(vietgap, 10).map((h) => h.organizationId)).toEqual(['two-short']);
    expect(ix.nearMisses(both, 10).map((h) => h.organizationId)).toEqual(['full']);
  });

  it('ranks hints by the score they would lead to, one per supplier, and returns at most k', () => {
    const ix = index();
    const good = track({ completedContracts: 30, onTimeRate: 1, fillRate: 1, averageRating: 5 });
    ix.upsertOffer(offer({ organizationId: 'near', provinceCode: '79' }));
    ix.upsertOffer(offer({ organizationId: 'far', provinceCode: '52' }));
    ix.upsertOffer(offer({ organizationId: 'far', provinceCode: '01' }));
    ix.upsertOffer(offer({ organizationId: 'rated', provinceCode: '66' }));
    ix.upsertSupplier(supplier('rated', { track: good }));
    const hints = ix.nearMisses(vietgap, 10);
    expect(hints.map((h) => h.organizationId)).toEqual(['near', 'rated', 'far']);
    expect(hints[0].potentialScore).toBeGreaterThan(hints[1].potentialScore);
    expect(ix.nearMisses(vietgap, 2)).toEqual(hints.slice(0, 2));
  });
});
