import { Button } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { revealElement } from './reveal-errors';

/**
 * Server messages that belong to no single field, shown just above the submit button.
 * Plain markup rather than antd's Alert: the sign-in and sign-up pages are often the first
 * pages loaded, and every kilobyte counts on a rural mobile connection.
 * When they appear and no field of the form shows an error (which would have been focused first),
 * they are scrolled into view and focused, so nobody taps "submit" again and again unaware.
 */
export function FormProblems({ problems }: { problems: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || problems.length === 0) return;
    // Field errors render in the same turn; look once they are on screen.
    const frame = requestAnimationFrame(() => {
      if (!element.closest('form')?.querySelector('.ant-form-item-has-error')) revealElement(element);
    });
    return () => cancelAnimationFrame(frame);
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="form-alert" role="alert" tabIndex={-1} data-testid="form-error">
      {problems.length === 1 ? (
        <p>{problems[0]}</p>
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The end of a one-column form: its problems, then a full-width submit button (a thumb finds it on
 * a phone) that shows when the form is busy.
 */
export function FormSubmit({
  problems,
  loading,
  testId,
  children,
}: {
  problems: readonly string[];
  loading: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      <FormProblems problems={problems} />
      <Button
        data-testid={testId}
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={loading}
      >
        {children}
      </Button>
    </>
  );
}
