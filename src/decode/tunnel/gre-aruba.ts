/**
 * Aruba access points tunnel their clients' 802.11 frames to the controller
 * in GRE, with protocol types 0x8200 to 0x8370 in steps of 0x10 (one per
 * AP radio/SSID; Wireshark's packet-gre.h GRE_ARUBA_*, dissected as 802.11
 * without FCS; Zeek registers the same range). Those numbers are GRE's only:
 * an Ethernet frame with such an ethertype is not 802.11.
 */
import { registerGreProtocol } from '../registry.ts';
import { decodeIeee80211 } from '../link/ieee80211.ts';

export const ARUBA_FIRST = 0x8200;
export const ARUBA_LAST = 0x8370;

for (let t = ARUBA_FIRST; t <= ARUBA_LAST; t += 0x10) registerGreProtocol(t, decodeIeee80211);
