import type { ReactNode } from 'react';

/** The frame every widget sits in: `data-widget` names it for tests and links (#widget-name). */
export function Widget({ name, title, children, className }: { name: string; title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`widget ${className ?? ''}`} data-widget={name} id={`widget-${name}`} aria-label={typeof title === 'string' ? title : undefined}>
      <h3 className="widget-title">{title}</h3>
      {children}
    </section>
  );
}
