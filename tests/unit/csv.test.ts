// CSV in (papaparse) must read back every table CSV out writes, whatever the cells hold: quotes, commas,
// semicolons, tabs, line breaks (LF and CRLF) inside cells, Chinese, blanks; and in any encoding sellers'
// files come in (UTF-8, UTF-8 with BOM, GBK/GB18030).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, neutralise, parseCsv, writeCsv } from '../../electron/core/inventory/tabular.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a',
  'Z9',
  '中',
  '店铺',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '=',
  '+',
  '-',
  '@',
  "'",
  '：',
  '',
];

function table(r: () => number): { header: string[]; rows: string[][] } {
  const cols = 2 + Math.floor(r() * 5);
  const header = Array.from({ length: cols }, (_, i) => `列${i}`);
  const rows = Array.from({ length: 1 + Math.floor(r() * 12) }, () =>
    Array.from({ length: cols }, () =>
      Array.from({ length: Math.floor(r() * 6) }, () => PIECES[Math.floor(r() * PIECES.length)]).join(''),
    ),
  );
  return { header, rows };
}

// What a reader gets back: every cell as written (a formula-looking one with the quote CSV-out puts before
// it), rows that are blank in every cell left out.
const expected = (header: string[], rows: string[][]) =>
  [header, ...rows.map((r) => r.map(neutralise))].filter((r) => r.some((c) => c.trim() !== ''));

describe('CSV round trip', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    it(`reads back exactly what was written (seed ${seed})`, () => {
      const r = rng(seed);
      for (let k = 0; k < 200; k++) {
        const { header, rows } = table(r);
        const { text, encoding } = decodeCsv(writeCsv(header, rows));
        expect(encoding).toBe('UTF-8 (BOM)');
        expect(parseCsv(text)).toEqual(expected(header, rows));
      }
    });
  }

  it('reads GBK/GB18030 and BOM-less UTF-8 files as Excel and WPS save them', () => {
    const text = '店铺名称,子账号,密码\r\n旗舰店,小王,"a,b""c"\r\n';
    const gbk = decodeCsv(iconv.encode(text, 'gb18030'));
    expect(gbk.encoding).toBe('GBK/GB18030');
    expect(parseCsv(gbk.text)).toEqual([
      ['店铺名称', '子账号', '密码'],
      ['旗舰店', '小王', 'a,b"c'],
    ]);
    const utf8 = decodeCsv(Buffer.from(text, 'utf8'));
    expect(utf8.encoding).toBe('UTF-8');
    expect(parseCsv(utf8.text)).toEqual(parseCsv(gbk.text));
  });

  it('takes a tab- or semicolon-separated file by its header line', () => {
    expect(parseCsv('name\turl\na,b\tc\n')).toEqual([
      ['name', 'url'],
      ['a,b', 'c'],
    ]);
    expect(parseCsv('name;url\na;b\n')).toEqual([
      ['name', 'url'],
      ['a', 'b'],
    ]);
  });
});
