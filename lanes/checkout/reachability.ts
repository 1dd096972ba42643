/** How the lane tells whether its server can be reached: a cheap request, not the fate of the last real one. */

export const REACHABILITY_URL = '/api/health';
export const REACHABILITY_INTERVAL_MS = 3_000;
export const REACHABILITY_TIMEOUT_MS = 2_500;

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok'>>;

/** True when the server answers the health check in time and healthy (a server without its database takes no sale). */
export async function probeServer(fetchImpl: Fetch, url = REACHABILITY_URL, timeoutMs = REACHABILITY_TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { method: 'GET', cache: 'no-store', signal: controller.signal });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

interface ConnectivityEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export interface ReachabilityWatch {
  /** Probes now (e.g. after a request failed); a probe already running is followed by one more. */
  recheck(): void;
  stop(): void;
}

/**
 * Probes at once, every `intervalMs`, on the browser's `online` event and on `recheck`, one probe at a time;
 * `onChange` hears each change. The browser's `offline` event means no network at all: offline without a probe.
 */
export function watchReachability({
  probe,
  onChange,
  events,
  intervalMs = REACHABILITY_INTERVAL_MS,
}: {
  probe: () => Promise<boolean>;
  onChange: (reachable: boolean) => void;
  events: ConnectivityEvents;
  intervalMs?: number;
}): ReachabilityWatch {
  let reachable: boolean | undefined;
  let probing = false;
  let again = false;
  let stopped = false;

  const settle = (next: boolean) => {
    if (stopped || next === reachable) return;
    reachable = next;
    onChange(next);
  };

  const check = async () => {
    if (probing) {
      again = true;
      return;
    }
    probing = true;
    try {
      do {
        again = false;
        settle(await probe());
      } while (again && !stopped);
    } finally {
      probing = false;
    }
  };

  const online = () => void check();
  const offline = () => settle(false);
  events.addEventListener('online', online);
  events.addEventListener('offline', offline);
  const timer = setInterval(() => void check(), intervalMs);
  void check();

  return {
    recheck: () => void check(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
      events.removeEventListener('online', online);
      events.removeEventListener('offline', offline);
    },
  };
}
