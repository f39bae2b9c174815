import i18n from './i18n';
import en from '../i18n/contracts.en.json';
import vi from '../i18n/contracts.vi.json';

/**
 * The contracts' texts (award dialog, contract list and page, the dispute console) as their own
 * namespace, loaded only with the pages that show them.
 */
export const CONTRACTS_NS = 'contracts';

if (!i18n.hasResourceBundle('vi', CONTRACTS_NS)) {
  i18n.addResourceBundle('vi', CONTRACTS_NS, vi);
  i18n.addResourceBundle('en', CONTRACTS_NS, en satisfies typeof vi);
}
