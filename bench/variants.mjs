/**
 * Each way of answering an SDK v3 call that the bench times. InvokeAsync: our doors (the zero-config
 * SDK path, `requestHandler`, the http door that answers a client sending over HTTP,
 * `bindClientMock`), in mock and replay, the bare mechanism under each (the floor a door cannot go
 * below), and the peers: a bare nock interceptor, nock.back lockdown, Polly.js replay,
 * aws-sdk-client-mock and a real loopback server. RequestResponse (`InvokeCommand`): the zero-config
 * path and `bindClientMock`, mocked with a constant result and replayed, against the same floor
 * answering 200 and a bare aws-sdk-client-mock stub. Every variant sends its calls through a real
 * LambdaClient.
 */
import { executionAsyncId } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { call, input, requestResponseInput, RR_FUNCTION, RR_RESULT } from './fixtures.mjs';
import { pollyConfig } from './polly.mjs';

const CREDENTIALS = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };
const REGION = 'us-east-1';
const ANSWER = Buffer.from('{"Status":202}');
const answerHeaders = (i) => ({ 'content-type': 'application/json', 'x-amzn-requestid': call(i).requestId });
const RR_ANSWER = Buffer.from(JSON.stringify(RR_RESULT));
const rrAnswerHeaders = (i) => ({ ...answerHeaders(i), 'x-amz-executed-version': '$LATEST' });

/**
 * Refuses to time a floor with async hooks on: a user without lambda-cassette has none, and an
 * `AsyncLocalStorage` left enabled (ours stays on only while a double is open) would slow the floor
 * as much as the doors and hide what routing by context costs them. With no hook on, a promise
 * continuation runs with async id 0.
 */
async function assertNoAsyncHooks(name) {
  await null;
  if (executionAsyncId() !== 0) throw new Error(`bench: async hooks are on at the floor "${name}"`);
}

/**
 * The libraries the variants drive, loaded once: the package under test (`lc`), the SDK, nock,
 * aws-sdk-client-mock (and the sinon it is built on), Polly (`Polly`, and where its recordings
 * are), and the folder of fixtures. Call it before any double is open.
 */
