import type http from 'node:http';

/**
 * Reads the body; past `limit` bytes it stops keeping them but still drains the upload (so the
 * client can read our 413 instead of a broken pipe), up to a cap beyond which it hangs up.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const drainCap = Math.max(4 * limit, 64 * 1024 * 1024);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > drainCap) {
        req.destroy();
        resolve('too-large');
      }
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
