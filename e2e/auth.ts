/** The e2e suite's admin account and where its signed-in browser state is kept (e2e/global-setup.ts). */
export const E2E_ADMIN = { username: 'e2e-admin', displayName: 'E2E Admin', password: 'e2e admin password' } as const;

/** Under a `.data-*` directory: git-ignored, and not deleted by start.ts like .data-e2e is. */
export const ADMIN_STORAGE_STATE = '.data-e2e-auth/admin.json';
