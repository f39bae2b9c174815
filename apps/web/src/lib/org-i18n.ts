import i18n from './i18n';
import en from '../i18n/org.en.json';
import vi from '../i18n/org.vi.json';

/**
 * The texts of the supplier directory and page and of the organization's own pages, as their own
 * namespace: only those pages import this module, so the landing page does not carry them.
 */
export const ORG_NS = 'org';

if (!i18n.hasResourceBundle('vi', ORG_NS)) {
  i18n.addResourceBundle('vi', ORG_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', ORG_NS, en satisfies typeof vi);
}
