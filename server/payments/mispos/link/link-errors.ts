/** `transact` while a request is in flight on the same terminal: the caller decides, the link never queues. */
export class TerminalBusyError extends Error {
  constructor(readonly ecrRefInFlight: string) {
    super(`A request (ecrRef ${ecrRefInFlight}) is already in flight on this terminal`);
    this.name = 'TerminalBusyError';
  }
}

/** `transact` after `close()`. */
export class TerminalLinkClosedError extends Error {
  constructor() {
    super('The terminal link is closed');
    this.name = 'TerminalLinkClosedError';
  }
}
