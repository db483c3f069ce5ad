import { useEffect, useState } from 'react';

/** The core's "now", ticking every second on this screen: `skew` is Date.now() minus the core's clock. */
export function useNow(skew: number): number {
  const [now, setNow] = useState(() => Date.now() - skew);
  useEffect(() => {
    setNow(Date.now() - skew);
    const id = setInterval(() => setNow(Date.now() - skew), 1000);
    return () => clearInterval(id);
  }, [skew]);
  return now;
}
