import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { restrictedSecurity } from '../../src/conventions/security-context';

const ID_FIX = 'use an ID from 10000 up, which no node user has; images that insist on a low UID need rebuilding';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('restrictedSecurity', () => {
  test('defaults: non-root UID and GID 10001, RuntimeDefault seccomp, nothing escalated, all dropped, read-only root', () => {
    // GIVEN / WHEN
    const security = restrictedSecurity(webScope());
    // THEN
    expect(security).toEqual({
      pod: {
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      container: {
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      },
    });
  });

  test('empty options are the defaults', () => {
    // GIVEN / WHEN / THEN
    expect(restrictedSecurity(webScope(), {})).toEqual(restrictedSecurity(webScope()));
  });

  test('takes the user and group, the group also as fsGroup', () => {
    // GIVEN / WHEN
    const security = restrictedSecurity(webScope(), { runAsUser: 20000, runAsGroup: 30000 });
    // THEN
    expect(security.pod).toEqual({
      runAsNonRoot: true,
      runAsUser: 20000,
      runAsGroup: 30000,
      fsGroup: 30000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('a user alone keeps the default group', () => {
    // GIVEN / WHEN
    const security = restrictedSecurity(webScope(), { runAsUser: 65532 });
    // THEN
    expect([security.pod.runAsUser, security.pod.runAsGroup, security.pod.fsGroup]).toEqual([65532, 10001, 10001]);
  });

  test('accepts the range limits', () => {
    // GIVEN / WHEN
    const low = restrictedSecurity(webScope(), { runAsUser: 10000, runAsGroup: 10000 });
    const high = restrictedSecurity(webScope(), { runAsUser: 2147483647, runAsGroup: 2147483647 });
    // THEN
    expect([low.pod.runAsUser, low.pod.runAsGroup]).toEqual([10000, 10000]);
    expect([high.pod.runAsUser, high.pod.runAsGroup]).toEqual([2147483647, 2147483647]);
  });

  test.each([
    ['runAsUser', 0, '0'],
    ['runAsUser', 1000, '1000'],
    ['runAsUser', 9999, '9999'],
    ['runAsUser', 2147483648, '2147483648'],
    ['runAsUser', 10001.5, '10001.5'],
    ['runAsUser', -1, '-1'],
    ['runAsUser', '10001', "'10001'"],
    ['runAsUser', null, 'null'],
    ['runAsGroup', 0, '0'],
    ['runAsGroup', 9999, '9999'],
    ['runAsGroup', 2147483648, '2147483648'],
    ['runAsGroup', NaN, 'NaN'],
    ['runAsGroup', true, 'true'],
  ])('refuses %s %p', (field, value, shown) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => restrictedSecurity(webScope(), options))
      .toThrow(new Error(`[test/web] security.${field}: must be a whole number from 10000 to 2147483647, got ${shown}; ${ID_FIX}`));
  });

  test('returns new objects on every call', () => {
    // GIVEN / WHEN
    const a = restrictedSecurity(webScope());
    const b = restrictedSecurity(webScope());
    // THEN
    expect(a.container.capabilities).not.toBe(b.container.capabilities);
    expect(a).toEqual(b);
  });
});
