/**
 * Whether a frame has been painted since `ready` became true: screens that
 * paint a small kept view first start their big read only then, so
 * unpacking that read (tens of MB at scale, on this thread) cannot delay
 * the first paint.
 */
import { useEffect, useState } from 'react';

/** True from the first frame painted after `ready` became true. */
export function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
