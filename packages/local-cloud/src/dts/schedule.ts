// Reads and checks a transfer config's `schedule` the way DTS does at create and update:
// the App Engine cron format (schedule-grammar.ts, compiled by peggy), then the rules the
// grammar cannot say (days of the month 1 to 31, a positive interval) and the data
// source's minimum interval between runs.
//
// Compiling the grammar costs 100-190 ms plus 75-90 ms to load peggy (measured on the
// shared 2-core machine), too much for the local cloud's startup budget: the parser is
// built on the first non-empty schedule and kept. Configs without a schedule (on-demand
// transfers) never pay for it.
import type peggy from 'peggy';
import { SCHEDULE_GRAMMAR } from './schedule-grammar.js';

export type ScheduleSpec =
  | {
      kind: 'interval';
      every: number;
      unit: 'hours' | 'minutes';
      synchronized: boolean;
      from?: string;
      to?: string;
    }
  | {
      kind: 'specific';
      /** HH:MM in UTC. */
      time: string;
      /** Which occurrences of the weekdays in the month (1 to 5). */
      ordinals: number[];
      /** 0 = Sunday … 6 = Saturday. */
      weekdays: number[];
      monthdays: number[];
      /** 1 = January … 12 = December. */
      months: number[];
    };

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

const EXAMPLES =
  'Use the App Engine cron format in UTC, e.g. "every 24 hours", "every day 04:00", "every monday 09:00" or "1st,3rd monday of month 04:00".';

interface ScheduleParser {
  parser: peggy.Parser;
  /** Milliseconds spent loading peggy and compiling the grammar. */
  buildMs: number;
}

let building: Promise<ScheduleParser> | undefined;

/** The compiled schedule parser, built on first use. */
export function scheduleParser(): Promise<ScheduleParser> {
  building ??= (async () => {
    const started = performance.now();
    const { default: peggyModule } = await import('peggy');
    const parser = peggyModule.generate(SCHEDULE_GRAMMAR, { output: 'parser' });
    return { parser, buildMs: performance.now() - started };
  })();
  return building;
}

function describeExpectation(item: peggy.parser.Expectation): string | undefined {
  switch (item.type) {
    case 'literal':
      return `"${item.text}"`;
    case 'other':
      return item.description;
    case 'end':
      return 'the end of the schedule';
    default:
      return undefined;
  }
}

function describeSyntaxError(schedule: string, error: peggy.parser.SyntaxError): string {
  const column = error.location.start.column;
  const found = error.found === null ? 'the end of the schedule' : `"${error.found}"`;
  const expected = [
    ...new Set((error.expected ?? []).map(describeExpectation).filter((text) => text !== undefined)),
  ];
  const wanted = expected.length > 0 ? `; expected ${expected.slice(0, 8).join(', ')}` : '';
  return `Invalid schedule "${schedule}": unexpected ${found} at character ${column}${wanted}. ${EXAMPLES}`;
}

/** Parses a schedule; throws ScheduleError with what was wrong and an example. */
export async function parseSchedule(schedule: string): Promise<ScheduleSpec> {
  const { parser } = await scheduleParser();
  let spec: ScheduleSpec;
  try {
    spec = parser.parse(schedule) as ScheduleSpec;
  } catch (error) {
    if (error instanceof parser.SyntaxError) throw new ScheduleError(describeSyntaxError(schedule, error));
    throw error;
  }
  if (spec.kind === 'interval' && spec.every < 1) {
    throw new ScheduleError(`Invalid schedule "${schedule}": the interval must be at least 1. ${EXAMPLES}`);
  }
  if (spec.kind === 'specific') {
    const wrongDay = spec.monthdays.find((day) => day < 1 || day > 31);
    if (wrongDay !== undefined) {
      throw new ScheduleError(
        `Invalid schedule "${schedule}": ${wrongDay} is not a day of the month (1 to 31). ${EXAMPLES}`,
      );
    }
  }
  return spec;
}

/**
 * The shortest time between two runs the schedule can produce, in seconds. A specific
 * time fires at most once a day; an interval fires every `every` hours or minutes.
 */
export function shortestIntervalSeconds(spec: ScheduleSpec): number {
  if (spec.kind === 'specific') return 86_400;
  return spec.every * (spec.unit === 'hours' ? 3600 : 60);
}

/**
 * Checks a schedule against a data source's minimum interval; throws ScheduleError.
 * An empty schedule means the data source's default and is always accepted.
 */
export async function checkSchedule(
  schedule: string,
  minimumIntervalSeconds: number,
  source: string,
): Promise<void> {
  if (schedule === '') return;
  const shortest = shortestIntervalSeconds(await parseSchedule(schedule));
  if (shortest < minimumIntervalSeconds) {
    const hours = minimumIntervalSeconds / 3600;
    throw new ScheduleError(
      `Invalid schedule "${schedule}": ${source} transfers may run at most once every ${hours} hours (the schedule runs every ${shortest / 60} minutes).`,
    );
  }
}
