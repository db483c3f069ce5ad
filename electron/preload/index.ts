// The renderer's only door to main: one frozen object with a function per contract method and a
// subscription per contract event. No raw ipcRenderer, no channel name chosen by the page.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  channelFor,
  EVENT_CHANNEL,
  eventNames,
  isEventName,
  methodNames,
} from '../../shared/contract/index.ts';

type Listener = (payload: unknown) => void;

const methods: Record<string, (payload: unknown) => Promise<unknown>> = {};
for (const method of methodNames) {
  const channel = channelFor(method);
  methods[method] = (payload: unknown) => ipcRenderer.invoke(channel, payload);
}

const listeners = new Map<string, Set<Listener>>(eventNames.map((n) => [n, new Set<Listener>()]));
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const l of listeners.get(name) ?? []) l(payload);
});

contextBridge.exposeInMainWorld(
  'shopwarden',
  Object.freeze({
    methods: Object.freeze(methods),
    on(name: string, listener: Listener): () => void {
      const set = listeners.get(name);
      if (!set || typeof listener !== 'function') return () => {};
      set.add(listener);
      return () => set.delete(listener);
    },
  }),
);
