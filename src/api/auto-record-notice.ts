/**
 * Mode `auto` with no cassette file records: requests go to the real endpoint (real AWS, with
 * whatever credentials the client finds) without anyone having asked for it in so many words. Say so
 * once per cassette file and process, before the first request leaves.
 */
const told = new Set<string>();

/** Warns (once per file) that `auto` will record `file` because it does not exist. */
export function noticeAutoRecording(file: string, target: string | undefined): void {
  if (told.has(file)) return;
  told.add(file);
  const where = target === undefined ? 'the real AWS endpoint each client names (your AWS credentials)' : target;
  process.emitWarning(
    `lambda-cassette: ${file} does not exist, so mode "auto" records it: requests go to ${where} and their answers are written at close(). ` +
      "To fail instead, use mode 'replay' (or LAMBDA_CASSETTE_MODE=replay).",
    { code: 'LC_AUTO_RECORDING' },
  );
}
