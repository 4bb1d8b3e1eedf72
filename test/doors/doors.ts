/**
 * Every way a caller's InvokeAsync reaches a double, as one table. The behavioural cases in
 * door-behaviour.test.ts run through each entry; a new door is one more entry here, e.g.
 *
 *   { name: 'loopback server', retries: true, async connect(double, config) {
 *       const server = await double.listen();
 *       return { client: lambdaClient({ ...config, endpoint: server.url }), release: () => server.close() };
 *   } },
 */
import type { LambdaClient, LambdaClientConfig } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import type { LambdaDouble } from '../../src/index.js';
import { lambdaClient, lambdaClientViaNock } from '../support/sdk.js';

export interface Connection {
  /** A real SDK client whose InvokeAsync calls reach the double through the door. */
  client: LambdaClient;
  /** Undoes whatever `connect` set up (the double itself is closed by the test). */
  release(): Promise<void> | void;
}

export interface Door {
  name: string;
  /** Whether the SDK's retry strategy runs between the caller and the double (aws-sdk-client-mock skips it). */
  retries: boolean;
  /** Connects a client, configured with `config` on top of test/support/sdk.ts's defaults, to `double`. */
  connect(double: LambdaDouble, config?: LambdaClientConfig): Promise<Connection> | Connection;
}

export const NOCK_DOOR: Door = {
  name: 'nock',
  retries: true,
  // Every open double intercepts this process's HTTP traffic to Lambda (and to its `endpoint`s); this
  // client sends over HTTP instead of taking the zero-configuration fast path below.
  connect: (_double, config) => ({ client: lambdaClientViaNock(config), release() {} }),
};

export const ZERO_CONFIG_DOOR: Door = {
  name: 'zero-config SDK',
  retries: true,
  // A plain client, as the README's quick start makes it: its NodeHttpHandler reaches the double in-process.
  connect: (_double, config) => ({ client: lambdaClient(config), release() {} }),
};

export const REQUEST_HANDLER_DOOR: Door = {
  name: 'requestHandler',
  retries: true,
  connect: (double, config) => ({
    client: lambdaClient({ ...config, requestHandler: double.requestHandler }),
    release() {},
  }),
};

/** The SDK over HTTP/2: the zero-config door takes `NodeHttp2Handler` as it takes `NodeHttpHandler`. */
export const HTTP2_HANDLER_DOOR: Door = {
  name: 'NodeHttp2Handler',
  retries: true,
  connect(_double, config) {
    const client = lambdaClient({ ...config, requestHandler: new NodeHttp2Handler() });
    return { client, release: () => client.destroy() };
  },
};

export const DOORS: readonly Door[] = [
  NOCK_DOOR,
  ZERO_CONFIG_DOOR,
  REQUEST_HANDLER_DOOR,
  HTTP2_HANDLER_DOOR,
  {
    name: 'bindClientMock',
    retries: false,
    connect(double, config) {
      const client = lambdaClient(config);
      const stub = mockClient(client);
      double.bindClientMock(stub);
      return { client, release: () => stub.restore() };
    },
  },
];

/**
 * The loopback server as a door (`lambda.listen()`, for clients outside this process): a real socket
 * on 127.0.0.1. Not in DOORS (whose cases assume in-process retries and byte-level comparisons); the
 * Invoke Event table (invoke-event-doors.test.ts) runs through it too.
 */
export const LOOPBACK_DOOR: Door = {
  name: 'loopback',
  retries: true,
  async connect(double, config) {
    const server = await double.listen();
    return { client: lambdaClient({ ...config, endpoint: server.url }), release: () => server.close() };
  },
};

/** Every door, loopback included: Invoke Event is served through each, as InvokeAsync is. */
export const INVOKE_EVENT_DOORS: readonly Door[] = [...DOORS, LOOPBACK_DOOR];

/** Every door, loopback included: each invocation type (RequestResponse, DryRun, Event) runs through each. */
export const INVOCATION_DOORS: readonly Door[] = INVOKE_EVENT_DOORS;
