import { apiErrorsOf } from './errors';

/**
 * Maps the server's `extensions.field` (a path into the mutation's input, e.g.
 * `organization.taxCode`) to the name of the form field that shows it.
 */
export type FieldMap<Values> = Record<string, keyof Values & string>;

function resolveField<Name extends string>(field: string, map: Record<string, Name>): Name | null {
  const path = field.replace(/^input\./, '');
  if (path in map) return map[path] ?? null;
  // An item of a list (`requiredCertifications.2`) shows under the list's field.
  const list = path.replace(/\.\d+$/, '');
  if (list in map) return map[list] ?? null;
  // Servers differ in how much of the path they report; the last segment is usually enough.
  const last = path.split('.').pop() ?? path;
  return map[last] ?? null;
}

/**
 * The part of antd's FormInstance used here, typed by field name: antd's `NamePath<Values>` is a
 * conditional type that a generic `Values` cannot satisfy.
 */
export interface FieldErrorSink<Name extends string> {
  setFields(fields: { name: Name; errors: string[] }[]): void;
}

/**
 * Puts each server message on the field it names and returns the messages that belong to no
 * field, for a banner above the submit button. Returns null when the error carries no message a
 * person could act on (a network failure), so the caller can show its own.
 */
export function applyApiErrors<Name extends string>(
  form: FieldErrorSink<NoInfer<Name>>,
  error: unknown,
  map: Record<string, Name>,
): string[] | null {
  const errors = apiErrorsOf(error);
  if (errors.length === 0) return null;
  const general: string[] = [];
  const byField = new Map<Name, string[]>();
  for (const e of errors) {
    const name = e.field ? resolveField(e.field, map) : null;
    if (name === null) {
      general.push(e.message);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), e.message]);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return general;
}
