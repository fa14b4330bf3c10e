'use client';
import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../api/types';
import { useResolvedTheme } from '../theme';
import styles from './activities.module.css';

export interface TypeScriptEditorProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Findings about this source; those with a range are underlined where they are. */
  diagnostics: Diagnostic[];
}

/** A custom activity's code: TypeScript highlighting, line numbers, findings underlined in place (from the app bundle). */
export default function TypeScriptEditor({ value, onChange, testId, diagnostics }: TypeScriptEditorProps) {
  const theme = useResolvedTheme();
  const editor = useRef<ReactCodeMirrorRef>(null);
  // Findings come from the code generator and the verifier, not from a linter running in the
  // page: they are set on the editor whenever they change (and move with the text as it is edited).
  const findings = JSON.stringify(diagnostics.filter((d) => d.range).map((d) => [d.range!.start, d.range!.end, d.severity, d.message]));
  const apply = useCallback(
    (view: EditorView | undefined) => {
      if (!view) return;
      const length = view.state.doc.length;
      const marks = (JSON.parse(findings) as [number, number, LintDiagnostic['severity'], string][])
        .filter(([start]) => start <= length)
        .map(([start, end, severity, message]): LintDiagnostic => ({ from: start, to: Math.min(Math.max(end, start + 1), length), severity, message }));
      view.dispatch(setDiagnostics(view.state, marks));
    },
    [findings],
  );
  useEffect(() => apply(editor.current?.view), [apply]);

  const extensions = useMemo(
    () => [
      javascript({ typescript: true }),
      EditorView.contentAttributes.of({ 'data-testid': testId, 'aria-label': 'Activity code (TypeScript)' }),
      lintGutter(),
    ],
    [testId],
  );
  return (
    <CodeMirror ref={editor} value={value} onChange={onChange} extensions={extensions} theme={theme} className={styles.code} onCreateEditor={apply}
      minHeight="220px" maxHeight="50vh" basicSetup={{ foldGutter: false, autocompletion: true, closeBrackets: true }} />
  );
}
