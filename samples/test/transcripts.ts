/**
 * The seed transcripts as data: what each sample capture must contain, per
 * the documents wiretrace grew from (/work/shared/seeds). Copied from the
 * transcripts by hand — never derived from the generator — so the capture
 * tests compare the generator against the documents, and the expected
 * outputs (samples/expected/) are printed from these rows.
 */

/** One IP layer firing as a transcript line shows it. */
export interface Line {
  probe: 'send' | 'receive';
  src: string;
  dst: string;
  /** ip_plength (ipio01.d/ipio03.d/ipio.d BYTES). */
  bytes: number;
  iface: string;
  proto?: 'TCP' | 'UDP' | 'ICMP' | 'IGMP' | 'ICMPV6';
}

const L = (probe: 'send' | 'receive', src: string, dst: string, bytes: number, iface: string, proto?: Line['proto']): Line => ({ probe, src, dst, bytes, iface, proto });

const A108 = '192.168.1.108';
const A109 = '192.168.1.109';
const V6L = 'fe80::2e0:81ff:fe5e:8308';
const V6R = 'fe80::214:4fff:fe3b:76c8';
const TUN_L = '10.7.250.24';
const TUN_R = '192.146.17.75';
const NATGW = '172.16.10.1';

/**
 * Prototype #2 (seed 001): ipio01.d's lines per capture, in order. Where the
 * page's ipio01.d transcript contradicts its own snoop output (inbound TCP
 * over IPv4 shows send/receive/send, copied from the outbound case) the
 * capture follows snoop and ipio03.d: receive, send, receive.
 */
export const PROTO2: Record<string, Line[]> = {
  'proto2-ipio01-mixed.pcapng': [
    L('receive', A109, A108, 68, 'nge0', 'TCP'),
    L('send', A108, A109, 68, 'nge0', 'TCP'),
    L('receive', A109, A108, 20, 'nge0', 'TCP'),
    L('receive', A109, A108, 64, 'nge0', 'ICMP'),
    L('send', A108, A109, 64, 'nge0', 'ICMP'),
    L('receive', '192.168.1.1', '224.0.0.9', 52, 'nge0', 'UDP'),
    L('receive', '192.168.1.11', '224.0.1.1', 8, 'nge0', 'IGMP'),
  ],
  'proto2-tcp4-out.pcapng': [
    L('send', A108, A109, 68, 'nge0', 'TCP'),
    L('receive', A109, A108, 68, 'nge0', 'TCP'),
    L('send', A108, A109, 20, 'nge0', 'TCP'),
  ],
  'proto2-tcp4-in.pcapng': [
    L('receive', A109, A108, 68, 'nge0', 'TCP'),
    L('send', A108, A109, 68, 'nge0', 'TCP'),
    L('receive', A109, A108, 20, 'nge0', 'TCP'),
  ],
  'proto2-icmp-out.pcapng': [
    L('send', A108, A109, 64, 'nge0', 'ICMP'),
    L('receive', A109, A108, 64, 'nge0', 'ICMP'),
  ],
  'proto2-icmp-in.pcapng': [
    L('receive', A109, A108, 64, 'nge0', 'ICMP'),
    L('send', A108, A109, 64, 'nge0', 'ICMP'),
  ],
  'proto2-udp-dns-out.pcapng': [
    L('send', A108, '192.168.1.5', 53, 'nge0', 'UDP'),
    L('receive', '192.168.1.5', A108, 105, 'nge0', 'UDP'),
  ],
  'proto2-tcp-closed-out.pcapng': [
    L('send', A108, A109, 32, 'nge0', 'TCP'),
    L('receive', A109, A108, 20, 'nge0', 'TCP'),
  ],
  'proto2-tcp-closed-in.pcapng': [
    L('receive', A109, A108, 32, 'nge0', 'TCP'),
    L('send', A108, A109, 20, 'nge0', 'TCP'),
  ],
  'proto2-ipsec-out.pcapng': [
    L('send', TUN_L, TUN_R, 68, 'ip.tun0', 'TCP'),
    L('send', A108, NATGW, 140, 'nge0', 'UDP'),
    L('receive', NATGW, A108, 140, 'nge0', 'UDP'),
    L('receive', TUN_R, TUN_L, 68, 'ip.tun0', 'TCP'),
    L('send', TUN_L, TUN_R, 20, 'ip.tun0', 'TCP'),
    L('send', A108, NATGW, 92, 'nge0', 'UDP'),
  ],
  'proto2-ipsec-in.pcapng': [
    L('receive', NATGW, A108, 156, 'nge0', 'UDP'),
    L('receive', TUN_R, TUN_L, 84, 'ip.tun0', 'TCP'),
    L('send', TUN_L, TUN_R, 20, 'ip.tun0', 'TCP'),
    L('send', A108, NATGW, 92, 'nge0', 'UDP'),
  ],
  'proto2-tcp6-out.pcapng': [
    L('send', V6L, V6R, 68, 'nge0', 'TCP'),
    L('receive', V6R, V6L, 68, 'nge0', 'TCP'),
    L('send', V6L, V6R, 20, 'nge0', 'TCP'),
  ],
  'proto2-tcp6-in.pcapng': [
    L('receive', V6R, V6L, 68, 'nge0', 'TCP'),
    L('send', V6L, V6R, 68, 'nge0', 'TCP'),
    L('receive', V6R, V6L, 20, 'nge0', 'TCP'),
  ],
};

