import i18n from './i18n';
import en from '../i18n/needs.en.json';
import vi from '../i18n/needs.vi.json';

/**
 * The procurement needs' texts (wizard, my needs, open needs, the need page), as their own
 * namespace: only those pages import this module, so the landing page does not carry them.
 */
export const NEEDS_NS = 'needs';

if (!i18n.hasResourceBundle('vi', NEEDS_NS)) {
  i18n.addResourceBundle('vi', NEEDS_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', NEEDS_NS, en satisfies typeof vi);
}
