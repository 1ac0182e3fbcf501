// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-header.h"

#include "tipc-bytes.h"
#include "tipc-node-id.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcHeader");

NS_OBJECT_ENSURE_REGISTERED(TipcHeader);

using namespace tipc;

std::string
TipcDecodeErrorToString(TipcDecodeError e)
{
    switch (e)
    {
    case TipcDecodeError::NONE:
        return "ok";
    case TipcDecodeError::TRUNCATED_HEADER:
        return "truncated header";
    case TipcDecodeError::BAD_VERSION:
        return "bad version";
    case TipcDecodeError::HEADER_TOO_SMALL:
        return "header size below 24 bytes";
    case TipcDecodeError::SIZE_BELOW_HEADER:
        return "message size smaller than header size";
    case TipcDecodeError::SIZE_EXCEEDS_BUFFER:
        return "message size exceeds the bytes received";
    case TipcDecodeError::DATA_TOO_LARGE:
        return "more than 66000 data bytes";
    case TipcDecodeError::TRAILING_BYTES:
        return "trailing bytes after the message";
    case TipcDecodeError::UNKNOWN_USER:
        return "unknown message user";
    case TipcDecodeError::UNKNOWN_TYPE:
        return "unknown message type for user";
    case TipcDecodeError::BAD_HEADER_SIZE:
        return "header size not legal for user/type";
    case TipcDecodeError::RESERVED_BITS:
        return "reserved bits set";
    case TipcDecodeError::BAD_FRAGMENT_NUMBER:
        return "fragment number 0";
    case TipcDecodeError::EMPTY_BUNDLE:
        return "empty bundle";
    case TipcDecodeError::TRUNCATED_INNER:
        return "truncated inner message";
    case TipcDecodeError::NESTED_BUNDLE:
        return "bundle inside a bundle";
    case TipcDecodeError::BAD_INNER_USER:
        return "user not allowed inside a bundle or tunnel";
    case TipcDecodeError::BAD_MESSAGE_COUNT:
        return "bundle message count mismatch";
    case TipcDecodeError::TOO_DEEP:
        return "messages nested too deep";
    case TipcDecodeError::EMPTY_NAME_DISTR:
        return "name distributor message without items";
    case TipcDecodeError::TRUNCATED_ITEMS:
        return "truncated name items";
    case TipcDecodeError::BAD_ITEM_RANGE:
        return "name item with lower > upper";
    case TipcDecodeError::BAD_GAP_ACK_RECORD:
        return "STATE gap ACK record longer than the data";
    case TipcDecodeError::BAD_IF_NAME:
        return "bad interface name";
    case TipcDecodeError::BAD_DISCOVERY_SIZE:
        return "discovery message without 16-byte node identity";
    }
    return "unknown error";
}

TipcHeader::TipcHeader()
    : m_w{}
{
    SetVersion(TIPC_VERSION);
    SetHeaderSize(SHORT_H_SIZE);
    SetSize(SHORT_H_SIZE);
}

void
TipcHeader::Init(uint32_t ownAddr, uint32_t user, uint32_t type, uint32_t hsize, uint32_t destnode)
{
    m_w.fill(0);
    SetVersion(TIPC_VERSION);
    SetUser(user);
    SetHeaderSize(hsize);
    SetSize(hsize);
    SetType(type);
    SetPrevNode(ownAddr);
    if (hsize > SHORT_H_SIZE)
    {
        SetOrigNode(ownAddr);
        SetDestNode(destnode);
    }
}

TypeId
TipcHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcHeader")
                            .SetParent<Header>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcHeader>();
    return tid;
}

TypeId
TipcHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
TipcHeader::Print(std::ostream& os) const
{
    os << ToString();
}

uint32_t
TipcHeader::GetSerializedSize() const
{
    return GetHeaderSize();
}

void
TipcHeader::Serialize(Buffer::Iterator start) const
{
    // one Write: the iterator checks each write against the buffer's zero area
    uint8_t buf[MAX_H_SIZE];
    WriteTo(buf);
    start.Write(buf, GetHeaderSize());
}

