/** `validate --conformance`: each recorded answer of a cassette that does not look like AWS's, as findings naming the interaction. */
import { decodeBody, type Cassette } from '../cassette/index.js';
import { conformanceFindings } from '../recording/conformance.js';
import { functionLabel } from '../wire/lambda-address.js';
import type { Finding } from './validate.js';

export function conformanceOf(file: string, cassette: Cassette): Finding[] {
  return cassette.interactions.flatMap((interaction, index) => {
    const { request, response } = interaction;
    const operation = request.operation === 'Invoke' ? 'Invoke' : 'InvokeAsync';
    const invocationType =
      (request as { invocationType?: string }).invocationType ?? (operation === 'Invoke' ? 'Event' : undefined);
    const findings = conformanceFindings({
      operation,
      ...(invocationType ? { invocationType } : {}),
      status: response.status,
      headers: response.headers,
      body: Buffer.from(decodeBody(response.body)).toString('utf8'),
    });
    const what = `#${index + 1} ${operation} ${functionLabel(request)} answered ${response.status}`;
    return findings.map((message) => ({
      file,
      where: `/interactions/${index}/response`,
      kind: 'conformance' as const,
      message: `${what}: ${message}`,
    }));
  });
}
