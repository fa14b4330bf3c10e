'use client';
import { useCallback, useEffect, useState } from 'react';
import { ROLES, ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';
import { AdminTabs } from './AdminTabs';
import { adminApi, type Act, type AdminToken, type AdminUser, type AuditEntry } from './api';
import { CreateUserForm } from './CreateUserForm';
import { TokensPanel } from './TokensPanel';

/** Users and roles, API tokens and the recent audit log, for admins. */
export function UsersAdmin({ myId }: { myId: string }) {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [tokens, setTokens] = useState<AdminToken[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [u, t, a] = await Promise.all([
        adminApi<{ users: AdminUser[] }>('/api/admin/users'),
        adminApi<{ tokens: AdminToken[] }>('/api/admin/tokens'),
        adminApi<{ entries: AuditEntry[] }>('/api/admin/audit?limit=20'),
      ]);
      setUsers(u.users);
      setTokens(t.tokens);
      setAudit(a.entries);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs a change, shows its error if any, then reloads everything; true when it worked. */
  const act = useCallback(
    async (change: () => Promise<unknown>) => {
      setError(null);
      let ok = true;
      try {
        await change();
      } catch (e) {
        setError((e as Error).message);
        ok = false;
      }
      await reload();
      return ok;
    },
    [reload],
  );

  return (
    <main className="admin">
      <AdminTabs current="users" />
      <h1>Users and access</h1>
      {error && (
        <p className="admin__error" role="alert" data-testid="admin-error">
          {error}
        </p>
      )}
      <section className="admin__panel">
        <h2>New user</h2>
        <CreateUserForm onCreate={(body) => act(() => adminApi('/api/admin/users', 'POST', body))} />
      </section>
      <section className="admin__panel">
        <h2>Users</h2>
        {users === null ? (
          <p className="muted">Loading users…</p>
        ) : (
          <table className="admin__table" data-testid="users-table">
            <thead>
              <tr>
                <th>User</th>
                <th>Roles</th>
                <th>Status</th>
                <th>Password</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} isMe={user.id === myId} act={act} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TokensPanel users={users ?? []} tokens={tokens} act={act} />
      <section className="admin__panel">
        <h2>Recent activity</h2>
        {audit.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <table className="admin__table" data-testid="audit-table">
            <tbody>
              {audit.map((entry) => (
                <tr key={entry.id}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>{entry.actorName ?? 'anonymous'}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td className="muted">{Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function UserRow({ user, isMe, act }: { user: AdminUser; isMe: boolean; act: Act }) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  // The roles as just clicked, shown until the server's answer reloads the list (reverts on error).
  const [pendingRoles, setPendingRoles] = useState<string[] | null>(null);
  const roles = pendingRoles ?? user.roles;
  const patch = (body: object) => act(() => adminApi(`/api/admin/users/${encodeURIComponent(user.id)}`, 'PATCH', body));
  const toggleRole = async (role: Role, on: boolean) => {
    const next = on ? [...roles, role] : roles.filter((r) => r !== role);
    setPendingRoles(next);
    await patch({ roles: next });
    setPendingRoles(null);
  };

  return (
    <tr data-testid={`user-row-${user.username}`}>
      <td>
        <strong>{user.displayName}</strong>
        <div className="muted">
          {user.username}
          {isMe ? ' (you)' : ''}
        </div>
      </td>
      <td>
        <div className="admin__roles">
          {ROLES.map((role) => (
            <label key={role} title={ROLE_DESCRIPTIONS[role]}>
              <input type="checkbox" checked={roles.includes(role)} onChange={(e) => void toggleRole(role, e.target.checked)} data-testid={`role-${role}`} />
              {role}
            </label>
          ))}
        </div>
      </td>
      <td>
        <span className={user.disabled ? 'admin__status-disabled' : undefined} data-testid="user-status">
          {user.disabled ? 'Disabled' : 'Enabled'}
        </span>{' '}
        <button type="button" className="btn btn--sm" onClick={() => patch({ disabled: !user.disabled })} data-testid="toggle-disabled">
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
      <td>
        {resetting ? (
          <form
            className="admin__row"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => adminApi(`/api/admin/users/${encodeURIComponent(user.id)}/password`, 'POST', { password })).then((ok) => {
                if (!ok) return;
                setResetting(false);
                setPassword('');
              });
            }}
          >
            <input className="input" type="password" placeholder="New password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="new-password" />
            <button type="submit" className="btn btn--sm btn--primary" data-testid="save-password">
              Set
            </button>
            <button type="button" className="btn btn--sm btn--ghost" onClick={() => setResetting(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className="btn btn--sm" onClick={() => setResetting(true)} data-testid="reset-password">
            Reset password
          </button>
        )}
      </td>
    </tr>
  );
}
