import type { FormInstance } from 'antd';

/**
 * How a form brings its first problem to the person: into the middle of the screen (on a phone the
 * keyboard covers the bottom) and focused, so a screen reader reads its label and message.
 */
export const SCROLL_TO_ERROR = { block: 'center', focus: true } as const;

type ErrorsOf = Pick<FormInstance, 'getFieldsError' | 'scrollToField'>;

/**
 * Scrolls to and focuses the first field that shows an error (antd lists fields in the order they
 * were rendered, which is the order on screen). Returns whether there was one.
 */
export function revealFirstError(form: ErrorsOf): boolean {
  const first = form.getFieldsError().find((f) => f.errors.length > 0);
  if (!first) return false;
  form.scrollToField(first.name, SCROLL_TO_ERROR);
  return true;
}

/** Brings a message that belongs to no field (a banner, a file picker's problem) into view and focus. */
export function revealElement(element: HTMLElement | null): void {
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}
