/**
 * bench/RESULTS.md from what run.mjs measured: markdown tables, and the project's speed targets met
 * or missed. Every ratio is the median of per-round ratios (each round runs one block of each variant,
 * so drift that hits a whole round cancels out).
 */
import os from 'node:os';
import { stats } from './blocks.mjs';
import { MECHANISMS } from './non-sdk.mjs';

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (x) => `${x.toFixed(2)}×`;
const med = (values) => stats(values).median;
const spread = (values) => {
  const s = stats(values);
  return `${ms(s.median)} (${ms(s.q1)}–${ms(s.q3)})`;
};
/** Median over rounds of this round's a / b. */
const roundRatio = (a, b, key = 'wall') => med(a[key].map((x, i) => x / b[key][i]));
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
const n1000 = (n) => n.toLocaleString('en-US');

export function report(m) {
  const P = m.peers;
  const I = m.inProcess;
  const R = m.requestResponse;
  const floor = P['bare requestHandler'];
  const zcMock = P['zero-config (mock)'];
  const zcReplay = P['zero-config (replay 1000)'];

  // ---- the peer table ----
  const peerRow = (label, mock, replayed) => {
    const mk = mock && P[mock];
    const rp = replayed && P[replayed];
    return [
      label,
      mk ? spread(mk.wall) : '—',
      mk ? ratio(roundRatio(mk, floor)) : '—',
      mk && mk !== zcMock ? ratio(roundRatio(mk, zcMock)) : '—',
      rp ? spread(rp.wall) : '—',
      rp ? ratio(roundRatio(rp, floor)) : '—',
      rp && rp !== zcReplay ? ratio(roundRatio(rp, zcReplay)) : '—',
    ];
  };
  const peerTable = table(
    [
      'mechanism',
      'mocked (ms/call)',
      '× SDK floor',
      'zero-config faster by',
      'replayed (ms/call)',
      '× SDK floor',
      'zero-config faster by',
    ],
    [
      peerRow(
        '**lambda-cassette, zero-config** (a plain `new LambdaClient()`)',
        'zero-config (mock)',
        'zero-config (replay 1000)',
      ),
      peerRow(
        'lambda-cassette, `requestHandler`',
        'lambda.requestHandler (mock)',
        'lambda.requestHandler (replay 1000)',
      ),
      peerRow('lambda-cassette, http door (the SDK over HTTP)', 'http door (mock)', 'http door (replay 1000)'),
      peerRow(
        'lambda-cassette, `bindClientMock`',
        'lambda.bindClientMock (mock)',
        'lambda.bindClientMock (replay 1000)',
      ),
      peerRow('SDK floor: a bare custom `requestHandler`', 'bare requestHandler', undefined),
      peerRow('a real HTTP server on 127.0.0.1 (keep-alive)', 'HTTP server on 127.0.0.1', undefined),
      peerRow('bare nock interceptor', 'bare nock', undefined),
      peerRow('nock.back lockdown', undefined, 'nock.back lockdown (1000)'),
      peerRow('Polly.js replay (node-http adapter, fs persister)', undefined, 'Polly.js replay (1000)'),
      peerRow('aws-sdk-client-mock, bare stub', 'bare aws-sdk-client-mock', undefined),
      peerRow(
        'aws-sdk-client-mock, a `callsFake` keeping each parsed payload',
        'aws-sdk-client-mock, fake keeping payloads',
        undefined,
      ),
    ],
  );

  // ---- each door against the mechanism under it ----
  const doorRow = (results, label, bare, mock, replayed, target) => {
    const b = results[bare];
    const rp = replayed && results[replayed];
    return [
      label,
      spread(b.wall),
      spread(results[mock].wall),
      ratio(roundRatio(results[mock], b)),
      rp ? spread(rp.wall) : '—',
      rp ? ratio(roundRatio(rp, b)) : '—',
      target,
    ];
  };
  const doorTable = table(
    ['door', 'bare mechanism (ms/call)', 'mocked', '× bare', 'replayed (1,000)', '× bare', 'target'],
    [
      doorRow(
        I,
        'zero-config SDK path (own blocks)',
        'bare requestHandler',
        'zero-config (mock)',
        'zero-config (replay 1000)',
        '≤ 1.10×',
      ),
      doorRow(
        I,
        '`requestHandler` (own blocks)',
        'bare requestHandler',
        'lambda.requestHandler (mock)',
        'lambda.requestHandler (replay 1000)',
        '≤ 1.05×',
      ),
      doorRow(
        R,
        'zero-config SDK path, RequestResponse (vs the floor answering 200)',
        'RequestResponse: bare requestHandler',
        'RequestResponse: zero-config (mock)',
        'RequestResponse: zero-config (replay 1000)',
        '≤ 1.25×',
      ),
      doorRow(
        P,
        'http door, the SDK over HTTP (vs a loopback server)',
        'HTTP server on 127.0.0.1',
        'http door (mock)',
        'http door (replay 1000)',
        '—',
      ),
      doorRow(
        P,
        '`bindClientMock` (vs bare aws-sdk-client-mock)',
        'bare aws-sdk-client-mock',
        'lambda.bindClientMock (mock)',
        'lambda.bindClientMock (replay 1000)',
        '≤ 1.25×',
      ),
      doorRow(
        P,
        '`bindClientMock` (vs a stub whose fake keeps each parsed payload)',
        'aws-sdk-client-mock, fake keeping payloads',
        'lambda.bindClientMock (mock)',
        'lambda.bindClientMock (replay 1000)',
        '—',
      ),
      doorRow(
        R,
        '`bindClientMock`, RequestResponse (vs bare aws-sdk-client-mock)',
        'RequestResponse: bare aws-sdk-client-mock',
        'RequestResponse: lambda.bindClientMock (mock)',
        undefined,
        '≤ 1.25×',
      ),
    ],
  );
  const cpuRow = (results, label, bare, ours) => [
    label,
    ms(med(results[bare].cpu)),
    ms(med(results[ours].cpu)),
    ratio(roundRatio(results[ours], results[bare], 'cpu')),
  ];
  const cpu = table(
    ['mechanism (mocked)', 'bare CPU ms/call', 'our door CPU ms/call', '× bare'],
    [
      cpuRow(I, 'zero-config SDK path', 'bare requestHandler', 'zero-config (mock)'),
      cpuRow(I, '`requestHandler`', 'bare requestHandler', 'lambda.requestHandler (mock)'),
      cpuRow(
        R,
        'zero-config SDK path, RequestResponse',
        'RequestResponse: bare requestHandler',
        'RequestResponse: zero-config (mock)',
      ),
      cpuRow(
        P,
        'http door (vs a loopback server, both ends in this process)',
        'HTTP server on 127.0.0.1',
        'http door (mock)',
      ),
      cpuRow(P, '`bindClientMock`', 'bare aws-sdk-client-mock', 'lambda.bindClientMock (mock)'),
      cpuRow(
        R,
        '`bindClientMock`, RequestResponse',
        'RequestResponse: bare aws-sdk-client-mock',
        'RequestResponse: lambda.bindClientMock (mock)',
      ),
    ],
  );

  // ---- RequestResponse ----
  const rrFloor = R['RequestResponse: bare requestHandler'];
  const rrStub = R['RequestResponse: bare aws-sdk-client-mock'];
  const rrRow = (label, name) => [
    label,
    spread(R[name].wall),
    ratio(roundRatio(R[name], rrFloor)),
    ratio(roundRatio(R[name], rrStub)),
  ];
  const rrTable = table(
    ['mechanism', 'ms/call', '× SDK floor (200)', '× bare aws-sdk-client-mock'],
    [
      rrRow('**lambda-cassette, zero-config**, `respond(fn, result)`', 'RequestResponse: zero-config (mock)'),
      rrRow('**lambda-cassette, zero-config**, replay (1,000)', 'RequestResponse: zero-config (replay 1000)'),
      rrRow(
        'lambda-cassette, `bindClientMock`, `respond(fn, result)`',
        'RequestResponse: lambda.bindClientMock (mock)',
      ),
      rrRow('SDK floor: a bare custom `requestHandler` answering 200', 'RequestResponse: bare requestHandler'),
      rrRow('aws-sdk-client-mock, bare stub', 'RequestResponse: bare aws-sdk-client-mock'),
    ],
  );

  // ---- size: replay and load ----
  const S = m.bySize;
  const at = (door, n) => S[`${door} (replay ${n})`];
  const sizeRow = (n) => {
    const nb = m.peersBySize[`nock.back lockdown (${n})`];
    const po = m.peersBySize[`Polly.js replay (${n})`];
    const cell = (door) => [spread(at(door, n).wall), ratio(roundRatio(at(door, n), at(door, 10)))];
    return [
      n1000(n),
      ...cell('zero-config'),
      ...cell('lambda.requestHandler'),
      ...cell('lambda.bindClientMock'),
      spread(nb.wall),
      spread(po.wall),
    ];
  };
  const replayBySize = table(
    [
      'interactions',
      'zero-config (ms/call)',
      '× at 10',
      '`requestHandler`',
      '× at 10',
      '`bindClientMock`',
      '× at 10',
      'nock.back lockdown',
      'Polly.js replay',
    ],
    m.sizes.map(sizeRow),
  );
  const loadRatio = (n) => med(m.load.ours[n].map((x, i) => x / m.load.floor[n][i]));
  const loadTable = table(
    [
      'interactions',
      'file',
      'read + JSON.parse alone (ms)',
      '`openCassette` (ms)',
      '× read + parse',
      'first in a process (ms)',
      'nock.back load (ms)',
      'Polly load (ms)',
    ],
    m.sizes.map((n) => [
      n1000(n),
      `${(m.fileSizes[n] / 2 ** 20).toFixed(2)} MB`,
      ms(med(m.load.floor[n])),
      ms(med(m.load.ours[n])),
      ratio(loadRatio(n)),
      ms(med(m.cold[n].map((c) => c.openMs))),
      ms(med(m.load.nockBack[n])),
      ms(med(m.load.polly[n])),
    ]),
  );

  // ---- clients other than SDK v3 ----
  const N = m.nonSdk;
  const clients = [...new Set(Object.keys(N).map((name) => name.split(' · ')[0]))];
  const nonSdkTable = table(
    ['client', ...MECHANISMS, 'double (mock) × loopback', 'double (mock) × msw', 'double (mock) × bare nock'],
    clients.map((client) => {
      const r = (mechanism) => N[`${client} · ${mechanism}`];
      const vs = (other) => (r(other) ? ratio(roundRatio(r('double (mock)'), r(other))) : '—');
      return [
        client,
        ...MECHANISMS.map((mechanism) => (r(mechanism) ? spread(r(mechanism).wall) : '—')),
        vs('loopback server'),
        vs('msw'),
        vs('bare nock'),
      ];
    }),
  );
  const nonSdkRatio = (client, other) => roundRatio(N[`${client} · double (mock)`], N[`${client} · ${other}`]);

  // ---- fresh processes ----
  const bareProcess = med(m.processMs['nothing (node startup only)']);
  const imports = table(
    ['fresh `node` importing', '`await import()` (ms)', 'whole process (ms)', 'process minus bare node (ms)'],
    Object.keys(m.importMs).map((label) => [
      label,
      label.startsWith('nothing') ? '—' : ms(med(m.importMs[label])),
      ms(med(m.processMs[label])),
      label.startsWith('nothing') ? '—' : ms(med(m.processMs[label]) - bareProcess),
    ]),
  );
  const memRow = (label, runs) => [
    label,
    med(runs.map((c) => c.heapMB)).toFixed(1),
    med(runs.map((c) => c.rssMB)).toFixed(0),
  ];
  const memory = table(
    ['fresh process: import, then load the recording for replay', 'heap used, loaded (MB)', 'RSS, loaded (MB)'],
    [
      ...m.sizes.map((n) => memRow(`lambda-cassette, ${n1000(n)} interactions`, m.cold[n])),
      memRow('nock.back lockdown, 10,000 interactions', m.peerMemory.nockBack),
      memRow('Polly.js replay, 10,000 interactions', m.peerMemory.polly),
    ],
  );

  // ---- targets ----
  const atMost = (label, value, limit, bar) => {
    const verdict = value <= limit ? '✅ met' : bar !== undefined && value <= bar ? '🟡 within the bar' : '❌ missed';
    return `- ${verdict}: ${label}: ${value.toFixed(3)}× (target ≤ ${limit.toFixed(2)}×${bar !== undefined ? `, bar ≤ ${bar.toFixed(2)}×` : ''})`;
  };
  const atLeast = (label, value, limit) =>
    `- ${value >= limit ? '✅ met' : '❌ missed'}: ${label}: ${value.toFixed(2)}× (target ≥ ${limit}×)`;
  const load10k = med(m.load.ours[10000]);
  const floor10k = med(m.load.floor[10000]);
  const v2 = clients.filter((c) => c.startsWith('aws-sdk v2'));
  const targets = [
    atMost(
      'zero-config, mocked, vs the SDK with a bare handler',
      roundRatio(I['zero-config (mock)'], I['bare requestHandler']),
      1.1,
    ),
    atMost(
      'zero-config, replayed (1,000), vs the SDK with a bare handler',
      roundRatio(I['zero-config (replay 1000)'], I['bare requestHandler']),
      1.1,
    ),
    atMost(
      'RequestResponse, zero-config, mocked (`respond`), vs the SDK with a bare handler answering 200',
      roundRatio(R['RequestResponse: zero-config (mock)'], rrFloor),
      1.25,
    ),
    atMost(
      'RequestResponse, zero-config, replayed (1,000), vs the same floor',
      roundRatio(R['RequestResponse: zero-config (replay 1000)'], rrFloor),
      1.25,
    ),
    atLeast(
      'zero-config replay (1,000) speed-up over nock.back lockdown',
      roundRatio(P['nock.back lockdown (1000)'], zcReplay),
      12,
    ),
    atLeast(
      'zero-config replay (1,000) speed-up over Polly.js replay',
      roundRatio(P['Polly.js replay (1000)'], zcReplay),
      12,
    ),
    atMost(
      'requestHandler door, mocked, vs bare handler',
      roundRatio(I['lambda.requestHandler (mock)'], I['bare requestHandler']),
      1.05,
    ),
    atMost(
      'requestHandler door, replayed, vs bare handler',
      roundRatio(I['lambda.requestHandler (replay 1000)'], I['bare requestHandler']),
      1.05,
    ),
    atMost('zero-config replay at 10,000 vs at 10', roundRatio(at('zero-config', 10000), at('zero-config', 10)), 1.05),
    atMost(
      'requestHandler replay at 10,000 vs at 10',
      roundRatio(at('lambda.requestHandler', 10000), at('lambda.requestHandler', 10)),
      1.05,
    ),
    atMost(
      `load 10,000 interactions (${ms(load10k)} ms) vs read + JSON.parse of the file (${ms(floor10k)} ms)`,
      loadRatio(10000),
      1.2,
    ),
    atMost(
      'bindClientMock, mocked, vs bare aws-sdk-client-mock',
      roundRatio(P['lambda.bindClientMock (mock)'], P['bare aws-sdk-client-mock']),
      1.25,
    ),
    atMost(
      'bindClientMock, RequestResponse, mocked, vs bare aws-sdk-client-mock',
      roundRatio(R['RequestResponse: lambda.bindClientMock (mock)'], rrStub),
      1.25,
    ),
    atMost('fetch through the double (mock) vs a loopback server', nonSdkRatio('fetch', 'loopback server'), 0.5, 0.75),
    atMost('http through the double (mock) vs a loopback server', nonSdkRatio('http', 'loopback server'), 0.5, 0.75),
    ...v2.map((c) =>
      atMost(`${c} through the double (mock) vs a loopback server`, nonSdkRatio(c, 'loopback server'), 0.5),
    ),
    atMost('fetch through the double (mock) vs msw', nonSdkRatio('fetch', 'msw'), 1),
    atMost('http through the double (mock) vs msw', nonSdkRatio('http', 'msw'), 1),
    atMost('fetch through the double (mock) vs bare nock', nonSdkRatio('fetch', 'bare nock'), 1),
    atMost('http through the double (mock) vs bare nock', nonSdkRatio('http', 'bare nock'), 1),
  ];

  const cpus = os.cpus();
  const v = m.versions;
  return `# Benchmark results

\`npm run bench\` (\`node bench/run.mjs${m.quick ? ' --quick' : ''}\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${m.seconds.toFixed(0)} s.
Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, load average (1 min) ${m.loadBefore[0].toFixed(1)} before, ${m.loadAfter[0].toFixed(1)} after (the machine is shared).
@aws-sdk/client-lambda ${v['@aws-sdk/client-lambda']}, nock ${v['nock']}, aws-sdk-client-mock ${v['aws-sdk-client-mock']}, @pollyjs/core ${v['@pollyjs/core']}, msw ${v['msw']}.

Every figure but the RequestResponse table's is one SDK \`InvokeAsyncCommand\` sent through a real \`LambdaClient\`: the median over
alternating blocks (every round runs one block of each variant in turn, so drift hits all of them;
in parentheses the quartiles). A ratio is the median of the per-round ratios. Mocked: \`mockLambda()\`
(bare mechanisms: a constant 202). Replayed: the first calls of the same 1,000 recorded interactions,
in recorded order, each played once: \`openCassette(..., { mode: 'replay' })\`, a nock.back lockdown
fixture, a Polly recording. "SDK floor": the same client with a bare custom \`requestHandler\` that
reads the request and answers a constant 202. "http door": the same client sending over HTTP (the
SDK's \`NodeHttpHandler\` kept off the in-process path, as a handler of your own is), answered by the
double's http/https door. Setup (opening the double, loading a recording) is not timed.

## The peer table

All in one group of alternating blocks.

${peerTable}

## Each door against the mechanism under it

${doorTable}

CPU time of the same blocks (nock's wall time includes idle timers, see docs/performance.md):

${cpu}

## RequestResponse

One SDK \`InvokeCommand\` (RequestResponse, call i's payload, one function) through a real
\`LambdaClient\`, in one group of alternating blocks: the double mocked with a constant result
(\`lambda.respond(fn, { ok: true })\`) and replaying 1,000 recorded RequestResponse interactions
through the zero-config path, \`bindClientMock\` with the same \`respond\`; against the same client
with a bare \`requestHandler\` answering 200 with the result, and a bare aws-sdk-client-mock stub
(\`on(InvokeCommand).resolves({ StatusCode: 200, Payload })\`). Each call reads \`StatusCode\` and \`Payload\`.

${rrTable}

## Clients other than SDK v3

The same InvokeAsync calls (function, payload) without SDK v3, in one group of alternating blocks:
global \`fetch\`, \`https.request\`, and requests shaped as aws-sdk v2 sends them (its headers and a
fixed SigV4 \`Authorization\`, over Node's https)${clients.includes('aws-sdk v2') ? ', and aws-sdk v2 itself' : '; aws-sdk v2 itself is not installed'}. Each through
the double (\`mockLambda()\`, and a replay of the 1,000-interaction cassette): \`fetch\` through
its undici dispatcher door, the others through its http/https door; against a real HTTP server on 127.0.0.1 (keep-alive, which aws-sdk v2 does not use by default: it opens a connection per call), a bare nock
interceptor, msw (\`http.post\` with \`setupServer\`) and Polly.js replay (its node-http adapter does
not see \`fetch\`). ms per call, quartiles in parentheses; ratios are medians of per-round ratios.

${nonSdkTable}

## Replay by recording size

The same 9 calls (after one untimed) replayed from recordings of 10 to 10,000 interactions (about ${Math.round(m.fileSizes[10000] / 10000)} bytes each as lambda-cassette writes them).

${replayBySize}

## Load time

Opening a recording for replay in this (warm) process, alternating: the cassette file read and
\`JSON.parse\`d alone (the floor under any load), \`openCassette\`, nock.back lockdown defining its
interceptors from a fixture of the same interactions, Polly's fs persister loading its recording of
them. "First in a process": \`openCassette\` in a fresh \`node\` that imported the package.

${loadTable}

## Import time

${imports}

## Memory

${memory}

Peak RSS of the whole bench process: ${m.maxRssMB.toFixed(0)} MB.

## Targets

${targets.join('\n')}
`;
}
