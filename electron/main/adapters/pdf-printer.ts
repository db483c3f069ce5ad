// Saves what the window shows (the cards' print view) as an A4 PDF with webContents.printToPDF; the
// print stylesheet hides the app's chrome, so only the cards are on the pages.
import type * as Electron from 'electron';
import type { PdfPrinter } from '../../core/ports.ts';

export function windowPdfPrinter(
  contents: () => Pick<Electron.WebContents, 'printToPDF'> | null,
): PdfPrinter {
  return {
    async printToPdf() {
      const wc = contents();
      if (!wc) throw new Error('no window to print');
      return wc.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    },
  };
}
