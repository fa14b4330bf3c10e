'use client';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { applyTheme, setTheme, useTheme, type ThemeChoice } from '../designer/theme';
import { Icon, type IconName } from '../ui/Icon';
import styles from './ThemeControl.module.css';

const CHOICES: readonly { value: ThemeChoice; label: string; icon: IconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
  { value: 'system', label: 'System', icon: 'monitor' },
];

/**
 * The app's one theme control, in the top bar of every page: Light, Dark or System (the OS's), an
 * explicit choice (a radio group: ←/→ move and choose), remembered across visits and tabs.
 */
export function ThemeControl() {
  const theme = useTheme();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => applyTheme(theme), [theme]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const index = (CHOICES.findIndex((c) => c.value === theme) + step + CHOICES.length) % CHOICES.length;
    setTheme(CHOICES[index]!.value);
    buttons.current[index]?.focus();
  };

  return (
    <div className={styles.group} role="radiogroup" aria-label="Theme" data-testid="theme-control" data-theme-choice={theme} onKeyDown={onKeyDown}>
      {CHOICES.map((c, i) => (
        <button key={c.value} ref={(el) => { buttons.current[i] = el; }} type="button" role="radio" aria-checked={theme === c.value}
          tabIndex={theme === c.value ? 0 : -1} className={styles.option} data-testid={`theme-${c.value}`}
          title={`${c.label} theme`} aria-label={c.label} onClick={() => setTheme(c.value)}>
          <Icon name={c.icon} size={14} />
        </button>
      ))}
    </div>
  );
}
