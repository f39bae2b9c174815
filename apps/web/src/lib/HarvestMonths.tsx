import { useTranslation } from 'react-i18next';
import { MONTHS } from './products';
import { PRODUCTS_NS } from './products-i18n';

export interface HarvestMonthsProps {
  /** Set by Form.Item; goes on the group, which the label names. */
  id?: string;
  value?: number[];
  onChange?: (months: number[]) => void;
}

/** Twelve toggle buttons T1…T12: large touch targets, and the pressed state is announced. */
export function HarvestMonths({ id, value = [], onChange }: HarvestMonthsProps) {
  const { t } = useTranslation(PRODUCTS_NS);
  function toggle(month: number) {
    const next = value.includes(month) ? value.filter((m) => m !== month) : [...value, month];
    onChange?.(next.sort((a, b) => a - b));
  }
  return (
    <div id={id} role="group" className="month-toggles">
      {MONTHS.map((month) => {
        const pressed = value.includes(month);
        return (
          <button
            key={month}
            type="button"
            className={pressed ? 'month-toggle month-toggle-on' : 'month-toggle'}
            aria-pressed={pressed}
            aria-label={t('editor.monthLabel', { n: month })}
            data-testid={`product-month-${month}`}
            onClick={() => toggle(month)}
          >
            {t('editor.month', { n: month })}
          </button>
        );
      })}
    </div>
  );
}
