export * from './errors.ts';
export * from './events.ts';
export * from './methods.ts';
export * from './types.ts';

/** Electron IPC channel for a method; one prefix so the main process can refuse anything else. */
export const channelFor = (method: string) => `sw:${method}`;
export const EVENT_CHANNEL = 'sw:event';
