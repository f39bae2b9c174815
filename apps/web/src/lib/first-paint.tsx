import type { ReactElement } from 'react';
import { PageFallback } from './RouteError';

/**
 * The page's first screen the gateway wrote into index.html after the header (the search page's
 * title and introduction, a product's name, category and description: decision 92), read
 * before React's first render replaces `#root`. It stands in for the page while the page's scripts
 * arrive on the first load, so what was painted with the HTML stays in place instead of turning
 * into a spinner and back.
 */
const served = document.querySelector('#root > .app > main')?.innerHTML || null;
const servedPath = window.location.pathname;

/** The served first screen, while the path is the one it was served for; else null. */
export function servedFirstScreen(pathname: string): ReactElement | null {
  // The gateway's own markup (every text in it escaped there), not anything a visitor typed here.
  return served && pathname === servedPath ? <div className="first-paint" dangerouslySetInnerHTML={{ __html: served }} /> : null;
}

/** The loading state of a lazy page: the served first screen on the first load's page, else a spinner. */
export function FirstPaintFallback({ pathname }: { pathname: string }) {
  return servedFirstScreen(pathname) ?? <PageFallback />;
}
