/**
 * Where the theme choice is kept (localStorage) and the script that applies it before first paint.
 * Browser-safe; shared by the designer's toggle, app/layout.tsx and the CSP hash (lib/security-headers.ts).
 */
export const THEME_STORAGE_KEY = 'signalbox.theme';

/**
 * Runs in <head> before the first paint of every page, so a chosen theme shows at once and on pages
 * without a theme toggle. Fixed text: no user data goes into it.
 */
export const THEME_PREPAINT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
