/**
 * Nothing is lost silently at depth. A payload nested thousands deep used to be
 * forwarded while recording and then lost (RangeError for the caller, a cassette written without
 * it); `expectInvoked` threw RangeError; the loopback call log reset every connection.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssertionError } from 'node:assert';
import { afterAll, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette } from '../../src/index.js';
import { canonicalJson, canonicalize } from '../../src/common/canonical-json.js';
import { lambdaClient, caught } from '../support/sdk.js';
import { validateFile } from '../../src/cli/validate.js';
import { startUpstream } from '../support/upstream-server.js';

/** JSON text of a value nested `depth` deep (`{"k":[{"k":[...leaf...]}]}`), built without JSON.stringify, which overflows. */
function nestedText(depth: number, leaf = '1'): string {
  let open = '';
  let close = '';
  for (let i = depth - 1; i >= 0; i--) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return open + leaf + close;
}
const nested = (depth: number, leaf = '1'): unknown => JSON.parse(nestedText(depth, leaf));
/** Depth of the deepest array or object, counted without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lc-deep-'));
  dirs.push(d);
  return d;
};

describe('canonical JSON at depth', () => {
  it('canonicalizes and prints a value nested 20,000 deep, keys sorted at every level', () => {
    const value = nested(20_000, '{"b":2,"a":1}');
    const text = canonicalJson(value);
    expect(text.startsWith('[{"k":[{"k":')).toBe(true);
    expect(text).toContain('{"a":1,"b":2}');
    expect(typeof JSON.parse(text)).toBe('object');
    // Values are never handed to expect(): printing one this deep overflows the reporter.
    expect(canonicalize(value) !== value).toBe(true);
    // Indented, but only the first 100 levels: indentation at every level would grow quadratically.
    const indented = canonicalJson(value, 2);
    expect(indented.split('\n').length).toBeGreaterThan(100);
    expect(indented.length).toBeLessThan(text.length + 3 * 100 * 100 * 2);
    expect(typeof JSON.parse(indented)).toBe('object');
  });
});

describe('assertions at depth', () => {
  it('expectInvoked compares payloads nested 3,000 deep and fails with an AssertionError and a diff, never a RangeError', async () => {
    const lambda = await mockLambda();
    try {
      await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: nestedText(3_000) }));
      lambda.expectInvoked('deep-fn', nested(3_000));
      expect(lambda.wasInvoked('deep-fn', nested(3_000, '2'))).toBe(false);
      const error = (() => {
        try {
          lambda.expectInvoked('deep-fn', nested(3_000, '2'));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(AssertionError);
      const message = (error as Error).message;
      expect(message).toContain('Closest payload');
      // - expected (leaf 2), + actual (leaf 1).
      expect(message).toMatch(/^ +- .*\b2\b/m);
      expect(message).toMatch(/^ +\+ .*\b1\b/m);
    } finally {
      await lambda.close();
    }
  });

  it('the loopback call log answers a payload nested 6,000 deep instead of resetting the connection', async () => {
    const lambda = await mockLambda();
    try {
      const server = await lambda.listen();
      await lambdaClient({ endpoint: server.url }).send(
        new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: nestedText(6_000) }),
      );
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get(`${server.url}/_lambda-cassette/calls`, (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(body.length).toBeGreaterThan(12_000);
      expect(body).toContain('"functionName":"deep-fn"');
    } finally {
      await lambda.close();
    }
  });
});

describe('recording a payload nested 6,000 deep', () => {
  it('records it, and the cassette replays it', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    try {
      const payload = nestedText(6_000);
      const recording = await openCassette('deep', {
        dir,
        endpoint: upstream.url,
        mode: 'record',
        allowRecordingInCI: true,
      });
      await lambdaClient({ endpoint: upstream.url }).send(
        new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: payload }),
      );
      await recording.close();
      expect(upstream.received).toHaveLength(1);
      const cassette = JSON.parse(readFileSync(join(dir, 'deep.json'), 'utf8')) as {
        interactions: { request: { payload: { json: unknown } } }[];
      };
      expect(cassette.interactions).toHaveLength(1);
      expect(depthOf(cassette.interactions[0]!.request.payload.json)).toBe(6_000);

      const replay = await openCassette('deep', { dir, endpoint: upstream.url, mode: 'replay' });
      await lambdaClient({ endpoint: upstream.url }).send(
        new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: payload }),
      );
      await replay.close();
      expect(replay.calls.map((c) => c.source)).toEqual(['replay']);
      expect(upstream.received).toHaveLength(1);
    } finally {
      await upstream.close();
    }
  });

  it('when it cannot be recorded (a redact path too deep to evaluate), fails before forwarding and close() names it', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    try {
      const recording = await openCassette('deep-redacted', {
        dir,
        endpoint: upstream.url,
        mode: 'record',
        allowRecordingInCI: true,
        redact: ['$..password'],
      });
      await lambdaClient({ endpoint: upstream.url }).send(
        new InvokeAsyncCommand({ FunctionName: 'shallow-fn', InvokeArgs: '{"password":"x"}' }),
      );
      const error = await caught(() =>
        lambdaClient({ endpoint: upstream.url }).send(
          new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: nestedText(6_000) }),
        ),
      );
      expect(error.message).toMatch(/deep-fn/);
      expect(upstream.received.map((r) => r.url)).toEqual(['/2014-11-13/functions/shallow-fn/invoke-async']);
      await expect(recording.close()).rejects.toThrow(/deep-fn[\s\S]*not recorded|not recorded[\s\S]*deep-fn/);
    } finally {
      await upstream.close();
    }
  });
});

describe('replaying a payload too deep for a redact path', () => {
  it('fails the call as a miss naming why, and close() lists it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'empty.json'),
      '{"version":1,"recordedWith":{"library":"lambda-cassette","libraryVersion":"0.1.0","node":"v20.20.2"},"interactions":[]}\n',
    );
    const replay = await openCassette('empty', { dir, mode: 'replay', redact: ['$..password'] });
    const error = await caught(() =>
      lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'deep-fn', InvokeArgs: nestedText(6_000) })),
    );
    expect(error.message).toMatch(/deep-fn \(us-east-1\) could not be matched/);
    expect(replay.calls.map((c) => c.functionName)).toEqual(['deep-fn']);
    await expect(replay.close()).rejects.toMatchObject({
      code: 'LC_UNMATCHED_REQUESTS',
      message: expect.stringContaining('could not be matched'),
    });
  });
});

describe('lambda-cassette validate at depth', () => {
  it('scans a payload nested 6,000 deep and finds the key id at its bottom', async () => {
    const file = join(tempDir(), 'deep.json');
    const payload = nestedText(6_000, '"AKIAZ7Q2W5M3N8P4R6T1"');
    writeFileSync(
      file,
      `{"version":1,"recordedWith":{"library":"lambda-cassette","libraryVersion":"0.1.0","node":"v20.20.2"},"interactions":[{"request":{"functionName":"f","region":"us-east-1","payload":{"json":${payload}}},"response":{"status":202,"headers":{},"body":{"text":""}},"recordedAt":"2026-01-01T00:00:00Z"}]}`,
    );
    const findings = await validateFile(file);
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings[0])).toContain('access key id');
    expect(findings[0]!.where.split('/').length).toBeGreaterThan(6_000);
  });
});