/** The snoop lines' TCP numbers (seed 001), per capture: [sport, dport, seq, ack, flags, len][]. */
export const PROTO2_SNOOP: Record<string, [number, number, number | null, number | null, string, number | null][]> = {
  'proto2-tcp4-out.pcapng': [[53122, 22, null, 1137186463, 'PA', null], [22, 53122, null, 1895485433, 'PA', null], [53122, 22, null, 1137186511, 'A', null]],
  'proto2-tcp4-in.pcapng': [[58335, 22, null, 1147792155, 'PA', null], [22, 58335, null, 400189612, 'PA', null], [58335, 22, null, 1147792203, 'A', null]],
  'proto2-tcp-closed-out.pcapng': [[45099, 81, 2149577849, null, 'S', 0], [81, 45099, null, 2149577850, 'RA', null]],
  'proto2-tcp-closed-in.pcapng': [[48811, 81, 1404105261, null, 'S', 0], [81, 48811, null, 1404105262, 'RA', null]],
  'proto2-tcp6-out.pcapng': [[46004, 22, 4184304355, 3433398788, 'PA', 48], [22, 46004, 3433398788, 4184304403, 'PA', 48], [46004, 22, 4184304403, 3433398836, 'A', 0]],
  'proto2-tcp6-in.pcapng': [[50768, 22, 3428121375, 4179173848, 'PA', 48], [22, 50768, 4179173848, 3428121423, 'PA', 48], [50768, 22, 3428121423, 4179173896, 'A', 0]],
};

/** "Who is sending IP packets to us?" (seed 001): received packets per source. */
export const RECEIVERS: [string, number][] = [
  ['192.168.1.1', 2],
  ['192.168.1.5', 3],
  ['fe80::214:4fff:fe3b:76c8', 8],
  ['192.168.1.219', 24],
  ['192.168.1.188', 108],
  ['192.168.1.109', 959],
];

/** ip_whosent.d (seed 000): destination, ipv4_length, execname, pid — in order. */
export const WHOSENT: [string, number, string, number][] = [
  ['192.168.100.4', 88, 'ssh', 1075],
  ['192.168.100.4', 88, 'ssh', 1075],
  ['208.67.222.222', 56, 'nscd', 152],
  ['208.67.222.222', 71, 'nscd', 152],
  ['208.67.222.222', 56, 'nscd', 152],
  ['72.14.207.99', 52, 'firefox-bin', 1944],
  ['8.12.32.9', 52, 'thunderbird-bin', 1133],
  ['8.12.32.9', 54, 'thunderbird-bin', 1133],
  ['8.12.32.9', 87, 'thunderbird-bin', 1133],
  ['8.12.32.9', 58, 'thunderbird-bin', 1133],
  ['8.12.32.9', 64, 'thunderbird-bin', 1133],
  ['8.12.32.9', 65, 'thunderbird-bin', 1133],
  ['208.67.219.230', 644, 'firefox-bin', 1944],
  ['208.67.219.230', 637, 'firefox-bin', 1944],
  ['72.14.207.99', 660, 'firefox-bin', 1944],
  ['208.67.219.230', 52, 'firefox-bin', 1944],
  ['208.67.219.230', 664, 'firefox-bin', 1944],
  ['8.12.32.9', 48, 'thunderbird-bin', 1133],
  ['72.14.207.99', 40, 'firefox-bin', 1944],
];

/** ipio.d (seed 000): CPU, DELTA(us), then the line. CPU is the machine's; wiretrace reports 0. */
export const IPIO: { cpu: number; delta: number; line: Line }[] = [
  { cpu: 1, delta: 598913, line: L('send', '10.1.100.123', '192.168.10.75', 68, 'ip.tun0') },
  { cpu: 1, delta: 73, line: L('send', '192.168.1.108', '192.168.5.1', 140, 'nge0') },
  { cpu: 1, delta: 18325, line: L('receive', '192.168.5.1', '192.168.1.108', 140, 'nge0') },
  { cpu: 1, delta: 69, line: L('receive', '192.168.10.75', '10.1.100.123', 68, 'ip.tun0') },
  { cpu: 0, delta: 102921, line: L('send', '10.1.100.123', '192.168.10.75', 20, 'ip.tun0') },
  { cpu: 0, delta: 79, line: L('send', '192.168.1.108', '192.168.5.1', 92, 'nge0') },
];

/** The accept-queue article (seed 002): `timestamp` values (ns since boot) of its events. */
export const ACCEPT = {
  port2000: { client: '172.16.170.1', sport: 50066, syns: [185458485779874n, 185459488194513n, 185461492294103n, 185465496397317n], established: 185465496517076n },
  port22: { client: '172.16.170.1', sport: 41010, syn: 185255847646301n, established: 185255847845639n },
  /** 7 010 737 202 ns: "7.01 seconds to establish the connection". */
  latency: 7010737202n,
};
