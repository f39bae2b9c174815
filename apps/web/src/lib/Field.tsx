import type { ReactNode } from 'react';

/** One labelled value in a `<dl className="fields">`. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
