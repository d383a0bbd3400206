import { SteadfastError } from '../errors/plugin-error.js';

/** What the codemod makes public: a member of a class declared in a file. */
export interface PublicizeTarget {
  /** The file declaring the class, as given (relative to the working directory or absolute). */
  file: string;
  /** The class name. */
  className: string;
  /** The member's current name, e.g. `_executor`. */
  member: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether `name` can be written as a member name after a dot. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Parses `<file>:<Class>.<member>` (`src/server.ts:Dispatcher._executor`). The last `:` splits, so
 * Windows drive letters survive.
 */
export function parsePublicizeTarget(spec: string): PublicizeTarget {
  const colon = spec.lastIndexOf(':');
  const file = colon > 0 ? spec.slice(0, colon) : '';
  const [className = '', member = '', ...rest] = spec.slice(colon + 1).split('.');
  if (file === '' || rest.length > 0 || !isIdentifierName(className) || !isIdentifierName(member)) {
    throw new SteadfastError(
      'CODEMOD_BAD_TARGET',
      `Cannot read the target "${spec}": write it as <file>:<Class>.<member>, e.g. src/server.ts:Dispatcher._executor.`,
    );
  }
  return { file, className, member };
}
