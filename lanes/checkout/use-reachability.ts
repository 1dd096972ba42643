'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { probeServer, watchReachability, type ReachabilityWatch } from './reachability';

/** Whether the lane's server can be reached now, from a health probe every few seconds and the browser's events. */
export function useReachability() {
  const [online, setOnline] = useState(true);
  const watch = useRef<ReachabilityWatch | null>(null);

  useEffect(() => {
    watch.current = watchReachability({
      probe: () => probeServer((url, init) => fetch(url, init)),
      onChange: setOnline,
      events: window,
    });
    return () => {
      watch.current?.stop();
      watch.current = null;
    };
  }, []);

  const recheck = useCallback(() => watch.current?.recheck(), []);
  return { online, recheck };
}
