'use client';
import { useId, useRef } from 'react';
import styles from './date-field.module.css';
import { Icon } from './Icon';
import { exampleDate, formatIsoDate, readLocaleDate } from './locale-date';
import { userLocale } from './locale-number';

interface Props {
  name: string;
  label: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  error?: string;
  errorId: string;
  problem: React.ReactNode;
}

/**
 * A calendar date typed the way the user's locale writes it ("24.12.2026", "12/24/2026"; read by
 * components/ui/locale-date.ts when the form is sent), with a calendar button that opens the
 * browser's own date picker and writes the picked day back in the same locale format.
 */
export function DateFieldInput({ name, label, required, value, onChange, testId, error, errorId, problem }: Props) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const locale = userLocale();
  const typed = readLocaleDate(value, locale);

  function openPicker() {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      // Browsers without showPicker (or refusing it): the focused input opens its picker on click.
      input.focus();
      input.click();
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}{required && <span className="req" aria-label="required"> *</span>}</label>
      <div className={styles.row}>
        <input id={id} className="input" name={name} data-testid={testId} type="text" placeholder={`e.g. ${exampleDate(locale)}`}
          required={required} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off"
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
        <button type="button" className="btn btn--icon" onClick={openPicker} aria-label={`Pick ${label} from a calendar`} title="Pick from a calendar" data-testid={`${testId}-pick`}>
          <Icon name="calendar" />
        </button>
        <input ref={picker} type="date" className={styles.picker} tabIndex={-1} aria-hidden="true"
          value={'value' in typed ? typed.value : ''} onChange={(e) => e.target.value && onChange(formatIsoDate(e.target.value, locale, 'numeric'))} />
      </div>
      {problem}
    </div>
  );
}
