import ts from 'typescript';

/* The child of `node` whose range (leading trivia included) holds `position`, by binary search. */
function childAt(node: ts.Node, position: number): ts.Node | undefined {
  const holds = (child: ts.Node): boolean => child.pos <= position && position < child.end;
  return ts.forEachChild(
    node,
    (child) => (holds(child) ? child : undefined),
    (children) => {
      let low = 0;
      let high = children.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const child = children[middle] as ts.Node;
        if (position < child.pos) high = middle - 1;
        else if (position >= child.end) low = middle + 1;
        else return child;
      }
      return undefined;
    },
  );
}

/**
 * The innermost node at a text position: for a modifier keyword, the keyword token itself; for
 * a word inside a JSDoc comment, the first token of the declaration the comment documents.
 */
export function innermostNodeAt(file: ts.SourceFile, position: number): ts.Node {
  let node: ts.Node = file;
  for (let child = childAt(node, position); child; child = childAt(node, position)) node = child;
  return node;
}
