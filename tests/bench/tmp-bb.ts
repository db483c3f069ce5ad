import { backupBench } from './backup-bench.ts';

const rows = await backupBench();
for (const r of rows) console.log(r.join(' | '));
