/**
 * Whether each part of a cassette name is a file name every platform can check out: a cassette
 * committed from Linux must open on Windows and macOS, and its name must read as it sorts. Returns
 * why a part is not, with the fix, or `undefined`.
 */

// Device names Windows reserves in every folder, with any extension (`aux.json`, `com1.txt`).
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
// Characters Windows forbids in a file name (`\` and `/` separate parts).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// C0 and C1 controls, DEL, and the bidirectional controls that make a name display in another order (U+202E).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** The longest file name the common filesystems take, in bytes of UTF-8. */
const MAX_NAME_BYTES = 255;

function codePoints(text: string): string {
  return [...text]
    .filter((ch) => INVISIBLE.test(ch))
    .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');
}

/** Why `segment` (one part of a name; `fileName` is what it is on disk, `.json` included for the last) cannot be checked out everywhere. */
export function unportableSegment(segment: string, fileName: string): string | undefined {
  if (INVISIBLE.test(segment))
    return `contains control or bidirectional characters (${codePoints(segment)}), which hide what the name says; remove them`;
  if (WINDOWS_DEVICE.test(segment))
    return `has a part "${segment}" that Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension); rename that part, e.g. "${segment}-cassette"`;
  const forbidden = WINDOWS_FORBIDDEN.exec(segment)?.[0];
  if (forbidden !== undefined)
    return `has a part "${segment}" with "${forbidden}", which Windows does not allow in file names (< > : " | ? *); use "-" instead`;
  if (/[. ]$/.test(segment))
    return `has a part "${segment}" ending in a dot or a space, which Windows drops; end it with a letter or digit`;
  const bytes = Buffer.byteLength(fileName, 'utf8');
  if (bytes > MAX_NAME_BYTES)
    return `has a part of ${bytes} bytes as a file name ("${fileName.slice(0, 40)}..."), over the ${MAX_NAME_BYTES} filesystems allow; shorten it, or split it into folders with "/"`;
  return undefined;
}
