// Reading and writing tables: CSV (RFC 4180 via papaparse; UTF-8 with BOM out; UTF-8, UTF-8 BOM or GBK/GB18030 in) and
// .xlsx through exceljs. CSV cells that a spreadsheet would run as a formula are neutralised on the way
// out; .xlsx cells are string cells, which no spreadsheet runs, so they are written unchanged.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../../shared/contract/errors.ts';
import { checkZip } from './zip-guard.ts';

export type Table = string[][];

/** Decodes CSV bytes: a BOM means UTF-8; valid UTF-8 is UTF-8; anything else is read as GB18030 (a GBK superset). */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GBK/GB18030' };
  }
}

/**
 * RFC 4180 CSV (quoted cells, doubled quotes, line breaks inside quotes, CRLF) through papaparse. The
 * delimiter is read off the header line, deterministically: a comma if it has one (every spreadsheet and
 * password manager we read writes commas), else a tab, else a semicolon. Blank lines are dropped.
 */
export function parseCsv(text: string): Table {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const delimiter = header.includes(',')
    ? ','
    : header.includes('\t')
      ? '\t'
      : header.includes(';')
        ? ';'
        : ',';
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  return result.data.filter((r) => r.some((c) => c.trim() !== ''));
}

export async function readXlsx(bytes: Buffer): Promise<Table> {
  // Bounded before exceljs inflates anything (zip bombs, lying headers).
  checkZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_UNREADABLE');
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: Table = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

/** A CSV cell starting with = + - @ (or a tab/CR) would run as a formula when Excel or WPS opens it. */
export const looksLikeFormula = (value: string): boolean => /^[=+\-@\t\r]/.test(value);

/** CSV only: prefix a quote so a spreadsheet shows the text instead of running it. */
export function neutralise(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/**
 * CSV is plain text, so a cell that looks like a formula is neutralised with a leading quote (the export
 * dialog says so). Secret columns are never altered: an exported password must be byte-identical to the
 * stored one, so a CSV that would have to change one is refused and .xlsx (which never alters) suggested.
 */
export function writeCsv(header: string[], rows: string[][], secretColumns: number[] = []): Buffer {
  const unsafe = rows.filter((r) => secretColumns.some((c) => looksLikeFormula(r[c] ?? ''))).length;
  if (unsafe > 0) throw new AppError('EXPORT_CSV_UNSAFE_SECRET', { details: { count: unsafe } });
  const esc = (v: string) => {
    const n = neutralise(v);
    return /[",\r\n]/.test(n) ? `"${n.replaceAll('"', '""')}"` : n;
  };
  const text = [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n');
  // The BOM makes Excel on Windows read the file as UTF-8 instead of the system code page.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/**
 * Columns listed in `textColumns` are stored as text cells (format '@'), so IDs and phones keep their digits.
 * Every value is written unchanged as a string cell (a shared string, never an <f> formula element), so
 * no spreadsheet runs it and no password or name is altered on the way out.
 */
export async function writeXlsx(
  sheetName: string,
  header: string[],
  rows: string[][],
  textColumns: number[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shopwarden 店务管家';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  for (const c of textColumns) ws.getColumn(c + 1).numFmt = '@';
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(
      40,
      Math.max(10, h.length * 2 + 4, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2)),
    );
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
