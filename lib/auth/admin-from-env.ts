/**
 * `npm start` with SIGNALBOX_ADMIN_USERNAME and SIGNALBOX_ADMIN_PASSWORD creates the first admin
 * non-interactively (automation, containers) — only while there is no account at all, so a
 * restart with the variables still set changes nothing. Without them, the first visit to the
 * web app asks for the admin (/setup).
 */
import 'server-only';
import { passwordProblem } from './passwords';
import { setUpFirstAdmin } from './accounts';

export type AdminFromEnvResult =
  | { outcome: 'not-configured' }
  | { outcome: 'created'; username: string }
  | { outcome: 'exists' }
  | { outcome: 'invalid'; problem: string };

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export async function ensureAdminFromEnv(env: Record<string, string | undefined> = process.env): Promise<AdminFromEnvResult> {
  const username = env.SIGNALBOX_ADMIN_USERNAME?.trim().toLowerCase();
  const password = env.SIGNALBOX_ADMIN_PASSWORD;
  if (!username && !password) return { outcome: 'not-configured' };
  if (!username || !password) return { outcome: 'invalid', problem: 'set both SIGNALBOX_ADMIN_USERNAME and SIGNALBOX_ADMIN_PASSWORD, or neither' };
  if (!USERNAME.test(username)) return { outcome: 'invalid', problem: `SIGNALBOX_ADMIN_USERNAME "${username}": use 2–40 letters, digits, dots, dashes or underscores` };
  const problem = passwordProblem(password);
  if (problem) return { outcome: 'invalid', problem: `SIGNALBOX_ADMIN_PASSWORD: ${problem}` };
  const user = await setUpFirstAdmin({ username, password, displayName: env.SIGNALBOX_ADMIN_DISPLAY_NAME || username, how: 'environment' });
  return user ? { outcome: 'created', username: user.username } : { outcome: 'exists' };
}
