// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-test-utils.h"

#include "ns3/pcap-file.h"
#include "ns3/tipc-bytes.h"
#include "ns3/tipc-constants.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#ifndef TIPC_SHARED_DIR
#define TIPC_SHARED_DIR "../shared"
#endif

namespace ns3
{
namespace tipctest
{

namespace
{
constexpr uint32_t DLT_EN10MB = 1;
constexpr uint32_t DLT_USER0 = 147;
constexpr uint32_t ETH_HLEN = 14;
constexpr uint16_t ETH_P_IP = 0x0800;
constexpr uint8_t IPPROTO_UDP_NUM = 17;
constexpr uint32_t MAX_FRAME = 70000;
} // namespace

TipcMessageCodec::Trailer
CapturedTipc::Trailer() const
{
    return encap == Encap::ETHERNET ? TipcMessageCodec::Trailer::ETHERNET_PADDING
                                    : TipcMessageCodec::Trailer::EXACT;
}

std::string
SharedDir()
{
    const char* env = std::getenv("TIPC_SHARED_DIR");
    return env != nullptr ? std::string(env) : std::string(TIPC_SHARED_DIR);
}

std::vector<CapturedTipc>
ReadTipcFrames(const std::string& path, uint32_t stripFcs, const std::vector<uint16_t>& udpPorts)
{
    std::vector<CapturedTipc> out;
    PcapFile file;
    file.Open(path, std::ios::in);
    if (file.Fail())
    {
        return out;
    }
    uint32_t linkType = file.GetDataLinkType();
    std::vector<uint8_t> buf(MAX_FRAME);
    for (uint32_t frame = 1;; ++frame)
    {
        uint32_t tsSec = 0;
        uint32_t tsUsec = 0;
        uint32_t inclLen = 0;
        uint32_t origLen = 0;
        uint32_t readLen = 0;
        file.Read(buf.data(), MAX_FRAME, tsSec, tsUsec, inclLen, origLen, readLen);
        if (file.Fail() || file.Eof())
        {
            break;
        }
        CapturedTipc c;
        c.frame = frame;
        c.time = tsSec + tsUsec * 1e-6;
        const uint8_t* p = buf.data();
        uint32_t len = readLen;
        if (linkType == DLT_USER0)
        {
            c.encap = Encap::RAW;
            c.bytes.assign(p, p + len);
            out.push_back(std::move(c));
            continue;
        }
        if (linkType != DLT_EN10MB || len < ETH_HLEN)
        {
            continue;
        }
        std::copy(p, p + 6, c.dstMac);
        std::copy(p + 6, p + 12, c.srcMac);
        uint16_t ethertype = tipc::ReadBe16(p + 12);
        if (ethertype == tipc::ETH_P_TIPC)
        {
            uint32_t end = len > stripFcs + ETH_HLEN ? len - stripFcs : len;
            c.encap = Encap::ETHERNET;
            c.bytes.assign(p + ETH_HLEN, p + end);
            out.push_back(std::move(c));
        }
        else if (ethertype == ETH_P_IP && len >= ETH_HLEN + 28)
        {
            const uint8_t* ip = p + ETH_HLEN;
            uint32_t ihl = (ip[0] & 0xf) * 4;
            uint32_t ipLen = tipc::ReadBe16(ip + 2);
            if (ip[9] != IPPROTO_UDP_NUM || ihl < 20 || ETH_HLEN + ipLen > len || ipLen < ihl + 8)
            {
                continue;
            }
            const uint8_t* udp = ip + ihl;
            uint16_t sport = tipc::ReadBe16(udp);
            uint16_t dport = tipc::ReadBe16(udp + 2);
            bool tipcPort = false;
            for (uint16_t port : udpPorts)
            {
                tipcPort = tipcPort || port == sport || port == dport;
            }
            if (!tipcPort)
            {
                continue;
            }
            c.encap = Encap::UDP;
            c.bytes.assign(udp + 8, ip + ipLen);
            out.push_back(std::move(c));
        }
    }
    return out;
}

uint32_t
CountFrames(const std::string& path)
{
    PcapFile file;
    file.Open(path, std::ios::in);
    if (file.Fail())
    {
        return 0;
    }
    std::vector<uint8_t> buf(MAX_FRAME);
    uint32_t n = 0;
    for (;;)
    {
        uint32_t a = 0;
        uint32_t b = 0;
        uint32_t c = 0;
        uint32_t d = 0;
        uint32_t e = 0;
        file.Read(buf.data(), MAX_FRAME, a, b, c, d, e);
        if (file.Fail() || file.Eof())
        {
            break;
        }
        ++n;
    }
    return n;
}

std::string
Hex(const std::vector<uint8_t>& b)
{
    std::ostringstream os;
    for (size_t i = 0; i < b.size() && i < 64; ++i)
    {
        os << std::hex << std::setw(2) << std::setfill('0') << unsigned(b[i]);
    }
    if (b.size() > 64)
    {
        os << "...";
    }
    return os.str();
}

} // namespace tipctest
} // namespace ns3

