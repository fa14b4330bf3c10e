'use client';
import { useEffect } from 'react';
import { applyTheme, NEXT_THEME, setTheme, useTheme } from './theme';

const LABEL = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;
const ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/** Cycles system → light → dark; the choice is remembered across visits and tabs. */
export function ThemeToggle() {
  const theme = useTheme();
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <button type="button" className="btn btn--ghost btn--icon" data-testid="theme-toggle" data-theme-choice={theme}
      title={`${LABEL[theme]} (click to change)`} aria-label={LABEL[theme]} onClick={() => setTheme(NEXT_THEME[theme])}>
      {ICON[theme]}
    </button>
  );
}
