// Contract handler for saving the page being printed as a PDF (through the window's own print engine).
import { AppError } from '../../../shared/contract/errors.ts';
import { fileStamp } from '../../../shared/domain/china-time.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Handlers } from '../dispatch.ts';
import type { Clock, PdfPrinter } from '../ports.ts';

export function printHandlers(s: {
  pdf?: PdfPrinter | undefined;
  audit: AuditLog;
  clock: Clock;
}): Pick<Handlers, 'print.savePdf'> {
  return {
    'print.savePdf': async () => {
      if (!s.pdf) throw new AppError('PDF_UNAVAILABLE');
      const bytes = await s.pdf.printToPdf();
      s.audit.append({ action: 'print.savedPdf', object: 'print', summary: `${bytes.length} bytes` });
      return {
        fileName: `店务管家-${fileStamp(s.clock.now())}.pdf`,
        mime: 'application/pdf',
        contentBase64: bytes.toString('base64'),
        rowCount: 0,
      };
    },
  };
}
