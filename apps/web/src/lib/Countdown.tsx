import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownParts, countdownStep, tickMs, type CountdownParts } from './countdown';
import { NEEDS_NS } from './needs-i18n';

/** "2 ngày 3 giờ 14 phút" or, on the last day, "3 giờ 14 phút 5 giây". */
function useLeftText(parts: CountdownParts | null): string {
  const { t } = useTranslation(NEEDS_NS);
  if (!parts) return t('countdown.passed');
  const units =
    parts.days > 0
      ? [
          t('countdown.days', { count: parts.days }),
          t('countdown.hours', { count: parts.hours }),
          t('countdown.minutes', { count: parts.minutes }),
        ]
      : [
          ...(parts.hours > 0 ? [t('countdown.hours', { count: parts.hours })] : []),
          t('countdown.minutes', { count: parts.minutes }),
          t('countdown.seconds', { count: parts.seconds }),
        ];
  return t('countdown.left', { time: units.join(' ') });
}

/**
 * A live countdown to a deadline. The visible text is a `timer` (not announced as it ticks); a
 * visually hidden polite live region says the coarse step (days, hours, under an hour, under ten
 * minutes, passed) only when it changes. `onPassed` runs once when the deadline passes on screen,
 * so the page can ask the server what it now says.
 */
export function Countdown({
  deadline,
  onPassed,
  testId,
}: {
  deadline: string;
  onPassed?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const deadlineMs = new Date(deadline).getTime();
  const [now, setNow] = useState(() => Date.now());
  const parts = countdownParts(deadlineMs, now);
  const tick = tickMs(parts);
  const passed = parts === null;

  useEffect(() => {
    if (tick === null) return;
    const timer = window.setTimeout(() => setNow(Date.now()), tick - (Date.now() % tick) || tick);
    return () => window.clearTimeout(timer);
  }, [now, tick]);

  useEffect(() => {
    if (passed) onPassed?.();
    // Only the passing matters, not a new callback identity on each render.
  }, [passed]);

  const step = countdownStep(parts);
  const announced =
    step.kind === 'days'
      ? t('countdown.aboutDays', { count: step.count })
      : step.kind === 'hours'
        ? t('countdown.aboutHours', { count: step.count })
        : t(`countdown.${step.kind}`);
  const text = useLeftText(parts);
  return (
    <span className={passed ? 'countdown countdown-passed' : 'countdown'} data-testid={testId}>
      {/* Hidden from screen readers: the live region below says the same in coarse steps. */}
      <span aria-hidden="true">{text}</span>
      <span
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid={testId && `${testId}-announced`}
      >
        {announced}
      </span>
    </span>
  );
}
