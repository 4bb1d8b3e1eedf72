/**
 * Whether a recorded answer looks like one AWS Lambda gives. Emulators answer differently in ways a
 * test then learns as truth: moto without Docker answers an InvokeAsync with a `text/html` 202, the
 * `X-Amz-Function-Error: Handled` header and "error running docker" as the body; servers name
 * themselves (`Werkzeug/... Python/...`). AWS answers JSON (or an empty body), names no server, never
 * reports a function error for an asynchronous invocation (the function has not run yet), and always
 * sends a request id. Checked when an answer is recorded and by `lambda-cassette validate --conformance`.
 */

/** An answer as the check reads it: lower-case header names, the body as text. */
interface AnswerToCheck {
  /** `InvokeAsync`, or `Invoke` with its invocation type. */
  operation: 'InvokeAsync' | 'Invoke';
  invocationType?: string;
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

const EMULATOR_SERVER = /werkzeug|python|moto|localstack|hypercorn|uvicorn|gunicorn|flask/i;

/** What does not look like AWS, one sentence each; empty when nothing. */
export function conformanceFindings(answer: AnswerToCheck): string[] {
  const header = (name: string) => Object.entries(answer.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const findings: string[] = [];
  const type = header('content-type') ?? '';
  if (/text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(answer.body))
    findings.push(`an HTML body (content-type ${type || 'none'}); AWS answers JSON`);
  const server = header('server');
  if (server !== undefined && EMULATOR_SERVER.test(server))
    findings.push(`an emulator's server header (server: ${server})`);
  if (Object.keys(answer.headers).some((k) => k.toLowerCase().startsWith('x-localstack')))
    findings.push('LocalStack headers (x-localstack-*)');
  const async = answer.operation === 'InvokeAsync' || (answer.invocationType ?? '').toLowerCase() === 'event';
  const functionError = header('x-amz-function-error');
  if (async && functionError !== undefined && answer.status < 300) {
    findings.push(
      `a function error (x-amz-function-error: ${functionError}) on an asynchronous invocation, which AWS answers before the function runs`,
    );
  }
  if (header('x-amzn-requestid') === undefined && header('x-amz-request-id') === undefined)
    findings.push('no request id (x-amzn-RequestId)');
  return findings;
}

/** One line for a person: which interaction, and what does not look like AWS. */
function describeConformance(where: string, findings: readonly string[]): string {
  return `lambda-cassette: ${where} does not look like an AWS answer: ${findings.join('; ')}. Record it from AWS, or keep it knowing tests learn an emulator's behaviour.`;
}

/** At record time: warns (once per recorded answer) when what was just recorded does not look like AWS. */
export function warnIfUnlikeAws(cassette: string, what: string, answer: AnswerToCheck): void {
  const findings = conformanceFindings(answer);
  if (findings.length === 0) return;
  process.emitWarning(describeConformance(`the answer recorded into ${cassette} for ${what}`, findings), {
    code: 'LC_NOT_AWS_LIKE',
  });
}
