import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

// Long enough not to search on every keystroke of a word, short enough to feel live.
const TYPING_PAUSE_MS = 350;
const WIDE = '(min-width: 720px)';

/**
 * A search that lives in the URL (`q` plus the page's filters), so it can be shared and survives
 * a reload: what is typed reaches `q` after a pause, filters at once, neither filling the back
 * button with one entry per keystroke.
 */
export function useUrlSearch<Param extends string>() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const query = params.get('q')?.trim() ?? '';
  // Read once: after that the person decides, and a re-render must not fold what they opened.
  const [filtersOpen] = useState(() => window.matchMedia(WIDE).matches);

  function set(name: Param | 'q', value: string | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value?.trim()) next.set(name, value.trim());
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = window.setTimeout(() => set('q', text), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
    // Only what was typed restarts the pause; `set` is a fresh closure on every render.
  }, [text, query]);

  /** Drops every filter, keeping what was searched. */
  function clearFilters() {
    setParams(query ? { q: query } : {}, { replace: true });
  }

  return { params, text, setText, query, set, clearFilters, filtersOpen };
}
