import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { HealthCheck, ProbeDefaults, ProbePort } from '../../src/conventions/health-check';

const PORT: ProbePort = { name: 'http', number: 8080 };
const READINESS: ProbeDefaults = { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 };

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

/** The probe of a check as the readiness role of the container at `test/web`. */
function readinessProbe(check: HealthCheck) {
  return check._toProbe(webScope(), 'readinessProbe', PORT, READINESS);
}

describe('HealthCheck.httpGet', () => {
  test('probes the path on the named port with the defaults of its role', () => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz');
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ httpGet: { path: '/readyz', port: expect.anything() }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
    expect(probe.httpGet!.port.value).toBe('http');
    expect(probe.initialDelaySeconds).toBeUndefined();
  });

  test('takes every timing override', () => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz', {
      period: Duration.seconds(20),
      timeout: Duration.seconds(20),
      failureThreshold: 7,
      initialDelay: Duration.seconds(0),
    });
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ httpGet: { path: '/readyz', port: expect.anything() }, periodSeconds: 20, timeoutSeconds: 20, failureThreshold: 7, initialDelaySeconds: 0 });
  });

  test('keeps the options it was given, readable afterwards', () => {
    // GIVEN
    const options = { period: Duration.seconds(3) };
    // WHEN
    const check = HealthCheck.httpGet('/readyz', options);
    // THEN
    expect(check.options).toEqual(options);
    expect(HealthCheck.httpGet('/readyz').options).toEqual({});
  });

  test('accepts the range limits', () => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz', {
      period: Duration.hours(1),
      timeout: Duration.seconds(1),
      failureThreshold: 1000,
      initialDelay: Duration.hours(1),
    });
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect([probe.periodSeconds, probe.timeoutSeconds, probe.failureThreshold, probe.initialDelaySeconds]).toEqual([3600, 1, 1000, 3600]);
  });

  test.each(['/', '/healthz', '/health/ready?full=1', '/a%20b', '/~user/#x'])('accepts the path %p', (path) => {
    // GIVEN
    const check = HealthCheck.httpGet(path);
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe.httpGet!.path).toBe(path);
  });

  test.each([
    ['', "''"],
    ['readyz', "'readyz'"],
    ['http://localhost/readyz', "'http://localhost/readyz'"],
    ['/ready z', "'/ready z'"],
    ['/ready\tz', "'/ready\\tz'"],
    ['/bereit/über', "'/bereit/über'"],
    [undefined, 'undefined'],
    [null, 'null'],
    [42, '42'],
  ])('refuses the path %p', (path, shown) => {
    // GIVEN
    const check = HealthCheck.httpGet(path as any);
    // WHEN / THEN
    expect(() => readinessProbe(check))
      .toThrow(new Error(`[test/web] readinessProbe.path: must be an absolute HTTP path without spaces, got ${shown}; start it with '/', such as '/readyz'`));
  });

  test('refuses a very long invalid path, cut in the message', () => {
    // GIVEN
    const check = HealthCheck.httpGet('x'.repeat(500));
    // WHEN / THEN
    expect(() => readinessProbe(check))
      .toThrow(new Error(`[test/web] readinessProbe.path: must be an absolute HTTP path without spaces, got '${'x'.repeat(78)}…; start it with '/', such as '/readyz'`));
  });
});

describe('HealthCheck timing', () => {
  test.each([
    ['period', { period: Duration.seconds(0) }, "'0s'", 'must be a whole number of seconds from 1 to 3600', 'use Duration.seconds(n) with n from 1 to 3600'],
    ['period', { period: Duration.seconds(3601) }, "'3601s'", 'must be a whole number of seconds from 1 to 3600', 'use Duration.seconds(n) with n from 1 to 3600'],
    ['period', { period: Duration.millis(2500) }, "'2.5s'", 'must be a whole number of seconds from 1 to 3600', 'use Duration.seconds(n) with n from 1 to 3600'],
    ['period', { period: 5 }, '5', 'must be a Duration', 'use Duration.seconds(n) from cdk8s'],
    ['timeout', { timeout: Duration.seconds(0) }, "'0s'", 'must be a whole number of seconds from 1 to 3600', 'use Duration.seconds(n) with n from 1 to 3600'],
    ['timeout', { timeout: '2s' }, "'2s'", 'must be a Duration', 'use Duration.seconds(n) from cdk8s'],
    ['initialDelay', { initialDelay: Duration.seconds(3601) }, "'3601s'", 'must be a whole number of seconds from 0 to 3600', 'use Duration.seconds(n) with n from 0 to 3600'],
    ['initialDelay', { initialDelay: 10 }, '10', 'must be a Duration', 'use Duration.seconds(n) from cdk8s'],
    ['failureThreshold', { failureThreshold: 0 }, '0', 'must be a whole number from 1 to 1000', 'set readinessProbe.failureThreshold to a whole number from 1 to 1000'],
    ['failureThreshold', { failureThreshold: 1001 }, '1001', 'must be a whole number from 1 to 1000', 'set readinessProbe.failureThreshold to a whole number from 1 to 1000'],
    ['failureThreshold', { failureThreshold: 2.5 }, '2.5', 'must be a whole number from 1 to 1000', 'set readinessProbe.failureThreshold to a whole number from 1 to 1000'],
    ['failureThreshold', { failureThreshold: -1 }, '-1', 'must be a whole number from 1 to 1000', 'set readinessProbe.failureThreshold to a whole number from 1 to 1000'],
    ['failureThreshold', { failureThreshold: '3' }, "'3'", 'must be a whole number from 1 to 1000', 'set readinessProbe.failureThreshold to a whole number from 1 to 1000'],
  ])('refuses the %s in %p', (field, options, shown, what, fix) => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz', options as any);
    // WHEN / THEN
    expect(() => readinessProbe(check)).toThrow(new Error(`[test/web] readinessProbe.${field}: ${what}, got ${shown}; ${fix}`));
  });

  test('refuses a timeout longer than the period', () => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz', { period: Duration.seconds(3), timeout: Duration.seconds(4) });
    // WHEN / THEN
    expect(() => readinessProbe(check))
      .toThrow(new Error("[test/web] readinessProbe.timeout: must not be longer than the period (3s), got '4s'; shorten the timeout or lengthen the period"));
  });

  test('compares a timeout alone with the default period of the role', () => {
    // GIVEN
    const check = HealthCheck.httpGet('/readyz', { timeout: Duration.seconds(6) });
    // WHEN / THEN
    expect(() => readinessProbe(check))
      .toThrow(new Error("[test/web] readinessProbe.timeout: must not be longer than the period (5s), got '6s'; shorten the timeout or lengthen the period"));
  });

  test('compares a period alone with the default timeout of the role', () => {
    // GIVEN: the startup role times out after 1s, so a 1s period fits
    const check = HealthCheck.httpGet('/healthz', { period: Duration.seconds(1) });
    // WHEN
    const probe = check._toProbe(webScope(), 'startupProbe', PORT, { periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
    // THEN
    expect([probe.periodSeconds, probe.timeoutSeconds]).toEqual([1, 1]);
  });

  test('treats options a JavaScript caller set to null as none', () => {
    // GIVEN
    const check = HealthCheck.tcpSocket(null as any);
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ tcpSocket: { port: expect.anything() }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
  });
});

