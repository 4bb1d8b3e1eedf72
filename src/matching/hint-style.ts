/**
 * Messages tell a person what to change, and what they can change depends on where the double runs:
 * in code it is an option (`ignore: ['$.id']`), under `lambda-cassette serve` a flag (`--ignore '$.id'`).
 * The serve process is a double of its own that no code configures, so it switches the whole process
 * to flags once at start; everything else keeps naming options.
 */

/** How a hint names a setting. */
type HintStyle = 'code' | 'serve';

let style: HintStyle = 'code';

/** Makes every later hint of this process name `serve` flags (called by `lambda-cassette serve`). */
export function useHintStyle(next: HintStyle): void {
  style = next;
}

/** The style hints are written in now. */
export function hintStyle(): HintStyle {
  return style;
}

/** `ignore: ['$.a', '$.b']` in code, `--ignore '$.a' --ignore '$.b'` under serve. */
export function ignoreSetting(paths: readonly string[]): string {
  if (style === 'serve') return paths.map((p) => `--ignore '${p}'`).join(' ');
  return `ignore: [${paths.map((p) => `'${p}'`).join(', ')}]`;
}

/** How to repeat the last recorded answer. */
export function playbackRepeatsSetting(): string {
  return style === 'serve' ? 'Restart serve with --allow-playback-repeats' : 'Set allowPlaybackRepeats: true';
}

/** How to record the cassette again: every request, or only the missing ones. */
export function rerecordAdvice(): string {
  if (style === 'serve') {
    return 'To record it again, restart serve with --mode new-episodes --target URL (adds what is missing) or --mode rerecord --target URL (starts the cassette afresh).';
  }
  return 'To record it again, run the test with LAMBDA_CASSETTE_MODE=new-episodes (adds what is missing) or LAMBDA_CASSETTE_MODE=rerecord (starts the cassette afresh).';
}
