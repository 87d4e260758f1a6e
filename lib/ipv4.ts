/** An IPv4 network in CIDR notation, parsed strictly (no leading zeros, prefix 0–32). */
export interface Ipv4Cidr {
  /** The address part as an unsigned 32-bit number. */
  readonly address: number;
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined for anything else. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const parts = match.slice(1).map((part) => (/^0\d/.test(part) ? NaN : Number(part)));
  const [a, b, c, d, prefix] = parts;
  if ([a, b, c, d].some((octet) => !(octet >= 0 && octet <= 255)) || !(prefix >= 0 && prefix <= 32)) {
    return undefined;
  }
  return { address: ((a << 24) | (b << 16) | (c << 8) | d) >>> 0, prefix };
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when no host bits are set ("10.0.0.0/16", not "10.0.0.1/16"). */
export function isNetworkAddress(cidr: Ipv4Cidr): boolean {
  return (cidr.address & ~mask(cidr.prefix)) >>> 0 === 0;
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && (inner.address & mask(outer.prefix)) >>> 0 === (outer.address & mask(outer.prefix)) >>> 0;
}

/** True when the two networks share any address. */
export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** Terraform's cidrsubnet(): the `netnum`-th network of `newbits` more bits inside `cidr`. */
export function cidrSubnet(cidr: Ipv4Cidr, newbits: number, netnum: number): Ipv4Cidr {
  const prefix = cidr.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) {
    throw new Error(`cidrSubnet: ${netnum} does not fit in ${newbits} new bits of /${cidr.prefix}`);
  }
  return { address: (cidr.address + netnum * 2 ** (32 - prefix)) >>> 0, prefix };
}

/** "a.b.c.d/n". */
export function formatCidr(cidr: Ipv4Cidr): string {
  const a = cidr.address;
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${cidr.prefix}`;
}