export function variantsFor({ lc, sdk, nock, mockClient, sinon, Polly, pollyDir, dir }) {
  const { LambdaClient, InvokeAsyncCommand, InvokeCommand } = sdk;
  const client = (config = {}) => new LambdaClient({ region: REGION, credentials: CREDENTIALS, ...config });

  // While a double is open, every plain client takes the zero-config path. The HTTP-level variants
  // (the http door, bare nock, nock.back, Polly, the loopback server) send over HTTP as a client the
  // in-process path does not serve would (a handler of your own, aws-sdk v2, any Node client): the
  // SDK's own NodeHttpHandler with its original `handle`, taken now, before any double has replaced
  // it, as the handler's own property.
  const handlerProto = Object.getPrototypeOf(client().config.requestHandler);
  const sdkHandle = handlerProto.handle;
  const overHttp = () => {
    const handler = new handlerProto.constructor();
    handler.handle = sdkHandle;
    return handler;
  };
  const sender = (c) => (i) => c.send(new InvokeAsyncCommand(input(i)));
  // RequestResponse: the result is read as a caller reads it (status, then the payload's bytes).
  const rrSender = (c) => async (i) => {
    const out = await c.send(new InvokeCommand(requestResponseInput(i)));
    if (out.StatusCode !== 200 || out.Payload.byteLength !== RR_ANSWER.length)
      throw new Error(`bench: RequestResponse got ${out.StatusCode}`);
  };
  const replay = (n) => lc.openCassette(`n${n}`, { mode: 'replay', dir });

  // nock patches Node's http for the whole process; it is on only around the blocks that use it,
  // so the loopback server is measured without it.
  const nockOn = () => {
    if (!nock.isActive()) nock.activate();
  };
  const nockOff = () => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  };

  // In-process: one client per variant, whose handler forwards to the block's handler.
  const inProcess = (name, calls, makeHandler, makeSender = sender, floor = false) => {
    let current;
    const forward = {
      metadata: { handlerProtocol: 'http/1.1' },
      handle: (request, options) => current.handle(request, options),
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy() {},
    };
    const send = makeSender(client({ requestHandler: forward }));
    return {
      name,
      calls,
      async setup() {
        if (floor) await assertNoAsyncHooks(name);
        const t0 = performance.now();
        const { handler, close } = await makeHandler();
        const setupMs = performance.now() - t0;
        current = handler;
        return { send, setupMs, teardown: close };
      },
    };
  };

  // The floor under the in-process doors: a handler that reads the request (where it goes, its
  // headers, its body as bytes, as any handler that sends it must) and answers a constant 202, with
  // a body of its own per response, as any real handler gives.
  const bareHandler = {
    async handle(request) {
      const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
      if (!request.hostname || !request.path || !request.headers || !body) throw new Error('bare handler: no request');
      return { response: { statusCode: 202, headers: answerHeaders(0), body: Buffer.from(ANSWER) } };
    },
  };
  // The same floor for RequestResponse: reads the request alike and answers 200 with the result.
  const bareRrHandler = {
    async handle(request) {
      const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
      if (!request.hostname || !request.path || !request.headers || !body) throw new Error('bare handler: no request');
      return { response: { statusCode: 200, headers: rrAnswerHeaders(0), body: Buffer.from(RR_ANSWER) } };
    },
  };

  // The zero-config path: a plain client, made once, before any double opened (as a module-level
  // client in the code under test is); the double opens before each block and closes after it.
  const zeroConfig = (name, calls, open, makeSender = sender) => {
    const send = makeSender(client());
    return {
      name,
      calls,
      async setup() {
        const t0 = performance.now();
        const double = await open();
        return { send, setupMs: performance.now() - t0, teardown: () => double.close() };
      },
    };
  };

  // A client over HTTP; nock is on around the block only for the nock variants.
  const viaHttp = (name, calls, open, { withNock = false, endpoint } = {}) => {
    const send = sender(client({ requestHandler: overHttp(), ...(endpoint ? { endpoint } : {}) }));
    return {
      name,
      calls,
      async setup() {
        if (withNock) nockOn();
        else if (nock.isActive()) throw new Error(`bench: nock is on at ${name}`);
        const t0 = performance.now();
        const close = await open();
        const setupMs = performance.now() - t0;
        return {
          send,
          setupMs,
          teardown: async () => {
            await close();
            if (withNock) nockOff();
          },
        };
      },
    };
  };
  const viaNock = (name, calls, open) => viaHttp(name, calls, open, { withNock: true });

  // One stub per variant, reset before each block as test suites do. sinon keeps every fake a stub's
  // on() made, with the calls it received and their stacks, until its sandbox is restored
  // (stub.reset() is not enough): over a whole bench that is gigabytes, so every 20 blocks the
  // sandbox is restored and the stub made again, untimed.
  const viaStub = (name, calls, bind, makeSender = sender) => {
    const c = client();
    const send = makeSender(c);
    let sandbox;
    let stub;
    let blocks = 0;
    return {
      name,
      calls,
      async setup() {
        if (blocks++ % 20 === 0) {
          sandbox?.restore();
          sandbox = sinon.createSandbox();
          stub = mockClient(c, { sandbox });
        }
        stub.reset();
        if (name.includes('bare')) await assertNoAsyncHooks(name);
        const t0 = performance.now();
        const close = await bind(stub);
        const setupMs = performance.now() - t0;
        return { send, setupMs, teardown: close };
      },
      dispose() {
        sandbox?.restore();
        sandbox = stub = undefined;
        blocks = 0;
      },
    };
  };

  const doubleAsHandler = async (open) => {
    const double = await open();
    return { handler: double.requestHandler, close: () => double.close() };
  };

  // Polly (through its own nock 13, which must not run alongside nock 14: nock 14 is off around
  // these blocks, as it is outside the nock blocks). The recording loads on the first request,
  // which every block makes untimed; `setupMs` is the load alone, measured explicitly.
  const viaPolly = (name, calls, recording) => {
    const send = sender(client({ requestHandler: overHttp() }));
    return {
      name,
      calls,
      async setup() {
        if (nock.isActive()) throw new Error('bench: nock 14 is on at a Polly block');
        const t0 = performance.now();
        const polly = new Polly(recording, pollyConfig(pollyDir));
        await polly.persister.findRecording(polly.recordingId);
        return { send, setupMs: performance.now() - t0, teardown: () => polly.stop() };
      },
    };
  };

  return {
    bareRequestHandler: (calls) =>
      inProcess('bare requestHandler', calls, () => ({ handler: bareHandler, close() {} }), sender, true),
    zeroConfigMock: (calls) => zeroConfig('zero-config (mock)', calls, () => lc.mockLambda()),
    zeroConfigReplay: (n, calls) => zeroConfig(`zero-config (replay ${n})`, calls, () => replay(n)),
    pollyReplay: (n, calls) => viaPolly(`Polly.js replay (${n})`, calls, `polly-n${n}`),
    requestHandlerMock: (calls) =>
      inProcess('lambda.requestHandler (mock)', calls, () => doubleAsHandler(() => lc.mockLambda())),
    requestHandlerReplay: (n, calls) =>
      inProcess(`lambda.requestHandler (replay ${n})`, calls, () => doubleAsHandler(() => replay(n))),

    rrBareRequestHandler: (calls) =>
      inProcess(
        'RequestResponse: bare requestHandler',
        calls,
        () => ({ handler: bareRrHandler, close() {} }),
        rrSender,
        true,
      ),
    rrZeroConfigMock: (calls) =>
      zeroConfig(
        'RequestResponse: zero-config (mock)',
        calls,
        async () => {
          const double = await lc.mockLambda();
          double.respond(RR_FUNCTION, RR_RESULT);
          return double;
        },
        rrSender,
      ),
    rrZeroConfigReplay: (n, calls) =>
      zeroConfig(
        `RequestResponse: zero-config (replay ${n})`,
        calls,
        () => lc.openCassette(`rr-n${n}`, { mode: 'replay', dir }),
        rrSender,
      ),
    rrBareClientMock: (calls) =>
      viaStub(
        'RequestResponse: bare aws-sdk-client-mock',
        calls,
        (stub) => {
          stub.on(InvokeCommand).resolves({
            StatusCode: 200,
            Payload: new Uint8Array(RR_ANSWER),
            ExecutedVersion: '$LATEST',
            $metadata: { httpStatusCode: 200, requestId: call(0).requestId, attempts: 1, totalRetryDelay: 0 },
          });
          return () => {};
        },
        rrSender,
      ),
    rrClientMockMock: (calls) =>
      viaStub(
        'RequestResponse: lambda.bindClientMock (mock)',
        calls,
        async (stub) => {
          const double = await lc.mockLambda();
          double.respond(RR_FUNCTION, RR_RESULT);
          double.bindClientMock(stub);
          return () => double.close();
        },
        rrSender,
      ),

    bareNock: (calls) =>
      viaNock('bare nock', calls, () => {
        // Hand-written interceptors as usual: exact host and path, persisted, a canned answer.
        const scope = nock(`https://lambda.${REGION}.amazonaws.com`).persist();
        for (let k = 0; k < 5; k++)
          scope.post(`/2014-11-13/functions/${call(k).functionName}/invoke-async`).reply(202, ANSWER, answerHeaders(0));
        return () => {};
      }),
    httpDoorMock: (calls) =>
      viaHttp('http door (mock)', calls, async () => {
        const double = await lc.mockLambda();
        return () => double.close();
      }),
    httpDoorReplay: (n, calls) =>
      viaHttp(`http door (replay ${n})`, calls, async () => {
        const double = await replay(n);
        return () => double.close();
      }),
    nockBack: (n, calls) =>
      viaNock(`nock.back lockdown (${n})`, calls, async () => {
        nock.back.fixtures = dir;
        nock.back.setMode('lockdown');
        const { nockDone } = await nock.back(`nockback-n${n}.json`);
        return () => nockDone();
      }),

    bareClientMock: (calls) =>
      viaStub('bare aws-sdk-client-mock', calls, (stub) => {
        stub.on(InvokeAsyncCommand).resolves({
          Status: 202,
          $metadata: { httpStatusCode: 202, requestId: call(0).requestId, attempts: 1, totalRetryDelay: 0 },
        });
        return () => {};
      }),
    // What a hand-written fake that lets a test assert on payloads does at the least (parse each
    // payload, keep it, answer with a fresh request id): the floor under any stub that reads calls.
    payloadClientMock: (calls) =>
      viaStub('aws-sdk-client-mock, fake keeping payloads', calls, (stub) => {
        const payloads = [];
        stub.on(InvokeAsyncCommand).callsFake((input) => {
          payloads.push(JSON.parse(input.InvokeArgs));
          return Promise.resolve({
            Status: 202,
            $metadata: { httpStatusCode: 202, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 },
          });
        });
        return () => {};
      }),
    clientMockMock: (calls) =>
      viaStub('lambda.bindClientMock (mock)', calls, async (stub) => {
        const double = await lc.mockLambda();
        double.bindClientMock(stub);
        return () => double.close();
      }),
    clientMockReplay: (n, calls) =>
      viaStub(`lambda.bindClientMock (replay ${n})`, calls, async (stub) => {
        const double = await replay(n);
        double.bindClientMock(stub);
        return () => double.close();
      }),

    /**
     * A real HTTP server on 127.0.0.1 answering 202, reached by the same client over HTTP as the
     * http door's variants (a keep-alive socket). `close()` stops the server.
     */
    async loopback(calls) {
      const server = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(202, answerHeaders(0)).end(ANSWER));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        variant: viaHttp('HTTP server on 127.0.0.1', calls, () => () => {}, {
          endpoint: `http://127.0.0.1:${server.address().port}`,
        }),
        close: () => new Promise((resolve) => server.close(resolve)),
      };
    },
  };
}
