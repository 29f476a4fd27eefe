import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md, "Checks"): bot/ and cli/ reach the domain folders only through
// their index.ts; the domain folders never import bot/; knowledge-base/ and handoff/ ignore each other.
const DOMAIN_INSIDE = {
  regex: '^(\\.\\./)+(knowledge-base|handoff|insights|keyspace)/(?!index$).+',
  message: 'Import the domain folder through its index.ts (add the export there).',
};
const importsOf = (folder, message) => ({ regex: `^(\\.\\./)+${folder}(/|$)`, message });

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/vendor/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Type-aware rules on the TypeScript of tsconfig.json: a promise nobody awaits hides its rejection.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The browser ES modules (history page, agent console, help center): tsc (tsconfig.web.json,
    // lib DOM) checks every name they use.
    files: ['web/history/**/*.js', 'web/agent/**/*.js', 'web/help/**/*.js'],
    languageOptions: { sourceType: 'module' },
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['bot/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_INSIDE] }] },
  },
  {
    files: ['knowledge-base/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importsOf('bot', 'knowledge-base/ never imports bot/.'),
            importsOf('handoff', 'knowledge-base/ and handoff/ import nothing of each other.'),
          ],
        },
      ],
    },
  },
  {
    files: ['handoff/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importsOf('bot', 'handoff/ never imports bot/.'),
            importsOf('knowledge-base', 'knowledge-base/ and handoff/ import nothing of each other.'),
          ],
        },
      ],
    },
  },
  {
    // Key names only: every store of every folder builds its keys here, so it depends on none.
    files: ['keyspace/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['bot', 'handoff', 'insights', 'knowledge-base', 'cli'].map((f) =>
            importsOf(f, 'keyspace/ imports nothing of the product.'),
          ),
        },
      ],
    },
  },
  {
    files: ['insights/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [importsOf('bot', 'insights/ never imports bot/.')] }],
    },
  },
  {
    // Suites that are not unit tests share fixtures through tests/support/, never through tests/unit/.
    files: ['tests/**/*.ts'],
    ignores: ['tests/unit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(\\.\\./)+unit/', message: 'Shared test fixtures live in tests/support/.' }],
        },
      ],
    },
  },
);
