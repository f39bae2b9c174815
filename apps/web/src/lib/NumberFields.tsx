import type { InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { FORMS_NS } from './forms-i18n';
import { useLanguage, type Language } from './i18n';
import { Input } from './inputs';
import { caretAfterDigits, groupDigits, readNumber, readVnd } from './numbers';

export interface NumberRuleOptions {
  /** A count or a year: no fraction. */
  whole?: boolean;
  /** The message when nothing is typed; without it the field may stay empty. */
  required?: string;
  /** What a person could type, in the page's language ("40", "2,5"): every hint shows one. */
  example: string;
  min?: number;
  max?: number;
  /** Say "the year in 4 digits" rather than "a number between". */
  year?: boolean;
}

/** An API decimal ("1.5") as the page's language writes it ("1,5"). */
const written = (value: string, language: Language) =>
  language === 'vi' ? value.replace('.', ',') : value;

/**
 * The validation rule of a number typed as text: what can only mean one number is accepted (and
 * read the same way on submit, with `readNumber`); anything else gets a hint that says what to type.
 */
export function useNumberRule() {
  const { t } = useTranslation(FORMS_NS);
  const language = useLanguage();
  return (o: NumberRuleOptions): Rule => ({
    validator: (_: unknown, text: string | undefined) => {
      const reading = readNumber(text, language, o.whole);
      const fail = (message: string) => Promise.reject(new Error(message));
      if (!reading.ok) {
        if (reading.reason === 'empty') return o.required ? fail(o.required) : Promise.resolve();
        if (reading.reason === 'ambiguous')
          return fail(
            t('number.ambiguous', {
              text: text?.trim(),
              grouped: reading.grouped,
              decimal: written(reading.decimal, language),
            }),
          );
        return fail(t(`number.${reading.reason}`, { example: o.example }));
      }
      const value = Number(reading.value);
      const range = { min: o.min, max: o.max, example: o.example };
      if (o.year && (value < (o.min ?? 0) || value > (o.max ?? Infinity)))
        return fail(t('number.year', range));
      if (o.min !== undefined && o.max !== undefined && (value < o.min || value > o.max))
        return fail(t('number.range', range));
      if (value <= 0) return fail(t('number.positive', { example: o.example }));
      return Promise.resolve();
    },
  });
}

/** The rule of a money field: whole đồng, typed with or without separators. */
export function useMoneyRule(): Rule {
  const { t } = useTranslation(FORMS_NS);
  const language = useLanguage();
  return {
    validator: (_: unknown, text: string | undefined) =>
      !text?.trim() || readVnd(text, language)
        ? Promise.resolve()
        : Promise.reject(new Error(t('money.notNumber'))),
  };
}

type MoneyInputProps = Omit<InputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * A price in đồng that shows its thousands as they are typed ("1.250.000 đ" in Vietnamese,
 * "1,250,000 VND" in English); the caret stays after the digit it was after.
 */
export function MoneyInput({ value, onChange, ...props }: MoneyInputProps) {
  const { t } = useTranslation(FORMS_NS);
  const language = useLanguage();
  return (
    <Input
      {...props}
      inputMode="numeric"
      autoComplete="off"
      value={groupDigits(value ?? '', language)}
      suffix={<span className="money-currency">{t('money.currency')}</span>}
      onChange={(event) => {
        const input = event.target;
        const caret = input.selectionStart ?? input.value.length;
        const digitsBefore = input.value.slice(0, caret).replace(/\D/g, '').length;
        const grouped = groupDigits(input.value, language);
        onChange?.(grouped);
        requestAnimationFrame(() => {
          const at = caretAfterDigits(grouped, digitsBefore);
          if (document.activeElement === input) input.setSelectionRange(at, at);
        });
      }}
    />
  );
}