uint32_t
TipcHeader::Deserialize(Buffer::Iterator start)
{
    m_w.fill(0);
    m_w[0] = start.ReadNtohU32();
    uint32_t hsize = std::max(GetHeaderSize(), MIN_H_SIZE);
    NS_ASSERT_MSG(GetHeaderSize() >= MIN_H_SIZE,
                  "TipcHeader::Deserialize on a malformed header; use TipcHeader::Decode");
    for (uint32_t i = 1; i < hsize / 4; ++i)
    {
        m_w[i] = start.ReadNtohU32();
    }
    return hsize;
}

namespace
{

/// Largest message type Linux defines for a user (data users: all 8 types).
uint32_t
MaxTypeForUser(uint32_t user)
{
    switch (user)
    {
    case BCAST_PROTOCOL:
    case MSG_BUNDLER:
    case MSG_CRYPTO:
        return 0;
    case TUNNEL_PROTOCOL:
    case NAME_DISTRIBUTOR:
        return 1;
    case LINK_PROTOCOL:
    case CONN_MANAGER:
    case MSG_FRAGMENTER:
        return 2;
    case LINK_CONFIG:
        return 3;
    case GROUP_PROTOCOL:
        return 5;
    default:
        return 7;
    }
}

/// Smallest header a payload message type needs (socket.c header choices).
uint32_t
MinDataHeaderSize(uint32_t type)
{
    switch (type)
    {
    case TIPC_CONN_MSG:
        return SHORT_H_SIZE;
    case TIPC_DIRECT_MSG:
        return BASIC_H_SIZE;
    case TIPC_NAMED_MSG:
        return NAMED_H_SIZE;
    default: // multicast and group messages
        return MCAST_H_SIZE;
    }
}

} // namespace

TipcDecodeError
TipcHeader::Decode(const uint8_t* data, uint32_t len, TipcHeader& out)
{
    if (data == nullptr || len < 4)
    {
        return TipcDecodeError::TRUNCATED_HEADER;
    }
    uint32_t w0 = ReadBe32(data);
    uint32_t hsize = ((w0 >> 21) & 0xf) << 2;
    if (hsize < MIN_H_SIZE)
    {
        return TipcDecodeError::HEADER_TOO_SMALL;
    }
    if (len < hsize)
    {
        return TipcDecodeError::TRUNCATED_HEADER;
    }
    if (((w0 >> 29) & 0x7) != TIPC_VERSION)
    {
        return TipcDecodeError::BAD_VERSION;
    }
    uint32_t size = w0 & 0x1ffff;
    if (size < hsize)
    {
        return TipcDecodeError::SIZE_BELOW_HEADER;
    }
    if (size - hsize > TIPC_MAX_USER_MSG_SIZE)
    {
        return TipcDecodeError::DATA_TOO_LARGE;
    }
    if (len < size)
    {
        return TipcDecodeError::SIZE_EXCEEDS_BUFFER;
    }

    // parsed in place: the caller's header is valid only on success
    TipcHeader& h = out;
    h.m_w.fill(0);
    for (uint32_t i = 0; i < hsize / 4; ++i)
    {
        h.m_w[i] = ReadBe32(data + 4 * i);
    }

    uint32_t user = h.GetUser();
    uint32_t type = h.GetType();
    if (user == TIPC_SYSTEM_IMPORTANCE || user == TOP_SRV)
    {
        return TipcDecodeError::UNKNOWN_USER;
    }
    if (type > MaxTypeForUser(user))
    {
        return TipcDecodeError::UNKNOWN_TYPE;
    }
    if (h.IsData())
    {
        if (hsize != SHORT_H_SIZE && hsize != BASIC_H_SIZE && hsize != NAMED_H_SIZE &&
            hsize != MCAST_H_SIZE)
        {
            return TipcDecodeError::BAD_HEADER_SIZE;
        }
        if (hsize < MinDataHeaderSize(type))
        {
            return TipcDecodeError::BAD_HEADER_SIZE;
        }
        if (h.Bits(1, 16, 0x7) != 0)
        {
            return TipcDecodeError::RESERVED_BITS;
        }
    }
    else if (user == LINK_CONFIG)
    {
        if (hsize != MAX_H_SIZE)
        {
            return TipcDecodeError::BAD_HEADER_SIZE;
        }
    }
    else
    {
        if (hsize != INT_H_SIZE)
        {
            return TipcDecodeError::BAD_HEADER_SIZE;
        }
        if (user == NAME_DISTRIBUTOR && h.m_w[9] != 0)
        {
            return TipcDecodeError::RESERVED_BITS;
        }
        if (user == MSG_FRAGMENTER && h.GetFragmNo() == 0)
        {
            return TipcDecodeError::BAD_FRAGMENT_NUMBER;
        }
    }
    return TipcDecodeError::NONE;
}

