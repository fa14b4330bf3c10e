'use client';
import { javascript } from '@codemirror/lang-javascript';
import CodeMirror, { Decoration, EditorView, StateEffect, StateField } from '@uiw/react-codemirror';
import { memo, useEffect, useState } from 'react';
import type { LineRange } from '@/lib/designs/node-code';
import { useResolvedTheme } from './theme';

/** Marks the lines of the selected node's code. */
const setHighlight = StateEffect.define<LineRange | null>();
const highlightField = StateField.define({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setHighlight)) continue;
      const range = effect.value;
      if (!range || range.from > tr.state.doc.lines) {
        next = Decoration.none;
        continue;
      }
      const last = Math.min(range.to, tr.state.doc.lines);
      const marks = [];
      for (let n = range.from; n <= last; n++) marks.push(Decoration.line({ class: 'cm-node-line' }).range(tr.state.doc.line(n).from));
      next = Decoration.set(marks);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const EXTENSIONS = [javascript({ typescript: true }), EditorView.lineWrapping, highlightField];
const SETUP = { foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false };

/**
 * Read-only TypeScript viewer (loaded only in the browser); `highlight` marks and reveals lines.
 * A new `value` is applied as the one changed range, not as a new document: CodeMirror keeps its
 * syntax tree and scroll position, so a keystroke in a 3,000-line workflow costs what it changed.
 */
function CodeView({ value, highlight }: { value: string; highlight?: LineRange | null }) {
  const theme = useResolvedTheme();
  // The editor view exists only after CodeMirror's own effect ran: keep it in state so the highlight follows.
  const [view, setView] = useState<EditorView | null>(null);
  // CodeMirror's own `value` sync replaces the whole document: give it the first text only.
  const [initialValue] = useState(value);
  useEffect(() => {
    if (view) applyChangedRange(view, value);
  }, [view, value]);
  const from = highlight?.from;
  const to = highlight?.to;
  useEffect(() => {
    if (!view) return;
    const range = from && to ? { from, to } : null;
    const effects: StateEffect<unknown>[] = [setHighlight.of(range)];
    if (range && range.from <= view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(view.state.doc.line(range.from).from, { y: 'start', yMargin: 24 }));
    }
    view.dispatch({ effects });
  }, [view, from, to, value]);
  return <CodeMirror onCreateEditor={setView} value={initialValue} editable={false} readOnly extensions={EXTENSIONS} basicSetup={SETUP} height="100%" className="cm-host" theme={theme} />;
}

export default memo(CodeView);

/** Replaces only the span between the common prefix and suffix of the shown and the new text. */
function applyChangedRange(view: EditorView, next: string): void {
  const current = view.state.doc.toString();
  if (current === next) return;
  const limit = Math.min(current.length, next.length);
  let prefix = 0;
  while (prefix < limit && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  view.dispatch({ changes: { from: prefix, to: current.length - suffix, insert: next.slice(prefix, next.length - suffix) } });
}
