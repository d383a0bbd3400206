// The repository lints itself: typescript-eslint's type-checked rules everywhere, eslint-plugin's
// rules on our rule sources, and Steadfast's own strictest config on the runtime and the kit.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import steadfast from '@steadfast/eslint-plugin';

export default defineConfig(
  {
    name: 'steadfast/ignores',
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/cjs/**',
      '**/tests/fixtures/**',
      'examples/hazards/**',
      'bench/.peers/**',
      'bench/real-code/.work/**',
      '.tmp/**',
    ],
  },
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'steadfast/type-information',
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'examples/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    name: 'steadfast/plugin-rules',
    files: ['packages/eslint-plugin/src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
  },
  {
    name: 'steadfast/dogfood',
    files: ['packages/reference-runtime/src/**/*.ts', 'packages/conformance/src/**/*.ts'],
    extends: [steadfast.configs['recommended-type-checked']],
  },
  {
    name: 'steadfast/plain-javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
