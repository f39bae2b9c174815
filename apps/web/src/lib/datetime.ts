import type { Language } from './i18n';

// Platform staff work on Vietnamese time whatever their device says, and decisions are argued
// over by the date on the papers, so times are always shown in Asia/Ho_Chi_Minh.
export const PLATFORM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters: Record<Language, Intl.DateTimeFormat> = {
  // vi-VN would put the time first ("14:05 12/03/2026"); staff read the date first.
  vi: new Intl.DateTimeFormat('vi-VN', {
    timeZone: PLATFORM_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: PLATFORM_TIME_ZONE, dateStyle: 'medium' }),
};

const timeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLATFORM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "12/03/2026 14:05" (vi) or "12 Mar 2026, 14:05" (en), in Vietnamese time; "" if unparsable. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const separator = language === 'vi' ? ' ' : ', ';
  return `${formatters[language].format(date)}${separator}${timeFormatter.format(date)}`;
}

/** A calendar day "YYYY-MM-DD" (an expiry date, say) as "30/06/2027" (vi) or "30 Jun 2027" (en). */
export function formatDay(day: string, language: Language): string {
  // Noon UTC is the same calendar day in Vietnam, whatever the device's zone.
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : formatters[language].format(date);
}

/** "12/03/2026" (vi) or "12 Mar 2026" (en) for an instant, in Vietnamese time. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatters[language].format(date);
}
