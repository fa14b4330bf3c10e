import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { Design, NodeType } from '../../codegen/schema/design';
import type { Diagnostic, GeneratedFile } from '../api/types';
import { makeEdge } from '../flow/edges';
import { isHandlerType, sourceHandles } from '../flow/handles';
import type { DesignerEdge, DesignerNode, NodeData, WorkflowSettings } from '../flow/types';
import { designToFlow, flowToDesign } from './convert';
import { defaultNodeData, newId } from './defaults';

export type CompileStatus = 'idle' | 'pending' | 'ok' | 'error';

export interface DesignerState {
  designId: string;
  workflow: WorkflowSettings;
  nodes: DesignerNode[];
  edges: DesignerEdge[];
  /** Unsaved changes since the last save or load. */
  dirty: boolean;
  /** Bumped on every change that can affect generated code (not on moves or selection). */
  revision: number;
  savedVersion: number | null;
  compile: { status: CompileStatus; diagnostics: Diagnostic[]; files: GeneratedFile[]; error?: string };
}

export interface DesignerActions {
  onNodesChange: (changes: NodeChange<DesignerNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<DesignerEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  addNode: (type: NodeType, position: XYPosition) => string;
  updateNodeData: <T extends NodeType>(id: string, patch: Partial<NodeData<T>>) => void;
  updateWorkflow: (patch: Partial<WorkflowSettings>) => void;
  selectNode: (id: string | null) => void;
  markSaved: (version: number) => void;
  setCompile: (compile: DesignerState['compile']) => void;
  toDesign: () => Design;
}

export type DesignerStore = DesignerState & DesignerActions;

const CONTENT_CHANGES = new Set(['add', 'remove', 'replace']);

export function createDesignerStore(init: { designId: string; design: Design; version: number | null }) {
  const { workflow, nodes, edges } = designToFlow(init.design);
  return createStore<DesignerStore>()((set, get) => {
    const touch = (content: boolean) => ({ dirty: true, revision: get().revision + (content ? 1 : 0) });
    return {
      designId: init.designId,
      workflow,
      nodes,
      edges,
      dirty: false,
      revision: 0,
      savedVersion: init.version,
      compile: { status: 'idle', diagnostics: [], files: [] },

      onNodesChange: (changes) => {
        const content = changes.some((c) => CONTENT_CHANGES.has(c.type));
        const moved = changes.some((c) => c.type === 'position' && c.position);
        set({ nodes: applyNodeChanges(changes, get().nodes), ...(content || moved ? touch(content) : {}) });
      },
      onEdgesChange: (changes) => {
        const content = changes.some((c) => CONTENT_CHANGES.has(c.type));
        set({ edges: applyEdgeChanges(changes, get().edges), ...(content ? touch(true) : {}) });
      },
      onConnect: (c) => {
        const source = get().nodes.find((n) => n.id === c.source);
        if (!source || !c.sourceHandle) return;
        const fromHandler = isHandlerType(source.type);
        const edge = makeEdge({ id: newId(), source: c.source, target: c.target, sourceHandle: c.sourceHandle, fromHandler });
        // An output leads to one place: a new connection replaces the old one from the same handle.
        const kept = fromHandler
          ? get().edges
          : get().edges.filter((e) => !(e.source === c.source && e.sourceHandle === c.sourceHandle));
        set({ edges: addEdge(edge, kept), ...touch(true) });
      },
      addNode: (type, position) => {
        const id = newId();
        const node = { id, type, position, data: defaultNodeData(type), selected: true } as DesignerNode;
        set({ nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], ...touch(true) });
        return id;
      },
      updateNodeData: (id, patch) => {
        let updated: DesignerNode | undefined;
        const nodes = get().nodes.map((n) => {
          if (n.id !== id) return n;
          updated = { ...n, data: { ...n.data, ...patch } } as DesignerNode;
          return updated;
        });
        if (!updated) return;
        // Drop edges whose output no longer exists (a removed branch, a cleared timeout).
        const valid = new Set(sourceHandles({ type: updated.type, ...updated.data } as never));
        const edges = get().edges.filter((e) => e.source !== id || valid.has(e.sourceHandle ?? ''));
        set({ nodes, edges, ...touch(true) });
      },
      updateWorkflow: (patch) => set({ workflow: { ...get().workflow, ...patch }, ...touch(true) }),
      selectNode: (id) =>
        set({
          nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        }),
      markSaved: (version) => set({ savedVersion: version, dirty: false }),
      setCompile: (compile) => set({ compile }),
      toDesign: () => {
        const { workflow, nodes, edges } = get();
        return flowToDesign({ workflow, nodes, edges });
      },
    };
  });
}

export type DesignerStoreApi = ReturnType<typeof createDesignerStore>;
