// Ages every object the local S3 holds, as if it had landed earlier. A lake's files have
// usually sat in S3 for hours by the time a tick loads them; a demo lake written a second
// ago would otherwise trip the product's warning about DTS's ~5-minute visibility delay.
import { readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/** s3rver keeps each object's bytes in `<key>._S3rver_object`; its mtime is LastModified. */
const OBJECT_FILE_SUFFIX = '._S3rver_object';

export async function backdateObjects(dataDir: string, landedAt: Date): Promise<number> {
  let count = 0;
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(OBJECT_FILE_SUFFIX)) continue;
    await utimes(join(entry.parentPath, entry.name), landedAt, landedAt);
    count++;
  }
  return count;
}
