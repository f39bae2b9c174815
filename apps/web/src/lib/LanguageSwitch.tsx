import { useTranslation } from 'react-i18next';
import { changeLanguage, useLanguage } from './i18n';

/**
 * One tap flips the language; the button names the language it switches to, in that language.
 * A plain button, not antd's, so the header costs nothing before a page needs antd.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      data-testid="lang-switch"
      className="lang-switch"
      lang={next}
      aria-label={t('lang.switchLabel')}
      onClick={() => void changeLanguage(next)}
    >
      {t('lang.switchTo')}
    </button>
  );
}
