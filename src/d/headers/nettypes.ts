/**
 * The networking types scripts read packet headers with (`struct ip`,
 * `struct ip6_hdr`, `struct tcphdr`, `struct udphdr`, `struct in_addr`,
 * `struct in6_addr`), written in D. On illumos these come from the kernel's
 * CTF data, so a D program may name them without any #include; here the
 * back end compiles this text before every program, as dtrace loads its
 * type libraries.
 *
 * Layouts follow illumos <netinet/*.h> on a little-endian machine
 * (_BIT_FIELDS_LTOH: the first bit-field takes the low bits, so `ip_hl` is
 * the low nibble of the first byte). Two C conveniences become plain
 * members because D has no macros without -C: `in_addr.s_addr` is a member
 * (illumos spells it as a macro over a union of the same size), and the
 * ip6_hdr field macros (ip6_nxt, ip6_plen...) exist only in the -C header.
 *
 * The integer typedefs (uint8_t ... uint64_t, uchar_t, ushort_t, uint_t)
 * are D's own and are not redefined here.
 */
export const NET_TYPES_D = `
typedef uint32_t in_addr_t;
typedef uint16_t in_port_t;
typedef uint16_t sa_family_t;
typedef uint32_t tcp_seq;

struct in_addr {
	in_addr_t s_addr;
};

struct in6_addr {
	union {
		uint32_t _S6_u32[4];
		uint8_t _S6_u8[16];
	} _S6_un;
};

struct ip {
	uchar_t ip_hl:4,
	    ip_v:4;
	uchar_t ip_tos;
	short ip_len;
	ushort_t ip_id;
	short ip_off;
	uchar_t ip_ttl;
	uchar_t ip_p;
	ushort_t ip_sum;
	struct in_addr ip_src, ip_dst;
};

struct ip6_hdr {
	union {
		struct ip6_hdrctl {
			uint32_t ip6_un1_flow;
			uint16_t ip6_un1_plen;
			uint8_t ip6_un1_nxt;
			uint8_t ip6_un1_hlim;
		} ip6_un1;
		uint8_t ip6_un2_vfc;
	} ip6_ctlun;
	struct in6_addr ip6_src;
	struct in6_addr ip6_dst;
};

struct tcphdr {
	uint16_t th_sport;
	uint16_t th_dport;
	tcp_seq th_seq;
	tcp_seq th_ack;
	uint_t th_x2:4,
	    th_off:4;
	uchar_t th_flags;
	uint16_t th_win;
	uint16_t th_sum;
	uint16_t th_urp;
};

struct udphdr {
	in_port_t uh_sport;
	in_port_t uh_dport;
	int16_t uh_ulen;
	uint16_t uh_sum;
};
`;

/** The type names NET_TYPES_D declares (for the lexer's type-name table). */
export const NET_TYPE_NAMES: readonly string[] = ['in_addr_t', 'in_port_t', 'sa_family_t', 'tcp_seq'];