void
TipcHeader::WriteTo(uint8_t* out) const
{
    uint32_t words = GetHeaderSize() / 4;
    for (uint32_t i = 0; i < words; ++i)
    {
        WriteBe32(out + 4 * i, m_w[i]);
    }
}

std::string
TipcHeader::GetUserName() const
{
    static const char* const names[] = {"LOW_IMPORTANCE",
                                        "MEDIUM_IMPORTANCE",
                                        "HIGH_IMPORTANCE",
                                        "CRITICAL_IMPORTANCE",
                                        "SYSTEM_IMPORTANCE",
                                        "BCAST_PROTOCOL",
                                        "MSG_BUNDLER",
                                        "LINK_PROTOCOL",
                                        "CONN_MANAGER",
                                        "GROUP_PROTOCOL",
                                        "TUNNEL_PROTOCOL",
                                        "NAME_DISTRIBUTOR",
                                        "MSG_FRAGMENTER",
                                        "LINK_CONFIG",
                                        "MSG_CRYPTO",
                                        "TOP_SRV"};
    return names[GetUser()];
}

std::string
TipcHeader::GetTypeName() const
{
    uint32_t t = GetType();
    auto pick = [t](std::initializer_list<const char*> names) -> std::string {
        if (t < names.size())
        {
            return *(names.begin() + t);
        }
        return "TYPE_" + std::to_string(t);
    };
    switch (GetUser())
    {
    case BCAST_PROTOCOL:
        return pick({"STATE_MSG"});
    case MSG_BUNDLER:
        return pick({"BUNDLE"});
    case LINK_PROTOCOL:
        return pick({"STATE_MSG", "RESET_MSG", "ACTIVATE_MSG"});
    case CONN_MANAGER:
        return pick({"CONN_PROBE", "CONN_PROBE_REPLY", "CONN_ACK"});
    case GROUP_PROTOCOL:
        return pick({"GRP_JOIN_MSG",
                     "GRP_LEAVE_MSG",
                     "GRP_ADV_MSG",
                     "GRP_ACK_MSG",
                     "GRP_RECLAIM_MSG",
                     "GRP_REMIT_MSG"});
    case TUNNEL_PROTOCOL:
        return pick({"SYNCH_MSG", "FAILOVER_MSG"});
    case NAME_DISTRIBUTOR:
        return pick({"PUBLICATION", "WITHDRAWAL"});
    case MSG_FRAGMENTER:
        return pick({"FIRST_FRAGMENT", "FRAGMENT", "LAST_FRAGMENT"});
    case LINK_CONFIG:
        return pick({"DSC_REQ_MSG", "DSC_RESP_MSG", "DSC_TRIAL_MSG", "DSC_TRIAL_FAIL_MSG"});
    case MSG_CRYPTO:
        return pick({"KEY_DISTR_MSG"});
    default:
        return pick({"CONN_MSG",
                     "MCAST_MSG",
                     "NAMED_MSG",
                     "DIRECT_MSG",
                     "GRP_MEMBER_EVT",
                     "GRP_BCAST_MSG",
                     "GRP_MCAST_MSG",
                     "GRP_UCAST_MSG"});
    }
}

