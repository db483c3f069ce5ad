// Sends raw bytes (request lines and headers no HTTP client would produce) to a loopback port and returns
// everything the server answered before it closed the connection.
import net from 'node:net';

export function rawSocket(port: number, text: string, more?: (s: net.Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    sock.on('data', (d) => chunks.push(d));
    // The server may drop the connection while we still write: what it answered first is what counts.
    sock.on('error', () => {});
    sock.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    sock.write(text);
    more?.(sock);
  });
}
