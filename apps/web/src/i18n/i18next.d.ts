import 'i18next';
import type forms from './forms.vi.json';
import type notify from './notify.vi.json';
import type onboard from './onboard.vi.json';
import type org from './org.vi.json';
import type pages from './pages.vi.json';
import type products from './products.vi.json';
import type vi from './vi.json';
import type desk from './desk.vi.json';
import type needs from './needs.vi.json';
import type contracts from './contracts.vi.json';

// Typed keys: a misspelt or missing key fails `tsc` instead of showing the raw key to a user.
// `products` and `org` are loaded with their pages (lib/products-i18n.ts, lib/org-i18n.ts), not
// with the landing page.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof vi;
      products: typeof products;
      org: typeof org;
      desk: typeof desk;
      notify: typeof notify;
      onboard: typeof onboard;
      forms: typeof forms;
      pages: typeof pages;
      needs: typeof needs;
      contracts: typeof contracts;
    };
  }
}
