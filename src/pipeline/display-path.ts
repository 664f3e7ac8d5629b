// Paths as users should see them in findings and messages.
import { relative, resolve } from 'node:path';

/** A path relative to where the user stands, when inside it; else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(cwd, path) : rel;
}
