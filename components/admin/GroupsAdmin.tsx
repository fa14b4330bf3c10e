'use client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Icon } from '../ui/Icon';
import { PeopleCombobox } from '../approvals/PeopleCombobox';
import { AdminTabs } from './AdminTabs';
import { adminApi, type AdminGroup } from './api';

/** Groups of users (e.g. "finance-managers") that approval processes name as approvers, for admins. */
export function GroupsAdmin() {
  const [groups, setGroups] = useState<AdminGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setGroups((await adminApi<{ groups: AdminGroup[] }>('/api/groups')).groups);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

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
      <AdminTabs current="groups" />
      <h1>Groups</h1>
      <p className="muted">A group names a set of people: an approval level may name it as its approver, and whoever is in the group when a task is open may decide it.</p>
      {error && (
        <p className="admin__error" role="alert" data-testid="admin-error">
          {error}
        </p>
      )}
      <section className="admin__panel">
        <h2>New group</h2>
        <CreateGroupForm onCreate={(body) => act(() => adminApi('/api/groups', 'POST', body))} />
      </section>
      <section className="admin__panel">
        <h2>Groups</h2>
        {groups === null ? (
          <p className="muted">Loading groups…</p>
        ) : groups.length === 0 ? (
          <p className="muted" data-testid="groups-empty">No groups yet.</p>
        ) : (
          <table className="admin__table" data-testid="groups-table">
            <thead>
              <tr>
                <th>Group</th>
                <th>Members</th>
                <th>Add a member</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <GroupRow key={group.name} group={group} act={act} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function CreateGroupForm({ onCreate }: { onCreate: (body: { name: string; displayName?: string; members: string[] }) => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    const displayName = String(data.get('displayName') ?? '').trim();
    const created = await onCreate({ name: String(data.get('name') ?? ''), ...(displayName ? { displayName } : {}), members: [] });
    setBusy(false);
    if (created) form.reset();
  }
  return (
    <form onSubmit={submit} className="admin__row" data-testid="create-group-form">
      <label className="field">
        <span className="field__label">Name</span>
        <input className="input" name="name" autoComplete="off" placeholder="finance-managers" data-testid="new-group-name" />
        <span className="field__hint">What processes refer to: lower-case letters, digits, dots, dashes</span>
      </label>
      <label className="field">
        <span className="field__label">Display name</span>
        <input className="input" name="displayName" autoComplete="off" placeholder="Finance managers" data-testid="new-group-display-name" />
        <span className="field__hint">Shown to people</span>
      </label>
      <button className="btn btn--primary" type="submit" disabled={busy} data-testid="create-group">
        <Icon name="plus" size={14} /> Create group
      </button>
    </form>
  );
}

function GroupRow({ group, act }: { group: AdminGroup; act: (change: () => Promise<unknown>) => Promise<boolean> }) {
  const [member, setMember] = useState('');
  const path = `/api/groups/${encodeURIComponent(group.name)}`;
  const add = async (username: string) => {
    if (await act(() => adminApi(`${path}/members`, 'POST', { username }))) setMember('');
  };
  return (
    <tr data-testid="group-row" data-group={group.name}>
      <td>
        <div>{group.displayName}</div>
        <code className="muted">{group.name}</code>
      </td>
      <td>
        {group.members.length === 0 ? (
          <span className="muted">Nobody yet</span>
        ) : (
          <ul className="admin__chips" aria-label={`Members of ${group.displayName}`}>
            {group.members.map((m) => (
              <li key={m.username} className="admin__chip" data-testid="group-member">
                <span title={m.username}>{m.displayName}</span>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  aria-label={`Remove ${m.displayName} from ${group.displayName}`}
                  onClick={() => void act(() => adminApi(`${path}/members?username=${encodeURIComponent(m.username)}`, 'DELETE'))}
                >
                  <Icon name="x" size={12} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <form
          className="admin__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (member.trim()) void add(member.trim());
          }}
        >
          <PeopleCombobox text={member} onText={setMember} onPick={(m) => void add(m.name)} kinds={['user']} label={`Add a member to ${group.displayName}`} placeholder="Find a person" testId="group-add-member" />
          <button className="btn btn--sm" type="submit" data-testid="group-add-member-submit">
            Add
          </button>
        </form>
      </td>
      <td>
        <button
          type="button"
          className="btn btn--danger-ghost btn--sm"
          aria-label={`Delete group ${group.displayName}`}
          data-testid="group-delete"
          onClick={() => {
            if (window.confirm(`Delete the group "${group.displayName}"? Its members keep their accounts.`)) void act(() => adminApi(path, 'DELETE'));
          }}
        >
          <Icon name="trash" size={14} />
        </button>
      </td>
    </tr>
  );
}
