// Which of the listed files a run transfers: DTS's visibility delay and its WRITE_APPEND
// time cut-off, the two rules that decide whether a file is ever loaded.
//
// Visibility: DTS sees an S3 object only about five minutes after it lands. A file whose
// lastModified is younger than the visibility delay at the moment the run lists the
// bucket is not seen by that run.
//
// The WRITE_APPEND cut-off: DTS documents one time cut-off per transfer config. A run
// "filters for files which have been modified since the previous successful transfer
// run" of that config, whatever data_path that earlier run rendered. The documentation
// does not say which instant of the previous run counts (its run time, its start or its
// end). The local cloud takes the previous SUCCESSFUL run's *start*: a run loads only
// the visible files modified strictly after it. This is the most hostile reading a
// product can safely design for: a file that landed just before that start, while DTS
// could not see it yet, falls behind the cut-off for good and no later run of the config
// loads it. (The run time would reload old files and the end would lose even more, but
// a design that waits for the visibility delay to pass before each run is correct under
// every reading; the start is where such a design is tested.)
//   - The first successful run of a config has no cut-off: it loads every visible file.
//   - A FAILED (or deleted, or cancelled) run moves nothing: its files go to the next run.
//   - Every SUCCEEDED run moves the cut-off, also one that found no new files and one with
//     WRITE_TRUNCATE.
// WRITE_TRUNCATE ignores the cut-off and loads every visible matching file on each run.
import type { WriteDisposition } from '../load-options.js';
import type { SourceFile } from './run-source.js';

interface FileSelection {
  /** The files the run transfers. */
  files: SourceFile[];
  /** Matching files the run cannot see yet (younger than the visibility delay). */
  invisible: number;
  /** Visible files at or before the cut-off, skipped as not new. */
  notNew: number;
}

export function selectFiles(
  listed: SourceFile[],
  options: {
    writeDisposition: WriteDisposition;
    /** When the run lists the bucket. */
    listedAt: Date;
    visibilityMs: number;
    /** The start of the config's previous successful run, if any. */
    cutoff: Date | undefined;
  },
): FileSelection {
  const visibleUpTo = options.listedAt.getTime() - options.visibilityMs;
  const cutoff = options.writeDisposition === 'WRITE_APPEND' ? options.cutoff?.getTime() : undefined;
  const selection: FileSelection = { files: [], invisible: 0, notNew: 0 };
  for (const file of listed) {
    const modified = file.lastModified.getTime();
    if (modified > visibleUpTo) selection.invisible += 1;
    else if (cutoff !== undefined && modified <= cutoff) selection.notNew += 1;
    else selection.files.push(file);
  }
  return selection;
}
