import { childrenOf, type Expr } from './ast';

/**
 * The top-level names an expression reads (for `input.x`, that is "input"); functions excluded, and
 * so is the item name of `item => …` inside its function (it names each item, not a variable).
 */
export function referencedNames(ast: Expr): Set<string> {
  const names = new Set<string>();
  const visit = (e: Expr, bound: ReadonlySet<string>): void => {
    if (e.kind === 'identifier') {
      if (!bound.has(e.name)) names.add(e.name);
    } else if (e.kind === 'lambda') {
      visit(e.body, new Set([...bound, e.param]));
    } else {
      for (const child of childrenOf(e)) visit(child, bound);
    }
  };
  visit(ast, new Set());
  return names;
}
