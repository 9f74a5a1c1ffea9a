/**
 * Widgets that outlive their page's prose. Each language's prose is its own MDX component, so
 * switching the language swaps the whole tree under it, and a widget rendered there would start
 * over (a running lab back to idle, a result gone). Instead, every widget a page's MDX imports
 * (see keptWidgetsPlugin.ts, which wraps those imports with {@link keptWidget}) renders only a
 * placeholder in the prose; the widget itself lives in the page's {@link WidgetHost}, rendered
 * through a portal into a <div> of its own that the placeholder adopts. When the prose of the
 * other language mounts, its placeholder adopts the same <div> (the n-th widget of a name takes
 * the n-th one), so the widget is neither unmounted nor re-created: its state, its worker and its
 * charts stay, and only its text follows the language.
 */
import { createContext, createElement, Suspense, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { shellStrings, useStrings } from './i18n';

/**
 * How long a widget waits, unadopted, for a placeholder of the next prose before it is
 * unmounted. A language switch re-adopts within the same commit; the wait only matters when the
 * other language's prose fails to arrive.
 */
const ADOPT_GRACE_MS = 5000;

interface Slot {
  readonly id: number;
  readonly name: string;
  readonly div: HTMLDivElement;
  element: ReactElement;
  adopted: boolean;
  readonly listeners: Set<() => void>;
}

/** The widgets of one page and the placeholders that show them. */
class HostStore {
  private slots: Slot[] = [];
  private nextId = 1;
  private sweep: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSlots = (): readonly Slot[] => this.slots;

  /** The first unadopted widget of this name, or a new one showing `element`. */
  adopt(name: string, element: ReactElement): Slot {
    const free = this.slots.find((s) => s.name === name && !s.adopted);
    if (free) {
      free.adopted = true;
      this.show(free, element);
      return free;
    }
    const div = document.createElement('div');
    div.className = 'widget-keep';
    const slot: Slot = { id: this.nextId++, name, div, element, adopted: true, listeners: new Set() };
    this.slots = [...this.slots, slot];
    this.emit();
    return slot;
  }

  /** The placeholder went away: the widget waits for the next one (see ADOPT_GRACE_MS). */
  release(slot: Slot): void {
    slot.adopted = false;
    slot.div.remove();
    if (this.sweep !== undefined) clearTimeout(this.sweep);
    this.sweep = setTimeout(() => {
      this.sweep = undefined;
      const kept = this.slots.filter((s) => s.adopted);
      if (kept.length !== this.slots.length) {
        this.slots = kept;
        this.emit();
      }
    }, ADOPT_GRACE_MS);
  }

  /** New props from the placeholder (the prose re-rendered). */
  show(slot: Slot, element: ReactElement): void {
    if (sameElement(slot.element, element)) return;
    slot.element = element;
    for (const fn of slot.listeners) fn();
  }

  dispose(): void {
    if (this.sweep !== undefined) clearTimeout(this.sweep);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

function sameElement(a: ReactElement, b: ReactElement): boolean {
  if (a.type !== b.type) return false;
  const pa = a.props as Record<string, unknown>;
  const pb = b.props as Record<string, unknown>;
  const ka = Object.keys(pa);
  return ka.length === Object.keys(pb).length && ka.every((k) => Object.is(pa[k], pb[k]));
}

const HostContext = createContext<HostStore | null>(null);

/**
 * Holds the widgets of one page (mount it keyed by the page, above the prose and inside the
 * providers the widgets read). Leaving the page unmounts them.
 */
export function WidgetHost({ children }: { children: ReactNode }) {
  const [store] = useState(() => new HostStore());
  const slots = useSyncExternalStore(store.subscribe, store.getSlots, store.getSlots);
  useLayoutEffect(() => () => store.dispose(), [store]);
  return (
    <HostContext.Provider value={store}>
      {children}
      {slots.map((slot) => (
        <KeptPortal key={slot.id} slot={slot} />
      ))}
    </HostContext.Provider>
  );
}

function KeptPortal({ slot }: { slot: Slot }) {
  const s = useStrings(shellStrings);
  const subscribe = (fn: () => void) => {
    slot.listeners.add(fn);
    return () => slot.listeners.delete(fn);
  };
  const element = useSyncExternalStore(subscribe, () => slot.element, () => slot.element);
  return createPortal(
    <ErrorBoundary
      fallback={(error) => (
        <div role="alert" className="page-error">
          <strong>{s.pageErrorTitle}</strong>
          <pre>{error.message}</pre>
        </div>
      )}
    >
      <Suspense fallback={null}>{element}</Suspense>
    </ErrorBoundary>,
    slot.div,
  );
}

/**
 * `Component`, kept across re-renders of the prose around it (see the top of this file). Outside
 * a WidgetHost (a unit test, a widget inside another widget) it renders as it is.
 */
export function keptWidget<P extends object>(Component: ComponentType<P>, name: string): ComponentType<P> {
  function Kept(props: P) {
    const store = useContext(HostContext);
    const place = useRef<HTMLDivElement>(null);
    const slot = useRef<Slot | null>(null);
    const element = createElement(Component, props);
    useLayoutEffect(() => {
      if (!store) return;
      const adopted = store.adopt(name, element);
      slot.current = adopted;
      place.current?.appendChild(adopted.div);
      return () => {
        slot.current = null;
        store.release(adopted);
      };
      // adopt once per placeholder; later props arrive through the effect below
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [store]);
    useLayoutEffect(() => {
      if (store && slot.current) store.show(slot.current, element);
    });
    if (!store) return element;
    return <div className="widget-place" ref={place} />;
  }
  Kept.displayName = `Kept(${name})`;
  return Kept;
}