std::string
TipcHeader::ToString() const
{
    std::ostringstream os;
    os << GetUserName() << "/" << GetTypeName() << " size=" << GetSize()
       << " hsize=" << GetHeaderSize() << " prev=" << std::hex << GetPrevNode() << std::dec;
    uint32_t user = GetUser();
    if (IsData())
    {
        os << " seq=" << GetSeqno() << " ack=" << GetAck() << " oport=" << GetOrigPort()
           << " dport=" << GetDestPort();
        if (GetHeaderSize() >= NAMED_H_SIZE)
        {
            os << " name={" << GetNameType() << "," << GetNameInstance();
            if (GetHeaderSize() >= MCAST_H_SIZE)
            {
                os << "," << GetNameUpper();
            }
            os << "}";
        }
        if (GetErrorCode() != 0)
        {
            os << " err=" << GetErrorCode();
        }
        if (IsSyn())
        {
            os << " SYN";
        }
    }
    else if (user == LINK_PROTOCOL)
    {
        os << " seq=" << GetSeqno() << " ack=" << GetAck() << " session=" << GetSession()
           << " next_sent=" << GetNextSent() << " gap=" << GetSeqGap() << " plane=" << GetNetPlane()
           << " prio=" << GetLinkPriority() << " tol=" << GetLinkTolerance()
           << " bearer=" << GetBearerId();
        if (IsProbe())
        {
            os << " PROBE";
        }
        if (GetType() != STATE_MSG)
        {
            os << " max_pkt=" << GetMaxPkt();
        }
        if (IsPeerStopping())
        {
            os << " STOPPING";
        }
    }
    else if (user == LINK_CONFIG)
    {
        os << " net=" << GetBcNetId() << " sig=" << std::hex << GetNodeSig()
           << " caps=" << GetNodeCapabilities() << " domain=" << GetDestDomain()
           << " hash=" << GetPeerNetHash() << std::dec;
    }
    else if (user == MSG_FRAGMENTER)
    {
        os << " seq=" << GetSeqno() << " fragm=" << GetFragmNo() << " imp=" << GetImportance();
    }
    else if (user == NAME_DISTRIBUTOR)
    {
        os << " seq=" << GetSeqno() << " named_seq=" << GetNamedSeqno();
        if (IsBulk())
        {
            os << " BULK";
        }
        if (IsLastBulk())
        {
            os << " LAST";
        }
    }
    else
    {
        os << " seq=" << GetSeqno() << " ack=" << GetAck();
    }
    return os.str();
}

// ---- Word 0 ----

uint32_t
TipcHeader::GetVersion() const
{
    return Bits(0, 29, 0x7);
}

void
TipcHeader::SetVersion(uint32_t v)
{
    SetBits(0, 29, 0x7, v);
}

uint32_t
TipcHeader::GetUser() const
{
    return Bits(0, 25, 0xf);
}

uint32_t
TipcHeader::PeekUser(uint8_t firstOctet)
{
    return (firstOctet >> 1) & 0xf; // bits 25-28 of the big-endian word 0
}

void
TipcHeader::SetUser(uint32_t user)
{
    SetBits(0, 25, 0xf, user);
}

bool
TipcHeader::IsData() const
{
    return GetUser() <= TIPC_CRITICAL_IMPORTANCE;
}

uint32_t
TipcHeader::GetHeaderSize() const
{
    return Bits(0, 21, 0xf) << 2;
}

void
TipcHeader::SetHeaderSize(uint32_t bytes)
{
    NS_ASSERT_MSG(bytes >= MIN_H_SIZE && bytes <= MAX_H_SIZE && bytes % 4 == 0,
                  "illegal TIPC header size " << bytes);
    SetBits(0, 21, 0xf, bytes >> 2);
}

uint32_t
TipcHeader::GetSize() const
{
    return Bits(0, 0, 0x1ffff);
}

void
TipcHeader::SetSize(uint32_t bytes)
{
    NS_ASSERT_MSG(bytes <= 0x1ffff, "TIPC message size " << bytes << " does not fit 17 bits");
    SetBits(0, 0, 0x1ffff, bytes);
}

uint32_t
TipcHeader::GetDataSize() const
{
    return GetSize() - GetHeaderSize();
}

uint32_t
TipcHeader::GetBlocks() const
{
    return GetSize() / FLOWCTL_BLK_SZ + 1;
}

bool
TipcHeader::IsNonSeq() const
{
    return Bits(0, 20, 1);
}

