/**
 * The one registry every patching door shares: which doubles are open, which patches are in place,
 * and their undos; the one way a method is replaced; the one answer rule every door applies.
 */
import { describe, expect, it } from 'vitest';
import type { DoorAttachment, DoorPort } from '../../../src/engine/door-port.js';
import type { WireOutcome } from '../../../src/wire/wire-types.js';
import {
  attachPatches,
  openDoubles,
  patchesInPlace,
  type ProcessPatch,
} from '../../../src/doors/shared/door-registry.js';
import { originalMethod, replaceMethod } from '../../../src/doors/shared/replace-method.js';
import { answerRequest } from '../../../src/doors/shared/answer-request.js';
import { mockLambda } from '../../../src/index.js';

interface FakeDouble extends DoorPort {
  close(): Promise<void>;
  noted: Error[];
}

function fakeDouble(label: string, outcome?: WireOutcome, refusal?: Error): FakeDouble {
  const attachments: DoorAttachment[] = [];
  const noted: Error[] = [];
  let closed = false;
  return {
    noted,
    get closed() {
      return closed;
    },
    settings: { region: 'us-east-1', accountId: '123456789012', endpoints: [], label, onUnhandledRequest: 'error' },
    calls: [],
    reachesUpstream: false,
    handle: () => Promise.resolve(outcome),
    answer: () => Promise.resolve(outcome),
    answerParsed: () => Promise.reject(new Error('the door-registry doors answer wire requests')),
    acceptAtOnce: () => undefined,
    judgeUnhandled: () => (refusal ? { bypass: false, error: refusal } : { bypass: true }),
    attach: (attachment) => void attachments.push(attachment),
    noteInterference: (error) => void noted.push(error),
    noteBindingTaken: () => undefined,
    async close() {
      closed = true;
      for (const attachment of attachments.splice(0)) await attachment.detach();
    },
  };
}

/** A patch that logs what happens to it. */
function loggingPatch(name: string, log: string[], lost?: () => string | undefined): ProcessPatch {
  let refreshes = 0;
  return {
    name,
    install: () => {
      log.push(`install ${name}`);
      return () => void log.push(`undo ${name}`);
    },
    refresh: () => {
      const n = ++refreshes;
      log.push(`refresh ${name}`);
      return [() => void log.push(`undo ${name} refresh ${n}`)];
    },
    ...(lost ? { lost } : {}),
  };
}

describe('the door registry', () => {
  it('counts a double open once, however many doors attach it, until its close begins', async () => {
    const log: string[] = [];
    const double = fakeDouble('one');
    attachPatches(double, [loggingPatch('a', log)]);
    attachPatches(double, [loggingPatch('b', log)]);
    expect(openDoubles.filter((d) => d === double)).toHaveLength(1);
    await double.close();
    expect(openDoubles).not.toContain(double);
    expect(log).toEqual(['install a', 'install b', 'undo b', 'undo a']);
    expect(patchesInPlace()).toBe(0);
  });

  it('installs with the first double, refreshes with later ones, and undoes newest first when the last closes', async () => {
    const log: string[] = [];
    const first = fakeDouble('first');
    const second = fakeDouble('second');
    attachPatches(first, [loggingPatch('p', log)]);
    attachPatches(second, [loggingPatch('p', log)]);
    expect(patchesInPlace()).toBe(2);
    await first.close();
    expect(log).toEqual(['install p', 'refresh p']);
    expect(openDoubles).toEqual([second]);
    await second.close();
    expect(log).toEqual(['install p', 'refresh p', 'undo p refresh 1', 'undo p']);
    expect(patchesInPlace()).toBe(0);
  });

  it('tells each double that leaves that a patch was taken away while it was open', async () => {
    const double = fakeDouble('lost');
    attachPatches(double, [loggingPatch('taken', [], () => 'someone redefined it')]);
    await double.close();
    expect(double.noted.map((e) => [e.name, e.message.includes('someone redefined it')])).toEqual([
      ['InterceptionLostError', true],
    ]);
  });

  it('undoes what it installed when a later patch fails to install and no double is open', () => {
    const log: string[] = [];
    const broken: ProcessPatch = {
      name: 'broken',
      install: () => {
        throw new Error('cannot patch');
      },
    };
    const double = fakeDouble('never opened');
    expect(() => attachPatches(double, [loggingPatch('fine', log), broken])).toThrow('cannot patch');
    expect(log).toEqual(['install fine', 'undo fine']);
    expect(openDoubles).not.toContain(double);
    expect(patchesInPlace()).toBe(0);
  });

  it('is the only global lambda-cassette keeps on globalThis while a double is open', async () => {
    const lambda = await mockLambda();
    try {
      const ours = Object.getOwnPropertySymbols(globalThis)
        .map((s) => s.description)
        .filter((d) => d?.startsWith('lambda-cassette'));
      expect(ours).toEqual(['lambda-cassette.doors.v1']);
    } finally {
      await lambda.close();
    }
  });
});

describe('replacing a method', () => {
  it('wraps once, and its undo leaves a wrapper put over ours in place', () => {
    const owner = { greet: (name: string) => `hello ${name}` };
    const plain = owner.greet;
    const wrap = (original: typeof plain) => (name: string) => `${original(name)}!`;
    const undo = replaceMethod(owner, 'greet', wrap)!;
    expect(owner.greet('a')).toBe('hello a!');
    expect(replaceMethod(owner, 'greet', wrap)).toBeUndefined();
    expect(originalMethod(owner, 'greet')).toBe(plain);
    const ours = owner.greet;
    owner.greet = (name: string) => `[${ours(name)}]`;
    undo();
    expect(owner.greet('b')).toBe('[hello b!]');
    expect(originalMethod(owner, 'greet')).toBeUndefined();
  });

  it('puts the original back when nobody wrapped ours', () => {
    const owner = { run: () => 1 };
    const plain = owner.run;
    replaceMethod(owner, 'run', () => () => 2)!();
    expect(owner.run).toBe(plain);
  });
});

describe('the answer every door gives', () => {
  const wire = { method: 'POST', url: 'https://lambda.us-east-1.amazonaws.com/x', headers: {}, body: new Uint8Array() };

  it('is the engine response when there is one', async () => {
    const response = { kind: 'response', status: 202, headers: { a: 'b' }, body: new Uint8Array([1]) } as const;
    await expect(answerRequest(fakeDouble('r', response), wire)).resolves.toBe(response);
  });

  it("rejects with onUnhandledRequest's refusal for a request the engine does not serve", async () => {
    const refusal = new Error('refused');
    await expect(answerRequest(fakeDouble('u', undefined, refusal), wire)).rejects.toBe(refusal);
  });

  it("rejects with a socket's error for a fault and the engine's error for a failure, unless the door says otherwise", async () => {
    const timeout = fakeDouble('t', { kind: 'fault', fault: 'timeout' });
    await expect(answerRequest(timeout, wire)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    const failure = new Error('engine failed');
    const failing = fakeDouble('f', { kind: 'failure', error: failure });
    await expect(answerRequest(failing, wire)).rejects.toBe(failure);
    const mine = new Error('as my client sees it');
    await expect(answerRequest(failing, wire, { reject: () => mine })).rejects.toBe(mine);
  });
});
