import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { FileChooser } from '../transfer/transfer-service.ts';

/**
 * The transfer service's file chooser in the app: Electron's own open and save dialogs, attached
 * to the app window. Main gets the path from the dialog, never from the page.
 */
export function electronFileChooser(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | null,
  downloadsFolder: () => string,
): FileChooser {
  const csvFilters = [
    { name: 'CSV and TSV files', extensions: ['csv', 'tsv', 'txt'] },
    { name: 'All files', extensions: ['*'] },
  ];
  return {
    async openImportFile() {
      const options = { title: 'Import leads from a CSV file', properties: ['openFile' as const], filters: csvFilters };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile(suggestedName) {
      const options = { title: 'Save as CSV', defaultPath: path.join(downloadsFolder(), suggestedName), filters: [{ name: 'CSV file', extensions: ['csv'] }] };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
