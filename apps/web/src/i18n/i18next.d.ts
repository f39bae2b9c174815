import 'i18next';
import type products from './products.vi.json';
import type vi from './vi.json';

// Typed keys: a misspelt or missing key fails `tsc` instead of showing the raw key to a user.
// `products` is loaded with the product pages (lib/products-i18n.ts), not with the landing page.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi; products: typeof products };
  }
}
