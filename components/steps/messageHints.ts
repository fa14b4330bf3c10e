/** Inspector hints the three message kinds (signal.tsx, query.tsx, update.tsx) share. */
export const NAME_HINT = 'The message name clients use, e.g. approve.';
/** What an assignment in a signal or update handler may read. */
export const HANDLER_SCOPE = 'expression; args.<parameter> for parameters';
