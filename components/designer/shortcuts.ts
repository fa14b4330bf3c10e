/** Every keyboard shortcut of the designer, as the help dialog lists them. "Mod" is Ctrl, or ⌘ on a Mac. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['Mod', 'Z'], action: 'Undo' },
  { keys: ['Shift', 'Mod', 'Z'], action: 'Redo' },
  { keys: ['Mod', 'Y'], action: 'Redo' },
  { keys: ['Mod', 'C'], action: 'Copy the selection (as design JSON, pastes into any design)' },
  { keys: ['Mod', 'X'], action: 'Cut the selection' },
  { keys: ['Mod', 'V'], action: 'Paste' },
  { keys: ['Mod', 'A'], action: 'Select everything' },
  { keys: ['Delete'], action: 'Delete the selection (also Backspace)' },
  { keys: ['Shift', 'Drag'], action: 'Select several nodes with a box (Mod-click adds one)' },
  { keys: ['Shift', 'L'], action: 'Auto-layout' },
  { keys: ['Shift', '1'], action: 'Zoom to fit' },
  { keys: ['Mod', 'S'], action: 'Save now (changes also save by themselves)' },
  { keys: ['Esc'], action: 'Clear the selection' },
  { keys: ['?'], action: 'Show these shortcuts' },
];

/** True when the keystroke belongs to a text field, a select or a code editor, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.cm-editor');
}

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