namespace ns3
{
namespace tipctest
{

using namespace tipc;

std::vector<TipcDecodedMessage>
SampleMessages(uint32_t own, uint32_t peer)
{
    std::vector<TipcDecodedMessage> v;
    auto make = [&](uint32_t user, uint32_t type, uint32_t hsize) -> TipcDecodedMessage& {
        v.emplace_back();
        v.back().header.Init(own, user, type, hsize, peer);
        return v.back();
    };
    auto payload = [](size_t n, uint8_t seed) {
        std::vector<uint8_t> d(n);
        for (size_t i = 0; i < n; ++i)
        {
            d[i] = static_cast<uint8_t>(seed + i * 7);
        }
        return d;
    };

    // Payload messages: every type with its header size, every importance.
    const std::pair<uint32_t, uint32_t> dataTypes[] = {{TIPC_CONN_MSG, SHORT_H_SIZE},
                                                       {TIPC_MCAST_MSG, MCAST_H_SIZE},
                                                       {TIPC_NAMED_MSG, NAMED_H_SIZE},
                                                       {TIPC_DIRECT_MSG, BASIC_H_SIZE},
                                                       {TIPC_GRP_MEMBER_EVT, GROUP_H_SIZE},
                                                       {TIPC_GRP_BCAST_MSG, GROUP_H_SIZE},
                                                       {TIPC_GRP_MCAST_MSG, GROUP_H_SIZE},
                                                       {TIPC_GRP_UCAST_MSG, GROUP_H_SIZE}};
    uint32_t imp = 0;
    for (auto [type, hsize] : dataTypes)
    {
        auto& m = make(imp++ % 4, type, hsize);
        m.header.SetSeqno(static_cast<uint16_t>(100 + type));
        m.header.SetAck(42);
        m.header.SetOrigPort(0x80001234);
        m.header.SetDestPort(type == TIPC_CONN_MSG || type == TIPC_DIRECT_MSG ? 0x80005678 : 0);
        m.header.SetLookupScope(type == TIPC_NAMED_MSG ? TIPC_CLUSTER_SCOPE : 0);
        if (hsize >= NAMED_H_SIZE)
        {
            m.header.SetNameType(18888);
            m.header.SetNameInstance(17);
        }
        if (hsize >= MCAST_H_SIZE)
        {
            m.header.SetNameUpper(1100);
        }
        m.data = payload(1 + type * 13, static_cast<uint8_t>(type));
    }
    {
        auto& m = make(TIPC_LOW_IMPORTANCE, TIPC_DIRECT_MSG, BASIC_H_SIZE);
        m.header.SetErrorCode(TIPC_ERR_NO_PORT); // a rejected message coming back
        m.header.SetSyn(true);
        m.data = payload(20, 9);
    }
    // Discovery: request, response, trial, trial fail.
    for (uint32_t type = DSC_REQ_MSG; type <= DSC_TRIAL_FAIL_MSG; ++type)
    {
        auto& m = make(LINK_CONFIG, type, MAX_H_SIZE);
        m.header.SetNonSeq(true);
        m.header.SetNodeSig(0x1234);
        m.header.SetNodeCapabilities(TIPC_NODE_CAPABILITIES);
        m.header.SetDestDomain(type == DSC_RESP_MSG ? peer : 0);
        m.header.SetBcNetId(TIPC_DEF_NET_ID);
        m.mediaAddress = TipcMediaAddress::FromUdpIpv4(0x0a000001, UDP_PORT_DEFAULT);
        uint8_t info[TIPC_MEDIA_INFO_SIZE];
        std::copy(m.mediaAddress.GetBytes().begin(), m.mediaAddress.GetBytes().end(), info);
        m.header.SetMediaInfo(info);
        m.header.SetPeerNetHash(0xa5a5a5a5);
        m.header.SetSuggNodeAddr(type == DSC_TRIAL_FAIL_MSG ? own ^ 0x5a5a : 0);
        m.nodeId = TipcNodeId::FromString("sample-node");
    }
    // Link protocol: RESET, ACTIVATE, STATE (plain, with gap blocks, with monitor record).
    for (uint32_t type : {RESET_MSG, ACTIVATE_MSG})
    {
        auto& m = make(LINK_PROTOCOL, type, INT_H_SIZE);
        m.header.SetSession(0x0101);
        m.header.SetSeqno(0x8000);
        m.header.SetNextSent(1);
        m.header.SetLinkPriority(TIPC_DEF_LINK_PRI);
        m.header.SetLinkTolerance(TIPC_DEF_LINK_TOL);
        m.header.SetMaxPkt(1500);
        m.header.SetNetPlane('A');
        if (type == ACTIVATE_MSG)
        {
            m.header.SetDestSessionValid(true);
            m.header.SetDestSession(0x0202);
        }
        const char ifname[] = "eth0";
        std::copy(ifname, ifname + sizeof(ifname), m.ifName.begin());
    }
    {
        auto& m = make(LINK_PROTOCOL, STATE_MSG, INT_H_SIZE); // legacy: header only
        m.header.SetProbe(true);
        m.header.SetKeepalive(true);
    }
    {
        auto& m = make(LINK_PROTOCOL, STATE_MSG, INT_H_SIZE);
        m.header.SetSeqGap(5);
        m.header.SetAck(41);
        m.header.SetNextSent(47);
        m.header.SetBcGap(3);
        m.hasGapAcks = true;
        m.gapAcks.bcast = {{10, 2}};
        m.gapAcks.ucast = {{4, 5}, {11, 1}, {15, 4}, {20, 0}};
    }
    {
        auto& m = make(LINK_PROTOCOL, STATE_MSG, INT_H_SIZE);
        m.hasGapAcks = true;
        m.hasMonitor = true;
        m.monitor.gen = 3;
        m.monitor.ackGen = 2;
        m.monitor.upMap = 0x5;
        m.monitor.members = {0x01001002, 0x01001003, 0x01001004};
    }
    // Broadcast protocol (bc-init).
    {
        auto& m = make(BCAST_PROTOCOL, STATE_MSG, INT_H_SIZE);
        m.header.SetBcAckInvalid(true);
        m.header.SetLastBcast(0xffff);
    }
    // Name distribution: publication (bulk, last) and withdrawal.
    {
        auto& m = make(NAME_DISTRIBUTOR, PUBLICATION, INT_H_SIZE);
        m.header.SetBulk(true);
        m.header.SetLastBulk(true);
        m.header.SetNonLegacy(true);
        m.header.SetBcAckInvalid(true);
        m.items = {{TIPC_NODE_STATE, own, own, own, 0}, {18888, 17, 17, 0x80001234, 0x80001235}};
    }
    {
        auto& m = make(NAME_DISTRIBUTOR, WITHDRAWAL, INT_H_SIZE);
        m.header.SetNonLegacy(true);
        m.header.SetNamedSeqno(2);
        m.items = {{18888, 17, 17, 0x80001234, 0x80001235}};
    }
    // Connection manager.
    for (uint32_t type = CONN_PROBE; type <= CONN_ACK; ++type)
    {
        auto& m = make(CONN_MANAGER, type, INT_H_SIZE);
        m.header.SetOrigPort(0x80001234);
        m.header.SetDestPort(0x80005678);
        if (type == CONN_ACK)
        {
            m.header.SetConnAck(32);
            m.header.SetAdvWindow(512);
        }
    }
    // Group protocol (all six types).
    for (uint32_t type = GRP_JOIN_MSG; type <= GRP_REMIT_MSG; ++type)
    {
        auto& m = make(GROUP_PROTOCOL, type, INT_H_SIZE);
        m.header.SetOrigPort(0x80001234);
        m.header.SetDestPort(0x80005678);
        m.header.SetAdvWindow(65);
    }
    // Fragments of one named message.
    {
        TipcDecodedMessage big;
        big.header.Init(own, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, peer);
        big.header.SetNameType(18888);
        big.header.SetNameInstance(17);
        big.data = payload(300, 3);
        TipcMessageCodec::Finalize(big);
        std::vector<uint8_t> whole = TipcMessageCodec::Encode(big);
        const uint32_t chunk = 128;
        uint32_t nfrag = static_cast<uint32_t>((whole.size() + chunk - 1) / chunk);
        for (uint32_t i = 0; i < nfrag; ++i)
        {
            uint32_t type = i == 0 ? FIRST_FRAGMENT : (i + 1 == nfrag ? LAST_FRAGMENT : FRAGMENT);
            auto& m = make(MSG_FRAGMENTER, type, INT_H_SIZE);
            m.header.SetFragmNo(i + 1);
            m.header.SetImportance(TIPC_LOW_IMPORTANCE);
            m.header.SetSeqno(static_cast<uint16_t>(10 + i));
            auto end = std::min<size_t>(whole.size(), (i + 1) * chunk);
            m.data.assign(whole.begin() + i * chunk, whole.begin() + end);
        }
    }
    // A bundle of three messages (sizes not multiples of 4).
    {
        auto& m = make(MSG_BUNDLER, 0, INT_H_SIZE);
        m.header.SetImportance(TIPC_LOW_IMPORTANCE);
        for (uint32_t i = 0; i < 3; ++i)
        {
            TipcDecodedMessage in;
            in.header.Init(own, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, peer);
            in.header.SetNameType(1000);
            in.header.SetNameInstance(i);
            in.data = payload(1 + i * 3, static_cast<uint8_t>(i));
            m.inner.push_back(in);
        }
    }
    // Tunnel: FAILOVER with an inner data message, SYNCH with only a synch point.
    {
        auto& m = make(TUNNEL_PROTOCOL, FAILOVER_MSG, INT_H_SIZE);
        m.header.SetBearerId(1);
        m.header.SetMsgCount(1);
        TipcDecodedMessage in;
        in.header.Init(own, TIPC_LOW_IMPORTANCE, TIPC_DIRECT_MSG, BASIC_H_SIZE, peer);
        in.header.SetSeqno(77);
        in.data = payload(11, 1);
        m.inner.push_back(in);
    }
    {
        auto& m = make(TUNNEL_PROTOCOL, SYNCH_MSG, INT_H_SIZE);
        m.header.SetSyncPoint(1234);
    }
    // Crypto key distribution (opaque payload).
    {
        auto& m = make(MSG_CRYPTO, KEY_DISTR_MSG, INT_H_SIZE);
        m.data = payload(8, 1);
    }
    for (auto& m : v)
    {
        TipcMessageCodec::Finalize(m);
    }
    return v;
}

} // namespace tipctest
} // namespace ns3
