// Printing to PDF (Electron only; the browser preview uses the print dialog). The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const printApi = areaApi('print');
