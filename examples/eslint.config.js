// The config `npm run demo` uses on examples/hazards/: Steadfast's typed config, as a user would
// write it in their own project.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import steadfast from '@steadfast/eslint-plugin';

export default defineConfig(
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    extends: [steadfast.configs['recommended-type-checked']],
  },
);
