import { useLanguage, type Language } from './i18n';
import { MONTHS } from './products';

export interface HarvestMonthsProps {
  /** Set by Form.Item; goes on the group, which the label names. */
  id?: string;
  value?: number[];
  onChange?: (months: number[]) => void;
}

const monthName = (month: number, language: Language) => {
  const name = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    month: language === 'vi' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, month - 1, 15)));
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/**
 * Twelve toggle buttons, "Tháng 1"… / "Jan"…: large touch targets, and the pressed state is
 * announced. What a button shows is what a screen reader says (no aria-label over a shorter "T1"),
 * so a person using voice control can say what they see (WCAG 2.5.3).
 */
export function HarvestMonths({ id, value = [], onChange }: HarvestMonthsProps) {
  const language = useLanguage();
  function toggle(month: number) {
    const next = value.includes(month) ? value.filter((m) => m !== month) : [...value, month];
    onChange?.(next.sort((a, b) => a - b));
  }
  return (
    // A form focuses its first invalid field by this id: pass the focus on to the first month.
    <div
      id={id}
      role="group"
      className="month-toggles"
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget)
          event.currentTarget.querySelector<HTMLButtonElement>('button')?.focus();
      }}
    >
      {MONTHS.map((month) => {
        const pressed = value.includes(month);
        return (
          <button
            key={month}
            type="button"
            className={pressed ? 'month-toggle month-toggle-on' : 'month-toggle'}
            aria-pressed={pressed}
            data-testid={`product-month-${month}`}
            onClick={() => toggle(month)}
          >
            {monthName(month, language)}
          </button>
        );
      })}
    </div>
  );
}
