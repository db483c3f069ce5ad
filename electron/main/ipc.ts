// IPC registration is a loop over the contract. Every call is checked to come from our own window's main
// frame on the app origin before its payload even reaches validation.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { AppError } from '../../shared/contract/errors.ts';
import { channelFor, methodNames } from '../../shared/contract/index.ts';
import type { Dispatch } from '../core/dispatch.ts';
import { isAppUrl } from './app-origin.ts';

export type TrustedContents = () => WebContents | null;

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: TrustedContents,
): boolean {
  const contents = trusted();
  const frame = event.senderFrame;
  if (!contents || !frame || event.sender !== contents) return false;
  // Only the top frame: an iframe (if one ever appeared) must not inherit the bridge's powers. Frames are
  // compared by what identifies them (renderer process id + routing id), never by wrapper object: Electron
  // does not promise to hand out the same WebFrameMain object twice.
  const main = contents.mainFrame;
  if (!main || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  trusted: TrustedContents,
): void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, payload: unknown) => {
      if (!isTrustedSender(event, trusted))
        return { ok: false, error: new AppError('FORBIDDEN_SENDER').toWire() };
      return dispatch(method, payload);
    });
  }
}
