/** Next.js runs this once as the server starts: card payments a crash left in flight are asked after first. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { recoverCardPaymentsAtStart } = await import('./server/runtime/recover-at-start');
  void recoverCardPaymentsAtStart();
}
