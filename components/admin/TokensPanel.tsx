'use client';
import { useState, type FormEvent } from 'react';
import { adminApi, type Act, type AdminToken, type AdminUser } from './api';

/** Issue API tokens (the secret is shown once, here) and revoke them. */
export function TokensPanel({
  users,
  tokens,
  act,
}: {
  users: AdminUser[];
  tokens: AdminToken[];
  act: Act;
}) {
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);

  async function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '');
    const userId = String(data.get('userId') ?? '') || undefined;
    setSecret(null);
    await act(async () => {
      const issued = await adminApi<{ secret: string }>('/api/admin/tokens', 'POST', { name, userId });
      setSecret({ name, value: issued.secret });
    });
  }

  return (
    <section className="admin__panel">
      <h2>API tokens</h2>
      <p className="muted">
        A token acts as the user it is issued for, with that user&apos;s roles: <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <form onSubmit={issue} className="admin__row" data-testid="issue-token-form">
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" name="name" placeholder="e.g. CI pipeline" data-testid="token-name" />
        </label>
        <label className="field">
          <span className="field__label">Acts as</span>
          <select className="input" name="userId" data-testid="token-user">
            <option value="">me</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.username}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary" data-testid="issue-token">
          Issue token
        </button>
      </form>
      {secret && (
        <div className="admin__secret" role="status" data-testid="token-secret">
          <span>
            The token <strong>{secret.name}</strong> — copy it now, it is not shown again:
          </span>
          <code data-testid="token-secret-value">{secret.value}</code>
        </div>
      )}
      {tokens.length > 0 && (
        <table className="admin__table" data-testid="tokens-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Acts as</th>
              <th>Token</th>
              <th>Issued</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`token-row-${token.name}`}>
                <td>{token.name}</td>
                <td>{token.username}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  {new Date(token.createdAt).toLocaleString()}
                  {token.createdByName ? ` by ${token.createdByName}` : ''}
                </td>
                <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : 'never'}</td>
                <td>
                  {token.revokedAt ? (
                    <span className="muted" data-testid="token-revoked">
                      Revoked
                    </span>
                  ) : (
                    <button type="button" className="btn btn--sm btn--danger-ghost" onClick={() => act(() => adminApi(`/api/admin/tokens/${encodeURIComponent(token.id)}`, 'DELETE'))} data-testid="revoke-token">
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
