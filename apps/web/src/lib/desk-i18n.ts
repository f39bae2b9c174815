import i18n from './i18n';
import en from '../i18n/desk.en.json';
import vi from '../i18n/desk.vi.json';

/**
 * The verification desk's and the readable audit log's texts, as their own namespace: only the
 * admin pages import this module, so no other page carries them.
 */
export const DESK_NS = 'desk';

if (!i18n.hasResourceBundle('vi', DESK_NS)) {
  i18n.addResourceBundle('vi', DESK_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', DESK_NS, en satisfies typeof vi);
}
