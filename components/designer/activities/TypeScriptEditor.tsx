'use client';
import { javascript } from '@codemirror/lang-javascript';
import { forceLinting, linter, lintGutter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
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
  const diagnosticsRef = useRef(diagnostics);
  const editor = useRef<ReactCodeMirrorRef>(null);
  useEffect(() => {
    diagnosticsRef.current = diagnostics;
    if (editor.current?.view) forceLinting(editor.current.view);
  }, [diagnostics]);

  const extensions = useMemo(
    () => [
      javascript({ typescript: true }),
      EditorView.contentAttributes.of({ 'data-testid': testId, 'aria-label': 'Activity code (TypeScript)' }),
      lintGutter(),
      linter(
        (view) => {
          const length = view.state.doc.length;
          return diagnosticsRef.current
            .filter((d) => d.range && d.range.start <= length)
            .map((d): LintDiagnostic => ({ from: d.range!.start, to: Math.min(d.range!.end, length), severity: d.severity, message: d.message }));
        },
        { delay: 100 },
      ),
    ],
    [testId],
  );
  return (
    <CodeMirror ref={editor} value={value} onChange={onChange} extensions={extensions} theme={theme} className={styles.code}
      minHeight="220px" maxHeight="50vh" basicSetup={{ foldGutter: false, autocompletion: true, closeBrackets: true }} />
  );
}
