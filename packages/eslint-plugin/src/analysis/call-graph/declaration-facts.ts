import type ts from 'typescript';
import type { JsDocTag } from '../jsdoc-tags.js';
import type { DeclarationFacts } from '../vocabulary/declaration-roles.js';
import type { CompilerApi } from './compiler-api.js';

/** The name a reader uses for a declaration: `Class.method`, `function`, `variable`, or undefined. */
export function qualifiedNameOf(api: CompilerApi, declaration: ts.Node): string | undefined {
  const named = namedNodeOf(api, declaration);
  if (!named) return undefined;
  if (api.isConstructorDeclaration(named)) return api.isClassLike(named.parent) && named.parent.name ? `${named.parent.name.text}.constructor` : undefined;
  const name = 'name' in named ? propertyNameText(api, named.name as ts.Node | undefined) : undefined;
  if (name === undefined) return undefined;
  const owner = ownerNameOf(api, named);
  return owner === undefined ? name : `${owner}.${name}`;
}

/**
 * The node that carries a function's name and JSDoc: the variable, property or assignment an
 * arrow function or function expression is stored in, or the declaration itself.
 */
export function namedNodeOf(api: CompilerApi, declaration: ts.Node): ts.Node | undefined {
  if (api.isArrowFunction(declaration) || (api.isFunctionExpression(declaration) && !declaration.name)) {
    const parent = declaration.parent;
    if (
      api.isVariableDeclaration(parent) ||
      api.isPropertyDeclaration(parent) ||
      api.isPropertyAssignment(parent)
    ) {
      return parent;
    }
    return undefined;
  }
  return declaration;
}

function propertyNameText(api: CompilerApi, name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (api.isIdentifier(name) || api.isPrivateIdentifier(name) || api.isStringLiteral(name) || api.isNumericLiteral(name)) {
    return name.text;
  }
  return undefined;
}

function ownerNameOf(api: CompilerApi, named: ts.Node): string | undefined {
  const parent = named.parent;
  if (api.isClassLike(parent) || api.isInterfaceDeclaration(parent)) return parent.name?.text;
  if (api.isObjectLiteralExpression(parent) && api.isVariableDeclaration(parent.parent)) {
    return propertyNameText(api, parent.parent.name);
  }
  return undefined;
}

function tagsOf(api: CompilerApi, node: ts.Node | undefined): JsDocTag[] {
  if (!node) return [];
  return api.getJSDocTags(node).map((tag) => ({
    name: tag.tagName.text,
    text: (api.getTextOfJSDocComment(tag.comment) ?? '').trim().split(/\s+/).filter(Boolean).join(' '),
  }));
}

function decoratorNames(api: CompilerApi, node: ts.Node): string[] {
  if (!api.canHaveDecorators(node)) return [];
  return (api.getDecorators(node) ?? []).flatMap((decorator) => {
    const expression = api.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    if (api.isIdentifier(expression)) return [expression.text];
    if (api.isPropertyAccessExpression(expression)) return [expression.name.text];
    return [];
  });
}

/** What the source says about a TypeScript declaration, as plain data for the vocabulary. */
export function declarationFacts(api: CompilerApi, declaration: ts.Node): DeclarationFacts {
  const named = namedNodeOf(api, declaration);
  const owner = named?.parent;
  const ownerClass = owner && api.isClassLike(owner) ? owner : undefined;
  return {
    qualifiedName: qualifiedNameOf(api, declaration),
    tags: tagsOf(api, named),
    // A class-level tag speaks for its methods, not for how instances are built.
    classTags: api.isMethodDeclaration(declaration) || api.isPropertyDeclaration(named ?? declaration) ? tagsOf(api, ownerClass) : [],
    decorators: named ? decoratorNames(api, named) : [],
    className: ownerClass?.name?.text,
  };
}
