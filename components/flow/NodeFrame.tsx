'use client';
import { kindTitle, type NodeType } from '@/codegen/design';
import type { ReactNode } from 'react';
import { useNodeDecoration } from './decorations';
import { STEP_UI } from '../steps';
import { NodeIcon } from './NodeIcon';

interface NodeFrameProps {
  id: string;
  type: NodeType;
  label: string;
  subtitle?: ReactNode;
  selected?: boolean;
  children?: ReactNode;
}

/** The shared chrome of every node: kind, label, summary, diagnostics badge, run-state marks. */
export function NodeFrame({ id, type, label, subtitle, selected, children }: NodeFrameProps) {
  const { diagnostics, current, visited } = useNodeDecoration(id);
  const severity = diagnostics?.some((d) => d.severity === 'error') ? 'error' : diagnostics?.length ? 'warning' : undefined;
  return (
    <div
      className={`fnode fnode--${STEP_UI[type].family}${selected ? ' is-selected' : ''}`}
      data-testid={`flow-node-${type}`}
      data-current={current ? 'true' : undefined}
      data-visited={visited ? 'true' : undefined}
      data-severity={severity}
    >
      <div className="fnode__head">
        <span className="fnode__icon"><NodeIcon type={type} size={13} /></span>
        <span className="fnode__kind">{kindTitle(type)}</span>
        {severity && (
          <span className={`fnode__badge fnode__badge--${severity}`} data-testid="node-diagnostic-badge"
            title={diagnostics!.map((d) => d.message).join('\n')}>
            {diagnostics!.length}
          </span>
        )}
      </div>
      <div className="fnode__label">{label || <span className="muted">Untitled</span>}</div>
      {subtitle ? <div className="fnode__sub">{subtitle}</div> : null}
      {children}
    </div>
  );
}
