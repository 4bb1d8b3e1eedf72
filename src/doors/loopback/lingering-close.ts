/**
 * Closing a connection whose request body is still arriving. Destroying the socket with unread
 * bytes makes the kernel answer with a reset, and a reset can discard the refusal the client has
 * not read yet: it sees ECONNRESET instead of the 413 or 403. So, as nginx's lingering close does,
 * the server half-closes after the answer and reads (and drops) what still arrives for a short
 * while, bounded in time and bytes so a 300 MB upload is not read to its end.
 */
import type http from 'node:http';

const LINGER_MS = 1_000;
const LINGER_BYTES = 4 * 1024 * 1024;

/** Makes the close that follows `req`'s answer a lingering one (Node closes with `destroySoon`). */
export function lingerOnClose(req: http.IncomingMessage): void {
  const socket = req.socket;
  let lingering = false;
  socket.destroySoon = () => {
    if (lingering) return;
    lingering = true;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(timer));
    let dropped = 0;
    socket.on('data', (chunk: Buffer) => {
      dropped += chunk.byteLength;
      if (dropped > LINGER_BYTES) socket.destroy();
    });
    req.resume();
  };
}
