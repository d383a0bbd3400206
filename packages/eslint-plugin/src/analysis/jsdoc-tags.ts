import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** One block tag of a JSDoc comment: `@hook releaseEpic` → `{ name: 'hook', text: 'releaseEpic' }`. */
export interface JsDocTag {
  name: string;
  text: string;
}

const TAG = /(?<=^|\s)@([A-Za-z][\w-]*)([^@]*)/gm;

/** Parses the block tags of one `/** … *\/` comment body; pure. */
export function parseJsDocTags(commentBody: string): JsDocTag[] {
  const body = commentBody
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .join('\n');
  const tags: JsDocTag[] = [];
  for (const match of body.matchAll(TAG)) {
    const [, name = '', text = ''] = match;
    tags.push({ name, text: text.trim().split(/\s+/).filter(Boolean).join(' ') });
  }
  return tags;
}

/**
 * The node a declaration's JSDoc is attached to: `export`/`export default` wrappers, and for a
 * variable the whole `const x = …` statement.
 */
function documentedNode(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return current;
    if (
      parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      parent.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      parent.type === AST_NODE_TYPES.VariableDeclaration ||
      (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current)
    ) {
      current = parent;
      continue;
    }
    return current;
  }
}

/**
 * JSDoc tags written directly above a declaration in the file being linted (untyped mode).
 * Only the nearest `/** … *\/` block counts, as in TypeScript.
 */
export function getJsDocTags(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): JsDocTag[] {
  const target = documentedNode(node);
  const comments = sourceCode.getCommentsBefore(target);
  const last = comments.at(-1);
  if (!last || last.type !== AST_TOKEN_TYPES.Block || !last.value.startsWith('*')) return [];
  return parseJsDocTags(last.value.slice(1));
}
