import ts from 'typescript';

/**
 * The text of a declaration's name when it is written literally (`name`, `#name`, `'name'`, `0`,
 * `['name']`); `undefined` for a computed name only the checker can evaluate.
 */
export function declarationNameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteralLike(name.expression) || ts.isNumericLiteral(name.expression))) {
    return name.expression.text;
  }
  return undefined;
}
