export { ecrRefFor } from './ecr-ref';
export { TerminalBusyError, TerminalLinkClosedError } from './link-errors';
export { type LinkEvent, type LinkLog, type LinkLogEntry } from './link-log';
export { type LinkRequest } from './link-request';
export { queryRequestFor } from './query-request';
export { TerminalLink, type TerminalLinkOptions, type TransactOptions } from './terminal-link';
export { type NotSentReason, type TransactOutcome, type UnknownReason } from './transact-outcome';
