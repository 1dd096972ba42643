import { TerminalLink } from './mispos/link';

export interface LaneTerminal {
  laneId: string;
  host: string;
  port: number;
}

interface LinkEntry {
  address: string;
  link: TerminalLink;
  signedIn: boolean;
}

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

// One link per lane terminal for the life of the process: the terminal takes one request at a time.
const links = new Map<string, LinkEntry>();

/** The lane's terminal link, made anew when its address changed in the lane settings. */
export function terminalLinkFor(terminal: LaneTerminal): LinkEntry {
  const address = `${terminal.host}:${terminal.port}`;
  const known = links.get(terminal.laneId);
  if (known?.address === address) return known;
  known?.link.close();
  const entry: LinkEntry = {
    address,
    signedIn: false,
    link: new TerminalLink({
      host: terminal.host,
      port: terminal.port,
      ackTimeoutMs: envMs('MISPOS_ACK_TIMEOUT_MS', 2_000),
      answerTimeoutMs: envMs('MISPOS_ANSWER_TIMEOUT_MS', 90_000),
      connectTimeoutMs: envMs('MISPOS_CONNECT_TIMEOUT_MS', 3_000),
    }),
  };
  links.set(terminal.laneId, entry);
  return entry;
}

/** For tests and shutdown: every link closed and forgotten. */
export function closeTerminalLinks(): void {
  for (const entry of links.values()) entry.link.close();
  links.clear();
}
