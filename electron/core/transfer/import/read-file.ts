// What a chosen file is, decided by its content (the extension is only a hint): a KeePass database, a
// KeePass XML or Bitwarden JSON export, a password CSV from one of the tools, or a seller's own sheet
// (.xlsx or CSV) whose columns the user maps. Every refusal is an AppError that changes nothing.
import { AppError } from '../../../../shared/contract/errors.ts';
import type { CredentialSource, ImportedCredential } from '../../../../shared/domain/transfer/credential.ts';
import { decodeCsv, parseCsv, readXlsx, type Table } from '../../inventory/tabular.ts';
import { credentialsFromBitwardenJson } from './bitwarden-json.ts';
import { credentialFormat, credentialsFromCsv } from './credential-csv.ts';
import { readKdbx, readKeepassXml } from './keepass.ts';

/** What one call may carry (the preview host takes 9 MiB of base64). */
export const IMPORT_MAX_BYTES = 6 * 1024 * 1024;

export type ReadResult =
  | { kind: 'credentials'; source: CredentialSource; credentials: ImportedCredential[] }
  | { kind: 'table'; source: 'xlsx' | 'csv'; encoding: string | null; table: Table }
  /** A KeePass database: its password is asked for, then the file is read again with it. */
  | { kind: 'needs-password'; source: 'keepass-kdbx' };

const KDBX_SIGNATURE = Buffer.from([0x03, 0xd9, 0xa2, 0x9a]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const wrongKind = (reason: string) => new AppError('IMPORT_WRONG_KIND', { details: { reason } });

export async function readImportFile(bytes: Buffer, password?: string): Promise<ReadResult> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE');
  if (bytes.length === 0) throw wrongKind('empty');
  const head = bytes.subarray(0, 4);
  if (head.equals(KDBX_SIGNATURE)) {
    if (password === undefined) return { kind: 'needs-password', source: 'keepass-kdbx' };
    return { kind: 'credentials', source: 'keepass-kdbx', credentials: await readKdbx(bytes, password) };
  }
  if (head.equals(ZIP_SIGNATURE))
    return { kind: 'table', source: 'xlsx', encoding: null, table: await readXlsx(bytes) };
  // Excel 97-2003 .xls and other binary files: nothing we read, said plainly.
  if (head.equals(OLE_SIGNATURE)) throw wrongKind('xls');
  if (bytes.subarray(0, 8192).includes(0)) throw wrongKind('binary');

  const { text, encoding } = decodeCsv(bytes);
  const start = text.trimStart();
  if (start.startsWith('<'))
    return { kind: 'credentials', source: 'keepass-xml', credentials: await readKeepassXml(text) };
  if (start.startsWith('{') || start.startsWith('['))
    return { kind: 'credentials', source: 'bitwarden-json', credentials: credentialsFromBitwardenJson(text) };
  const table = parseCsv(text);
  if (table.length === 0) throw wrongKind('empty');
  const format = credentialFormat(table);
  if (format)
    return { kind: 'credentials', source: format.source, credentials: credentialsFromCsv(table, format) };
  return { kind: 'table', source: 'csv', encoding, table };
}
