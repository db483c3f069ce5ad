// 20 distinct secrets go in through the vault; afterwards no file in the data folder, generation,
// damaged copy or audit log may contain any of them in the clear (nor in base64 or hex).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeTestCore } from '../support/test-core.ts';

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : [p];
  });
}

describe('secret canaries', () => {
  it('no plaintext canary is anywhere in the data folder or the log', async () => {
    const tc = makeTestCore();
    await tc.core.dispatch('vault.setup', {
      password: GOOD_PASSWORD,
      confirm: GOOD_PASSWORD,
      rememberOnDevice: true,
    });
    const canaries = Array.from(
      { length: 20 },
      (_, i) => `CANARY-${i}-金丝雀-${Math.random().toString(36).slice(2)}`,
    );
    canaries.forEach((c, i) => {
      tc.core
        .collection(`shop-${i % 4}`)
        .put(`rec-${i}`, { label: `record ${i}` }, { password: c, phone: `${c}-phone` });
    });
    // Reveal and copy some: the audit trail must still hold no value.
    for (let i = 0; i < 20; i += 5) {
      const ref = { collection: `shop-${i % 4}`, recordId: `rec-${i}`, field: 'password' };
      expect(await tc.core.dispatch('secrets.reveal', { ref })).toMatchObject({
        ok: true,
        value: { value: canaries[i] },
      });
      await tc.core.dispatch('secrets.copy', { ref });
    }
    await tc.core.dispatch('vault.changePassword', {
      current: GOOD_PASSWORD,
      next: `${GOOD_PASSWORD}-2`,
      confirm: `${GOOD_PASSWORD}-2`,
    });
    await tc.core.shutdown();

    const files = allFiles(tc.dataDir);
    expect(files.some((f) => f.endsWith('audit.log'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}generations${path.sep}`))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const text = bytes.toString('utf8');
      for (const c of [...canaries, GOOD_PASSWORD]) {
        const forms = [
          c,
          Buffer.from(c).toString('base64'),
          Buffer.from(c).toString('hex'),
          Buffer.from(c).toString('base64url'),
        ];
        for (const form of forms) expect(text.includes(form), `${form} found in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(c, 'utf16le')), `UTF-16 ${c} in ${file}`).toBe(false);
      }
    }
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  });
});
