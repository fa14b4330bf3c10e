'use client';
import { acceptCompletion, autocompletion, completionStatus, type CompletionContext } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { forceLinting, linter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView, keymap, Prec, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
import { completeExpression, syntaxError, type ExpressionScope } from '@/lib/designs/expression-assist';
import type { Diagnostic } from '../../api/types';
import { useResolvedTheme } from '../theme';

export interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  scope: ExpressionScope;
  /** The code generator's findings for this field; those with a range are underlined where they are. */
  diagnostics: Diagnostic[];
}

const SETUP = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  autocompletion: false,
  closeBrackets: false,
  searchKeymap: false,
} as const;

/**
 * A one-line code input for the expression language: highlighting, completion of the names in
 * scope, and errors underlined at their position (syntax errors at once, type errors from the
 * code generator). Enter never adds a line; it accepts a completion when one is open.
 */
export default function ExpressionEditor({ value, onChange, testId, placeholder, scope, diagnostics }: ExpressionEditorProps) {
  const theme = useResolvedTheme();
  const scopeRef = useRef(scope);
  const diagnosticsRef = useRef(diagnostics);
  const editor = useRef<ReactCodeMirrorRef>(null);
  useEffect(() => {
    scopeRef.current = scope;
  }, [scope]);
  useEffect(() => {
    diagnosticsRef.current = diagnostics;
    if (editor.current?.view) forceLinting(editor.current.view);
  }, [diagnostics]);

  const extensions = useMemo(
    () => [
      javascript(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'data-testid': testId, 'aria-multiline': 'false' }),
      // One line: Enter accepts the open completion, otherwise does nothing.
      Prec.highest(keymap.of([{ key: 'Enter', run: (view) => (completionStatus(view.state) === 'active' ? acceptCompletion(view) : true) }])),
      autocompletion({
        // Enter has no other meaning in a one-line field: accept at once (the default waits 75 ms).
        interactionDelay: 0,
        override: [
          (context: CompletionContext) => {
            const before = context.state.sliceDoc(0, context.pos);
            const result = completeExpression(before, scopeRef.current);
            if (!result || (!context.explicit && result.from === context.pos && !before.endsWith('.'))) return null;
            return { from: result.from, options: result.options, validFor: /^\w*$/ };
          },
        ],
      }),
      linter(
        (view) => {
          const text = view.state.doc.toString();
          const found: LintDiagnostic[] = [];
          const syntax = syntaxError(text);
          if (syntax) found.push({ from: syntax.from, to: syntax.to, severity: 'error', message: syntax.message });
          for (const d of syntax ? [] : diagnosticsRef.current) {
            if (!d.range || d.range.end > text.length) continue;
            found.push({ from: d.range.start, to: d.range.end, severity: d.severity, message: d.message });
          }
          return found;
        },
        { delay: 150 },
      ),
    ],
    [testId],
  );

  return (
    <CodeMirror ref={editor} value={value} onChange={onChange} extensions={extensions} basicSetup={SETUP} theme={theme}
      placeholder={placeholder} className="expr-editor" indentWithTab={false} />
  );
}
