'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { request } from '../api/client';
import styles from './PeopleCombobox.module.css';

/** One suggestion of /api/people: a user, a group or a built-in role. */
export interface PersonMatch {
  kind: 'user' | 'role' | 'group';
  name: string;
  displayName: string;
  detail?: string;
}

export const KIND_LABEL: Record<PersonMatch['kind'], string> = { user: 'User', role: 'Role', group: 'Group' };

/** Waits this long after the last key before asking the server (one lookup per pause, not per key). */
const LOOKUP_DELAY_MS = 150;

/**
 * A text input with lookup (the WAI-ARIA combobox pattern): typing asks /api/people and lists
 * users, groups and roles by display name and kind; arrows move, Enter picks, Escape closes.
 * The typed text is the value until something is picked (`onText`), so a username typed in full
 * works without the list.
 */
export function PeopleCombobox({
  text,
  onText,
  onPick,
  kinds,
  label,
  placeholder,
  testId,
}: {
  text: string;
  onText: (text: string) => void;
  onPick: (match: PersonMatch) => void;
  /** Which kinds to suggest (all by default). */
  kinds?: readonly PersonMatch['kind'][];
  label: string;
  placeholder?: string;
  testId: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [matches, setMatches] = useState<PersonMatch[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const kindsKey = (kinds ?? []).join(',');

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request<{ people: PersonMatch[] }>(`/api/people?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then(({ people }) => {
          const wanted = kindsKey ? people.filter((p) => kindsKey.split(',').includes(p.kind)) : people;
          setMatches(wanted);
          setActive(0);
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setProblem(error instanceof Error ? error.message : String(error));
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, kindsKey]);

  const show = open && (matches.length > 0 || problem !== null);
  const pick = (match: PersonMatch) => {
    onPick(match);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        // Opens on the first suggestion (the list is asked again only if the text changed).
        setOpen(true);
        setQuery(text);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (event.key === 'Enter' && show && matches[active]) {
      // Picks the suggestion instead of submitting the form around it.
      event.preventDefault();
      pick(matches[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <span className={styles.combobox}>
      <input
        className="input"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={show}
        aria-controls={listId}
        aria-activedescendant={show && matches[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => {
          onText(e.target.value);
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          if (blurTimer.current) clearTimeout(blurTimer.current);
          setQuery(text);
          setOpen(true);
        }}
        // A click on a suggestion blurs the input first: close a moment later so the click lands.
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className={styles.list} hidden={!show} data-testid={`${testId}-suggestions`}>
        {problem !== null && <li className={styles.problem}>{problem}</li>}
        {matches.map((m, i) => (
          <li
            key={`${m.kind}:${m.name}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={styles.option}
            data-active={i === active || undefined}
            data-testid="person-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(m)}
          >
            <span className={styles.who}>
              <span className={styles.display}>{m.displayName}</span>
              {m.displayName !== m.name && <span className={styles.name}>{m.name}</span>}
            </span>
            {m.detail && <span className={styles.detail}>{m.detail}</span>}
            <span className={styles.kind} data-kind={m.kind}>{KIND_LABEL[m.kind]}</span>
          </li>
        ))}
      </ul>
    </span>
  );
}
