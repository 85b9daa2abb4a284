/**
 * The headers `#include <...>` finds under -C when no file on the -I path
 * matches: the networking headers D scripts include, holding what the
 * preprocessor is for — macros (IPPROTO_*, TH_*, AF_*, field macros). The
 * types themselves (struct ip, struct tcphdr...) are always present, as
 * kernel types are in dtrace (see nettypes.ts), so these headers do not
 * declare them again. Values are illumos's.
 *
 * Also here, for the classic fbt scripts (tcpsnoop.d): sys/file.h's
 * FREAD/FWRITE, sys/byteorder.h's swap macros, sys/errno.h's error
 * numbers (illumos values), and an empty inet/common.h,
 * so those scripts preprocess and parse (their fbt probes still match
 * nothing in a capture).
 */

const guard = (name: string, body: string): string => `#ifndef ${name}\n#define ${name}\n${body}\n#endif\n`;

const ISA_DEFS = `#define _LITTLE_ENDIAN
#define _BIT_FIELDS_LTOH
#define _LP64
#define _CHAR_IS_SIGNED
#define NBBY 8`;

const SYS_TYPES = `#include <sys/isa_defs.h>
#define B_FALSE 0
#define B_TRUE 1
#define NULL 0`;

const SYS_SOCKET = `#include <sys/types.h>
#define SOCK_DGRAM 1
#define SOCK_STREAM 2
#define SOCK_RAW 4
#define SOCK_RDM 5
#define SOCK_SEQPACKET 6
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 26
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_INET AF_INET
#define PF_INET6 AF_INET6`;

const NETINET_IN = `#include <sys/types.h>
#include <sys/socket.h>
#define IPPROTO_IP 0
#define IPPROTO_HOPOPTS 0
#define IPPROTO_ICMP 1
#define IPPROTO_IGMP 2
#define IPPROTO_GGP 3
#define IPPROTO_ENCAP 4
#define IPPROTO_TCP 6
#define IPPROTO_EGP 8
#define IPPROTO_PUP 12
#define IPPROTO_UDP 17
#define IPPROTO_IDP 22
#define IPPROTO_IPV6 41
#define IPPROTO_ROUTING 43
#define IPPROTO_FRAGMENT 44
#define IPPROTO_RSVP 46
#define IPPROTO_ESP 50
#define IPPROTO_AH 51
#define IPPROTO_ICMPV6 58
#define IPPROTO_NONE 59
#define IPPROTO_DSTOPTS 60
#define IPPROTO_HELLO 63
#define IPPROTO_ND 77
#define IPPROTO_EON 80
#define IPPROTO_OSPF 89
#define IPPROTO_PIM 103
#define IPPROTO_SCTP 132
#define IPPROTO_RAW 255
#define IPPROTO_MAX 256
#define INADDR_ANY 0x00000000
#define INADDR_LOOPBACK 0x7F000001
#define INADDR_BROADCAST 0xffffffff
#define INADDR_NONE 0xffffffff
#define IN_CLASSA(i) (((i) & 0x80000000U) == 0)
#define IN_CLASSB(i) (((i) & 0xc0000000U) == 0x80000000U)
#define IN_CLASSC(i) (((i) & 0xe0000000U) == 0xc0000000U)
#define IN_CLASSD(i) (((i) & 0xf0000000U) == 0xe0000000U)
#define IN_MULTICAST(i) IN_CLASSD(i)
#define IPPORT_RESERVED 1024
#define s6_addr _S6_un._S6_u8
#define s6_addr32 _S6_un._S6_u32`;

const NETINET_IP = `#include <netinet/in.h>
#define IPVERSION 4
#define IP_MAXPACKET 65535
#define IP_RF 0x8000
#define IP_DF 0x4000
#define IP_MF 0x2000
#define IP_OFFMASK 0x1fff
#define IP_MSS 576
#define MAXTTL 255
#define IPDEFTTL 64
#define IPTOS_LOWDELAY 0x10
#define IPTOS_THROUGHPUT 0x08
#define IPTOS_RELIABILITY 0x04
#define IPTOS_ECT 0x02
#define IPTOS_CE 0x01
#define IPOPT_EOL 0
#define IPOPT_NOP 1
#define IPOPT_RR 7
#define IPOPT_TS 68
#define IPOPT_SECURITY 130
#define IPOPT_LSRR 131
#define IPOPT_SSRR 137`;

const NETINET_IP6 = `#include <netinet/in.h>
#define ip6_vfc ip6_ctlun.ip6_un2_vfc
#define ip6_flow ip6_ctlun.ip6_un1.ip6_un1_flow
#define ip6_vcf ip6_flow
#define ip6_nxt ip6_ctlun.ip6_un1.ip6_un1_nxt
#define ip6_plen ip6_ctlun.ip6_un1.ip6_un1_plen
#define ip6_hlim ip6_ctlun.ip6_un1.ip6_un1_hlim
#define ip6_hops ip6_ctlun.ip6_un1.ip6_un1_hlim
#define IPV6_VERSION 0x60
#define IPV6_VERSION_MASK 0xf0
#define IPV6_FLOWINFO_FLOWLABEL 0xffff0f00
#define IPV6_FLOWINFO_TCLASS 0x0000f00f
#define IPV6_MAXPACKET 65535`;

const NETINET_TCP = `#include <sys/types.h>
#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PUSH 0x08
#define TH_ACK 0x10
#define TH_URG 0x20
#define TH_ECE 0x40
#define TH_CWR 0x80
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MAXSEG 2
#define TCPOLEN_MAXSEG 4
#define TCPOPT_WSCALE 3
#define TCPOLEN_WSCALE 3
#define TCPOPT_SACK_PERMITTED 4
#define TCPOLEN_SACK_PERMITTED 2
#define TCPOPT_SACK 5
#define TCPOPT_TSTAMP 8
#define TCPOLEN_TSTAMP 10
#define TCP_MSS 536
#define TCP_MAXWIN 65535
#define TCP_MAX_WINSHIFT 14`;

