import type { JsDocTag } from '../jsdoc-tags.js';
import type { ResolvedSettings } from '../settings.js';
import { matchesAnyNamePattern } from './name-pattern.js';
import { VOCABULARY_TAGS } from './tag-names.js';

/**
 * What the linted code says about one declaration, independent of the AST it came from
 * (ESTree in the rule, TypeScript nodes in typed mode and in the tracer).
 */
export interface DeclarationFacts {
  /** `Class.method` for a method, the plain name for a function or variable; undefined if anonymous. */
  qualifiedName: string | undefined;
  /** The declaration's own JSDoc tags. */
  tags: readonly JsDocTag[];
  /** JSDoc tags of the class that declares it, for methods (a `@backgroundTask` class). */
  classTags: readonly JsDocTag[];
  /** Names of its decorators as written (`AfterCreate` for `@AfterCreate()`). */
  decorators: readonly string[];
  /** Name of the declaring class, for methods. */
  className: string | undefined;
}

/** A hook and what it says about its rightful callers. */
export interface HookRole {
  /** The operation to call instead, as declared (`releaseEpic`, `EpicManager.releaseEpic`), if any. */
  operation: string | undefined;
  /** Tasks that run this hook because they handle its event (`@triggeredBy`). */
  triggeredBy: readonly string[];
}

/** Everything the vocabulary says a declaration is; several roles may hold at once. */
export interface DeclarationRoles {
  hook: HookRole | undefined;
  operation: boolean;
  backgroundTask: boolean;
}

/** The roles of a declaration with no tags, no settings entry and no decorator. */
export const NO_ROLES: DeclarationRoles = Object.freeze({ hook: undefined, operation: false, backgroundTask: false });

function tagged(tags: readonly JsDocTag[], name: string): JsDocTag | undefined {
  return tags.find((tag) => tag.name === name);
}

/**
 * Classifies a declaration from its tags, the settings and its decorators; pure. Names alone
 * (`on*`, `handle*`) never make a hook: in real code `onCron` is often the operation itself.
 */
export function classifyDeclaration(facts: DeclarationFacts, settings: ResolvedSettings): DeclarationRoles {
  const hookTag = tagged(facts.tags, VOCABULARY_TAGS.hook);
  const isHook =
    hookTag !== undefined ||
    matchesAnyNamePattern(settings.hooks, facts.qualifiedName) ||
    facts.decorators.some((decorator) => settings.hookDecorators.includes(decorator));
  const triggeredBy = facts.tags
    .filter((tag) => tag.name === VOCABULARY_TAGS.triggeredBy)
    .flatMap((tag) => tag.text.split(/[\s,]+/).filter(Boolean));
  const operationText = hookTag?.text.split(/\s+/)[0];
  return {
    hook: isHook ? { operation: operationText ? operationText : undefined, triggeredBy } : undefined,
    operation:
      tagged(facts.tags, VOCABULARY_TAGS.operation) !== undefined ||
      matchesAnyNamePattern(settings.operations, facts.qualifiedName),
    backgroundTask:
      tagged(facts.tags, VOCABULARY_TAGS.backgroundTask) !== undefined ||
      tagged(facts.classTags, VOCABULARY_TAGS.backgroundTask) !== undefined ||
      matchesAnyNamePattern(
        settings.backgroundTasks.filter((entry): entry is string => typeof entry === 'string'),
        facts.qualifiedName,
      ),
  };
}

/**
 * The operation a hook names, qualified with the hook's class when the hook gave only a member
 * name that its own class declares (`@hook releaseEpic` on `EpicManager.onChildCompleted`).
 */
export function qualifyOperationName(
  operation: string,
  hookClassName: string | undefined,
  hookClassHasMember: (name: string) => boolean,
): string {
  if (operation.includes('.') || hookClassName === undefined) return operation;
  return hookClassHasMember(operation) ? `${hookClassName}.${operation}` : operation;
}

/** Whether a task is a rightful caller of the hook: a hook itself, or named by `@triggeredBy`. */
export function isRightfulHookCaller(
  task: { roles: DeclarationRoles; qualifiedName: string | undefined },
  hook: HookRole,
): boolean {
  if (task.roles.hook !== undefined) return true;
  const name = task.qualifiedName;
  if (name === undefined) return false;
  const shortName = name.split('.').at(-1);
  return hook.triggeredBy.some((trigger) => trigger === name || trigger === shortName);
}
