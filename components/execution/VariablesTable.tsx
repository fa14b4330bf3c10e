import type { Variable } from '@/codegen/design';

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

/** The workflow's variables as the designer query last reported them. */
export function VariablesTable({ declared, values }: { declared: Variable[]; values?: Record<string, unknown> }) {
  if (!values) return <p className="empty-small">Variables appear once the workflow answers its state query.</p>;
  const names = [...new Set([...declared.map((v) => v.name), ...Object.keys(values)])];
  if (names.length === 0) return <p className="empty-small">This workflow has no variables.</p>;
  const types = new Map(declared.map((v) => [v.name, v.type]));
  return (
    <table className="vars" data-testid="variables-table">
      <tbody>
        {names.map((n) => (
          <tr key={n} data-testid={`variable-${n}`}>
            <th scope="row">{n}<span className="muted"> {types.get(n) ?? ''}</span></th>
            <td><code className={typeof values[n] === 'string' ? 'str' : undefined}>{typeof values[n] === 'string' ? JSON.stringify(values[n]) : formatValue(values[n])}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
