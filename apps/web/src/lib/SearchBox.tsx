import { Button } from 'antd';
import { Input } from './inputs';

export interface SearchBoxProps {
  id: string;
  text: string;
  onText: (text: string) => void;
  /** Enter or the button: search now, without waiting for the typing pause. */
  onSubmit: () => void;
  label: string;
  placeholder: string;
  submitLabel: string;
  testId: string;
}

/** The search field of a search page: large, labelled for screen readers, a search key on phones. */
export function SearchBox({
  id,
  text,
  onText,
  onSubmit,
  label,
  placeholder,
  submitLabel,
  testId,
}: SearchBoxProps) {
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Input
        id={id}
        data-testid={testId}
        size="large"
        type="search"
        value={text}
        onChange={(event) => onText(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
      />
      <Button type="primary" size="large" htmlType="submit">
        {submitLabel}
      </Button>
    </form>
  );
}
