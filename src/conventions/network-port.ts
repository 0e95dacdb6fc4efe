import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { checkInteger } from '../private/checks';
import { fail } from '../private/errors';

/** The transport protocol of a port. */
export enum NetworkProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
}

/** A port and its protocol, for network rules. */
export class NetworkPort {
  /** Whether `x` is a NetworkPort, from any installed copy of this library. */
  public static isNetworkPort(x: any): x is NetworkPort {
    return isBranded(x, 'NetworkPort');
  }

  /** A TCP port. */
  public static tcp(port: number): NetworkPort {
    return new NetworkPort(port, NetworkProtocol.TCP);
  }

  /** A UDP port. */
  public static udp(port: number): NetworkPort {
    return new NetworkPort(port, NetworkProtocol.UDP);
  }

  private constructor(
    /** The port number. */
    public readonly port: number,
    /** The protocol. */
    public readonly protocol: NetworkProtocol,
  ) {
    brand(this, 'NetworkPort');
  }
}

/** Checks a list of NetworkPort (JavaScript callers may pass anything). */
export function checkPorts(scope: IConstruct, field: string, ports: unknown): NetworkPort[] {
  if (!Array.isArray(ports)) {
    fail(scope, field, 'must be a list of NetworkPort', ports, 'use [NetworkPort.tcp(443)]');
  }
  return ports.map((p, i) => {
    if (!NetworkPort.isNetworkPort(p)) {
      fail(scope, `${field}[${i}]`, 'must be a NetworkPort', p, 'use NetworkPort.tcp(443) or NetworkPort.udp(53)');
    }
    checkInteger(scope, `${field}[${i}]`, p.port, 1, 65535);
    return p;
  });
}

/** The NetworkPolicy ports of a port list. */
export function policyPorts(ports: NetworkPort[]): k8s.NetworkPolicyPort[] {
  return ports.map((p) => ({ port: k8s.IntOrString.fromNumber(p.port), protocol: p.protocol }));
}
