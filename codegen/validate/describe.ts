import { kindTitle } from '../kinds';
import type { DesignNode } from '../schema/design';

/** How a node is named in a message: Wait "Await approval". */
export function describeNode(node: DesignNode): string {
  return `${kindTitle(node.type)} ${JSON.stringify(node.label || node.id)}`;
}
