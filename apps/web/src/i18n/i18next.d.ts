import 'i18next';
import type org from './org.vi.json';
import type pages from './pages.vi.json';
import type products from './products.vi.json';
import type vi from './vi.json';

// Typed keys: a misspelt or missing key fails `tsc` instead of showing the raw key to a user.
// `products` and `org` are loaded with their pages (lib/products-i18n.ts, lib/org-i18n.ts), not
// with the landing page.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi; products: typeof products; org: typeof org; pages: typeof pages };
  }
}
