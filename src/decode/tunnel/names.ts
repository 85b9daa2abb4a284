/**
 * Virtual interface names for decapsulated layers (see types.ts). VXLAN
 * names carry the VNI; they are cached so a frame allocates no string.
 */
export const IF_IPIP = 'ip.tun0';
export const IF_GRE = 'gre0';
export const IF_GENEVE = 'geneve0';
export const IF_GTP = 'gtp0';

const vxlanNames = new Map<number, string>();

export function vxlanName(vni: number): string {
  let s = vxlanNames.get(vni);
  if (s === undefined) {
    s = 'vxlan' + vni;
    if (vxlanNames.size < 65536) vxlanNames.set(vni, s);
  }
  return s;
}

export const IF_PIMREG = 'pimreg';
export const IF_BAREUDP = 'bareudp0';
