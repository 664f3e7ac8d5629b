// The schedule grammar (App Engine cron format, as DTS documents it for
// TransferConfig.schedule): what each documented form means, what is refused, and the
// minimum interval rule. Also reports what building the parser costs.
import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  parseSchedule,
  ScheduleError,
  scheduleParser,
  shortestIntervalSeconds,
} from '../src/dts/schedule.js';

const EVERY_MONTH = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('schedule grammar', () => {
  it('builds its parser on first use', async () => {
    const { buildMs } = await scheduleParser();
    console.log(`schedule parser build (peggy import + generate): ${buildMs.toFixed(0)} ms`);
    expect(buildMs).toBeGreaterThan(0);
  });

  it.each([
    ['every 24 hours', { kind: 'interval', every: 24, unit: 'hours', synchronized: false }],
    ['every 5 minutes synchronized', { kind: 'interval', every: 5, unit: 'minutes', synchronized: true }],
    ['every 90 mins', { kind: 'interval', every: 90, unit: 'minutes' }],
    ['every 2 hours from 08:00 to 18:00', { kind: 'interval', every: 2, from: '08:00', to: '18:00' }],
    [
      'every day 04:00',
      {
        kind: 'specific',
        time: '04:00',
        weekdays: [0, 1, 2, 3, 4, 5, 6],
        monthdays: [],
        months: EVERY_MONTH,
      },
    ],
    ['every monday 09:00', { kind: 'specific', time: '09:00', ordinals: [1, 2, 3, 4, 5], weekdays: [1] }],
    [
      '1st,3rd monday of month 04:00',
      { kind: 'specific', ordinals: [1, 3], weekdays: [1], months: EVERY_MONTH },
    ],
    ['every wed,fri of jan,jun 13:15', { weekdays: [3, 5], months: [1, 6], time: '13:15' }],
    ['first sunday of quarter 00:00', { ordinals: [1], weekdays: [0], months: [1, 4, 7, 10] }],
    ['1st monday of 2nd month of quarter 9:30', { months: [2, 5, 8, 11], time: '09:30' }],
    ['1,15 of month 08:00', { monthdays: [1, 15], weekdays: [], months: EVERY_MONTH }],
    ['2nd day of month 00:00', { monthdays: [2], ordinals: [], weekdays: [] }],
    ['second,third mon, wed, thu of march 17:00', { ordinals: [2, 3], weekdays: [1, 3, 4], months: [3] }],
  ])('reads %s', async (schedule, expected) => {
    expect(await parseSchedule(schedule)).toMatchObject(expected);
  });

  it.each([
    'every 24 hour',
    'Every 24 hours', // keywords are lower case, as in Google's grammar
    'every24hours',
    'every day',
    'every day 24:00',
    'every day 4:60',
    '6th monday of month 00:00',
    'every 2 hours from 08:00',
    '32 of month 00:00',
    'every 0 hours',
    'daily',
    '0 4 * * *',
  ])('refuses %s', async (schedule) => {
    await expect(parseSchedule(schedule)).rejects.toThrow(ScheduleError);
  });

  it('knows the shortest interval each form can produce', async () => {
    expect(shortestIntervalSeconds(await parseSchedule('every 2 hours from 08:00 to 18:00'))).toBe(7200);
    expect(shortestIntervalSeconds(await parseSchedule('every 1440 minutes'))).toBe(86_400);
    expect(shortestIntervalSeconds(await parseSchedule('1,2 of month 00:00'))).toBe(86_400);
  });

  it('checks the data source minimum; an empty schedule is the default', async () => {
    await expect(checkSchedule('', 86_400, 'amazon_s3')).resolves.toBeUndefined();
    await expect(checkSchedule('every 24 hours', 86_400, 'amazon_s3')).resolves.toBeUndefined();
    await expect(checkSchedule('every 23 hours', 86_400, 'amazon_s3')).rejects.toThrow(
      /amazon_s3 transfers may run at most once every 24 hours/,
    );
  });
});
