import type { ReactNode } from 'react';

/** One name and its value in a description list (`<dl>`). */
export function Fact({ name, children, valueClassName }: { name: ReactNode; children: ReactNode; valueClassName?: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