const NETINET_UDP = `#include <sys/types.h>`;

const ARPA_INET = `#include <netinet/in.h>
#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46`;

const SYS_FILE = `#include <sys/types.h>
#define FOPEN 0xffffffff
#define FREAD 0x01
#define FWRITE 0x02
#define FNDELAY 0x04
#define FAPPEND 0x08
#define FSYNC 0x10
#define FNONBLOCK 0x80`;

const SYS_BYTEORDER = `#include <sys/isa_defs.h>
#define BSWAP_8(x) ((x) & 0xff)
#define BSWAP_16(x) ((BSWAP_8(x) << 8) | BSWAP_8((x) >> 8))
#define BSWAP_32(x) ((BSWAP_16(x) << 16) | BSWAP_16((x) >> 16))
#define BSWAP_64(x) ((BSWAP_32(x) << 32) | BSWAP_32((x) >> 32))
#define BE_8(x) BSWAP_8(x)
#define BE_16(x) BSWAP_16(x)
#define BE_32(x) BSWAP_32(x)
#define BE_64(x) BSWAP_64(x)
#define LE_8(x) (x)
#define LE_16(x) (x)
#define LE_32(x) (x)
#define LE_64(x) (x)
#define BE16_TO_U16(x) BSWAP_16((uint16_t)(x))
#define BE32_TO_U32(x) BSWAP_32((uint32_t)(x))
#define BE64_TO_U64(x) BSWAP_64((uint64_t)(x))`;

// illumos <sys/errno.h>: the values scripts compare errno with.
const SYS_ERRNO = [
  'EPERM 1', 'ENOENT 2', 'ESRCH 3', 'EINTR 4', 'EIO 5', 'ENXIO 6', 'E2BIG 7', 'ENOEXEC 8', 'EBADF 9', 'ECHILD 10',
  'EAGAIN 11', 'ENOMEM 12', 'EACCES 13', 'EFAULT 14', 'ENOTBLK 15', 'EBUSY 16', 'EEXIST 17', 'EXDEV 18', 'ENODEV 19',
  'ENOTDIR 20', 'EISDIR 21', 'EINVAL 22', 'ENFILE 23', 'EMFILE 24', 'ENOTTY 25', 'ETXTBSY 26', 'EFBIG 27', 'ENOSPC 28',
  'ESPIPE 29', 'EROFS 30', 'EMLINK 31', 'EPIPE 32', 'EDOM 33', 'ERANGE 34', 'ENOMSG 35', 'EDEADLK 45', 'ENOLCK 46',
  'ENOTSUP 48', 'ENOSR 63', 'ENOSYS 89', 'ELOOP 90', 'ENAMETOOLONG 78', 'EOVERFLOW 79', 'ENOTEMPTY 93',
  'ENOTSOCK 95', 'EDESTADDRREQ 96', 'EMSGSIZE 97', 'EPROTOTYPE 98', 'ENOPROTOOPT 99', 'EPROTONOSUPPORT 120',
  'ESOCKTNOSUPPORT 121', 'EOPNOTSUPP 122', 'EPFNOSUPPORT 123', 'EAFNOSUPPORT 124', 'EADDRINUSE 125',
  'EADDRNOTAVAIL 126', 'ENETDOWN 127', 'ENETUNREACH 128', 'ENETRESET 129', 'ECONNABORTED 130', 'ECONNRESET 131',
  'ENOBUFS 132', 'EISCONN 133', 'ENOTCONN 134', 'ESHUTDOWN 143', 'ETOOMANYREFS 144', 'ETIMEDOUT 145',
  'ECONNREFUSED 146', 'EHOSTDOWN 147', 'EHOSTUNREACH 148', 'EALREADY 149', 'EINPROGRESS 150', 'ESTALE 151',
].map((d) => `#define ${d}`).join('\n') + '\n#define EWOULDBLOCK EAGAIN';

/** Header name (as written between < >) to text. */
export const BUILTIN_HEADERS: Readonly<Record<string, string>> = {
  'sys/isa_defs.h': guard('_SYS_ISA_DEFS_H', ISA_DEFS),
  'sys/types.h': guard('_SYS_TYPES_H', SYS_TYPES),
  'sys/socket.h': guard('_SYS_SOCKET_H', SYS_SOCKET),
  'netinet/in.h': guard('_NETINET_IN_H', NETINET_IN),
  'netinet/ip.h': guard('_NETINET_IP_H', NETINET_IP),
  'netinet/ip6.h': guard('_NETINET_IP6_H', NETINET_IP6),
  'netinet/tcp.h': guard('_NETINET_TCP_H', NETINET_TCP),
  'netinet/udp.h': guard('_NETINET_UDP_H', NETINET_UDP),
  'arpa/inet.h': guard('_ARPA_INET_H', ARPA_INET),
  'sys/file.h': guard('_SYS_FILE_H', SYS_FILE),
  'sys/byteorder.h': guard('_SYS_BYTEORDER_H', SYS_BYTEORDER),
  'inet/common.h': guard('_INET_COMMON_H', '#include <sys/types.h>'),
  'sys/errno.h': guard('_SYS_ERRNO_H', SYS_ERRNO),
  'errno.h': guard('_ERRNO_H', '#include <sys/errno.h>'),
};

/** Where a built-in header appears to live, for messages and #line markers. */
export function builtinHeaderPath(name: string): string {
  return `/usr/include/${name}`;
}

export { NET_TYPES_D, NET_TYPE_NAMES } from './nettypes.ts';
