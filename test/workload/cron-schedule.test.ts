import { Testing } from 'cdk8s';
import { checkSchedule } from '../../src/workload/cron-schedule';

describe('checkSchedule', () => {
  test.each(['0 * * * *', ' 30 2 * * * ', '0 0 1 JAN,jul *', '*/5 8-18/2 * * mon-FRI', '@daily'])('accepts %j, trimmed', (schedule) => {
    // GIVEN / WHEN / THEN
    expect(checkSchedule(Testing.chart(), 'schedule', schedule)).toBe(schedule.trim());
  });

  test.each([
    ['', "[test] schedule: must be a cron schedule, got ''; use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'"],
    [42, "[test] schedule: must be a cron schedule, got 42; use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'"],
    ['0 2 * *', "[test] schedule: must have five fields, not 4, got '0 2 * *'; use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'"],
    ['@reboot', "[test] schedule: must be one of the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, got '@reboot'; use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'"],
    ['0 2 1-2-3 * *', "[test] schedule: day of month: '1-2-3' is not a range, got '1-2-3'; use 1-31, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    ['0 2 */2/3 * *', "[test] schedule: day of month: '*/2/3' is not a value, range or step, got '*/2/3'; use 1-31, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    ['0 0 31 4,6 *', "[test] schedule: never runs: no month it names has day 31, got '0 0 31 4,6 *'; use a day of month that one of the months has, such as 28 for February"],
  ])('refuses %j', (schedule, message) => {
    expect(() => checkSchedule(Testing.chart(), 'schedule', schedule)).toThrow(message);
  });

  test('a day no month has runs anyway when a weekday is named (the controller runs on either)', () => {
    expect(checkSchedule(Testing.chart(), 'schedule', '0 0 30 2 MON')).toBe('0 0 30 2 MON');
  });
});
