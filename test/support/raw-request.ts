import http from 'node:http';
import https from 'node:https';

/** What a raw request ended in: an answer, or the error the client saw. Never a hang (see `timeoutMs`). */
export type RawOutcome =
  | { kind: 'response'; status: number; headers: http.IncomingHttpHeaders; body: string }
  | { kind: 'error'; error: Error };

export interface RawRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function settle(promise: Promise<RawOutcome>, timeoutMs: number, label: string): Promise<RawOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${timeoutMs} ms: ${label}`)), timeoutMs);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

/** Sends a request through Node's `http`/`https` module, as aws-sdk v2 and most Node clients do. */
export function nodeRequest(request: RawRequest, timeoutMs = 10_000): Promise<RawOutcome> {
  const mod = request.url.startsWith('https:') ? https : http;
  const done = new Promise<RawOutcome>((resolve) => {
    const req = mod.request(
      request.url,
      { method: request.method ?? 'POST', headers: request.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (error) => resolve({ kind: 'error', error }));
        res.on('end', () =>
          resolve({
            kind: 'response',
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', (error) => resolve({ kind: 'error', error }));
    req.end(request.body ?? '');
  });
  return settle(done, timeoutMs, `${request.method ?? 'POST'} ${request.url}`);
}

/** Sends a request through the global `fetch`. */
export function fetchRequest(request: RawRequest, timeoutMs = 10_000): Promise<RawOutcome> {
  const method = request.method ?? 'POST';
  const done = (async (): Promise<RawOutcome> => {
    try {
      const res = await fetch(request.url, {
        method,
        headers: request.headers ?? {},
        ...(method === 'GET' || method === 'HEAD'
          ? {}
          : {
              body:
                typeof request.body === 'string' || request.body === undefined
                  ? (request.body ?? '')
                  : new Uint8Array(request.body),
            }),
      });
      const headers: http.IncomingHttpHeaders = {};
      res.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { kind: 'response', status: res.status, headers, body: await res.text() };
    } catch (error) {
      return { kind: 'error', error: error as Error };
    }
  })();
  return settle(done, timeoutMs, `fetch ${method} ${request.url}`);
}
