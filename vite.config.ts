// The dashboard's browser app (src/web/app), bundled into dist/web for `netwarden ui` to serve.
// Everything the page loads is in the bundle: no CDN, the dashboard works offline.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web/app',
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  // Preact's automatic JSX runtime (the app's tsconfig says the same for type checking).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../../../dist/web',
    emptyOutDir: true,
    // The served CSP has no 'unsafe-inline' for scripts: keep every script an external file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    // `npm run dev:web` with NETWARDEN_API=http://127.0.0.1:7780 (a running `netwarden ui`).
    host: '127.0.0.1',
    proxy: { '/api': process.env.NETWARDEN_API ?? 'http://127.0.0.1:7780' },
  },
});
