import { describe, expect, it } from 'vitest';
import { CassetteResponder } from '../../src/engine/cassette-responder.js';
import { DEFAULT_MATCH } from '../../src/matching/request-key.js';
import { sampleCassette } from '../cassette/support/sample-cassette.js';
import { isCollectable } from '../support/gc.js';

describe('CassetteResponder', () => {
  it('lets go of the loaded cassette once closed, though it is kept itself', async () => {
    let responder: CassetteResponder | undefined;
    const collectable = await isCollectable(async () => {
      const loaded = sampleCassette();
      responder = new CassetteResponder({
        behaviour: 'replay',
        file: 'kept.json',
        loaded,
        match: DEFAULT_MATCH,
        allowPlaybackRepeats: false,
        redact: [],
        maskAccountIds: false,
      });
      await responder.close();
      return loaded;
    });
    // Still reachable here (so the check above means something), and a replay never writes.
    expect(responder!.wroteCassette).toBe(false);
    expect(collectable).toBe(true);
  });
});
