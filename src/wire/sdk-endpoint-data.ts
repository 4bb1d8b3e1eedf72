/**
 * The Lambda endpoint data of the installed AWS SDK: the host templates of the client's endpoint
 * rules (`lambda-fips.{region}.{dnsSuffix}`, ...) and the AWS partitions (DNS suffixes, region
 * patterns). Read from the SDK's files, once, without loading the SDK: it is an optional peer, and
 * a process that never uses it should not pay for it. Any file missing or unreadable gives
 * `undefined`, and the caller falls back to the table generated from the SDK at build time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One AWS partition, as the SDK's partitions data describes it. */
export interface PartitionData {
  id: string;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  /** Which region names belong to the partition, beside `regions` (as a RegExp source). */
  regionRegex: string;
  regions: string[];
}

/** Lambda's host templates (placeholders `{region}`, `{dnsSuffix}`, `{dualStackDnsSuffix}`) and the partitions. */
export interface LambdaEndpointData {
  hostTemplates: string[];
  partitions: PartitionData[];
}

// Where the SDK has kept the partitions data and Lambda's endpoint rules, newest layout first.
const PARTITION_FILES: ReadonlyArray<[pkg: string, file: string]> = [
  ['@aws-sdk/core', 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'],
  ['@aws-sdk/util-endpoints', 'dist-cjs/lib/aws/partitions.json'],
];
const RULE_FILES = ['dist-es/endpoint/bdd.js', 'dist-cjs/endpoint/ruleset.js', 'dist-es/endpoint/ruleset.js'];
const TEMPLATE = /https:\/\/(lambda[a-z-]*)\.\{Region\}\.\{PartitionResult#(dnsSuffix|dualStackDnsSuffix)\}/g;

function packageDir(from: string, pkg: string): string | undefined {
  try {
    return dirname(createRequire(from).resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

function firstFile(dir: string | undefined, files: readonly string[]): string | undefined {
  const file = dir === undefined ? undefined : files.map((f) => join(dir, f)).find((f) => existsSync(f));
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

function readPartitions(lambdaDir: string): PartitionData[] | undefined {
  for (const [pkg, file] of PARTITION_FILES) {
    const text = firstFile(packageDir(join(lambdaDir, 'package.json'), pkg), [file]);
    if (text === undefined) continue;
    const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
      partitions: Array<{
        id: string;
        outputs: { dnsSuffix: string; dualStackDnsSuffix: string };
        regionRegex: string;
        regions: Record<string, unknown>;
      }>;
    };
    return info.partitions.map((p) => ({
      id: p.id,
      dnsSuffix: p.outputs.dnsSuffix,
      dualStackDnsSuffix: p.outputs.dualStackDnsSuffix,
      regionRegex: p.regionRegex,
      regions: Object.keys(p.regions).sort(),
    }));
  }
  return undefined;
}

function readTemplates(lambdaDir: string): string[] | undefined {
  const rules = firstFile(lambdaDir, RULE_FILES);
  if (rules === undefined) return undefined;
  const templates = new Set(
    [...rules.matchAll(TEMPLATE)].map(([, prefix, suffix]) => `${prefix}.{region}.{${suffix}}`),
  );
  return templates.size === 0 ? undefined : [...templates].sort();
}

/** What the installed SDK says, or `undefined` when it is not installed or its files are not where they were. */
export function readSdkEndpointData(from: string = import.meta.url): LambdaEndpointData | undefined {
  try {
    const lambdaDir = packageDir(from, '@aws-sdk/client-lambda');
    if (lambdaDir === undefined) return undefined;
    const hostTemplates = readTemplates(lambdaDir);
    const partitions = readPartitions(lambdaDir);
    return hostTemplates && partitions ? { hostTemplates, partitions } : undefined;
  } catch {
    return undefined;
  }
}
