/**
 * Finding every copy of the AWS SDK v3's Node HTTP handlers (`NodeHttpHandler` and
 * `NodeHttp2Handler` of @smithy/node-http-handler, or of @aws-sdk/node-http-handler in SDKs before
 * 3.300; both answer `handle(request, options)` with `{ response }`) that a
 * `LambdaClient` in this process may send through. A project can hold several copies (one per
 * SDK version in node_modules): every copy already loaded is in `require`'s cache (the SDK has no
 * ESM entry for Node, so `import` loads it through `require` too), and the copies the user's code
 * would load next are found by resolving them from the working directory and from
 * @aws-sdk/client-lambda's own folder.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** `NodeHttpHandler.prototype.handle` (or `NodeHttp2Handler`'s). */
export type HandleFunction = (this: unknown, request: never, options?: never) => Promise<unknown>;

/** A prototype with a `handle` method: what the door patches. */
interface HandlerPrototype {
  handle: HandleFunction;
}

const PACKAGES = ['@smithy/node-http-handler', '@aws-sdk/node-http-handler'];
const ENTRY = /[\\/]@(?:smithy|aws-sdk)[\\/]node-http-handler[\\/]dist-cjs[\\/]index\.js$/;

const ownRequire = createRequire(import.meta.url);

const HANDLER_CLASSES = ['NodeHttpHandler', 'NodeHttp2Handler'];

function prototypesOf(exports: unknown): HandlerPrototype[] {
  const found: HandlerPrototype[] = [];
  for (const name of HANDLER_CLASSES) {
    const proto = (exports as Record<string, { prototype?: Partial<HandlerPrototype> } | undefined> | undefined)?.[name]
      ?.prototype;
    if (proto && typeof proto.handle === 'function') found.push(proto as HandlerPrototype);
  }
  return found;
}

/** Folders the user's SDK resolves from: the working directory, and where @aws-sdk/client-lambda is installed. */
function resolutionBases(): string[] {
  const bases = [path.join(process.cwd(), 'index.js')];
  for (const from of bases.slice()) {
    try {
      bases.push(createRequire(from).resolve('@aws-sdk/client-lambda'));
    } catch {
      // No SDK v3 for Lambda there: nothing to add.
    }
  }
  return bases;
}

// What resolution found, by working directory (resolving touches the file system; its answer does not
// change while the process runs), and what the last scan of require's cache found, by its size.
const resolved = new Map<string, HandlerPrototype[]>();
let scanned: { size: number; found: HandlerPrototype[] } = { size: -1, found: [] };

function resolvedCopies(): HandlerPrototype[] {
  const cwd = process.cwd();
  let found = resolved.get(cwd);
  if (found) return found;
  found = [];
  for (const base of resolutionBases()) {
    const load = createRequire(base);
    for (const name of PACKAGES) {
      try {
        found.push(...prototypesOf(load(name)));
      } catch {
        // Not installed next to this base.
      }
    }
  }
  resolved.set(cwd, found);
  return found;
}

function cachedCopies(): HandlerPrototype[] {
  const files = Object.keys(ownRequire.cache);
  if (files.length === scanned.size) return scanned.found;
  const found: HandlerPrototype[] = [];
  for (const file of files) {
    if (!ENTRY.test(file)) continue;
    found.push(...prototypesOf(ownRequire.cache[file]?.exports));
  }
  scanned = { size: files.length, found };
  return found;
}

/** The prototypes of every copy of `NodeHttpHandler` and `NodeHttp2Handler` loaded, or that the user's `LambdaClient` would load. */
export function nodeHandlerPrototypes(): Set<HandlerPrototype> {
  return new Set([...resolvedCopies(), ...cachedCopies()]);
}
