import { Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { checkPorts, NetworkPort, NetworkProtocol, policyPorts } from '../../src/conventions/network-port';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('NetworkProtocol', () => {
  test('writes the protocols as NetworkPolicy does', () => {
    // GIVEN / WHEN / THEN
    expect(NetworkProtocol.TCP).toBe('TCP');
    expect(NetworkProtocol.UDP).toBe('UDP');
  });
});

describe('NetworkPort', () => {
  test('tcp keeps the port with the TCP protocol', () => {
    // GIVEN / WHEN
    const port = NetworkPort.tcp(443);
    // THEN
    expect(port).toBeInstanceOf(NetworkPort);
    expect(port.port).toBe(443);
    expect(port.protocol).toBe(NetworkProtocol.TCP);
  });

  test('udp keeps the port with the UDP protocol', () => {
    // GIVEN / WHEN
    const port = NetworkPort.udp(53);
    // THEN
    expect(port.port).toBe(53);
    expect(port.protocol).toBe(NetworkProtocol.UDP);
  });

  test('does not check the number itself (policy-peer checks it where it is used)', () => {
    // GIVEN / WHEN
    const port = NetworkPort.tcp(0);
    // THEN
    expect(port.port).toBe(0);
  });
});

describe('checkPorts', () => {
  test('returns the ports as given', () => {
    // GIVEN
    const ports = [NetworkPort.tcp(1), NetworkPort.udp(53), NetworkPort.tcp(65535)];
    // WHEN
    const result = checkPorts(webScope(), 'ports', ports);
    // THEN
    expect(result).toEqual(ports);
    expect(result[1]).toBe(ports[1]);
  });

  test('accepts an empty list (the caller decides whether ports are needed)', () => {
    // GIVEN / WHEN / THEN
    expect(checkPorts(webScope(), 'ports', [])).toEqual([]);
  });

  test.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [443, '443'],
    ['443', "'443'"],
    [{ port: 443 }, '{"port":443}'],
  ])('refuses %p as the list', (ports, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkPorts(webScope(), 'allowTo[0].ports', ports))
      .toThrow(new Error(`[test/web] allowTo[0].ports: must be a list of NetworkPort, got ${shown}; use [NetworkPort.tcp(443)]`));
  });

  test.each([
    [443, '443'],
    ['443', "'443'"],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ port: 443, protocol: 'TCP' }, '{"port":443,"protocol":"TCP"}'],
  ])('refuses %p as an element, by index', (port, shown) => {
    // GIVEN
    const ports = [NetworkPort.tcp(80), port];
    // WHEN / THEN
    expect(() => checkPorts(webScope(), 'ports', ports))
      .toThrow(new Error(`[test/web] ports[1]: must be a NetworkPort, got ${shown}; use NetworkPort.tcp(443) or NetworkPort.udp(53)`));
  });

  test.each([
    [0, '0'],
    [65536, '65536'],
    [-1, '-1'],
    [80.5, '80.5'],
    [NaN, 'NaN'],
    ['80', "'80'"],
  ])('refuses the port number %p', (port, shown) => {
    // GIVEN
    const ports = [NetworkPort.udp(port as any)];
    // WHEN / THEN
    expect(() => checkPorts(webScope(), 'ports', ports))
      .toThrow(new Error(`[test/web] ports[0]: must be a whole number from 1 to 65535, got ${shown}; set ports[0] to a whole number from 1 to 65535`));
  });
});

describe('policyPorts', () => {
  test('writes each port with its protocol, in order', () => {
    // GIVEN
    const ports = [NetworkPort.tcp(443), NetworkPort.udp(53)];
    // WHEN
    const result = policyPorts(ports);
    // THEN
    expect(result).toEqual([
      { port: k8s.IntOrString.fromNumber(443), protocol: 'TCP' },
      { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
    ]);
    expect(result.map((p) => p.port!.value)).toEqual([443, 53]);
  });

  test('no ports is no policy ports', () => {
    // GIVEN / WHEN / THEN
    expect(policyPorts([])).toEqual([]);
  });
});
