import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** A text replacement the suggestion applies. */
export interface Replacement {
  range: readonly [number, number];
  text: string;
}

function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, index: number): string {
  const line = sourceCode.lines[sourceCode.getLocFromIndex(index).line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Whether re-indenting would change a string: a template literal that spans lines. */
function hasMultilineTemplate(sourceCode: Readonly<TSESLint.SourceCode>, block: TSESTree.BlockStatement): boolean {
  return sourceCode
    .getTokens(block)
    .some((token) => token.type === AST_TOKEN_TYPES.Template && token.loc.start.line !== token.loc.end.line);
}

function logLine(label: string): string {
  return `console.error('${label}', error);`;
}

function wrapBlock(block: TSESTree.BlockStatement, sourceCode: Readonly<TSESLint.SourceCode>, label: string): Replacement {
  const first = block.body[0];
  const last = block.body.at(-1);
  const base = lineIndent(sourceCode, block.range[0]);
  const firstIndent = first ? lineIndent(sourceCode, first.range[0]) : '';
  const unit = firstIndent.length > base.length && first && sourceCode.getLocFromIndex(first.range[0]).line !== block.loc.start.line
    ? firstIndent.slice(base.length)
    : '  ';
  const start = first ? sourceCode.getIndexFromLoc({ line: first.loc.start.line, column: 0 }) : block.range[0] + 1;
  const sameLine = first !== undefined && first.loc.start.line === block.loc.start.line;
  const innerStart = sameLine ? first.range[0] : start;
  const innerEnd = last ? last.range[1] : block.range[1] - 1;
  const raw = sourceCode.text.slice(innerStart, innerEnd);
  const lines = raw.split('\n');
  const reindent = !hasMultilineTemplate(sourceCode, block);
  const body = lines
    .map((line, index) => {
      if (line.trim() === '') return '';
      if (sameLine && index === 0) return `${base}${unit}${unit}${line}`;
      return reindent ? `${unit}${line}` : line;
    })
    .join('\n');
  const text = [
    '{',
    `${base}${unit}try {`,
    body,
    `${base}${unit}} catch (error) {`,
    `${base}${unit}${unit}${logLine(label)}`,
    `${base}${unit}}`,
    `${base}}`,
  ].join('\n');
  return { range: block.range, text };
}

/**
 * The suggestion's edit: the whole body inside `try { … } catch (error) { console.error(…) }`,
 * where the logging call is a placeholder for the project's own logger. Never an autofix: what
 * the loop should do after a failure (log, count, back off) is the author's decision.
 */
export function wrapInTryCatch(
  body: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  label: string,
  isAsyncArrow: boolean,
): Replacement | undefined {
  if (body.type === AST_NODE_TYPES.BlockStatement) return body.body.length === 0 ? undefined : wrapBlock(body, sourceCode, label);
  const text = sourceCode.getText(body);
  if (body.type.endsWith('Statement') || body.type.endsWith('Declaration')) {
    return { range: body.range, text: `{ try { ${text} } catch (error) { ${logLine(label)} } }` };
  }
  // An arrow's expression body: it becomes a block, awaiting the value if the arrow is async.
  const needsParens = body.type === AST_NODE_TYPES.ObjectExpression || body.type === AST_NODE_TYPES.SequenceExpression;
  const expression = needsParens ? `(${text})` : text;
  const statement = isAsyncArrow ? `await ${expression};` : `${expression};`;
  let range = body.range;
  const before = sourceCode.getTokenBefore(body);
  const after = sourceCode.getTokenAfter(body);
  if (before?.value === '(' && after?.value === ')' && sourceCode.getTokenBefore(before)?.value === '=>') {
    range = [before.range[0], after.range[1]];
  }
  return { range, text: `{ try { ${statement} } catch (error) { ${logLine(label)} } }` };
}
