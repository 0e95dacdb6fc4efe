import { isIPv4, isIPv6 } from 'net';
import { IConstruct } from 'constructs';
import { fail } from './errors';

/** A parsed CIDR block: the address as a number, its family width and the prefix length. */
export interface Cidr {
  readonly address: bigint;
  readonly bits: 32 | 128;
  readonly prefix: number;
}

/** The 32 or 128 bits of an IPv4 or IPv6 address (IPv6 may end in an IPv4 tail). */
export function addressBits(address: string): { value: bigint; bits: 32 | 128 } {
  if (isIPv4(address)) {
    return { value: address.split('.').reduce((n, octet) => n * 256n + BigInt(Number(octet)), 0n), bits: 32 };
  }
  let text = address;
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = addressBits(tail[2]).value;
    text = `${tail[1]}${(v4 / 65536n).toString(16)}:${(v4 % 65536n).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return { value: groups.reduce((n, g) => n * 65536n + BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

/** An IPv6 address in its compressed text form. */
function ipv6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => (value / 65536n ** BigInt(7 - i)) % 65536n).map((g) => g.toString(16));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

export function parseCidr(value: string): Cidr | undefined {
  const [address, prefixText, ...rest] = value.split('/');
  // No zone index (`%eth0`), no leading zeros in the prefix length.
  if (rest.length > 0 || address.includes('%') || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText ?? '') || !(isIPv4(address) || isIPv6(address))) {
    return undefined;
  }
  const { value: bits, bits: width } = addressBits(address);
  const prefix = Number(prefixText);
  return prefix <= width ? { address: bits, bits: width, prefix } : undefined;
}

/** Checks a CIDR block: an IPv4 or IPv6 network with a prefix length and no host bits. */
export function checkCidr(scope: IConstruct, field: string, value: unknown): string {
  const fix = "use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'";
  const cidr = typeof value === 'string' ? parseCidr(value) : undefined;
  if (cidr === undefined) {
    fail(scope, field, 'must be a CIDR block', value, fix);
  }
  const block = 2n ** BigInt(cidr.bits - cidr.prefix);
  const host = cidr.address % block;
  if (host !== 0n) {
    const network = cidr.address - host;
    const text = cidr.bits === 32
      ? [24n, 16n, 8n, 0n].map((shift) => String((network / 2n ** shift) % 256n)).join('.')
      : ipv6Text(network);
    fail(scope, field, 'has host bits set after the prefix', value, `use the network address '${text}/${cidr.prefix}'`);
  }
  return value as string;
}
