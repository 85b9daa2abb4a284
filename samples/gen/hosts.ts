/**
 * The hosts of the sample scenes: addresses from the seed transcripts, MAC
 * addresses invented but plausible (vendor prefixes of the kit of the day).
 */
export interface Host { ip: string; ip6?: string; mac: string }

/** The Solaris box of the Prototype #2 page and the ipio.d blog post (nge0). */
export const SOLARIS = { ip: '192.168.1.108', ip6: 'fe80::2e0:81ff:fe5e:8308', mac: '00:e0:81:5e:83:08' } satisfies Host;
/** Its neighbour: ssh peer, ping target, the IPv6 link-local peer. */
export const PEER = { ip: '192.168.1.109', ip6: 'fe80::214:4fff:fe3b:76c8', mac: '00:14:4f:3b:76:c8' } satisfies Host;
export const DNS_SERVER = { ip: '192.168.1.5', mac: '00:03:ba:4e:21:05' } satisfies Host;
export const GATEWAY = { ip: '192.168.1.1', mac: '00:0f:b5:1a:2b:01' } satisfies Host;
export const ARP_HOST = { ip: '192.168.1.183', mac: '00:16:cb:a1:b2:b7' } satisfies Host;
export const HOST188 = { ip: '192.168.1.188', mac: '00:03:ba:5d:10:bc' } satisfies Host;
export const HOST219 = { ip: '192.168.1.219', mac: '00:0a:95:7c:22:db' } satisfies Host;
export const HOST11 = { ip: '192.168.1.11', mac: '00:0c:29:11:0b:0b' } satisfies Host;

/** IPv4 multicast MAC for a group address (01:00:5e + low 23 bits). */
export function mcastMac(group: string): string {
  const p = group.split('.').map(Number);
  const h = (n: number): string => n.toString(16).padStart(2, '0');
  return `01:00:5e:${h(p[1]! & 0x7f)}:${h(p[2]!)}:${h(p[3]!)}`;
}

export const BROADCAST = 'ff:ff:ff:ff:ff:ff';
