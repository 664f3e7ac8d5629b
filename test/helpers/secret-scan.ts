// The one check every end-to-end test runs on everything a run produced (stdout, stderr,
// step summaries, outputs, state, result files, error messages): the AWS secret must
// appear nowhere, neither as written nor in the encodings a log or an echoed request could
// carry it in. Any hit fails the test, naming where it was found.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where each text came from (a label such as 'stdout' or a file path) → the text. */
export type Sources = Record<string, string | undefined>;

/**
 * The substrings that betray `secret`: itself, URL- and JSON-escaped, and base64 /
 * base64url both alone and embedded in a longer blob (base64 of the secret at each of the
 * three byte alignments, minus the characters its neighbours could change).
 */
function secretNeedles(secret: string): string[] {
  if (secret.length < 8)
    throw new Error('Use a secret of at least 8 characters, or the scan finds it by chance.');
  const bytes = Buffer.from(secret, 'utf8');
  const needles = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const encoding of ['base64', 'base64url'] as const) {
    needles.push(bytes.toString(encoding).replace(/=+$/, ''));
    for (let offset = 0; offset < 3; offset++) {
      const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
      // The first ceil(offset*4/3) characters mix in the unknown preceding bytes, and the
      // last two may mix in the following ones.
      const start = Math.ceil((offset * 4) / 3);
      needles.push(shifted.replace(/=+$/, '').slice(start, -2));
    }
  }
  return [...new Set(needles)].filter((needle) => needle.length >= 6);
}

/** The labels of the sources that contain the secret in any form. */
export function findSecret(secret: string, sources: Sources): string[] {
  const needles = secretNeedles(secret);
  return Object.entries(sources)
    .filter(([, text]) => text !== undefined && needles.some((needle) => text.includes(needle)))
    .map(([label]) => label);
}

/** Throws, naming every place the secret was found; the secret itself is never printed. */
export function assertNoSecret(secret: string, sources: Sources): void {
  const hits = findSecret(secret, sources);
  if (hits.length > 0) {
    throw new Error(`The AWS secret leaked into: ${hits.join(', ')}`);
  }
  const scanned = Object.values(sources).filter((text) => text !== undefined);
  if (scanned.length === 0) throw new Error('Nothing was scanned: pass the outputs of the run.');
}

/** Every file under `dir` (recursively) as sources keyed by path; missing dir → none. */
export async function filesUnder(dir: string): Promise<Sources> {
  const sources: Sources = {};
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return sources;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isDirectory()) Object.assign(sources, await filesUnder(path));
    else if (info.isFile()) sources[path] = await readFile(path, 'utf8');
  }
  return sources;
}
