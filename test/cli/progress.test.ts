import { describe, expect, it } from 'vitest';
import { capturingIo } from '../support/capturing-io.js';
import { Writable } from 'node:stream';
import { PROGRESS_THRESHOLD, startProgress } from '../../src/cli/progress.js';

function fakeTerminal(): Writable & { isTTY: boolean; columns: number; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, {
    isTTY: true,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    text: () => text,
  });
}

const io = capturingIo;

describe('progress over many cassettes', () => {
  it('draws a bar on a terminal when there are many files, and clears it when done', () => {
    const terminal = fakeTerminal();
    const progress = startProgress(io(true), PROGRESS_THRESHOLD, 'validating', terminal);
    for (let i = 0; i < PROGRESS_THRESHOLD; i++) progress.tick(`c${i}.json`);
    progress.stop();
    expect(terminal.text()).toMatch(/validating .* 0\/20/);
  });

  it('stays silent when stderr is not a terminal, or for a few files', () => {
    for (const [tty, total] of [
      [false, 100],
      [true, PROGRESS_THRESHOLD - 1],
    ] as const) {
      const terminal = fakeTerminal();
      const progress = startProgress(io(tty), total, 'validating', terminal);
      progress.tick('a.json');
      progress.stop();
      expect(terminal.text()).toBe('');
    }
  });
});
