// A free loopback port for a server the tests start themselves (apache2 and rclone take a port number, not 0).
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something answers HTTP on the port (or rejects when the process died first). */
export async function waitForHttp(url: string, alive: () => boolean, log: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    if (!alive()) throw new Error(`server exited before answering:\n${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (i > 400) throw new Error(`server never answered at ${url}:\n${log()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
