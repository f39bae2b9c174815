import i18n from './i18n';
import en from '../i18n/notify.en.json';
import vi from '../i18n/notify.vi.json';

/**
 * The texts of the notification centre (the header's bell, its drawer and /thong-bao) as their own
 * namespace: only the bell's lazy chunk and the page import this module.
 */
export const NOTIFY_NS = 'notify';

if (!i18n.hasResourceBundle('vi', NOTIFY_NS)) {
  i18n.addResourceBundle('vi', NOTIFY_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', NOTIFY_NS, en satisfies typeof vi);
}
