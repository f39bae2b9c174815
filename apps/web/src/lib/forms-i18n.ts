import i18n from './i18n';
import en from '../i18n/forms.en.json';
import vi from '../i18n/forms.vi.json';

/** The hints of number and money fields, a namespace of their own: only forms that have such fields import it. */
export const FORMS_NS = 'forms';

if (!i18n.hasResourceBundle('vi', FORMS_NS)) {
  i18n.addResourceBundle('vi', FORMS_NS, vi);
  // `satisfies` makes a key missing from the English file a type error, as for the main texts.
  i18n.addResourceBundle('en', FORMS_NS, en satisfies typeof vi);
}
