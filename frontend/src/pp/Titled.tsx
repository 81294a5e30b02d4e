import type { ReactNode } from 'react';
import { setAppName, usePageTitle } from '../shared/usePageTitle';

setAppName('My Agents · Operations');

/** Names the browser tab after the view: "Denials — My Agents · Operations". */
export function Titled({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return children;
}
