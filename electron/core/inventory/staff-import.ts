// Staff import: a preview that lists every row with its problems, held in memory under a token; nothing is
// written until commit, which adds every valid row in one write or none at all.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors.ts';
import type { ImportPreview } from '../../../shared/contract/inventory-types.ts';
import { maskMobile, normalizeMobile } from '../../../shared/domain/validators.ts';
import type { Clock } from '../ports.ts';
import type { PersonInput, StaffService } from './staff-service.ts';
import { decodeCsv, parseCsv, readXlsx, type Table } from './tabular.ts';

const HEADERS: Record<keyof PersonInput, string[]> = {
  name: ['姓名', '名字', 'name'],
  phone: ['手机号', '手机', '手机号码', '电话', 'phone', 'mobile'],
  position: ['岗位', '职位', 'position'],
  notes: ['备注', 'notes'],
  idNumber: ['身份证号', '身份证', '身份证号码', 'id'],
};
const PREVIEW_TTL_MS = 15 * 60_000;

interface Pending {
  expires: number;
  rows: Array<{ input: PersonInput; valid: boolean }>;
}

export class StaffImport {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly staff: StaffService,
    private readonly clock: Clock,
  ) {}

  async preview(fileName: string, contentBase64: string): Promise<ImportPreview> {
    const bytes = Buffer.from(contentBase64, 'base64');
    const lower = fileName.toLowerCase();
    let table: Table;
    let encoding = 'xlsx';
    if (lower.endsWith('.xlsx')) table = await readXlsx(bytes);
    else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      const decoded = decodeCsv(bytes);
      encoding = decoded.encoding;
      table = parseCsv(decoded.text);
    } else throw new AppError('FILE_UNREADABLE');

    const [header, ...body] = table;
    if (!header) throw new AppError('FILE_UNREADABLE');
    const col = (key: keyof PersonInput) =>
      header.findIndex(
        (h) => HEADERS[key].includes(h.trim().toLowerCase()) || HEADERS[key].includes(h.trim()),
      );
    const idx = {
      name: col('name'),
      phone: col('phone'),
      position: col('position'),
      notes: col('notes'),
      idNumber: col('idNumber'),
    };
    if (idx.name < 0 || idx.phone < 0)
      throw new AppError('FILE_UNREADABLE', { details: { missing: idx.name < 0 ? '姓名' : '手机号' } });

    const known = this.staff.idHashes();
    // Where each person was first seen, so a repeat names the row it repeats.
    const seenIds = new Map<string, number>();
    const seenPhones = new Map<string, number>();
    const rows: Pending['rows'] = [];
    const view: ImportPreview['rows'] = [];
    body.forEach((cells, i) => {
      const get = (j: number) => (j >= 0 ? (cells[j] ?? '').trim() : '');
      const input: PersonInput = {
        name: get(idx.name),
        phone: get(idx.phone),
        position: get(idx.position),
        notes: get(idx.notes),
        idNumber: get(idx.idNumber),
      };
      const checked = this.staff.check(input, known);
      const errors = checked.ok
        ? []
        : Object.entries(checked.fields.fields).map(
            ([field, code]) =>
              `${field}:${code === 'invalid' && field === 'idNumber' ? 'id_registered' : code}`,
          );
      const phone = normalizeMobile(input.phone);
      if (checked.ok) {
        // A person twice in the same file is an error too: the second row would duplicate the first.
        const firstId = checked.idHash ? seenIds.get(checked.idHash) : undefined;
        const firstPhone = seenPhones.get(checked.phone);
        if (firstId !== undefined) errors.push(`idNumber:duplicate_in_file:${firstId}`);
        if (firstPhone !== undefined) errors.push(`phone:duplicate_in_file:${firstPhone}`);
        if (checked.idHash && firstId === undefined) seenIds.set(checked.idHash, i + 2);
        if (firstPhone === undefined) seenPhones.set(checked.phone, i + 2);
      }
      // What was typed in each bad cell, so the user sees what to fix (an ID number only by its end).
      const typed: Record<string, string> = {};
      for (const e of errors) {
        const field = e.split(':')[0] as keyof PersonInput;
        const value = input[field] ?? '';
        typed[field] = field === 'idNumber' && value.length > 4 ? `…${value.slice(-4)}` : value;
      }
      rows.push({ input, valid: errors.length === 0 });
      view.push({
        row: i + 2,
        name: input.name,
        phoneMasked: phone ? maskMobile(phone) : null,
        position: input.position,
        idLast4: input.idNumber ? input.idNumber.slice(-4) : null,
        errors,
        typed,
      });
    });
    const token = randomBytes(12).toString('base64url');
    this.sweep();
    this.pending.set(token, { expires: this.clock.now() + PREVIEW_TTL_MS, rows });
    const validCount = rows.filter((r) => r.valid).length;
    return { token, rows: view, validCount, invalidCount: rows.length - validCount, encoding };
  }

  /** `beforeWrite` runs once the rows are known good, just before the write (the safety backup). */
  commit(
    token: string,
    skipInvalid: boolean,
    beforeWrite: () => string | null = () => null,
  ): { imported: number; skipped: number; safetyBackup: string | null } {
    this.sweep();
    const p = this.pending.get(token);
    if (!p) throw new AppError('IMPORT_EXPIRED');
    const invalid = p.rows.filter((r) => !r.valid).length;
    if (invalid > 0 && !skipInvalid) throw new AppError('IMPORT_HAS_ERRORS', { details: { invalid } });
    // Re-check against the registry as it is now: someone may have been added since the preview.
    const known = this.staff.idHashes();
    const records = [];
    for (const r of p.rows.filter((x) => x.valid)) {
      const checked = this.staff.check(r.input, known);
      if (!checked.ok) throw new AppError('IMPORT_EXPIRED');
      records.push(this.staff.record(r.input, checked));
    }
    const safetyBackup = beforeWrite();
    this.staff.addMany(records);
    this.pending.delete(token);
    return { imported: records.length, skipped: invalid, safetyBackup };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [t, p] of this.pending) if (p.expires < now) this.pending.delete(t);
  }
}
