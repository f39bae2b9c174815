import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n';
import { AppRoutes } from './router';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

function start() {
  createRoot(container!).render(
    <StrictMode>
      <AppRoutes />
    </StrictMode>,
  );
}
// The served HTML (header, and the search or product page's first screen) is painted before React
// takes #root over: its first render would otherwise often come before the browser's first frame,
// leaving the page's largest text to wait for the page's scripts (decision 92). A hidden tab
// draws no frames: it starts at once.
if (document.visibilityState === 'hidden') start();
else requestAnimationFrame(() => setTimeout(start, 0));
