import { Button } from 'antd';
import type { ReactNode } from 'react';

/**
 * Server messages that belong to no single field, shown just above the submit button.
 * Plain markup rather than antd's Alert: the sign-in and sign-up pages are often the first
 * pages loaded, and every kilobyte counts on a rural mobile connection.
 */
export function FormProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="form-alert" role="alert" data-testid="form-error">
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
