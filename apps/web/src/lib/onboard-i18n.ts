import i18n from './i18n';
import en from '../i18n/onboard.en.json';
import vi from '../i18n/onboard.vi.json';

/**
 * The texts of getting started (the account page's checklist, the buyer's and the unverified
 * cooperative's notices, re-sending and revoking invitations), as their own namespace.
 */
export const ONBOARD_NS = 'onboard';

if (!i18n.hasResourceBundle('vi', ONBOARD_NS)) {
  i18n.addResourceBundle('vi', ONBOARD_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', ONBOARD_NS, en satisfies typeof vi);
}
