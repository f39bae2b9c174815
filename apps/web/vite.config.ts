import { resolve } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// Run from the repo root as `vite build --config apps/web/vite.config.ts`, so every path is
// anchored to this file rather than to the working directory.
const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  // Always a production bundle (React's development build is several times larger and slower),
  // whatever NODE_ENV the shell has; scripts/build.mjs also passes NODE_ENV=production.
  mode: 'production',
  // Brotli and gzip files beside each asset, made once at build; the gateway serves whichever the
  // browser accepts (apps/gateway/src/web.ts) instead of compressing on every request.
  plugins: [
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|svg|json|txt|xml)$/,
      // The build manifest is read by the gateway, never sent.
      exclude: /manifest\.json$/,
      threshold: 512,
      skipIfLargerOrEqual: true,
    }),
  ],
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
    // .vite/manifest.json: which chunks each page needs, so the gateway names them in the page's
    // HTML (modulepreload) instead of the browser finding them one round trip after another.
    manifest: true,
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
