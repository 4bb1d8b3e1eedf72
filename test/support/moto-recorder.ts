/**
 * Reading moto's request recorder (`/moto-api/recorder/download-recording`): one JSON line per request
 * that reached a moto route, as moto logged it.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query as moto logged them: percent-DECODED (`arn:aws:...`, not `arn%3Aaws%3A...`). */
  path: string;
  url: string;
  /** Names lower-cased. */
  headers: Record<string, string>;
  /** The body as UTF-8 text; absent when the request had none. */
  body?: string;
}

interface RecorderLine {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | null;
  body_encoded?: boolean;
}

export function parseRecording(text: string): RecordedRequest[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as RecorderLine;
      const u = new URL(raw.url);
      const body = raw.body
        ? raw.body_encoded
          ? Buffer.from(raw.body, 'base64').toString('utf8')
          : raw.body
        : undefined;
      // Werkzeug title-cases header names (`Amz-Sdk-Request`); lower-case them as Node and the SDK do.
      const headers = Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const req: RecordedRequest = { method: raw.method, path: u.pathname + u.search, url: raw.url, headers };
      if (body !== undefined && body !== '') req.body = body;
      return req;
    });
}
