// A real child process doing bursts of mixed writes on a data folder until the test kills it with
// SIGKILL. Each write is announced on stdout ("ACK {json}") only after the call returned: the parent
// holds the child to every announcement after a restart. Run with node --experimental-transform-types.
import { makeTestCore } from '../../support/test-core.ts';
import { oneWrite, openWorkspace } from './workload.ts';

const [dataDir, tag, seedArg] = process.argv.slice(2);
if (!dataDir || !tag) throw new Error('usage: writer-child <dataDir> <tag> <seed>');
let seed = Number(seedArg) || 1;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const tc = makeTestCore({ dataDir });
const ws = await openWorkspace(tc.core);
process.stdout.write('READY\n');
for (let n = 0; ; n++) {
  const ack = await oneWrite(tc.core, ws, tag, n, Math.floor(rand() * 100));
  process.stdout.write(`ACK ${JSON.stringify(ack)}\n`);
}
