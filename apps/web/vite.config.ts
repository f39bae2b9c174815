import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Run from the repo root as `vite build --config apps/web/vite.config.ts`, so every path is
// anchored to this file rather than to the working directory.
const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  // Vite 8 transforms TS/JSX with oxc; the automatic runtime means no `import React` in files.
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: resolve(webRoot, '../../dist/web'),
    // The output lies outside `root`, so Vite will not clear it unless told to.
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        // antd marks every module "use client" for React Server Components; meaningless in an
        // SPA bundle, and hundreds of these warnings would bury real ones in `npm run build`.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
});
