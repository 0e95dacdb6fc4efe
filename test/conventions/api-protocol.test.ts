import { ApiProtocol } from '../../src/conventions/api-protocol';

describe('ApiProtocol', () => {
  test.each([
    ['HTTP', ApiProtocol.HTTP, 'http', 'http'],
    ['H2C', ApiProtocol.H2C, 'kubernetes.io/h2c', 'http2'],
    ['GRPC', ApiProtocol.GRPC, 'grpc', 'grpc'],
    ['TCP', ApiProtocol.TCP, undefined, 'tcp'],
  ])('%s sets the appProtocol and the default port name', (_, protocol, appProtocol, portName) => {
    // GIVEN / WHEN / THEN
    expect([protocol.appProtocol, protocol.defaultPortName]).toEqual([appProtocol, portName]);
  });

  test.each([
    ['HTTP', ApiProtocol.HTTP],
    ['H2C', ApiProtocol.H2C],
  ])('%s checks /healthz for startup and liveness, /readyz for readiness', (_, protocol) => {
    // GIVEN / WHEN
    const checks = protocol.defaultHealthChecks();
    // THEN
    expect([checks.startup.describe('http'), checks.readiness.describe('http'), checks.liveness.describe('http')])
      .toEqual(['httpGet /healthz on port http', 'httpGet /readyz on port http', 'httpGet /healthz on port http']);
  });

  test('GRPC checks startup and readiness with gRPC health, liveness with a TCP connect', () => {
    // GIVEN / WHEN
    const checks = ApiProtocol.GRPC.defaultHealthChecks();
    // THEN
    expect([checks.startup.describe('grpc'), checks.readiness.describe('grpc'), checks.liveness.describe('grpc')])
      .toEqual(["grpc service '' on port grpc", "grpc service '' on port grpc", 'tcpSocket on port grpc']);
  });

  test.each([ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC])('readiness and liveness of %p check different things', (protocol) => {
    // GIVEN / WHEN
    const checks = protocol.defaultHealthChecks();
    // THEN
    expect(checks.readiness.describe('p')).not.toBe(checks.liveness.describe('p'));
    expect(protocol._identicalDefaultChecks).toBe(false);
  });

  test('TCP checks all three with a TCP connect, and says its readiness and liveness are the same check', () => {
    // GIVEN / WHEN
    const checks = ApiProtocol.TCP.defaultHealthChecks();
    // THEN
    expect([checks.startup.describe('tcp'), checks.readiness.describe('tcp'), checks.liveness.describe('tcp')])
      .toEqual(['tcpSocket on port tcp', 'tcpSocket on port tcp', 'tcpSocket on port tcp']);
    expect(ApiProtocol.TCP._identicalDefaultChecks).toBe(true);
  });

  test('default checks carry no timing, so each role uses its own defaults', () => {
    // GIVEN / WHEN
    const checks = ApiProtocol.HTTP.defaultHealthChecks();
    // THEN
    expect([checks.startup.options, checks.readiness.options, checks.liveness.options]).toEqual([{}, {}, {}]);
  });

  test('default checks are new on every call', () => {
    // GIVEN / WHEN
    const a = ApiProtocol.HTTP.defaultHealthChecks();
    const b = ApiProtocol.HTTP.defaultHealthChecks();
    // THEN
    expect(a.readiness).not.toBe(b.readiness);
  });
});
