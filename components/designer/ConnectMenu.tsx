'use client';
import { kindTitle } from '@/codegen/design';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { NodeIcon } from '../flow/NodeIcon';
import { STEP_UI } from '../steps';
import { filterKinds, type FittingKind } from './connect-menu';
import styles from './ConnectMenu.module.css';
import type { ConnectMenuState } from './useConnectEnd';

/** Room the menu takes (its CSS width, and the height of its search box and longest list). */
const MENU_WIDTH = 220;
const MENU_HEIGHT = 320;
const selectSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });

/** Opens down and right of the drop point, or up/left where the canvas has no room for it. */
function placement(at: { x: number; y: number }, size: { width: number; height: number }): CSSProperties {
  const horizontal = at.x + MENU_WIDTH > size.width ? { right: Math.max(size.width - at.x, 0) } : { left: at.x };
  const vertical = at.y + MENU_HEIGHT > size.height && at.y > size.height / 2 ? { bottom: Math.max(size.height - at.y, 0) } : { top: at.y };
  return { ...horizontal, ...vertical };
}

interface ConnectMenuProps {
  menu: ConnectMenuState;
  onPick: (fit: FittingKind) => void;
  onClose: () => void;
}

/**
 * The steps that can go where a connection was dropped on empty canvas, at the drop point:
 * type to filter, ↑/↓ to move, Enter picks, Escape (or a click elsewhere) closes.
 * Rendered inside <ReactFlow>, positioned in its container's coordinates.
 */
export function ConnectMenu({ menu, onPick, onClose }: ConnectMenuProps) {
  const size = useStore(selectSize, (a, b) => a.width === b.width && a.height === b.height);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(
    () => menu.fits.map((fit) => ({ fit, title: kindTitle(fit.kind), description: STEP_UI[fit.kind].description })),
    [menu.fits],
  );
  const shown = filterKinds(items, query);
  const current = Math.min(active, shown.length - 1);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'Enter' && shown[current]) onPick(shown[current].fit);
    else if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(shown.length, 1));
    else if (e.key === 'ArrowUp') setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className={`${styles.menu} nopan nowheel`} style={placement(menu.at, size)} role="dialog"
      aria-label="Add a connected step" data-testid="connect-menu" onKeyDown={onKeyDown}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) onClose(); }}>
      <input className={styles.search} type="search" placeholder="Add a step…" aria-label="Search steps" autoFocus
        value={query} data-testid="connect-menu-search" role="combobox" aria-expanded="true" aria-controls="connect-menu-list"
        aria-activedescendant={shown[current] ? `connect-menu-${shown[current].fit.kind}` : undefined}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }} />
      <ul className={styles.list} role="listbox" id="connect-menu-list" aria-label="Steps that can go here">
        {shown.map(({ fit, title, description }, i) => (
          <li key={fit.kind} id={`connect-menu-${fit.kind}`} role="option" aria-selected={i === current} tabIndex={-1}
            className={styles.item} data-testid={`connect-menu-${fit.kind}`} title={description}
            onMouseEnter={() => setActive(i)} onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(fit)}>
            <span className={`${styles.icon} fam-${STEP_UI[fit.kind].family}`}><NodeIcon type={fit.kind} /></span>
            <span className={styles.title}>{title}</span>
          </li>
        ))}
        {shown.length === 0 && <li className={styles.empty}>No step matches</li>}
      </ul>
    </div>
  );
}
