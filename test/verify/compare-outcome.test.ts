import { describe, expect, it } from 'vitest';
import { compareOutcome } from '../../src/verify/compare-outcome.js';
import type { RecordedResponse } from '../../src/cassette/index.js';

const live = (status: number, body: string, headers: Record<string, string> = {}) => ({
  kind: 'response' as const,
  status,
  headers,
  body: Buffer.from(body),
});

describe('compareOutcome', () => {
  const recorded: RecordedResponse = {
    status: 202,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r-1' },
    body: { text: '{"Status":202,"RequestId":"r-1","at":"2026-11-01T00:00:00Z","n":1}' },
  };

  it('ignores request ids, dates and key order', () => {
    const r = compareOutcome(
      recorded,
      live(202, '{"n":1,"at":"2026-12-02T10:11:12.000Z","RequestId":"r-2","Status":202}', {
        'x-amzn-requestid': 'r-2',
      }),
      false,
    );
    expect(r.changes).toEqual([]);
  });

  it('lists body changes by path', () => {
    const r = compareOutcome(
      recorded,
      live(202, '{"Status":202,"RequestId":"r-1","at":"2026-11-01T00:00:00Z","n":2,"extra":true}'),
      false,
    );
    expect(r.changes).toEqual(['body $.extra: added true', 'body $.n: 1 → 2']);
  });

  it('reads the error type from the header, else the body', () => {
    expect(
      compareOutcome(
        recorded,
        live(404, '{}', { 'x-amzn-errortype': 'ResourceNotFoundException:http://internal' }),
        false,
      ).changes,
    ).toEqual(['status 202 → 404', 'error type none → ResourceNotFoundException', 'body differs too']);
    expect(compareOutcome(recorded, live(400, '{"__type":"com.amazon#ThrottlingException"}'), false).live).toEqual({
      status: 400,
      errorType: 'ThrottlingException',
    });
  });

  it('compares text bodies as text, masking account ids when the cassette did', () => {
    const masked: RecordedResponse = {
      status: 404,
      headers: {},
      body: { text: 'no arn:aws:lambda:us-east-1:000000000000:function:f' },
    };
    expect(
      compareOutcome(masked, live(404, 'no arn:aws:lambda:us-east-1:210987654321:function:f'), true).changes,
    ).toEqual([]);
    expect(
      compareOutcome(masked, live(404, 'no arn:aws:lambda:us-east-1:210987654321:function:f'), false).changes,
    ).toHaveLength(1);
  });
});
