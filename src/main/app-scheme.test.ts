// The app:// scheme is declared with the privileges the renderer needs
// (storage, modules, fonts, workers) and none it does not (CSP bypass,
// service workers), and serves the renderer's folder.
import { describe, expect, it, vi } from 'vitest';

const registered: unknown[] = [];
const handled = new Map<string, (req: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => handled.set(scheme, fn),
  },
}));
const { registerAppScheme, rendererRoot, serveRenderer } = await import('./app-scheme.ts');

describe('app:// scheme', () => {
  it('is standard and secure, with fetch and CORS for modules, fonts and workers', () => {
    registerAppScheme();
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
      },
    ]);
    const { privileges } = registered[0] as { privileges: Record<string, boolean> };
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });

  it('serves the built renderer folder next to the main bundle', async () => {
    expect(rendererRoot()).toMatch(/[\\/]renderer$/);
    serveRenderer(import.meta.dirname);
    const serve = handled.get('app')!;
    const res = await serve(new Request('app://stance/app-scheme.test.ts'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('app:// scheme');
    expect((await serve(new Request('app://stance/../index.html'))).status).toBe(404);
  });
});
