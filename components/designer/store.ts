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
import type { Design, NodeType } from '@/codegen/design';
import { makeFragment, withFreshIds, type Fragment } from '@/lib/designs/fragment';
import type { EdgeRoute } from '@/lib/designs/layout';
import type { Diagnostic, GeneratedFile } from '../api/types';
import { makeEdge } from '../flow/edges';
import { dropEstimates, withLayoutEstimates } from '../flow/estimate';
import { isHandlerType, sourceHandles } from '../flow/handles';
import type { DesignerEdge, DesignerNode, NodeData, WorkflowSettings } from '../flow/types';
import type { ConnectionVerdict, DragEnd } from './connection';
import { designToFlow, flowToDesign } from './convert';
import { changeEdge, type ConnectionEdit } from './edge-edit';
import { defaultNodeData, newId } from './defaults';
import { emptyHistory, endRun, record, redo, undo, type History, type Snapshot } from './history';

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
  /** Bumped on every change worth saving (moves included); a save knows which changes it carried. */
  changeCount: number;
  savedVersion: number | null;
  history: History;
  compile: { status: CompileStatus; diagnostics: Diagnostic[]; files: GeneratedFile[]; error?: string };
}

export interface DesignerActions {
  onNodesChange: (changes: NodeChange<DesignerNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<DesignerEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** Adds a node (with `data` over the kind's defaults), selected; returns its id. */
  addNode: <T extends NodeType>(type: T, position: XYPosition, data?: Partial<NodeData<T>>) => string;
  /**
   * Adds a node connected to the handle a connection was dragged from (dropped on empty canvas), in
   * one undoable step; `handle` is the new node's end (connect-menu.ts). Returns the new node's id.
   */
  addConnectedNode: (type: NodeType, position: XYPosition, from: DragEnd, handle: string) => string;
  updateNodeData: <T extends NodeType>(id: string, patch: Partial<NodeData<T>>) => void;
  /** Moves a connection to another output or target (the edge inspector); refused with the reason a drag would give. */
  updateEdge: (id: string, change: ConnectionEdit) => ConnectionVerdict;
  updateWorkflow: (patch: Partial<WorkflowSettings>) => void;
  selectNode: (id: string | null) => void;
  selectAll: () => void;
  /** Removes the selected nodes (never Start) and edges, and the edges of removed nodes. */
  deleteSelection: () => void;
  /** The selected nodes and the edges between them, as design JSON; null when nothing is selected. */
  copySelection: () => Fragment | null;
  /** Adds a fragment with fresh ids, offset from its original place, and selects it. */
  paste: (fragment: Fragment, offset: XYPosition) => void;
  /** Moves nodes to new positions in one undoable step (auto-layout). */
  /**
   * How the design is drawn when it opens, not an edit (no undo step, nothing to save): nodes
   * moved to `positions` (a design whose nodes overlap), edges given their `routes`.
   */
  arrange: (positions: ReadonlyMap<string, XYPosition> | null, routes: ReadonlyMap<string, EdgeRoute>) => void;
  /** Moves nodes (one undoable step); with `routes` (an auto-layout's), each edge follows its route on the canvas. */
  moveNodes: (positions: ReadonlyMap<string, XYPosition>, routes?: ReadonlyMap<string, EdgeRoute>) => void;
  /** Replaces the whole design (import, reload from the server); undoable unless `version` is given. */
  replaceDesign: (design: Design, version?: number) => void;
  /** Replaces the whole design in one undoable step, computed from the current one (renames). */
  editDesign: (edit: (design: Design) => Design) => void;
  undo: () => void;
  redo: () => void;
  /** A save of the content as of `changeCount` succeeded. */
  markSaved: (version: number, changeCount: number) => void;
  setCompile: (compile: DesignerState['compile']) => void;
  toDesign: () => Design;
}

export type DesignerStore = DesignerState & DesignerActions;

const CONTENT_CHANGES = new Set(['add', 'remove', 'replace']);

/** A new node of a kind (with `data` over the kind's defaults), selected and sized up front. */
function newNode<T extends NodeType>(id: string, type: T, position: XYPosition, data?: Partial<NodeData<T>>): DesignerNode {
  return withLayoutEstimates([{ id, type, position, data: { ...defaultNodeData(type), ...data }, selected: true } as DesignerNode])[0]!;
}

/** The edges with connection `c` added (null if its source is unknown or has no handle). */
function connected(nodes: readonly DesignerNode[], edges: DesignerEdge[], c: Connection): DesignerEdge[] | null {
  const source = nodes.find((n) => n.id === c.source);
  if (!source || !c.sourceHandle) return null;
  const fromHandler = isHandlerType(source.type);
  const edge = makeEdge({ id: newId(), source: c.source, target: c.target, sourceHandle: c.sourceHandle, fromHandler });
  // An output leads to one place: a new connection replaces the old one from the same handle.
  const kept = fromHandler ? edges : edges.filter((e) => !(e.source === c.source && e.sourceHandle === c.sourceHandle));
  return addEdge(edge, kept);
}

export function createDesignerStore(init: { designId: string; design: Design; version: number | null }) {
  const { workflow, edges, ...loaded } = designToFlow(init.design);
  // Sized and handled up front, so React Flow only renders (and measures) the nodes in view.
  const nodes = withLayoutEstimates(loaded.nodes);
  return createStore<DesignerStore>()((set, get) => {
    const snapshot = (): Snapshot => ({ workflow: get().workflow, nodes: get().nodes, edges: get().edges });
    /** State fields for an edit: history step (coalesced by key), dirty, counters. */
    const edit = (key: string | null, content = true) => ({
      history: record(get().history, snapshot(), key, Date.now()),
      dirty: true,
      changeCount: get().changeCount + 1,
      revision: get().revision + (content ? 1 : 0),
    });
    const restore = (step: { history: History; snapshot: Snapshot } | null) => {
      if (!step) return;
      const nodes = withLayoutEstimates(step.snapshot.nodes, get().nodes);
      set({ ...step.snapshot, nodes, history: step.history, dirty: true, changeCount: get().changeCount + 1, revision: get().revision + 1 });
    };
    const deselected = <T extends { selected?: boolean }>(items: T[]) => items.map((i) => (i.selected ? { ...i, selected: false } : i));

    return {
      designId: init.designId,
      workflow,
      nodes,
      edges,
      dirty: false,
      revision: 0,
      changeCount: 0,
      savedVersion: init.version,
      history: emptyHistory(),
      compile: { status: 'idle', diagnostics: [], files: [] },

      onNodesChange: (changes) => {
        const content = changes.some((c) => CONTENT_CHANGES.has(c.type));
        const moves = changes.filter((c) => c.type === 'position' && c.position);
        const measured = new Set(changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [c.id] : [])));
        const next = dropEstimates(applyNodeChanges(changes, get().nodes), measured);
        if (content) {
          // A delete removes nodes and their edges in two calls: one undo step.
          set({ nodes: next, ...edit('remove') });
        } else if (moves.length > 0) {
          const key = `move:${moves.map((c) => ('id' in c ? c.id : '')).sort().join(',')}`;
          const state = edit(key, false);
          const ended = changes.every((c) => c.type !== 'position' || !c.dragging);
          set({ nodes: next, ...state, history: ended ? endRun(state.history) : state.history });
        } else {
          set({ nodes: next });
        }
      },
      onEdgesChange: (changes) => {
        const content = changes.some((c) => CONTENT_CHANGES.has(c.type));
        set({ edges: applyEdgeChanges(changes, get().edges), ...(content ? edit('remove') : {}) });
      },
      onConnect: (c) => {
        const edges = connected(get().nodes, get().edges, c);
        if (edges) set({ ...edit(null), edges });
      },
      addNode: (type, position, data) => {
        const id = newId();
        set({ ...edit(null), nodes: [...deselected(get().nodes), newNode(id, type, position, data)], edges: deselected(get().edges) });
        return id;
      },
      addConnectedNode: (type, position, from, handle) => {
        const id = newId();
        const nodes = [...deselected(get().nodes), newNode(id, type, position)];
        const [source, target] = from.type === 'source' ? [{ nodeId: from.nodeId, id: from.id ?? null }, { nodeId: id, id: handle }] : [{ nodeId: id, id: handle }, { nodeId: from.nodeId, id: from.id ?? null }];
        const c = { source: source.nodeId, sourceHandle: source.id, target: target.nodeId, targetHandle: target.id };
        const edges = connected(nodes, deselected(get().edges), c) ?? deselected(get().edges);
        set({ ...edit(null), nodes, edges });
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
        const before = get().edges;
        const kept = before.filter((e) => e.source !== id || valid.has(e.sourceHandle ?? ''));
        // The same array when no edge went: React Flow then skips re-indexing every edge.
        const edges = kept.length === before.length ? before : kept;
        // Typing in one field is one undo step.
        set({ ...edit(`data:${id}:${Object.keys(patch).sort().join(',')}`), nodes, edges });
      },
      updateEdge: (id, change) => {
        const result = changeEdge(get(), id, change);
        if (!result.ok) return result;
        set({ ...edit(null), edges: result.edges });
        return { ok: true };
      },
      updateWorkflow: (patch) =>
        set({ ...edit(`workflow:${Object.keys(patch).sort().join(',')}`), workflow: { ...get().workflow, ...patch } }),
      selectNode: (id) =>
        set({
          nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: deselected(get().edges),
        }),
      selectAll: () =>
        set({
          nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        }),
      deleteSelection: () => {
        const removed = new Set(get().nodes.filter((n) => n.selected && n.type !== 'start').map((n) => n.id));
        const edges = get().edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target));
        if (removed.size === 0 && edges.length === get().edges.length) return;
        set({ ...edit(null), nodes: get().nodes.filter((n) => !removed.has(n.id)), edges });
      },
      copySelection: () => {
        const { workflow, nodes, edges } = get();
        const design = flowToDesign({ workflow, nodes: nodes.filter((n) => n.selected), edges });
        const fragment = makeFragment(design.nodes, design.edges);
        return fragment.nodes.length > 0 ? fragment : null;
      },
      paste: (fragment, offset) => {
        const fresh = withFreshIds(fragment, offset, newId);
        const { workflow } = get();
        const added = designToFlow({ ...workflow, nodes: fresh.nodes, edges: fresh.edges });
        set({
          ...edit(null),
          nodes: [...deselected(get().nodes), ...withLayoutEstimates(added.nodes).map((n) => ({ ...n, selected: true }))],
          edges: [...deselected(get().edges), ...added.edges],
        });
      },
      arrange: (positions, routes) =>
        set({
          ...(positions ? { nodes: get().nodes.map((n) => (positions.has(n.id) ? { ...n, position: { ...positions.get(n.id)! } } : n)) } : {}),
          edges: get().edges.map((e) => ({ ...e, data: { ...e.data, route: routes.get(e.id) } })),
        }),
      moveNodes: (positions, routes) =>
        set({
          ...edit(null, false),
          nodes: get().nodes.map((n) => {
            const p = positions.get(n.id);
            return p ? { ...n, position: { ...p } } : n;
          }),
          ...(routes ? { edges: get().edges.map((e) => ({ ...e, data: { ...e.data, route: routes.get(e.id) } })) } : {}),
        }),
      replaceDesign: (design, version) => {
        const loaded = designToFlow(design);
        const flow = { ...loaded, nodes: withLayoutEstimates(loaded.nodes, get().nodes) };
        if (version === undefined) {
          set({ ...edit(null), ...flow });
        } else {
          set({ ...flow, history: emptyHistory(), dirty: false, changeCount: get().changeCount + 1, revision: get().revision + 1, savedVersion: version });
        }
      },
      editDesign: (change) => {
        const flow = designToFlow(change(get().toDesign()));
        const selected = new Set(get().nodes.filter((n) => n.selected).map((n) => n.id));
        const nodes = withLayoutEstimates(flow.nodes, get().nodes);
        set({ ...edit(null), ...flow, nodes: nodes.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n)) });
      },
      undo: () => restore(undo(get().history, snapshot())),
      redo: () => restore(redo(get().history, snapshot())),
      markSaved: (version, changeCount) => set({ savedVersion: version, dirty: get().changeCount !== changeCount }),
      setCompile: (compile) => set({ compile }),
      toDesign: () => {
        const { workflow, nodes, edges } = get();
        return flowToDesign({ workflow, nodes, edges });
      },
    };
  });
}

export type DesignerStoreApi = ReturnType<typeof createDesignerStore>;
