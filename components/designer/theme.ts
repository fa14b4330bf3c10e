'use client';
import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY as KEY } from '@/lib/theme-script';

/** The chosen theme; "system" follows prefers-color-scheme. Persisted in localStorage. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const listeners = new Set<() => void>();

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Puts the choice on <html data-theme>; the CSS variables in globals.css do the rest. */
export function applyTheme(choice: ThemeChoice = read()) {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function setTheme(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyTheme(choice);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      applyTheme();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, read, () => 'system');
}

export const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

function subscribeScheme(listener: () => void) {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', listener);
  const unsubscribe = subscribe(listener);
  return () => {
    query.removeEventListener('change', listener);
    unsubscribe();
  };
}

function readResolved(): 'light' | 'dark' {
  const choice = read();
  if (choice !== 'system') return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme actually shown (the system's when no choice was made), for widgets with their own themes. */
export function useResolvedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribeScheme, readResolved, () => 'light');
}
