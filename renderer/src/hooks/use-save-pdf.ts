import { App } from 'antd';
import { AppError } from '../../../shared/contract/errors.ts';
import { errorText } from '../i18n/errors.ts';
import { downloadExport } from '../lib/download.ts';
import { printApi } from '../print/print-api.ts';
import { useLang } from './use-lang.ts';

/**
 * Saves the view on screen (cards, a letter) as an A4 PDF through main; where main cannot (the browser
 * preview has no printToPDF) it says so and opens the print dialog, whose "Save as PDF" does the same.
 */
export function useSavePdf(): () => Promise<void> {
  const { message } = App.useApp();
  const lang = useLang();
  return async () => {
    try {
      downloadExport(await printApi.savePdf({}));
    } catch (err) {
      if (err instanceof AppError && err.code === 'PDF_UNAVAILABLE') {
        message.info(errorText(err, lang));
        window.print();
      } else message.error(errorText(err, lang));
    }
  };
}
