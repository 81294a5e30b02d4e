import { useEffect } from 'react';

let appName = 'My Agents';

/** Each app names itself once (CP "My Agents", PP "My Agents Operations"). */
export function setAppName(name: string) {
  appName = name;
}

/** The browser tab says which view is open: "Review · Sunny Ferns — My Agents". */
export function usePageTitle(view: string | null | undefined) {
  useEffect(() => {
    document.title = view ? `${view} — ${appName}` : appName;
  }, [view]);
}
