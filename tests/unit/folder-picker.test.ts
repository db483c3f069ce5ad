// The backup folder picker: the system dialog, modal to the app window, folders only; a cancel is no folder.

import type * as Electron from 'electron';
import { describe, expect, it } from 'vitest';
import { windowFolderPicker } from '../../electron/main/adapters/folder-picker.ts';

describe('the system folder picker', () => {
  it('asks for a folder over the app window and answers the path, or null on cancel', async () => {
    const asked: unknown[][] = [];
    let answer: Electron.OpenDialogReturnValue = { canceled: false, filePaths: ['D:\\店务备份'] };
    const dialog = {
      showOpenDialog: (async (...a: unknown[]) => {
        asked.push(a);
        return answer;
      }) as unknown as Electron.Dialog['showOpenDialog'],
    };
    const win = { id: 1 } as unknown as Electron.BrowserWindow;
    const picker = windowFolderPicker(dialog, () => win);
    expect(await picker.pickFolder()).toBe('D:\\店务备份');
    expect(asked[0]![0]).toBe(win);
    expect((asked[0]![1] as Electron.OpenDialogOptions).properties).toEqual([
      'openDirectory',
      'createDirectory',
    ]);
    answer = { canceled: true, filePaths: [] };
    expect(await picker.pickFolder()).toBeNull();
    // No window (closed): still a dialog, just not attached to one.
    answer = { canceled: false, filePaths: ['/Volumes/U盘'] };
    expect(await windowFolderPicker(dialog, () => null).pickFolder()).toBe('/Volumes/U盘');
    expect(asked[2]).toHaveLength(1);
  });
});
