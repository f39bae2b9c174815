import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import en from '../i18n/pages.en.json';
import vi from '../i18n/pages.vi.json';
import table from '../page-routes.json';
import i18n from './i18n';

/**
 * Each page's <title> and meta description, in the reader's language. The route table is shared
 * with the gateway, which writes the same Vietnamese texts into the HTML it serves (so a crawler
 * sees them without running the app) and answers 404 for any path not in it.
 */
export const PAGES_NS = 'pages';

if (!i18n.hasResourceBundle('vi', PAGES_NS)) {
  i18n.addResourceBundle('vi', PAGES_NS, vi);
  i18n.addResourceBundle('en', PAGES_NS, en satisfies typeof vi);
}

type PageKey = keyof typeof vi;
type NamedPage = 'product' | 'supplier' | 'need';

/** What a product, supplier or need page knows once its object has loaded (a need's `supplier` is its buyer). */
interface Subject {
  page: NamedPage;
  path: string;
  /** Null when the object is not there for this reader: the page is titled "not found". */
  name: string | null;
  supplier?: string;
  description?: string | null;
}

// The subject of the current page: set by the page, read by <PageMeta> in the layout.
let subject: Subject | null = null;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const setSubject = (s: Subject | null) => {
  subject = s;
  for (const l of listeners) l();
};

/**
 * A product or supplier page names itself once loaded: its title becomes the object's name, or
 * "not found" when the query answered without it (`answered`), as the server's 404 says.
 */
export function usePageSubject(
  page: NamedPage,
  value: { name: string; supplier?: string; description?: string | null } | null | undefined,
  answered: boolean,
) {
  const { pathname } = useLocation();
  const { name = null, supplier, description } = value ?? {};
  useEffect(() => {
    if (!name && !answered) return;
    setSubject({ page, path: pathname, name, supplier, description });
    return () => setSubject(null);
  }, [page, pathname, name, supplier, description, answered]);
}

const pageOf = (pathname: string): PageKey =>
  (table.routes.find((r) => matchPath({ path: r.path, end: true }, pathname))?.page as
    PageKey | undefined) ?? 'notFound';

/** Longer descriptions are cut at a word, as search engines show ~160 characters. */
export const clip = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

export function PageMeta() {
  const { t } = useTranslation(PAGES_NS);
  const { pathname } = useLocation();
  const current = useSyncExternalStore(subscribe, () => subject);
  const page = pageOf(pathname);
  const known = current && current.path === pathname && current.page === page ? current : null;
  const named = known?.name ? { ...known, name: known.name } : null;
  const shown: PageKey = known && !named ? 'notFound' : page;
  const title = named ? t(`${named.page}.named`, { name: named.name }) : t(`${shown}.title`);
  const description = named
    ? named.description
      ? clip(named.description)
      : t(`${named.page}.namedDescription`, { name: named.name, supplier: named.supplier ?? '' })
    : t(`${shown}.description`);
  useEffect(() => {
    document.title = title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [title, description]);
  return null;
}
