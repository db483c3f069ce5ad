// The backup folder chosen with the system's own folder dialog, attached to the app window so it is modal
// to it. Only a path comes back; the core still checks that it is a writable folder.
import type * as Electron from 'electron';
import type { FolderPicker } from '../../core/ports.ts';

export function windowFolderPicker(
  dialog: Pick<Electron.Dialog, 'showOpenDialog'>,
  window: () => Electron.BrowserWindow | null,
): FolderPicker {
  return {
    async pickFolder() {
      const options: Electron.OpenDialogOptions = {
        title: '选择备份文件夹 / Choose the backup folder',
        properties: ['openDirectory', 'createDirectory'],
      };
      const win = window();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
    },
  };
}
