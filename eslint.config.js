// Lint rules. src/core is the pure domain: it may not import React, Dexie,
// Electron, DOM helpers or any other process's code. Renderer components
// (.tsx) read through hooks and write through action modules: they may not
// import the database instance or Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import formatjs from 'eslint-plugin-formatjs';

/**
 * FormatJS's no-literal-string-in-jsx, reporting only literals that hold a
 * letter: a space, "·", "?" or "—" between translated parts is layout, not
 * language, and needs no catalog entry.
 */
const literalRule = formatjs.rules['no-literal-string-in-jsx'];
const noLiteralUiText = {
  meta: literalRule.meta,
  create(context) {
    const textOf = (node) =>
      node.type === 'JSXText' || node.type === 'Literal'
        ? node.value
        : node.type === 'JSXAttribute' && node.value?.type === 'Literal'
          ? node.value.value
          : node.type === 'TemplateLiteral'
            ? node.quasis.map((q) => q.value.raw).join('')
            : null;
    const filtered = Object.create(context, {
      report: {
        value: (d) => {
          const text = textOf(d.node);
          if (typeof text === 'string' && !/\p{L}/u.test(text)) return;
          context.report(d);
        },
      },
    });
    return literalRule.create(filtered);
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'dist-web',
      'test-results',
      'playwright-report',
      'resources',
      'bench/.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dexie-react-hooks',
              message:
                'Use hooks/useLiveQuery.ts: dexie-react-hooks reads its result from a ref while rendering, and React can then drop effects that depend on it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    // Tests may seed the database directly.
    ignores: ['src/renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/db', '**/db/db.ts'],
              message:
                'Components read through hooks (useX.ts, useLiveQuery inside) and write through action modules, never the db instance.',
            },
            {
              group: ['dexie', 'dexie-react-hooks'],
              message: 'Components read through hooks: useLiveQuery belongs in a useX.ts hook.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every UI string comes from the catalogs (src/renderer/src/i18n/messages).
    files: ['src/renderer/**/*.tsx'],
    ignores: ['src/renderer/**/*.test.tsx'],
    plugins: { ui: { rules: { 'no-literal-ui-text': noLiteralUiText } } },
    rules: {
      'ui/no-literal-ui-text': [
        'error',
        { props: { include: [['*', '{label,title,placeholder}']] } },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'src/core is pure: no React.' },
            { group: ['dexie', 'dexie-*'], message: 'src/core is pure: no Dexie.' },
            { group: ['electron', 'electron/*'], message: 'src/core is pure: no Electron.' },
            {
              group: ['node:*', 'fs', 'path', 'os'],
              message: 'src/core runs in the browser too: no Node APIs.',
            },
            {
              group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**'],
              message: 'src/core imports only src/core.',
            },
            {
              group: ['linkedom', 'jsdom'],
              message: 'src/core takes a DOM parser as a parameter.',
            },
          ],
        },
      ],
    },
  },
  {
    // Spreading an array into a call puts every element on the stack: a
    // file of 125,000 spans made push(...spans) throw "Maximum call stack
    // size exceeded". The domain and the CLI handle unbounded data.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread arguments here: the stack overflows on large arrays. Use a loop (or reduce).',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
