import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';
import { SteadfastError } from '../errors/plugin-error.js';
import { getSettings } from './settings.js';

/**
 * The parser's type information when — and only when — `settings.steadfast.typeAware` is on.
 * A rule never turns typed just because a program happens to exist (editor and CI would then
 * disagree); with the switch on and no program, the user gets an error that says how to fix it.
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  if (!getSettings(context).typeAware) return undefined;
  const services = ESLintUtils.getParserServices(context, true);
  if (services.program === null) {
    throw new SteadfastError(
      'TYPE_INFORMATION_REQUIRED',
      `settings.steadfast.typeAware is true but "${context.filename}" was parsed without type information. ` +
        'Set languageOptions.parserOptions.projectService: true (and tsconfigRootDir), or use the ' +
        '"recommended" config instead of "recommended-type-checked".',
    );
  }
  return services;
}
