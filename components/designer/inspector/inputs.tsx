'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { isExpressionPath } from '@/lib/designs/expression-fields';
import { ExpressionInput } from './ExpressionInput';
import { FieldMessages, useFieldDiagnostics } from './FieldContext';

interface BaseProps {
  /** The field's path in the design (as diagnostics name it); also its test id. */
  path: string;
  label?: string;
  hint?: ReactNode;
  testId?: string;
}

function Shell({ path, label, hint, children }: BaseProps & { children: ReactNode }) {
  const diagnostics = useFieldDiagnostics(path);
  return (
    <label className={`field${diagnostics.length ? ' has-diagnostics' : ''}`}>
      {label && <span className="field__label">{label}</span>}
      {children}
      <FieldMessages diagnostics={diagnostics} />
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  );
}

interface TextProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Expressions are code: monospace, no spellcheck. */
  expression?: boolean;
  multiline?: boolean;
}

export function TextInput({ value, onChange, placeholder, expression, multiline, ...base }: TextProps) {
  const props = {
    'data-testid': base.testId ?? `field-${base.path}`,
    className: `input${expression ? ' input--code' : ''}`,
    value,
    placeholder,
    spellCheck: !expression,
    autoComplete: 'off',
  };
  if (expression && !multiline && isExpressionPath(base.path)) return <ExpressionField {...base} value={value} onChange={onChange} placeholder={placeholder} />;
  return (
    <Shell {...base}>
      {multiline
        ? <textarea {...props} rows={2} onChange={(e) => onChange(e.target.value)} />
        : <input {...props} onChange={(e) => onChange(e.target.value)} />}
    </Shell>
  );
}

/** Expression fields get the code editor; names and plain text stay plain inputs. */
function ExpressionField({ value, onChange, placeholder, ...base }: BaseProps & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  const diagnostics = useFieldDiagnostics(base.path);
  return (
    <Shell {...base}>
      <ExpressionInput value={value} onChange={onChange} placeholder={placeholder} testId={base.testId ?? `field-${base.path}`}
        diagnostics={diagnostics} />
    </Shell>
  );
}

interface SelectProps<T extends string> extends BaseProps {
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (value: T) => void;
}

export function SelectInput<T extends string>({ value, options, onChange, ...base }: SelectProps<T>) {
  return (
    <Shell {...base}>
      <select className="input" data-testid={base.testId ?? `field-${base.path}`} value={value}
        onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return <option key={opt.value} value={opt.value}>{opt.label}</option>;
        })}
      </select>
    </Shell>
  );
}

interface NumberProps extends BaseProps {
  value: number;
  onChange: (value: number) => void;
  min?: number;
}

/** Keeps the text while the user types; only valid numbers reach the design. */
export function NumberInput({ value, onChange, min, ...base }: NumberProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : String(value)));
  }, [value]);
  return (
    <Shell {...base}>
      <input className="input" type="number" min={min} data-testid={base.testId ?? `field-${base.path}`} value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n) && (min === undefined || n >= min)) onChange(n);
        }} />
    </Shell>
  );
}

interface CheckboxProps extends BaseProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Checkbox({ checked, onChange, label, path, testId }: CheckboxProps) {
  return (
    <label className="check">
      <input type="checkbox" data-testid={testId ?? `field-${path}`} checked={checked}
        onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
