// SPDX-License-Identifier: GPL-2.0-only
//
// TIPC protocol constants, in one place, named as in Linux net/tipc and in
// shared/reference/tipc-protocol.md (section numbers in comments).  Times are in
// milliseconds unless the name says otherwise.

#ifndef TIPC_CONSTANTS_H
#define TIPC_CONSTANTS_H

#include <cstdint>

namespace ns3
{

/**
 * @ingroup tipc
 * TIPC protocol constants (Linux net/tipc names).
 */
namespace tipc
{

// ---------------------------------------------------------------------------
// Message header (msg.h, reference section 1)
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_VERSION = 2; //!< header version field

// Message users (w0 bits 25-28).  0..3 are payload importance levels.
constexpr uint32_t TIPC_LOW_IMPORTANCE = 0;      //!< payload, low importance
constexpr uint32_t TIPC_MEDIUM_IMPORTANCE = 1;   //!< payload, medium importance
constexpr uint32_t TIPC_HIGH_IMPORTANCE = 2;     //!< payload, high importance
constexpr uint32_t TIPC_CRITICAL_IMPORTANCE = 3; //!< payload, critical importance
constexpr uint32_t TIPC_SYSTEM_IMPORTANCE = 4;   //!< internal importance, never on the wire
constexpr uint32_t BCAST_PROTOCOL = 5;           //!< broadcast link protocol
constexpr uint32_t MSG_BUNDLER = 6;              //!< bundle of small messages
constexpr uint32_t LINK_PROTOCOL = 7;            //!< STATE/RESET/ACTIVATE
constexpr uint32_t CONN_MANAGER = 8;             //!< connection probe / ack
constexpr uint32_t GROUP_PROTOCOL = 9;           //!< communication groups
constexpr uint32_t TUNNEL_PROTOCOL = 10;         //!< SYNCH / FAILOVER
constexpr uint32_t NAME_DISTRIBUTOR = 11;        //!< name table updates
constexpr uint32_t MSG_FRAGMENTER = 12;          //!< fragments of a large message
constexpr uint32_t LINK_CONFIG = 13;             //!< neighbour discovery
constexpr uint32_t MSG_CRYPTO = 14;              //!< key distribution (crypto)
constexpr uint32_t SOCK_WAKEUP = 14;             //!< pseudo user, node-internal only
constexpr uint32_t TOP_SRV = 15;                 //!< pseudo user, node-internal only

// Payload message types (w1 bits 29-31, users 0..3)
constexpr uint32_t TIPC_CONN_MSG = 0;       //!< connection message
constexpr uint32_t TIPC_MCAST_MSG = 1;      //!< service multicast
constexpr uint32_t TIPC_NAMED_MSG = 2;      //!< service-addressed (anycast)
constexpr uint32_t TIPC_DIRECT_MSG = 3;     //!< socket-addressed
constexpr uint32_t TIPC_GRP_MEMBER_EVT = 4; //!< group member event
constexpr uint32_t TIPC_GRP_BCAST_MSG = 5;  //!< group broadcast
constexpr uint32_t TIPC_GRP_MCAST_MSG = 6;  //!< group multicast
constexpr uint32_t TIPC_GRP_UCAST_MSG = 7;  //!< group unicast

// Internal message types
constexpr uint32_t CONN_PROBE = 0;         //!< CONN_MANAGER
constexpr uint32_t CONN_PROBE_REPLY = 1;   //!< CONN_MANAGER
constexpr uint32_t CONN_ACK = 2;           //!< CONN_MANAGER
constexpr uint32_t PUBLICATION = 0;        //!< NAME_DISTRIBUTOR
constexpr uint32_t WITHDRAWAL = 1;         //!< NAME_DISTRIBUTOR
constexpr uint32_t FIRST_FRAGMENT = 0;     //!< MSG_FRAGMENTER
constexpr uint32_t FRAGMENT = 1;           //!< MSG_FRAGMENTER
constexpr uint32_t LAST_FRAGMENT = 2;      //!< MSG_FRAGMENTER
constexpr uint32_t STATE_MSG = 0;          //!< LINK_PROTOCOL and BCAST_PROTOCOL
constexpr uint32_t RESET_MSG = 1;          //!< LINK_PROTOCOL
constexpr uint32_t ACTIVATE_MSG = 2;       //!< LINK_PROTOCOL
constexpr uint32_t SYNCH_MSG = 0;          //!< TUNNEL_PROTOCOL
constexpr uint32_t FAILOVER_MSG = 1;       //!< TUNNEL_PROTOCOL
constexpr uint32_t DSC_REQ_MSG = 0;        //!< LINK_CONFIG
constexpr uint32_t DSC_RESP_MSG = 1;       //!< LINK_CONFIG
constexpr uint32_t DSC_TRIAL_MSG = 2;      //!< LINK_CONFIG
constexpr uint32_t DSC_TRIAL_FAIL_MSG = 3; //!< LINK_CONFIG
constexpr uint32_t GRP_JOIN_MSG = 0;       //!< GROUP_PROTOCOL
constexpr uint32_t GRP_LEAVE_MSG = 1;      //!< GROUP_PROTOCOL
constexpr uint32_t GRP_ADV_MSG = 2;        //!< GROUP_PROTOCOL
constexpr uint32_t GRP_ACK_MSG = 3;        //!< GROUP_PROTOCOL
constexpr uint32_t GRP_RECLAIM_MSG = 4;    //!< GROUP_PROTOCOL
constexpr uint32_t GRP_REMIT_MSG = 5;      //!< GROUP_PROTOCOL
constexpr uint32_t KEY_DISTR_MSG = 0;      //!< MSG_CRYPTO

// Header sizes (bytes)
constexpr uint32_t SHORT_H_SIZE = 24;            //!< connected message inside the cluster
constexpr uint32_t BASIC_H_SIZE = 32;            //!< socket-addressed message
constexpr uint32_t NAMED_H_SIZE = 40;            //!< service-addressed message
constexpr uint32_t MCAST_H_SIZE = 44;            //!< multicast message
constexpr uint32_t GROUP_H_SIZE = 44;            //!< group message
constexpr uint32_t INT_H_SIZE = 40;              //!< every internal user
constexpr uint32_t MIN_H_SIZE = 24;              //!< smallest legal header
constexpr uint32_t MAX_H_SIZE = 60;              //!< largest header (LINK_CONFIG)
constexpr uint32_t MAX_H_WORDS = MAX_H_SIZE / 4; //!< 15 header words

constexpr uint32_t TIPC_MAX_USER_MSG_SIZE = 66000;                     //!< uapi limit
constexpr uint32_t MAX_MSG_SIZE = MAX_H_SIZE + TIPC_MAX_USER_MSG_SIZE; //!< 66060
constexpr uint32_t MAX_FORWARD_SIZE = 1024;        //!< data kept in a rejected message
constexpr uint32_t TIPC_MEDIA_INFO_OFFSET = 5;     //!< header word of the media address
constexpr uint32_t TIPC_MEDIA_INFO_SIZE = 32;      //!< bytes of media info in discovery
constexpr uint32_t TIPC_MEDIA_TYPE_OFFSET = 3;     //!< media type byte inside media info
constexpr uint32_t TIPC_MEDIA_ADDR_OFFSET = 4;     //!< address start inside media info
constexpr uint32_t NODE_ID_LEN = 16;               //!< 128-bit node identity
constexpr uint32_t NODE_ID_STR_LEN = 33;           //!< printable node id incl. NUL
constexpr uint32_t TIPC_MAX_IF_NAME = 16;          //!< interface name in RESET/ACTIVATE
constexpr uint32_t ITEM_SIZE = 20;                 //!< NAME_DISTRIBUTOR distr_item
constexpr uint32_t MAX_GAP_ACK_BLKS = 128;         //!< gap ACK blocks in one record
constexpr uint32_t MAX_GAP_ACK_BLKS_PER_LINK = 64; //!< builder limit per link
constexpr uint32_t MAX_MON_DOMAIN = 64;            //!< monitor domain members

// Media (bearer.h, eth_media.c, udp_media.c; reference section 4)
constexpr uint16_t ETH_P_TIPC = 0x88CA;       //!< TIPC Ethertype
constexpr uint16_t UDP_PORT_DEFAULT = 6118;   //!< IANA TIPC UDP port
constexpr uint8_t TIPC_MEDIA_TYPE_ETH = 1;    //!< Ethernet media id
constexpr uint8_t TIPC_MEDIA_TYPE_IB = 2;     //!< InfiniBand media id
constexpr uint8_t TIPC_MEDIA_TYPE_UDP = 3;    //!< UDP media id
constexpr uint32_t UDP_MEDIA_ADDR_SIZE = 20;  //!< struct udp_media_addr: proto, port, IPv4|IPv6
constexpr uint8_t TIPC_BROADCAST_SUPPORT = 1; //!< media address broadcast flag: reaches all
constexpr uint8_t TIPC_REPLICAST_SUPPORT = 2; //!< ... : one copy per replicast peer (UDP)
constexpr uint32_t MAX_BEARERS = 3;           //!< bearers per node
constexpr uint32_t MAX_MEDIA = 3;             //!< media types
constexpr uint32_t TIPC_MIN_BEARER_MTU = MAX_H_SIZE + INT_H_SIZE; //!< 100
constexpr uint32_t TIPC_DEF_LINK_UDP_MTU = 14000;                 //!< UDP bearer MTU (IPv4)
constexpr uint32_t ETH_MIN_PAYLOAD = 46; //!< Ethernet pads shorter payloads
/// Room Linux leaves in front of a message for the link-layer headers (msg.h
/// BUF_HEADROOM: LL_MAX_HEADER 128 + 48)
constexpr uint32_t BUF_HEADROOM = 128 + 48;

// Error codes (uapi, w1 bits 25-28)
constexpr uint32_t TIPC_OK = 0;            //!< no error
constexpr uint32_t TIPC_ERR_NO_NAME = 1;   //!< no binding for the service
constexpr uint32_t TIPC_ERR_NO_PORT = 2;   //!< no such socket
constexpr uint32_t TIPC_ERR_NO_NODE = 3;   //!< destination node unreachable
constexpr uint32_t TIPC_ERR_OVERLOAD = 4;  //!< receive queue full
constexpr uint32_t TIPC_CONN_SHUTDOWN = 5; //!< connection shut down

// Address types (uapi sockaddr_tipc.addrtype)
constexpr uint8_t TIPC_SERVICE_RANGE = 1; //!< {type, lower, upper}
constexpr uint8_t TIPC_SERVICE_ADDR = 2;  //!< {type, instance, domain}
constexpr uint8_t TIPC_SOCKET_ADDR = 3;   //!< {ref, node}

// Scopes
constexpr int8_t TIPC_ZONE_SCOPE = 1;    //!< deprecated, mapped to cluster
constexpr int8_t TIPC_CLUSTER_SCOPE = 2; //!< cluster-wide
constexpr int8_t TIPC_NODE_SCOPE = 3;    //!< this node only
constexpr int8_t TIPC_ANY_SCOPE = 10;    //!< internal: matches both

// Reserved service types
constexpr uint32_t TIPC_NODE_STATE = 0;      //!< node up/down publications
constexpr uint32_t TIPC_TOP_SRV = 1;         //!< topology server
constexpr uint32_t TIPC_LINK_STATE = 2;      //!< link up/down publications
constexpr uint32_t TIPC_RESERVED_TYPES = 64; //!< users cannot bind below this

// Node capabilities (node.h, reference section 6.2)
constexpr uint16_t TIPC_SYN_BIT = 0x001;            //!< connection setup uses SYN
constexpr uint16_t TIPC_BCAST_SYNCH = 0x002;        //!< safe broadcast init
constexpr uint16_t TIPC_BCAST_STATE_NACK = 0x004;   //!< bcast NACK in unicast STATE
constexpr uint16_t TIPC_BLOCK_FLOWCTL = 0x008;      //!< 1 KiB block flow control
constexpr uint16_t TIPC_BCAST_RCAST = 0x010;        //!< can receive replicast
constexpr uint16_t TIPC_NODE_ID128 = 0x020;         //!< 128-bit node identity
constexpr uint16_t TIPC_LINK_PROTO_SEQNO = 0x040;   //!< STATE sequence numbers
constexpr uint16_t TIPC_MCAST_RBCTL = 0x080;        //!< SYN-based method switching
constexpr uint16_t TIPC_GAP_ACK_BLOCK = 0x100;      //!< gap ACK blocks in STATE
constexpr uint16_t TIPC_TUNNEL_ENHANCED = 0x200;    //!< dummy SYNCH, fragmented FAILOVER
constexpr uint16_t TIPC_NAGLE = 0x400;              //!< stream Nagle with explicit acks
constexpr uint16_t TIPC_NAMED_BCAST = 0x800;        //!< name updates over bcast link
constexpr uint16_t TIPC_NODE_CAPABILITIES = 0x0fff; //!< all of the above

// ---------------------------------------------------------------------------
// Addressing defaults (reference section 2)
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_DEF_NET_ID = 4711; //!< default cluster id
constexpr uint32_t TIPC_MIN_NET_ID = 1;    //!< smallest cluster id
constexpr uint32_t TIPC_MAX_NET_ID = 9999; //!< largest cluster id

// Legacy <Z.C.N> address parts (uapi tipc.h), used by tipc_in_scope
constexpr uint32_t TIPC_NODE_MASK = 0x00000fff;         //!< node part
constexpr uint32_t TIPC_ZONE_MASK = 0xff000000;         //!< zone part
constexpr uint32_t TIPC_ZONE_CLUSTER_MASK = 0xfffff000; //!< zone and cluster parts

// ---------------------------------------------------------------------------
// Discovery (discover.c, reference section 3); milliseconds
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_DISC_INIT = 125;            //!< first interval, trial interval
constexpr uint32_t TIPC_DISC_FAST = 1000;           //!< cap without discovered nodes
constexpr uint32_t TIPC_DISC_SLOW = 60000;          //!< cap with discovered nodes
constexpr uint32_t TIPC_DISC_INACTIVE = 0xffffffff; //!< stop
constexpr uint32_t TIPC_ADDR_TRIAL_PERIOD = 1000;   //!< duplicate-address trial

// ---------------------------------------------------------------------------
// Links (link.c, reference sections 5 and 13)
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_MIN_LINK_TOL = 50;       //!< ms
constexpr uint32_t TIPC_DEF_LINK_TOL = 1500;     //!< ms
constexpr uint32_t TIPC_MAX_LINK_TOL = 30000;    //!< ms
constexpr uint32_t TIPC_MIN_LINK_PRI = 0;        //!< lowest priority
constexpr uint32_t TIPC_DEF_LINK_PRI = 10;       //!< default priority
constexpr uint32_t TIPC_MAX_LINK_PRI = 31;       //!< highest priority
constexpr uint32_t TIPC_MEDIA_LINK_PRI = 32;     //!< "use media default"
constexpr uint32_t TIPC_DEF_LINK_WIN = 50;       //!< default (minimum) window
constexpr uint32_t TIPC_MIN_LINK_WIN = 16;       //!< explicit ack every 16 packets
constexpr uint32_t TIPC_MAX_LINK_WIN = 8191;     //!< max window / receive accept window
constexpr uint32_t TIPC_LINK_SSTHRESH_MIN = 300; //!< slow-start threshold floor
constexpr uint32_t TIPC_UC_RETR_TIME = 1;        //!< ms between unicast retransmissions
constexpr uint32_t TIPC_BC_RETR_LIM = 10;        //!< ms between bcast retransmissions
constexpr uint32_t TIPC_RETR_FAIL_TOL_MULT = 10; //!< failure after 10 x tolerance
constexpr uint32_t TIPC_MAX_KEEPALIVE = 500;     //!< ms, keepalive cap
constexpr uint32_t TIPC_INIT_KEEPALIVE = 10000;  //!< ms, before links exist
constexpr uint32_t NODE_CLEANUP_AFTER = 300000;  //!< ms after node down
constexpr uint32_t INVALID_NODE_SIG = 0x10000;   //!< matches no 16-bit signature
constexpr uint32_t MAX_PKT_DEFAULT = 1500;       //!< socket default max packet
constexpr uint32_t TIPC_NET_PLANE_BASE = 'A';    //!< net plane 'A' + bearer id

// Link FSM states (bit flags, link.c; reference section 5.2)
constexpr uint32_t LINK_ESTABLISHED = 0x0000000e;  //!< up
constexpr uint32_t LINK_ESTABLISHING = 0x000000e0; //!< handshake in progress
constexpr uint32_t LINK_RESET = 0x00000100;        //!< reset, sending RESET
constexpr uint32_t LINK_RESETTING = 0x00002000;    //!< going down locally
constexpr uint32_t LINK_PEER_RESET = 0x000d0000;   //!< peer reset
constexpr uint32_t LINK_FAILINGOVER = 0x00f00000;  //!< failing over to parallel link
constexpr uint32_t LINK_SYNCHING = 0x0c000000;     //!< synching with parallel link

// Link FSM events
constexpr uint32_t LINK_ESTABLISH_EVT = 0xec1ab1e;       //!< establish
constexpr uint32_t LINK_PEER_RESET_EVT = 0x9eed0e;       //!< peer reset
constexpr uint32_t LINK_FAILURE_EVT = 0xfa110e;          //!< failure
constexpr uint32_t LINK_RESET_EVT = 0x10ca1d0e;          //!< local reset
constexpr uint32_t LINK_FAILOVER_BEGIN_EVT = 0xfa110bee; //!< failover begins
constexpr uint32_t LINK_FAILOVER_END_EVT = 0xfa110ede;   //!< failover ends
constexpr uint32_t LINK_SYNCH_BEGIN_EVT = 0xc1ccbee;     //!< synch begins
constexpr uint32_t LINK_SYNCH_END_EVT = 0xc1ccede;       //!< synch ends

// Link -> node return flags
constexpr uint32_t TIPC_LINK_UP_EVT = 1;    //!< link came up
constexpr uint32_t TIPC_LINK_DOWN_EVT = 2;  //!< link went down
constexpr uint32_t TIPC_LINK_SND_STATE = 4; //!< send a STATE message

// Node FSM states and events (node.c; reference section 6.4)
constexpr uint32_t SELF_DOWN_PEER_DOWN = 0xdd;       //!< no contact
constexpr uint32_t SELF_UP_PEER_UP = 0xaa;           //!< full contact
constexpr uint32_t SELF_DOWN_PEER_LEAVING = 0xd1;    //!< waiting for peer to purge
constexpr uint32_t SELF_UP_PEER_COMING = 0xac;       //!< own link up, peer's not yet
constexpr uint32_t SELF_COMING_PEER_UP = 0xca;       //!< peer up, own not yet
constexpr uint32_t SELF_LEAVING_PEER_DOWN = 0x1d;    //!< purging own state
constexpr uint32_t NODE_FAILINGOVER = 0xf0;          //!< failover in progress
constexpr uint32_t NODE_SYNCHING = 0xcc;             //!< synch in progress
constexpr uint32_t SELF_ESTABL_CONTACT_EVT = 0xece;  //!< first own link up
constexpr uint32_t SELF_LOST_CONTACT_EVT = 0x1ce;    //!< last own link down
constexpr uint32_t PEER_ESTABL_CONTACT_EVT = 0x9ece; //!< peer shows its link up
constexpr uint32_t PEER_LOST_CONTACT_EVT = 0x91ce;   //!< peer lost contact
constexpr uint32_t NODE_FAILOVER_BEGIN_EVT = 0xfbe;  //!< failover begins
constexpr uint32_t NODE_FAILOVER_END_EVT = 0xfee;    //!< failover ends
constexpr uint32_t NODE_SYNCH_BEGIN_EVT = 0xcbe;     //!< synch begins
constexpr uint32_t NODE_SYNCH_END_EVT = 0xcee;       //!< synch ends

// ---------------------------------------------------------------------------
// Broadcast (bcast.c; reference section 7)
// ---------------------------------------------------------------------------
constexpr uint32_t BCLINK_WIN_DEFAULT = 50;     //!< broadcast window
constexpr uint32_t TIPC_BC_ONE_PAGE_MTU = 3520; //!< initial broadcast MTU (one page, Debian amd64)
constexpr uint32_t BCLINK_WIN_MIN = 32;         //!< smallest broadcast window
constexpr uint32_t TIPC_METHOD_EXPIRE = 5000;   //!< ms, method re-evaluation
constexpr uint32_t TIPC_DEF_BC_RC_RATIO = 10;   //!< percent
constexpr uint32_t BCLINK_MODE_BCAST = 1;       //!< forced broadcast
constexpr uint32_t BCLINK_MODE_RCAST = 2;       //!< forced replicast
constexpr uint32_t BCLINK_MODE_SEL = 4;         //!< automatic selection

// ---------------------------------------------------------------------------
// Names and topology (name_table.c, subscr.h; reference sections 8-9)
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_NAMETBL_SIZE = 1024;       //!< hash buckets
constexpr uint32_t TIPC_MAX_PUBL = 65535;          //!< local bindings per node
constexpr uint32_t TIPC_MAX_SUBSCR = 65535;        //!< subscriptions per node
constexpr uint32_t TIPC_NAMED_TIMEOUT = 2000;      //!< ms (sysctl, legacy)
constexpr uint32_t TIPC_SUB_PORTS = 0x01;          //!< event per binding
constexpr uint32_t TIPC_SUB_SERVICE = 0x02;        //!< event per service range
constexpr uint32_t TIPC_SUB_CANCEL = 0x04;         //!< cancel a subscription
constexpr uint32_t TIPC_SUB_CLUSTER_SCOPE = 0x20;  //!< internal: cluster-scope bindings only
constexpr uint32_t TIPC_SUB_NODE_SCOPE = 0x40;     //!< internal: node-scope bindings only
constexpr uint32_t TIPC_SUB_NO_STATUS = 0x80;      //!< internal: no initial status events
constexpr uint32_t TIPC_WAIT_FOREVER = 0xffffffff; //!< subscription never times out
constexpr uint32_t TIPC_PUBLISHED = 1;             //!< event
constexpr uint32_t TIPC_WITHDRAWN = 2;             //!< event
constexpr uint32_t TIPC_SUBSCR_TIMEOUT = 3;        //!< event

// ---------------------------------------------------------------------------
// Sockets (socket.c, socket.h; reference section 10)
// ---------------------------------------------------------------------------
constexpr uint32_t RCVBUF_MIN = 512 * 1024;       //!< bytes
constexpr uint32_t RCVBUF_DEF = 2 * 1024 * 1024;  //!< bytes
constexpr uint32_t RCVBUF_MAX = 16 * 1024 * 1024; //!< bytes
constexpr uint32_t FLOWCTL_BLK_SZ = 1024;         //!< flow-control block
constexpr uint32_t FLOWCTL_MSG_WIN = 512;         //!< legacy message window
constexpr uint32_t TIPC_ACK_RATE = 4;             //!< ack every rcv_win/4 blocks
constexpr uint32_t CONN_TIMEOUT_DEFAULT = 8000;   //!< ms
constexpr uint32_t CONN_PROBING_INTV = 3600000;   //!< ms
constexpr uint32_t TIPC_MAX_NAGLE = 1024;         //!< nagle_start cap
constexpr uint32_t NAGLE_START_INIT = 4;          //!< one-way sends before Nagle may hold
constexpr uint32_t NAGLE_MAX_BLOCKS = 64;         //!< Nagle holds at most this many blocks
constexpr uint32_t MAX_PKT_DEFAULT_NODE = 1500;   //!< maxnagle for node-local peers
constexpr uint32_t TIPC_MIN_PORT = 1;             //!< smallest port id
constexpr uint32_t TIPC_MAX_PORT = 0xffffffff;    //!< largest port id
constexpr uint32_t TIPC_CONN_RETRY_BASE = 100;    //!< ms, SYN retry after OVERLOAD (+ random)
// Socket options (uapi tipc.h, level SOL_TIPC)
constexpr uint32_t SOL_TIPC = 271;              //!< socket option level
constexpr uint32_t TIPC_IMPORTANCE = 127;       //!< option
constexpr uint32_t TIPC_SRC_DROPPABLE = 128;    //!< option
constexpr uint32_t TIPC_DEST_DROPPABLE = 129;   //!< option
constexpr uint32_t TIPC_CONN_TIMEOUT = 130;     //!< option
constexpr uint32_t TIPC_SOCK_RECVQ_DEPTH = 132; //!< option (get)
constexpr uint32_t TIPC_MCAST_BROADCAST = 133;  //!< option
constexpr uint32_t TIPC_MCAST_REPLICAST = 134;  //!< option
constexpr uint32_t TIPC_SOCK_RECVQ_USED = 137;  //!< option (get)
constexpr uint32_t TIPC_NODELAY = 138;          //!< option
// recvmsg/sendmsg flags (Linux socket.h values)
constexpr uint32_t TIPC_MSG_PEEK = 0x2;      //!< MSG_PEEK
constexpr uint32_t TIPC_MSG_EOR = 0x80;      //!< MSG_EOR: keep the rest of a partly read message
constexpr uint32_t TIPC_MSG_WAITALL = 0x100; //!< MSG_WAITALL

// ---------------------------------------------------------------------------
// Neighbour monitoring (monitor.c; reference section 11)
// ---------------------------------------------------------------------------
constexpr uint32_t TIPC_DEF_MON_THRESHOLD = 32; //!< full mesh up to this many peers
constexpr uint32_t TIPC_CLUSTER_SIZE = 4095;    //!< max threshold
constexpr uint32_t MAX_PEER_DOWN_EVENTS = 4;    //!< reset after this many reports
constexpr uint32_t MON_TIMEOUT = 120000;        //!< ms, plus random 0..65535

} // namespace tipc
} // namespace ns3

#endif // TIPC_CONSTANTS_H
