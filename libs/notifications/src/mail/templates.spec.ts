import { expiryMail } from '../certification-expiry/certification-expiry.templates';
import { listingDecided, memberInvited, needDecided, passwordReset, plainText, registrationReceived, verificationDecided } from './templates';
import type { Mail } from './mailer.service';

// linkify-it is what markdown-it and mailparser (textAsHtml) use to find links in text: an
// independent judge of "would a client make this clickable". Untyped, hence the small interface.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const linkify = (require('linkify-it') as () => { set(o: object): unknown; match(s: string): { url: string }[] | null })();
linkify.set({ fuzzyIP: true, fuzzyEmail: true, fuzzyLink: true });

const HOSTILE = [
  'evil.com',
  'http://x',
  'HTTPS://EVIL.COM/login?next=/',
  'www.evil.com',
  'ceo@evil.com',
  '//evil.com/path',
  'evil。com',
  'evil．com',
  'javascript:alert(1)',
  'mailto:ceo@evil.com',
  'ftp://files.evil.com',
  '10.0.0.1',
  'xn--80ak6aa92e.com',
  'Công ty điện-tử.vn',
  '<a href="http://evil.com">Bấm vào đây</a>',
];
const PUBLIC_URL = 'https://lienket.example.vn';
const visible = (s: string) => s.replace(/\u200d/g, '');
const linksIn = (s: string) => (linkify.match(s) ?? []).map((m) => m.url);

/** Every e-mail the platform writes, with `name` in each place a person's text can go. */
function everyMail(name: string): Mail[] {
  const recipient = { userId: 'u1', email: 'owner@coop.vn', name, locale: 'VI' as const };
  return [
    registrationReceived({ organizationId: 'o1', organizationName: name, kind: 'COOPERATIVE', ownerUserId: 'u1', ownerEmail: 'owner@coop.vn', ownerName: name, locale: 'VI' }, PUBLIC_URL),
    verificationDecided({ organizationId: 'o1', organizationName: name, outcome: 'REJECTED', reason: name, decisionId: '1', recipients: [recipient] }, { ...recipient, locale: 'EN' }, PUBLIC_URL),
    memberInvited({ invitationId: 'i1', nonce: 'n', email: 'new@coop.vn', role: 'MEMBER', organizationName: name, inviterName: name, locale: 'EN' }, 'i1.tok', PUBLIC_URL),
    passwordReset({ resetId: 'r1', nonce: 'n', email: 'owner@coop.vn', name, locale: 'VI' }, 'r1.tok', PUBLIC_URL),
    listingDecided({ productId: 'p1', productName: name, organizationId: 'o1', outcome: 'REJECTED', reason: name, decisionId: '2', recipients: [recipient] }, recipient, PUBLIC_URL),
    needDecided({ needId: 'n1', needTitle: name, organizationId: 'o1', outcome: 'REJECTED', reason: name, decisionId: '3', recipients: [recipient] }, recipient, PUBLIC_URL),
    expiryMail({ productId: 'p1', productName: name, kind: 'VietGAP', issuer: name, validUntil: '2026-12-31', daysLeft: 3 }, recipient, PUBLIC_URL),
  ];
}

describe('e-mail text', () => {
  it.each(HOSTILE)('never turns %j into a link, yet shows it exactly as written', (name) => {
    for (const mail of everyMail(name)) {
      const own = linksIn(mail.text).filter((u) => !u.startsWith(PUBLIC_URL));
      expect([mail.subject, own]).toEqual([mail.subject, []]);
      expect(linksIn(mail.subject)).toEqual([]);
      expect(visible(mail.text)).toContain(name);
      // The HTML part: escaped markup, and the only anchors are our own links.
      const anchors = [...mail.html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
      expect(anchors.every((href) => href.startsWith(PUBLIC_URL))).toBe(true);
      const htmlText = mail.html.replace(/<a\b[^>]*>.*?<\/a>/g, '').replace(/<[^>]+>/g, ' ');
      expect(linksIn(htmlText.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, ' '))).toEqual([]);
    }
  });

  it('keeps our own links whole and clickable', () => {
    const [reset] = everyMail('evil.com').slice(3);
    expect(linksIn(reset.text)).toEqual([`${PUBLIC_URL}/dat-lai-mat-khau?token=r1.tok`]);
    expect(reset.html).toContain(`<a href="${PUBLIC_URL}/dat-lai-mat-khau?token=r1.tok">`);
  });

  it('leaves ordinary Vietnamese text, dates and sentences untouched', () => {
    for (const s of ['HTX Cà phê Ea Tu', 'Hạn 31/12/2026. Trân trọng,', 'Giao 12,5 tấn: lúa', 'Chào anh Hùng.']) {
      expect(plainText(s)).toBe(s);
    }
  });
});
