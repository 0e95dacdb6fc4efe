import { Testing } from 'cdk8s';
import { checkTimeZone } from '../../src/workload/time-zone';

describe('checkTimeZone', () => {
  test('Node 20 lists canonical zones only: UTC, Etc/* and newer names are accepted through ICU', () => {
    // GIVEN the list Node's ICU publishes
    const listed = Intl.supportedValuesOf('timeZone');
    // THEN it leaves out what the tz database has and Kubernetes accepts, which the check still takes
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT-14', 'Europe/Kyiv', 'Asia/Kolkata']) {
      expect(checkTimeZone(Testing.chart(), 'timeZone', zone)).toBe(zone);
    }
    expect(listed).toContain('Europe/Berlin');
    expect(checkTimeZone(Testing.chart(), 'timeZone', 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  test.each([
    ['', "[test] timeZone: must be an IANA time zone name, got ''; use an IANA time zone name such as 'Europe/Berlin', 'America/New_York' or 'Etc/UTC'"],
    ['Local', "[test] timeZone: is not a time zone of the IANA database, got 'Local'; use an IANA time zone name such as 'Europe/Berlin', 'America/New_York' or 'Etc/UTC'"],
    ['+02:00', "[test] timeZone: is not a time zone of the IANA database, got '+02:00'; use an IANA time zone name such as 'Europe/Berlin', 'America/New_York' or 'Etc/UTC'"],
    ['AMERICA/NEW_YORK', "[test] timeZone: must be spelt as the IANA database spells it (the controller reads it by file name; case matters), got 'AMERICA/NEW_YORK'; use 'America/New_York'"],
  ])('refuses %j', (zone, message) => {
    expect(() => checkTimeZone(Testing.chart(), 'timeZone', zone)).toThrow(message);
  });
});
