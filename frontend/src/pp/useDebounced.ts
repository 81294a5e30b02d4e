import { useCallback, useEffect, useRef } from 'react';

/**
 * A stable function that runs `action` once `delayMs` after its last call: a burst of saves
 * becomes one validation. Pending runs are dropped when the component goes away.
 */
export function useDebounced(action: () => void, delayMs: number): () => void {
  const latest = useRef(action);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  }, [delayMs]);
}
