/**
 * Capture interface names. pcapng's if_name wins; otherwise (classic pcap,
 * or an IDB without a name) a default per link type, numbered by the
 * interface's index in the capture:
 *
 *   Ethernet (1)                        eth<N>
 *   BSD loopback NULL/LOOP (0, 108)     lo<N>
 *   Linux cooked SLL/SLL2 (113, 276)    any<N>   (tcpdump -i any)
 *   raw IP (12, 14, 101, 228, 229)      ip<N>
 *   PPP, PPP-HDLC, PPPoE (9, 50, 51)    ppp<N>
 *   anything else                       if<N>
 */
import { LINKTYPE, type CaptureInterface } from '../capture/types.ts';

export function defaultInterfaceName(linkType: number, index: number): string {
  switch (linkType) {
    case LINKTYPE.ETHERNET: return 'eth' + index;
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: return 'lo' + index;
    case LINKTYPE.LINUX_SLL:
    case LINKTYPE.LINUX_SLL2: return 'any' + index;
    case LINKTYPE.RAW_12:
    case LINKTYPE.RAW_14:
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6: return 'ip' + index;
    case LINKTYPE.PPP:
    case LINKTYPE.PPP_HDLC:
    case LINKTYPE.PPP_ETHER: return 'ppp' + index;
    default: return 'if' + index;
  }
}

export function interfaceName(i: CaptureInterface): string {
  return i.name !== '' ? i.name : defaultInterfaceName(i.linkType, i.index);
}
