import type { FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiErrors, type FieldErrorSink } from './form-errors';
import { revealFirstError, SCROLL_TO_ERROR } from './reveal-errors';

type SubmitForm<Name extends string> = FieldErrorSink<Name> &
  Pick<FormInstance, 'getFieldsError' | 'scrollToField'>;

/**
 * A form's submission and what the server said about it: `run` clears the last problems (and,
 * through `onStart`, the last success message), marks the form busy and runs the action; should it
 * fail, each message goes on the field it names, the first such field is scrolled to and focused,
 * and the rest (or "check your connection") comes back as `problems`, for <FormProblems>. It
 * resolves to whether the action succeeded, and never throws.
 *
 * `formProps` go on the <Form>: when the form's own checks fail, every field shows its message at
 * once, the first is scrolled to and focused, and a success message from an earlier submission
 * goes away, so it never stands beside a new error.
 */
export function useFormSubmit<Name extends string>(
  form: SubmitForm<NoInfer<Name>>,
  fields: Record<string, Name>,
  options: { onStart?: () => void } = {},
) {
  const { t } = useTranslation();
  const { onStart } = options;
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setProblems([]);
      onStart?.();
      setBusy(true);
      try {
        await action();
        return true;
      } catch (error) {
        setProblems(applyApiErrors(form, error, fields) ?? [t('errors.network')]);
        revealFirstError(form);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form, fields, t, onStart],
  );
  const formProps = useMemo(
    () => ({
      scrollToFirstError: SCROLL_TO_ERROR,
      onFinishFailed: () => {
        setProblems([]);
        onStart?.();
      },
    }),
    [onStart],
  );
  return { problems, busy, run, formProps };
}
