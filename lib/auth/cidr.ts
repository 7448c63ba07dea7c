import net from 'node:net';

/** "10.0.0.0/8, ::1/128, 192.168.1.7" → validated, normalized CIDRs; throws naming the bad entry. */
export function parseCidrList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(',').map((s) => s.trim())) {
    if (!raw) continue;
    const [addr = '', bits] = raw.split('/');
    const family = net.isIP(addr);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`"${raw}" is not an address or CIDR (like 10.0.0.0/8 or ::1/128)`);
    }
    out.push(`${addr}/${prefix}`);
  }
  return out;
}

/** A matcher for a CIDR list; an IPv4 address seen as IPv6 (::ffff:10.0.0.1) matches its IPv4 ranges. */
export function cidrMatcher(cidrs: readonly string[]): (address: string | undefined) => boolean {
  const list = new net.BlockList();
  for (const c of cidrs) {
    const [addr = '', bits] = c.split('/');
    list.addSubnet(addr, Number(bits), net.isIP(addr) === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    if (!address) return false;
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const a = v4 ?? address;
    const family = net.isIP(a);
    if (family === 0) return false;
    return list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}
