/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The app's Content-Security-Policy: everything comes from the app's own origin and nothing else is
 * loaded. Delivered as a `<meta>` tag so that it holds on any static intranet server without server
 * configuration (`frame-ancestors` and reporting cannot be set that way).
 *
 * - `style-src 'self'`: React sets `style={…}` through the CSSOM, which a policy does not govern; only
 *   `<style>` elements and `style="…"` attributes in HTML would be blocked, and the app has neither.
 * - `img-src 'self' data:`: the favicon in index.html is the empty `data:,` (it spares a 404 request).
 * - `connect-src 'self'`: a file placed beside the app (e.g. a list of reviewers) may be fetched later.
 * - `form-action 'none'`: the grid's per-cell `<form>`s and the dialogs' forms never submit anywhere.
 * - Downloads navigate to `blob:` URLs of the app's own origin, which script-src/connect-src do not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the policy to the built index.html only: the dev server's React refresh preamble is an inline
 * script that the policy would (rightly) block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// Relative base: the built app also works when served from a sub-folder of an intranet server or
// opened from a shared drive.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { target: 'es2022', chunkSizeWarningLimit: 600 },
  test: {
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // Real Chromium against the production build (`vite build` + `vite preview`, started once by
        // the global set-up). Files run one after another: they share one server and two cores.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
