import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lienket.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage may be unavailable; Vietnamese is the default either way.
  }
  return 'vi';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

// Both resource files are small, so they ship in the first chunk and init is synchronous:
// the first paint is already in the right language.
void i18n.use(initReactI18next).init({
  // `satisfies` makes a key missing from the English file a type error.
  resources: { vi: { translation: vi }, en: { translation: en satisfies typeof vi } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // React already escapes text; escaping again would show "&amp;" to users.
  interpolation: { escapeValue: false },
});

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisting is acceptable; the switch still applies to this visit.
  }
  await i18n.changeLanguage(lng);
}

export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : 'vi';
}

export default i18n;
