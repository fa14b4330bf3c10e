'use client';
import { javascript } from '@codemirror/lang-javascript';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useResolvedTheme } from './theme';

const EXTENSIONS = [javascript({ typescript: true }), EditorView.lineWrapping];
const SETUP = { foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false };

/** Read-only TypeScript viewer (loaded only in the browser). */
export default function CodeView({ value }: { value: string }) {
  const theme = useResolvedTheme();
  return <CodeMirror value={value} editable={false} readOnly extensions={EXTENSIONS} basicSetup={SETUP} height="100%" className="cm-host" theme={theme} />;
}
