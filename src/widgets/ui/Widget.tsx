import type { ReactNode } from 'react';

/** The frame every widget sits in: `data-widget` names it for tests and links (#widget-name). */
export function Widget({ name, title, children, className, data }: { name: string; title: ReactNode; children: ReactNode; className?: string; data?: Record<`data-${string}`, string | undefined> }) {
  // `data`: extra data-* attributes a widget reports its state through (e.g. data-updated)
  return (
    <section className={`widget ${className ?? ''}`} data-widget={name} id={`widget-${name}`} aria-label={typeof title === 'string' ? title : undefined} {...data}>
      <h3 className="widget-title">{title}</h3>
      {children}
    </section>
  );
}
