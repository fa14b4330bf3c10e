'use client';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';
import { ROLES, ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';

export interface NewUserBody {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export function CreateUserForm({ onCreate }: { onCreate: (body: NewUserBody) => Promise<boolean> }) {
  const [roles, setRoles] = useState<Role[]>(['viewer']);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    const created = await onCreate({
      username: String(data.get('username') ?? ''),
      displayName: String(data.get('displayName') ?? ''),
      password: String(data.get('password') ?? ''),
      roles,
    });
    setBusy(false);
    // Keep what was typed when the server refused it, so it can be corrected.
    if (created) {
      form.reset();
      setRoles(['viewer']);
    }
  }

  return (
    <form onSubmit={submit} className="admin__row" data-testid="create-user-form">
      <label className="field">
        <span className="field__label">Username</span>
        <input className="input" name="username" autoComplete="off" data-testid="new-username" />
      </label>
      <label className="field">
        <span className="field__label">Display name</span>
        <input className="input" name="displayName" autoComplete="off" data-testid="new-display-name" />
      </label>
      <label className="field">
        <span className="field__label">First password</span>
        <input className="input" name="password" type="password" autoComplete="new-password" placeholder={`${MIN_PASSWORD_LENGTH}+ characters, hard to guess`} data-testid="new-user-password" />
      </label>
      <fieldset className="admin__roles" style={{ border: 0, padding: 0, margin: 0 }}>
        {ROLES.map((role) => (
          <label key={role} title={ROLE_DESCRIPTIONS[role]}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
              data-testid={`new-role-${role}`}
            />
            {role}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="create-user">
        {busy ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
