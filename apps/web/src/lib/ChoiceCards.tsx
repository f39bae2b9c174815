import type { ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  title: ReactNode;
  hint?: ReactNode;
  testId?: string;
}

export interface ChoiceCardsProps<T extends string> {
  /** Set by Form.Item; it goes on the group, since a label tied to one radio would check it. */
  id?: string;
  name: string;
  /** The group's accessible name, usually the same text as the Form.Item label. */
  label: string;
  value?: T;
  onChange?: (value: T) => void;
  choices: readonly Choice<T>[];
  /** Smaller cards, for long lists such as reason templates in a dialog. */
  compact?: boolean;
  testId?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/**
 * Native radio buttons drawn as large cards: the whole card is the touch target, which is
 * easier on a phone than antd's small radio dot, and it costs no extra script.
 */
export function ChoiceCards<T extends string>({
  id,
  name,
  label,
  value,
  onChange,
  choices,
  compact = false,
  testId,
  ...aria
}: ChoiceCardsProps<T>) {
  return (
    <div
      id={id}
      className={compact ? 'choice-cards choice-cards-compact' : 'choice-cards'}
      role="radiogroup"
      aria-label={label}
      data-testid={testId}
      {...aria}
      // A form focuses its first invalid field by this id: pass the focus on to the chosen radio,
      // or the first, which is what the keyboard and a screen reader work with.
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        const radios = event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]');
        ([...radios].find((r) => r.checked) ?? radios[0])?.focus();
      }}
    >
      {choices.map((choice) => (
        <label
          key={choice.value}
          className={choice.value === value ? 'choice-card choice-card-checked' : 'choice-card'}
        >
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={choice.value === value}
            onChange={() => onChange?.(choice.value)}
            data-testid={choice.testId}
          />
          <span>
            <span className="choice-title">{choice.title}</span>
            {choice.hint && <span className="choice-hint">{choice.hint}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
