import type { Diagnostic } from '../diagnostics';
import { isHandlerNode, type Design } from '../schema/design';
import { stepOf } from '../steps';
import { describeNode } from './describe';
import type { DesignArguments } from './target-arguments';

/** Where another design runs, as the caller resolved it: its stable task queue. */
export interface DesignResolution {
  taskQueue: string;
  /** How it takes its input and signals (the deployed version's), so a caller sends them that way; unknown: one record. */
  arguments?: DesignArguments;
}

/**
 * The designs a design may name (child workflows, signal-external), by design name, as the caller
 * knows them. The deploy pipeline passes the deployed ones; codegen itself knows no database.
 */
export type DesignResolutions = Readonly<Record<string, DesignResolution>>;

/** The other designs a design's steps name (this design itself left out), for the caller to resolve. */
export function namedDesigns(design: Design): string[] {
  const names = new Set<string>();
  for (const node of design.nodes) {
    if (isHandlerNode(node)) continue;
    stepOf(node).validate?.references?.(node, {
      design(_field, name) {
        if (name !== design.name) names.add(name);
      },
    });
  }
  return [...names];
}

/**
 * Every other design a step names is deployed. Without `designs` (the designer's live compile, the
 * exported project) nothing is reported: what is deployed is not known there, and a warning on
 * every reference, deployed or not, would only teach people to skip warnings. The deploy passes
 * `designs` and is refused on the first missing one, named.
 */
export function checkReferences(design: Design, designs: DesignResolutions | undefined): Diagnostic[] {
  if (!designs) return [];
  const diagnostics: Diagnostic[] = [];
  for (const node of design.nodes) {
    if (isHandlerNode(node)) continue;
    stepOf(node).validate?.references?.(node, {
      design(field, name) {
        if (name === design.name || Object.hasOwn(designs, name)) return;
        diagnostics.push({
          severity: 'error',
          code: 'reference.not-deployed',
          message: `${describeNode(node)} refers to the design ${JSON.stringify(name)}, which is not deployed; deploy it first`,
          nodeId: node.id,
          field,
        });
      },
    });
  }
  return diagnostics;
}
