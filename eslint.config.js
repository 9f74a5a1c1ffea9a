// ESLint for every TypeScript file: the JavaScript and typescript-eslint recommended rules, and
// React's hooks rules (including the React Compiler checks of eslint-plugin-react-hooks 7).
// `npm run lint` allows no warning.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // wasm/ is AssemblyScript (its own decorators and types), checked by its compiler, asc
  globalIgnores(['dist', 'test-results', 'playwright-report', 'coverage', 'wasm']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
);
