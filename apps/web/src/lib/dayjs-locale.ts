import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n, { currentLanguage } from './i18n';

// antd's date pickers format month and weekday names through dayjs' global locale. Import this
// module from every page that renders a DatePicker or Calendar; the pages that have none do not
// pay for dayjs.
dayjs.locale(currentLanguage());
i18n.on('languageChanged', (lng) => {
  dayjs.locale(lng === 'en' ? 'en' : 'vi');
});
