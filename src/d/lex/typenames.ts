/**
 * Type names the lexer knows before any program declares one, so that
 * `(uint32_t)x` lexes the name as a type (DT_TOK_TNAME) as dtrace does with
 * the kernel's CTF types. The back end can pass its own `isTypeName` to the
 * parser; this list is the default: D's own typedefs (dt_open.c), the
 * sys/types.h names scripts use, and the network providers' argument types.
 */
export const DEFAULT_TYPE_NAMES: ReadonlySet<string> = new Set([
  // C99 and D integer typedefs
  'int8_t', 'int16_t', 'int32_t', 'int64_t', 'intptr_t', 'intmax_t', 'ssize_t', 'ptrdiff_t',
  'uint8_t', 'uint16_t', 'uint32_t', 'uint64_t', 'uintptr_t', 'uintmax_t', 'size_t',
  'uchar_t', 'ushort_t', 'uint_t', 'ulong_t', 'u_longlong_t', 'longlong_t', 'u_char', 'u_short', 'u_int', 'u_long',
  'boolean_t', 'caddr_t', 'off_t', 'off64_t', 'time_t', 'clock_t', 'hrtime_t', 'id_t', 'pid_t', 'uid_t',
  'gid_t', 'zoneid_t', 'projid_t', 'taskid_t', 'processorid_t', 'psetid_t', 'chipid_t', 'lgrp_id_t',
  'dev_t', 'major_t', 'minor_t', 'ino_t', 'mode_t', 'nlink_t', 'kthread_t', 'kthread_id_t', 'proc_t',
  'socklen_t', 'ipaddr_t', 'mblk_t', 'conn_t', 'ill_t', 'ipha_t',
  'ip6_t', 'tcph_t', 'tcpha_t', 'tcp_t', 'udpha_t', 'in6_addr_t', 'ipaddr6_t',
  // kernel types classic fbt scripts cast to (their CTF names on illumos)
  'queue_t', 'dblk_t', 'vnode_t', 'vfs_t', 'cred_t', 'cpu_t', 'klwp_t', 'zone_t', 'uio_t', 'file_t',
  'ire_t', 'sonode_t', 'ip_stack_t', 'netstack_t', 'squeue_t', 'ip_xmit_attr_t', 'ip_recv_attr_t',
  // network provider argument types (ip.d, tcp.d, udp.d and the 2007 prototype)
  'pktinfo_t', 'csinfo_t', 'ipinfo_t', 'ifinfo_t', 'ipv4info_t', 'ipv6info_t',
  'tcpinfo_t', 'tcpsinfo_t', 'tcplsinfo_t', 'udpinfo_t', 'udpsinfo_t', 'ipv4_t', 'ipv6_t',
]);
