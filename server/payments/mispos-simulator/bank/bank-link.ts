import { setTimeout as sleep } from 'node:timers/promises';
import { NO_HOST_FAULTS, type BankHost, type HostFaults } from './bank-host';

/** How the terminal reaches the host: one encoded request out, its encoded answer back or null on timeout. */
export interface BankLink {
  exchange(request: Buffer, timeoutMs: number): Promise<Buffer | null>;
}

/** Link faults; each `take` uses up one strike of an injected fault. */
export interface LinkFaults {
  /** Whether the host's answer to this request is lost (the host still acts on the request). */
  takeSilence(): boolean;
  /** Extra milliseconds before the answer arrives. */
  takeDelayMs(): number;
}

export const NO_LINK_FAULTS: LinkFaults & HostFaults = {
  ...NO_HOST_FAULTS,
  takeSilence: () => false,
  takeDelayMs: () => 0,
};

/**
 * The host in this process, still through ISO 8583 bytes. The host acts on a request when it arrives; a silent or
 * late answer is lost to the terminal, which is why a timed-out sale must be reversed.
 */
export function inProcessBankLink(
  host: BankHost,
  latencyMs: number,
  faults: LinkFaults & HostFaults = NO_LINK_FAULTS,
): BankLink {
  return {
    async exchange(request, timeoutMs) {
      const silent = faults.takeSilence();
      const delayMs = latencyMs + faults.takeDelayMs();
      const answer = host.handle(Buffer.from(request), faults);
      if (answer === null || silent || delayMs >= timeoutMs) {
        await sleep(timeoutMs);
        return null;
      }
      await sleep(delayMs);
      return answer;
    },
  };
}
