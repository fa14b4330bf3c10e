/** Runs once when a Next.js server starts (Next's instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The sign-in throttle needs the real socket address of each request (lib/auth/peer-stamp.ts).
  const { installPeerStamp } = await import('@/lib/auth/peer-stamp');
  installPeerStamp();
}
