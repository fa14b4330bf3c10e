import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { NodeType } from '@/codegen/design';
import type { FormProps } from '../designer/inspector/forms';
import type { DesignerNodeOf, NodeData } from '../flow/types';

/** Visual family (colour): flow steps, branching, endings, and each message kind. */
export type Family = 'flow' | 'branch' | 'end' | 'signal' | 'query' | 'update';

/** The palette's sections, in display order. */
export const PALETTE_SECTIONS = ['Steps', 'Messages'] as const;
export type PaletteSection = (typeof PALETTE_SECTIONS)[number];

/**
 * Everything the designer shows of one node kind (its name comes with its codegen definition:
 * kindTitle in codegen/kinds.ts), declared once in components/steps/<kind>.tsx;
 * what the kind generates is its definition in codegen/steps/<kind>.ts (flow steps) or
 * codegen/messages/<kind>.ts (messages).
 */
export interface StepUi<K extends NodeType> {
  kind: K;
  /** One line under the title in the palette and the inspector. */
  description: string;
  family: Family;
  /** Stroke path of the kind's 24×24 icon (components/flow/NodeIcon.tsx draws it). */
  icon: string;
  /** The palette section offering the kind; none for Start (a design has exactly one, created with it). */
  palette?: PaletteSection;
  /** How a node of this kind is drawn on the canvas (React Flow's node type). */
  Node: ComponentType<NodeProps<DesignerNodeOf<K>>>;
  /** The kind's own fields in the inspector, below the label and description every node has. */
  Form: ComponentType<FormProps<K>>;
  /** The data a freshly dropped node starts with (a function: some defaults carry fresh ids). */
  newData: () => NodeData<K>;
}
