// Assertions that wait for their condition instead of reading a value once: under CPU load the
// page, the worker or the relay may be a moment behind, and a one-shot read then fails a correct
// build (or, worse, passes a wrong one because it looked too early). playwright-core has no
// `expect`; these poll with a deadline and report the last value seen. No sleeps of fixed length:
// each retry yields to the event loop for a short, growing interval.

const DEFAULT_TIMEOUT_MS = 15_000;

export interface WaitOptions {
  timeoutMs?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `condition` until it returns true. Anything else is "not yet" — a string says why, for the
 * message after the deadline. An error thrown by the condition is a failure at once, not a retry.
 */
export async function waitFor(what: string, condition: () => Promise<boolean | string> | boolean | string, o: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  for (let interval = 10; ; interval = Math.min(interval * 2, 250)) {
    const state = await condition();
    if (state === true) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${typeof state === 'string' ? `: ${state}` : ''}`);
    await pause(interval);
  }
}

/**
 * Polls `read` until its value passes `check` (a Jest assertion such as
 * `(v) => expect(v).toBe('x')`) and returns that value; after the deadline the last assertion
 * error is thrown as is, so the failure shows expected and received like a plain `expect`.
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  check: (value: T) => void,
  o: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  for (let interval = 10; ; interval = Math.min(interval * 2, 250)) {
    let failure: unknown;
    try {
      const value = await read();
      check(value);
      return value;
    } catch (e) {
      failure = e;
    }
    if (Date.now() > deadline) throw failure;
    await pause(interval);
  }
}

type Soon<T> = jest.Matchers<Promise<void>, T> & { not: jest.Matchers<Promise<void>, T> };

/**
 * A web-first `expect` for playwright-core: `await soon(() => locator.textContent()).toBe('x')`
 * reads the value again and again until the matcher passes (or the deadline ends it with the
 * matcher's own message). Any Jest matcher works, `.not` included.
 */
export function soon<T>(read: () => Promise<T> | T, o: WaitOptions = {}): Soon<T> {
  const matchers = (negate: boolean) =>
    new Proxy({}, {
      get: (_, name: string) =>
        // Not a thenable: `await soon(read)` without a matcher would otherwise run a matcher named "then".
        name === 'then'
          ? undefined
          : name === 'not' && !negate
            ? matchers(true)
            : (...args: unknown[]) =>
                eventually(
                  read,
                  (v) => {
                    const m = (negate ? expect(v).not : expect(v)) as unknown as Record<
                      string,
                      (...a: unknown[]) => void
                    >;
                    m[name](...args);
                  },
                  o,
                ).then(() => undefined),
    });
  return matchers(false) as unknown as Soon<T>;
}
