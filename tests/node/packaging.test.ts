// What the desktop package ships. electron-builder packs the `dependencies`
// of package.json into the app; the renderer and preload are bundled whole
// by electron-vite, and the main process loads its `dependencies` from the
// package at run time. So `dependencies` must be exactly the packages the
// main process imports (everything else, the CLI's tsx and linkedom
// included, is a devDependency), and the `stance` CLI must still run from
// an `npm install` of the repository.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Bare packages imported at run time (not `import type`) from `entry` and every module it reaches. */
function runtimePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
      if (!node.moduleSpecifier || !ts.isStringLiteral(node.moduleSpecifier)) continue;
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : node.isTypeOnly;
      if (typeOnly) continue;
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (spec.startsWith('@core/')) visit(resolve(root, 'src/core', spec.slice(6)));
      else if (!spec.startsWith('node:') && spec !== 'electron')
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
        );
    }
  };
  visit(entry);
  return packages;
}

describe('the desktop package', () => {
  it('ships as dependencies exactly what the main process loads, nothing else', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const loaded = runtimePackages(resolve(root, 'src/main/index.ts'));
    expect([...loaded].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  // The timeout only guards against a hang: tsx compiles the CLI on start.
  it(
    'leaves the stance CLI working from an npm install of the repository',
    { timeout: 60_000 },
    async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [resolve(root, 'bin/stance.mjs'), '--help'],
        { cwd: root },
      );
      expect(stdout).toMatch(/^usage: stance COMMAND/);
    },
  );
});
