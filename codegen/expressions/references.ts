import { childrenOf, type Expr } from './ast';

/** The top-level names an expression reads (for `input.x`, that is "input"); functions excluded. */
export function referencedNames(ast: Expr): Set<string> {
  const names = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'identifier') names.add(e.name);
    else childrenOf(e).forEach(visit);
  };
  visit(ast);
  return names;
}
