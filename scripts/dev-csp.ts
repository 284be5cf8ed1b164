// The renderer's index.html carries the strict CSP of the built app. Vite's
// dev server injects inline <style> tags and React's refresh preamble, which
// that CSP refuses, so `npm run dev` would show an unstyled, broken page.
// This plugin loosens styles and inline scripts on the dev server only;
// builds (the app, `npm run web`, e2e) keep the strict policy unchanged.
import type { Plugin } from 'vite';

/** Allows inline styles and scripts in the CSP meta tag while serving for development. */
export function devCsp(): Plugin {
  return {
    name: 'stance-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}
