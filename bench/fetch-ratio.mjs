/**
 * Global `fetch` of InvokeAsync through a double against the same calls to a real HTTP server on
 * 127.0.0.1, in one process, in alternating 200-call blocks (blocks.mjs): the ratio the in-process
 * fetch path is measured by. `node --expose-gc bench/fetch-ratio.mjs [rounds]`.
 */
import http from 'node:http';
import { buildPackage } from './build.mjs';
import { alternate, stats } from './blocks.mjs';

const { mockLambda } = await import(await buildPackage());
const rounds = Number(process.argv[2] ?? 10);
const BODY = JSON.stringify({ order: 42, items: ['a', 'b'] });

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(202, { 'content-type': 'application/json', 'x-amzn-requestid': 'r' }).end('{"Status":202}'));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const loopback = `http://127.0.0.1:${server.address().port}/2014-11-13/functions/orders/invoke-async/`;
const lambdaUrl = 'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/orders/invoke-async/';

async function call(url) {
  const res = await fetch(url, { method: 'POST', body: BODY, headers: { 'content-type': 'application/json' } });
  if (res.status !== 202) throw new Error(`status ${res.status}`);
  await res.text();
}

const results = await alternate(
  [
    { name: 'fetch through the double', calls: 200, setup: async () => {
      const lambda = await mockLambda();
      return { send: () => call(lambdaUrl), teardown: () => lambda.close() };
    } },
    { name: 'fetch to a loopback server', calls: 200, setup: async () => ({ send: () => call(loopback), teardown() {} }) },
  ],
  { rounds, warmupCalls: 1000 },
);
server.close();
const medians = {};
for (const [name, r] of Object.entries(results)) {
  const s = stats(r.wall);
  const cpu = stats(r.cpu);
  medians[name] = [s.median, cpu.median];
  console.log(`${name}: ${s.median.toFixed(3)} ms/call wall (q1 ${s.q1.toFixed(3)}, q3 ${s.q3.toFixed(3)}), ${cpu.median.toFixed(3)} ms/call CPU, ${s.n} blocks`);
}
const [viaDouble, viaServer] = [medians['fetch through the double'], medians['fetch to a loopback server']];
console.log(`ratio: ${(viaDouble[0] / viaServer[0]).toFixed(2)}x wall, ${(viaDouble[1] / viaServer[1]).toFixed(2)}x CPU`);