void
TipcHeader::SetNonSeq(bool v)
{
    SetBits(0, 20, 1, v);
}

bool
TipcHeader::IsDestDroppable() const
{
    return Bits(0, 19, 1);
}

void
TipcHeader::SetDestDroppable(bool v)
{
    SetBits(0, 19, 1, v);
}

bool
TipcHeader::IsKeepalive() const
{
    return Bits(0, 19, 1);
}

void
TipcHeader::SetKeepalive(bool v)
{
    SetBits(0, 19, 1, v);
}

bool
TipcHeader::IsSrcDroppable() const
{
    return Bits(0, 18, 1);
}

void
TipcHeader::SetSrcDroppable(bool v)
{
    SetBits(0, 18, 1, v);
}

bool
TipcHeader::IsAckRequired() const
{
    return Bits(0, 18, 1);
}

void
TipcHeader::SetAckRequired(bool v)
{
    SetBits(0, 18, 1, v);
}

bool
TipcHeader::IsNagleAck() const
{
    return Bits(0, 18, 1);
}

void
TipcHeader::SetNagleAck(bool v)
{
    SetBits(0, 18, 1, v);
}

bool
TipcHeader::IsRcast() const
{
    return Bits(0, 18, 1);
}

void
TipcHeader::SetRcast(bool v)
{
    SetBits(0, 18, 1, v);
}

bool
TipcHeader::IsSyn() const
{
    return Bits(0, 17, 1);
}

void
TipcHeader::SetSyn(bool v)
{
    SetBits(0, 17, 1, v);
}

// ---- Word 1 ----

uint32_t
TipcHeader::GetType() const
{
    return Bits(1, 29, 0x7);
}

void
TipcHeader::SetType(uint32_t t)
{
    SetBits(1, 29, 0x7, t);
}

uint32_t
TipcHeader::GetErrorCode() const
{
    return Bits(1, 25, 0xf);
}

void
TipcHeader::SetErrorCode(uint32_t e)
{
    SetBits(1, 25, 0xf, e);
}

uint32_t
TipcHeader::GetRerouteCount() const
{
    return Bits(1, 21, 0xf);
}

void
TipcHeader::SetRerouteCount(uint32_t n)
{
    SetBits(1, 21, 0xf, n);
}

uint32_t
TipcHeader::GetLookupScope() const
{
    return Bits(1, 19, 0x3);
}

void
TipcHeader::SetLookupScope(uint32_t s)
{
    SetBits(1, 19, 0x3, s);
}

uint16_t
TipcHeader::GetBcastAck() const
{
    return static_cast<uint16_t>(Bits(1, 0, 0xffff));
}

void
TipcHeader::SetBcastAck(uint16_t n)
{
    SetBits(1, 0, 0xffff, n);
}

bool
TipcHeader::IsBulk() const
{
    return Bits(1, 28, 1);
}

void
TipcHeader::SetBulk(bool v)
{
    SetBits(1, 28, 1, v);
}

bool
TipcHeader::IsLastBulk() const
{
    return Bits(1, 27, 1);
}

void
TipcHeader::SetLastBulk(bool v)
{
    SetBits(1, 27, 1, v);
}

bool
TipcHeader::IsLegacy() const
{
    return Bits(1, 26, 1) == 0;
}

void
TipcHeader::SetNonLegacy(bool v)
{
    SetBits(1, 26, 1, v);
}

bool
TipcHeader::IsDestSessionValid() const
{
    return Bits(1, 16, 1);
}

void
TipcHeader::SetDestSessionValid(bool v)
{
    SetBits(1, 16, 1, v);
}

uint16_t
TipcHeader::GetDestSession() const
{
    return static_cast<uint16_t>(Bits(1, 0, 0xffff));
}

void
TipcHeader::SetDestSession(uint16_t s)
{
    SetBits(1, 0, 0xffff, s);
}

uint32_t
TipcHeader::GetSeqGap() const
{
    return Bits(1, 16, 0x1fff);
}

void
TipcHeader::SetSeqGap(uint32_t g)
{
    SetBits(1, 16, 0x1fff, g);
}

