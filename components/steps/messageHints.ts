/**
 * Inspector hints the three message kinds (signal.tsx, query.tsx, update.tsx) share; the name's
 * hint (wire name and identifier) is components/designer/inspector/WireName.tsx.
 */

/** What an assignment in a signal or update handler may read. */
export const HANDLER_SCOPE = 'expression; args.<parameter> for parameters (approver_name reads as args.approverName)';
