/**
 * What the loopback server answers when the cassette has no answer for a request (a replay miss, an
 * expired recording, a request that cannot be recorded, a RequestResponse nothing answers): HTTP 400 with a JSON body whose `message`
 * is the whole explanation, so the AWS CLI and boto3 print it. A dropped connection instead looks
 * like a network fault, which every AWS SDK retries (botocore for 6-7 s, then "Connection was
 * closed"). No SDK retries a 400 whose error type is not a throttling or transient one.
 */
import type { WireResponse } from '../../wire/wire-types.js';
import { jsonText } from '../../common/canonical-json.js';

/** The error type each refusal is answered with, by the name of the error the engine failed with. */
export const REFUSAL_TYPES: Readonly<Record<string, string>> = {
  CassetteMissError: 'CassetteMissException',
  CassetteExpiredError: 'CassetteExpiredException',
  UnrecordableRequestError: 'UnrecordableRequestException',
  // A RequestResponse nobody answers: the caller's to fix, with lambda.respond(...).
  NoFunctionAnswerError: 'NoFunctionAnswerException',
};

/** The 400 answer for a failure that is the cassette's verdict; undefined for transport failures. */
export function cassetteRefusal(error: Error): Pick<WireResponse, 'status' | 'headers' | 'body'> | undefined {
  const type = REFUSAL_TYPES[error.name];
  if (type === undefined) return undefined;
  return {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': crypto.randomUUID() },
    body: Buffer.from(jsonText({ Type: 'User', message: error.message }), 'utf8'),
  };
}
