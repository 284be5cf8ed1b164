/**
 * Whether a frame has been painted since `ready` became true: screens that
 * paint a small kept view first start their big read only then, so
 * unpacking that read (tens of MB at scale, on this thread) cannot delay
 * the first paint.
 */
import { useEffect, useState } from 'react';

/** How long to wait for a frame before starting anyway (a frame is ~16 ms). */
const FRAME_FALLBACK_MS = 250;

/** True from the first frame painted after `ready` became true. */
export function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      clearTimeout(fallback);
      timer = setTimeout(() => setPainted(true), 0);
    });
    // A hidden or throttled window may produce no frame at all: the big
    // read must start anyway (it waits for a frame only to paint first).
    const fallback = setTimeout(() => setPainted(true), FRAME_FALLBACK_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [ready, painted]);
  return painted;
}
