import i18n from './i18n';
import en from '../i18n/products.en.json';
import vi from '../i18n/products.vi.json';

/**
 * The product pages' texts, as their own namespace. Only the product pages and the admin console
 * import this module, so the landing page's first load does not carry them (~4 kB gzip). Adding
 * the bundles is synchronous: by the time a page importing this renders, the texts are there.
 */
export const PRODUCTS_NS = 'products';

if (!i18n.hasResourceBundle('vi', PRODUCTS_NS)) {
  i18n.addResourceBundle('vi', PRODUCTS_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', PRODUCTS_NS, en satisfies typeof vi);
}
