// Child process: evaluates the built main bundle (out/main/index.js) with 'electron' replaced by the
// recording fake, waits for the window to load, and prints what boot did as one JSON line.
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const fake = await import('electron');
await import(pathToFileURL(path.resolve(process.argv[2])).href);
await fake.windowLoaded;
// Let boot finish what follows loadURL in the same tick chain.
await new Promise((r) => setImmediate(r));
process.stdout.write(`${JSON.stringify(fake.record)}\n`);
process.exit(0);