uint32_t
TipcHeader::GetNodeSig() const
{
    return Bits(1, 0, 0xffff);
}

void
TipcHeader::SetNodeSig(uint32_t s)
{
    SetBits(1, 0, 0xffff, s);
}

uint32_t
TipcHeader::GetNodeCapabilities() const
{
    return Bits(1, 15, 0x1fff);
}

void
TipcHeader::SetNodeCapabilities(uint32_t c)
{
    SetBits(1, 15, 0x1fff, c);
}

// ---- Word 2 ----

uint16_t
TipcHeader::GetAck() const
{
    return static_cast<uint16_t>(Bits(2, 16, 0xffff));
}

void
TipcHeader::SetAck(uint16_t n)
{
    SetBits(2, 16, 0xffff, n);
}

uint16_t
TipcHeader::GetSeqno() const
{
    return static_cast<uint16_t>(Bits(2, 0, 0xffff));
}

void
TipcHeader::SetSeqno(uint16_t n)
{
    SetBits(2, 0, 0xffff, n);
}

uint32_t
TipcHeader::GetDestDomain() const
{
    return m_w[2];
}

void
TipcHeader::SetDestDomain(uint32_t d)
{
    m_w[2] = d;
}

uint32_t
TipcHeader::GetBcGapAfter() const
{
    return Bits(2, 16, 0xffff);
}

void
TipcHeader::SetBcGapAfter(uint32_t n)
{
    SetBits(2, 16, 0xffff, n);
}

uint32_t
TipcHeader::GetBcGapTo() const
{
    return Bits(2, 0, 0xffff);
}

void
TipcHeader::SetBcGapTo(uint32_t n)
{
    SetBits(2, 0, 0xffff, n);
}

// ---- Words 3..10 ----

uint32_t
TipcHeader::GetPrevNode() const
{
    return m_w[3];
}

void
TipcHeader::SetPrevNode(uint32_t a)
{
    m_w[3] = a;
}

uint32_t
TipcHeader::GetOrigPort() const
{
    return m_w[4];
}

void
TipcHeader::SetOrigPort(uint32_t p)
{
    m_w[4] = p;
}

uint32_t
TipcHeader::GetLinkSelector() const
{
    return Bits(4, 0, 1);
}

uint32_t
TipcHeader::GetDestPort() const
{
    return m_w[5];
}

void
TipcHeader::SetDestPort(uint32_t p)
{
    m_w[5] = p;
}

uint32_t
TipcHeader::GetMcNetId() const
{
    return m_w[5];
}

void
TipcHeader::SetMcNetId(uint32_t id)
{
    m_w[5] = id;
}

uint32_t
TipcHeader::GetOrigNode() const
{
    if (GetHeaderSize() == SHORT_H_SIZE)
    {
        return GetPrevNode();
    }
    return m_w[6];
}

void
TipcHeader::SetOrigNode(uint32_t a)
{
    m_w[6] = a;
}

uint32_t
TipcHeader::GetDestNode() const
{
    return m_w[7];
}

void
TipcHeader::SetDestNode(uint32_t a)
{
    m_w[7] = a;
}

uint32_t
TipcHeader::GetNameType() const
{
    return m_w[8];
}

void
TipcHeader::SetNameType(uint32_t t)
{
    m_w[8] = t;
}

uint32_t
TipcHeader::GetNameInstance() const
{
    return m_w[9];
}

void
TipcHeader::SetNameInstance(uint32_t i)
{
    m_w[9] = i;
}

uint32_t
TipcHeader::GetNameLower() const
{
    return m_w[9];
}

void
TipcHeader::SetNameLower(uint32_t i)
{
    m_w[9] = i;
}

uint32_t
TipcHeader::GetNameUpper() const
{
    return m_w[10];
}

void
TipcHeader::SetNameUpper(uint32_t i)
{
    m_w[10] = i;
}

uint16_t
TipcHeader::GetNamedSeqno() const
{
    return static_cast<uint16_t>(Bits(4, 0, 0xffff));
}

void
TipcHeader::SetNamedSeqno(uint16_t n)
{
    SetBits(4, 0, 0xffff, n);
}

