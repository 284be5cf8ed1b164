// The packaged app is sealed by Electron fuses set in electron-builder.yml.
// This reads the file back as electron-builder will (YAML, then its own
// configuration schema) and checks every fuse, so that a typo or a deleted
// line cannot silently reopen `ELECTRON_RUN_AS_NODE`, NODE_OPTIONS or
// `--inspect` in a release.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const configPath = resolve(import.meta.dirname, '../../electron-builder.yml');
const config = load(readFileSync(configPath, 'utf8')) as Record<string, unknown>;

/** electron-builder's own check of a configuration object (throws on a bad one). */
async function validate(cfg: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
  await validateConfiguration(cfg, new DebugLogger(false));
}

describe('packaging configuration', () => {
  it('flips every fuse that seals the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into app.asar, the only place the fuses let Electron load code from', () => {
    expect(config.asar).toBe(true);
  });

  // electron-builder compiles its JSON schema on first use (about 4 s on a
  // quiet machine): the limit only guards against a hang.
  it(
    'is a configuration electron-builder accepts, and it would refuse a misspelt fuse',
    {
      timeout: 120_000,
    },
    async () => {
      await expect(validate(config)).resolves.toBeUndefined();
      const fuses = config.electronFuses as Record<string, boolean>;
      const { runAsNode: _dropped, ...rest } = fuses;
      await expect(
        validate({ ...config, electronFuses: { ...rest, runAsnode: false } }),
      ).rejects.toThrow(/electronFuses/);
    },
  );
});
