// The web build's CSP may connect to team servers (docs/team.md): the
// desktop app sends every team request through its main process, so its
// renderer keeps `connect-src 'self'`; in a plain browser the page itself
// talks to the CouchDB server the analyst configures. The policy allows
// what the app allows: https anywhere, plain http only to this machine
// (the same rule src/core/team/project.ts applies to the URL typed in).
// STANCE_CONNECT_SRC narrows it at build time, e.g. to one server's origin.
import type { Plugin } from 'vite';

/** The connect-src sources of the web build. */
export function webConnectSrc(env: NodeJS.ProcessEnv = process.env): string {
  return env.STANCE_CONNECT_SRC?.trim() || "'self' https: http://localhost:* http://127.0.0.1:*";
}

/** Widens the CSP meta tag's connect-src for the web build only. */
export function webCsp(): Plugin {
  return {
    name: 'stance-web-csp',
    transformIndexHtml(html) {
      if (!html.includes("connect-src 'self';"))
        throw new Error("index.html's CSP has no connect-src 'self' to widen");
      return html.replace("connect-src 'self';", `connect-src ${webConnectSrc()};`);
    },
  };
}