uint16_t
TipcHeader::GetLastBcast() const
{
    return static_cast<uint16_t>(Bits(4, 16, 0xffff));
}

void
TipcHeader::SetLastBcast(uint16_t n)
{
    SetBits(4, 16, 0xffff, n);
}

uint16_t
TipcHeader::GetNextSent() const
{
    return static_cast<uint16_t>(Bits(4, 0, 0xffff));
}

void
TipcHeader::SetNextSent(uint16_t n)
{
    SetBits(4, 0, 0xffff, n);
}

uint32_t
TipcHeader::GetFragmNo() const
{
    return Bits(4, 16, 0xffff);
}

void
TipcHeader::SetFragmNo(uint32_t n)
{
    SetBits(4, 16, 0xffff, n);
}

uint32_t
TipcHeader::GetNofFragms() const
{
    return Bits(4, 0, 0xffff);
}

void
TipcHeader::SetNofFragms(uint32_t n)
{
    SetBits(4, 0, 0xffff, n);
}

uint32_t
TipcHeader::GetBcNetId() const
{
    return m_w[4];
}

void
TipcHeader::SetBcNetId(uint32_t id)
{
    m_w[4] = id;
}

uint16_t
TipcHeader::GetSession() const
{
    return static_cast<uint16_t>(Bits(5, 16, 0xffff));
}

void
TipcHeader::SetSession(uint16_t s)
{
    SetBits(5, 16, 0xffff, s);
}

bool
TipcHeader::IsProbe() const
{
    return Bits(5, 0, 1);
}

void
TipcHeader::SetProbe(bool v)
{
    SetBits(5, 0, 1, v);
}

char
TipcHeader::GetNetPlane() const
{
    return static_cast<char>(Bits(5, 1, 0x7) + TIPC_NET_PLANE_BASE);
}

void
TipcHeader::SetNetPlane(char plane)
{
    SetBits(5, 1, 0x7, static_cast<uint32_t>(plane - static_cast<char>(TIPC_NET_PLANE_BASE)));
}

uint32_t
TipcHeader::GetLinkPriority() const
{
    return Bits(5, 4, 0x1f);
}

void
TipcHeader::SetLinkPriority(uint32_t p)
{
    SetBits(5, 4, 0x1f, p);
}

uint32_t
TipcHeader::GetBearerId() const
{
    return Bits(5, 9, 0x7);
}

void
TipcHeader::SetBearerId(uint32_t id)
{
    SetBits(5, 9, 0x7, id);
}

bool
TipcHeader::IsRedundantLink() const
{
    return Bits(5, 12, 1);
}

void
TipcHeader::SetRedundantLink(bool v)
{
    SetBits(5, 12, 1, v);
}

bool
TipcHeader::IsPeerStopping() const
{
    return Bits(5, 13, 1);
}

void
TipcHeader::SetPeerStopping(bool v)
{
    SetBits(5, 13, 1, v);
}

bool
TipcHeader::IsBcAckInvalid() const
{
    uint32_t user = GetUser();
    if (user == BCAST_PROTOCOL || user == NAME_DISTRIBUTOR || user == LINK_PROTOCOL)
    {
        return Bits(5, 14, 1);
    }
    return false;
}

void
TipcHeader::SetBcAckInvalid(bool v)
{
    SetBits(5, 14, 1, v);
}

uint32_t
TipcHeader::GetBcGap() const
{
    return Bits(8, 0, 0x3ff);
}

void
TipcHeader::SetBcGap(uint32_t g)
{
    SetBits(8, 0, 0x3ff, g);
}

uint16_t
TipcHeader::GetMsgCount() const
{
    return static_cast<uint16_t>(Bits(9, 16, 0xffff));
}

void
TipcHeader::SetMsgCount(uint16_t n)
{
    SetBits(9, 16, 0xffff, n);
}

uint16_t
TipcHeader::GetSyncPoint() const
{
    return static_cast<uint16_t>(Bits(9, 16, 0xffff));
}

void
TipcHeader::SetSyncPoint(uint16_t n)
{
    SetBits(9, 16, 0xffff, n);
}

