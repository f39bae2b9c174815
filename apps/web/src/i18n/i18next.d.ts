import 'i18next';
import type vi from './vi.json';

// Typed keys: a misspelt or missing key fails `tsc` instead of showing the raw key to a user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
