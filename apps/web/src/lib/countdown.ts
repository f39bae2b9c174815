/**
 * What a deadline countdown says, as pure functions (tested as small tests): the ticking parts a
 * person reads, and the coarse step a screen reader is told about. Announcing every second would
 * drown everything else the reader says; a step changes at most every few minutes.
 */

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds left until the deadline; null once it has passed. */
export function countdownParts(deadlineMs: number, nowMs: number): CountdownParts | null {
  const left = Math.floor((deadlineMs - nowMs) / 1000);
  if (left <= 0) return null;
  return {
    days: Math.floor(left / 86400),
    hours: Math.floor((left % 86400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

export type CountdownStep =
  | { kind: 'days'; count: number }
  | { kind: 'hours'; count: number }
  | { kind: 'underHour' }
  | { kind: 'underTenMinutes' }
  | { kind: 'passed' };

/** The coarse step announced politely: whole days, then whole hours, then under an hour, under ten minutes. */
export function countdownStep(parts: CountdownParts | null): CountdownStep {
  if (!parts) return { kind: 'passed' };
  if (parts.days > 0) return { kind: 'days', count: parts.days };
  if (parts.hours > 0) return { kind: 'hours', count: parts.hours };
  return parts.minutes >= 10 ? { kind: 'underHour' } : { kind: 'underTenMinutes' };
}

/** How often the visible countdown redraws: seconds matter only on the last day. */
export function tickMs(parts: CountdownParts | null): number | null {
  if (!parts) return null;
  return parts.days > 0 ? 60_000 : 1000;
}
