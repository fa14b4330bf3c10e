'use client';
import { useState } from 'react';

export function LogoutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    // Whatever the answer (even 401 for an already expired session), the sign-in page is next.
    await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    window.location.assign('/login');
  }
  return (
    <button type="button" className="btn btn--sm btn--ghost" onClick={signOut} disabled={busy} data-testid="logout">
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
