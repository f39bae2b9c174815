import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiErrors, type FieldErrorSink } from './form-errors';

/**
 * A form's submission and what the server said about it: `run` clears the last problems, marks the
 * form busy and runs the action; should it fail, each message goes on the field it names and the
 * rest (or "check your connection") comes back as `problems`, for <FormProblems>. It resolves to
 * whether the action succeeded, and never throws.
 */
export function useFormSubmit<Name extends string>(
  form: FieldErrorSink<NoInfer<Name>>,
  fields: Record<string, Name>,
) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setProblems([]);
      setBusy(true);
      try {
        await action();
        return true;
      } catch (error) {
        setProblems(applyApiErrors(form, error, fields) ?? [t('errors.network')]);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form, fields, t],
  );
  return { problems, busy, run };
}
