'use client';
import type { Diagnostic } from '@/codegen/design';
import { focusNode, useFitView } from '../flow/fit';
import { Icon } from '../ui/Icon';
import { useOpenActivity } from './activities/open-activity';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';

/** Whether a finding points at something the designer can show: a custom activity or a node. */
export const isLocated = (d: Diagnostic) => d.activity !== undefined || d.nodeId !== undefined;

/** Shows what a finding concerns: opens its custom activity's editor, or selects its node and brings it into view (no node: clears the selection). */
export function useRevealDiagnostic(): (d: Diagnostic) => void {
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const openActivity = useOpenActivity((s) => s.setOpen);
  return (d) => {
    if (d.activity !== undefined) {
      openActivity(d.activity);
      return;
    }
    store.getState().selectNode(d.nodeId ?? null);
    if (d.nodeId) void fitView(focusNode(d.nodeId));
  };
}

/** One finding as a button (Problems list, deploy findings): severity, message, and where — a click reveals it. */
export function DiagnosticItem({ diagnostic: d, testId }: { diagnostic: Diagnostic; testId: string }) {
  const label = useDesignerStore((s) => (d.nodeId ? s.nodes.find((n) => n.id === d.nodeId)?.data.label : undefined));
  const reveal = useRevealDiagnostic();
  const where = d.activity !== undefined ? `Activity ${d.activity}` : d.nodeId ? label ?? d.nodeId : 'Workflow';
  return (
    <button type="button" className={`diag diag--${d.severity}`} data-testid={testId} onClick={() => reveal(d)} title={d.code}>
      <span className="diag__sev"><Icon name={d.severity === 'error' ? 'x-circle' : 'alert'} size={12} /></span>
      <span className="diag__msg">{d.message}</span>
      <span className="diag__where">{where}{d.field ? ` · ${d.field}` : ''}</span>
    </button>
  );
}