describe('HealthCheck.tcpSocket', () => {
  test('connects to the named port', () => {
    // GIVEN
    const check = HealthCheck.tcpSocket({ failureThreshold: 4 });
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ tcpSocket: { port: expect.anything() }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 4 });
    expect(probe.tcpSocket!.port.value).toBe('http');
  });
});

describe('HealthCheck.grpc', () => {
  test('asks the whole server on the port number by default', () => {
    // GIVEN
    const check = HealthCheck.grpc();
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ grpc: { port: 8080 }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
    expect(probe.grpc!.service).toBeUndefined();
  });

  test('asks about a named service', () => {
    // GIVEN
    const check = HealthCheck.grpc('shop.Cart', { period: Duration.seconds(7) });
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ grpc: { port: 8080, service: 'shop.Cart' }, periodSeconds: 7, timeoutSeconds: 2, failureThreshold: 2 });
  });

  test.each([
    [null, 'null'],
    [42, '42'],
    [{}, '{}'],
  ])('refuses the service %p', (service, shown) => {
    // GIVEN
    const check = HealthCheck.grpc(service as any);
    // WHEN / THEN
    expect(() => readinessProbe(check))
      .toThrow(new Error(`[test/web] readinessProbe.service: must be a string, got ${shown}; use '' for the whole server or a service name`));
  });
});

describe('HealthCheck.exec', () => {
  test('runs the command', () => {
    // GIVEN
    const check = HealthCheck.exec(['/bin/healthcheck', '--ready']);
    // WHEN
    const probe = readinessProbe(check);
    // THEN
    expect(probe).toEqual({ exec: { command: ['/bin/healthcheck', '--ready'] }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
  });

  test('refuses an empty command', () => {
    // GIVEN
    const check = HealthCheck.exec([]);
    // WHEN / THEN
    expect(() => check._toProbe(webScope(), 'livenessProbe', PORT, READINESS))
      .toThrow(new Error("[test/web] livenessProbe.command: must name a command, got []; pass the command and its arguments, such as ['/bin/healthcheck']"));
  });

  test.each([
    ['/bin/healthcheck --ready', "'/bin/healthcheck --ready'"],
    [['/bin/healthcheck', 1], '["/bin/healthcheck",1]'],
    [undefined, 'undefined'],
    [null, 'null'],
  ])('refuses the command %p', (command, shown) => {
    // GIVEN
    const check = HealthCheck.exec(command as any);
    // WHEN / THEN
    expect(() => check._toProbe(webScope(), 'livenessProbe', PORT, READINESS))
      .toThrow(new Error(`[test/web] livenessProbe.command: must be a list of strings, got ${shown}; pass an array of strings such as ['--port', '8080']`));
  });
});

describe('HealthCheck.describe', () => {
  test.each([
    [HealthCheck.httpGet('/readyz'), 'httpGet /readyz on port http'],
    [HealthCheck.tcpSocket(), 'tcpSocket on port http'],
    [HealthCheck.grpc(), "grpc service '' on port http"],
    [HealthCheck.grpc('shop.Cart'), "grpc service 'shop.Cart' on port http"],
    [HealthCheck.exec(['/bin/check', '-v']), 'exec ["/bin/check","-v"]'],
  ])('describes %p', (check, description) => {
    // GIVEN / WHEN / THEN
    expect(check.describe('http')).toBe(description);
  });

  test('gives the same description to checks that probe the same thing, whatever their timing', () => {
    // GIVEN
    const a = HealthCheck.httpGet('/healthz');
    const b = HealthCheck.httpGet('/healthz', { period: Duration.seconds(30) });
    const c = HealthCheck.httpGet('/readyz');
    // WHEN / THEN
    expect(a.describe('http')).toBe(b.describe('http'));
    expect(a.describe('http')).not.toBe(c.describe('http'));
  });
});
