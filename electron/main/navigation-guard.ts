// No navigation away from the app and no new windows: a compromised or tricked renderer cannot load
// another origin into a window that holds the bridge.
import type { Event as ElectronEvent, WebContents } from 'electron';

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(contents: Contents): void {
  // In-app hash routing never fires will-navigate, so anything that does is a page load: refuse it all,
  // our own origin included (a reload through navigation would drop the renderer's state mid-task).
  const block = (event: ElectronEvent) => event.preventDefault();
  contents.on('will-navigate', block as never);
  contents.on('will-redirect', block as never);
  contents.on('will-attach-webview', ((event: ElectronEvent) => event.preventDefault()) as never);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
