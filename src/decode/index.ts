/**
 * The decode module's entry point. Importing it registers every decoder into
 * its carrier's table (each file registers itself; the order is irrelevant
 * because tables are only read while decoding).
 */
import './link/ethernet.ts';
import './link/llc.ts';
import './link/vlan.ts';
import './link/mpls.ts';
import './link/pppoe.ts';
import './link/ppp.ts';
import './link/sll.ts';
import './link/null.ts';
import './link/raw.ts';
import './link/ieee80211.ts';
import './link/nflog.ts';
import './link/pflog.ts';
import './link/tags.ts';
import './link/sunos.ts';
import './link/pktap.ts';
import './link/framerelay.ts';
import './link/ipoib.ts';
import './link/arcnet.ts';
import './link/arista.ts';
import './link/macsec.ts';
import './link/nsh.ts';
import './link/cmd.ts';
import './link/fddi.ts';
import './link/fabricpath.ts';
import './ip/ipv4.ts';
import './ip/ipv6.ts';
import './transport/tcp.ts';
import './transport/udp.ts';
import './transport/icmp.ts';
import './transport/icmpv6.ts';
import './transport/sctp.ts';
import './transport/esp.ts';
import './transport/ah.ts';
import './tunnel/ipip.ts';
import './tunnel/gre.ts';
import './tunnel/vxlan.ts';
import './tunnel/geneve.ts';
import './tunnel/gtpu.ts';
import './tunnel/natt.ts';
import './tunnel/erspan.ts';
import './tunnel/teredo.ts';
import './tunnel/l2tp.ts';
import './tunnel/pim.ts';
import './tunnel/vxlan-gpe.ts';
import './tunnel/mpls-udp.ts';
import './tunnel/etherip.ts';
import './tunnel/gre-aruba.ts';
import './tunnel/gre-udp.ts';
import './tunnel/ayiya.ts';
import './tunnel/lisp.ts';

export { Decoder, type DecoderOptions } from './decoder.ts';
export { parseEspSecrets, problemText, SaTable, EspStats, IPSEC_IF, type EspSaSpec, type SaProblem } from './ipsec/index.ts';
export { DecodeSummary } from './summary.ts';
export { srcString, dstString, addrString, ipv4String, ipv6String } from './addr.ts';
export { tcpOptions } from './transport/tcp.ts';
export { stackNames } from './stack.ts';
export { defaultInterfaceName, interfaceName } from './iface.ts';
export * from './types.ts';
export {
  Reassembler, LINUX_LIMITS, FRAGMENT_OVERHEAD, decodePacket, R_HELD, R_DONE, R_DUP, R_DISCARD, R_BAD, R_CUT,
  type ReassemblyLimits,
} from './reassembly/reassembler.ts';
export { Datagram } from './reassembly/datagram.ts';
export { fragmentKey, fragmentHash } from './reassembly/key.ts';
export * from './reassembly/stats.ts';