uint32_t
TipcHeader::GetConnAck() const
{
    return Bits(9, 16, 0xffff);
}

void
TipcHeader::SetConnAck(uint32_t n)
{
    SetBits(9, 16, 0xffff, n);
}

uint16_t
TipcHeader::GetAdvWindow() const
{
    return static_cast<uint16_t>(Bits(9, 0, 0xffff));
}

void
TipcHeader::SetAdvWindow(uint16_t n)
{
    SetBits(9, 0, 0xffff, n);
}

uint32_t
TipcHeader::GetMaxPkt() const
{
    return Bits(9, 16, 0xffff) * 4;
}

void
TipcHeader::SetMaxPkt(uint32_t bytes)
{
    SetBits(9, 16, 0xffff, bytes / 4);
}

uint32_t
TipcHeader::GetLinkTolerance() const
{
    return Bits(9, 0, 0xffff);
}

void
TipcHeader::SetLinkTolerance(uint32_t ms)
{
    SetBits(9, 0, 0xffff, ms);
}

uint16_t
TipcHeader::GetGrpWord9High() const
{
    return static_cast<uint16_t>(Bits(9, 16, 0xffff));
}

void
TipcHeader::SetGrpWord9High(uint16_t n)
{
    SetBits(9, 16, 0xffff, n);
}

uint32_t
TipcHeader::GetGrpEvt() const
{
    return Bits(10, 0, 0x3);
}

void
TipcHeader::SetGrpEvt(uint32_t n)
{
    SetBits(10, 0, 0x3, n);
}

uint16_t
TipcHeader::GetGrpBcSeqno() const
{
    return static_cast<uint16_t>(Bits(10, 16, 0xffff));
}

void
TipcHeader::SetGrpBcSeqno(uint16_t n)
{
    SetBits(10, 16, 0xffff, n);
}

uint32_t
TipcHeader::GetImportance() const
{
    uint32_t user = GetUser();
    if (user <= TIPC_CRITICAL_IMPORTANCE && GetErrorCode() == 0)
    {
        return user;
    }
    if (user == MSG_FRAGMENTER || user == MSG_BUNDLER)
    {
        return Bits(9, 0, 0x7);
    }
    return TIPC_SYSTEM_IMPORTANCE;
}

void
TipcHeader::SetImportance(uint32_t imp)
{
    uint32_t user = GetUser();
    if (user == MSG_FRAGMENTER || user == MSG_BUNDLER)
    {
        SetBits(9, 0, 0x7, imp);
    }
    else
    {
        NS_ASSERT_MSG(imp < TIPC_SYSTEM_IMPORTANCE, "illegal importance " << imp);
        SetUser(imp);
    }
}

void
TipcHeader::GetMediaInfo(uint8_t* out) const
{
    for (uint32_t i = 0; i < TIPC_MEDIA_INFO_SIZE / 4; ++i)
    {
        WriteBe32(out + 4 * i, m_w[TIPC_MEDIA_INFO_OFFSET + i]);
    }
}

void
TipcHeader::SetMediaInfo(const uint8_t* in)
{
    for (uint32_t i = 0; i < TIPC_MEDIA_INFO_SIZE / 4; ++i)
    {
        m_w[TIPC_MEDIA_INFO_OFFSET + i] = ReadBe32(in + 4 * i);
    }
}

uint32_t
TipcHeader::GetPeerNetHash() const
{
    return m_w[13];
}

void
TipcHeader::SetPeerNetHash(uint32_t h)
{
    m_w[13] = h;
}

uint32_t
TipcHeader::GetSuggNodeAddr() const
{
    return m_w[14];
}

void
TipcHeader::SetSuggNodeAddr(uint32_t a)
{
    m_w[14] = a;
}

bool
TipcHeader::PeerLinkIsUp() const
{
    if (GetUser() != LINK_PROTOCOL)
    {
        return true;
    }
    return GetType() == STATE_MSG;
}

bool
TipcHeader::PeerNodeIsUp() const
{
    return PeerLinkIsUp() || IsRedundantLink();
}

bool
TipcHeader::operator==(const TipcHeader& other) const
{
    return m_w == other.m_w;
}

} // namespace ns3
