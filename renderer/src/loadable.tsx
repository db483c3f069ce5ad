// A component whose module loads on first use, like React.lazy, except that once the module is in it
// renders at once. React.lazy suspends on its first render even when the module was fetched long before
// (its status is only learnt in a later microtask), and React then holds the reveal back for its fallback
// throttle (about 300 ms): that pause was most of "unlock -> list visible" while the app and the list's
// screen had been prefetched behind the lock screen.
import { type ComponentType, use } from 'react';

export type Loadable<P extends object> = ComponentType<P> & { preload(): Promise<ComponentType<P>> };

export function loadable<P extends object>(load: () => Promise<ComponentType<P>>): Loadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (e: unknown) => {
        // A failed fetch (e.g. the app was updated underneath) may be retried by the next render.
        pending = null;
        throw e;
      },
    );
    return pending;
  };
  function LoadableComponent(props: P) {
    // `use` may be called conditionally (React docs); it suspends only while the module is not in yet.
    const Component = loaded ?? use(preload());
    return <Component {...props} />;
  }
  return Object.assign(LoadableComponent, { preload });
}
