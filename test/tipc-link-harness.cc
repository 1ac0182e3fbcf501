// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-link-harness.h"

#include "ns3/config.h"
#include "ns3/ethernet-frame-header.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tipc-bytes.h"
#include "ns3/tipc-constants.h"
#include "ns3/tipc-peer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace ns3
{
namespace tipctest
{

using namespace tipc;

namespace
{
constexpr uint32_t SRC_PORT_BASE = 1000;
constexpr uint32_t DST_PORT_BASE = 2000;

/// Content of byte @p i of message @p k: position- and message-dependent.
inline uint8_t
PatternByte(uint32_t k, uint32_t i)
{
    return static_cast<uint8_t>(k * 131U + i * 7U + 17U);
}
} // namespace

// ---------------------------------------------------------------- error model

NS_OBJECT_ENSURE_REGISTERED(TipcSelectiveErrorModel);

TypeId
TipcSelectiveErrorModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::tipctest::TipcSelectiveErrorModel")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcSelectiveErrorModel>();
    return tid;
}

TipcSelectiveErrorModel::TipcSelectiveErrorModel()
    : m_dropped(0)
{
}

void
TipcSelectiveErrorModel::SetPredicate(Predicate p)
{
    m_predicate = std::move(p);
}

uint32_t
TipcSelectiveErrorModel::GetDropped() const
{
    return m_dropped;
}

bool
TipcSelectiveErrorModel::DoCorrupt(Ptr<Packet> p)
{
    if (!m_predicate || p->GetSize() < EthernetFrameHeader::SIZE + MIN_H_SIZE)
    {
        return false;
    }
    uint8_t buf[EthernetFrameHeader::SIZE + MAX_H_SIZE];
    uint32_t n = std::min<uint32_t>(p->GetSize(), sizeof(buf));
    p->CopyData(buf, n);
    if (ReadBe16(buf + 12) != ETH_P_TIPC)
    {
        return false;
    }
    // Decode reads at most the header (<= 60 bytes) and checks sizes against the frame length
    TipcHeader h;
    if (TipcHeader::Decode(buf + EthernetFrameHeader::SIZE,
                           p->GetSize() - EthernetFrameHeader::SIZE,
                           h) != TipcDecodeError::NONE)
    {
        return false;
    }
    if (m_predicate(h))
    {
        ++m_dropped;
        return true;
    }
    return false;
}

void
TipcSelectiveErrorModel::DoReset()
{
}

// ---------------------------------------------------------------- harness

TipcLinkHarness::TipcLinkHarness(const std::string& name)
    : TestCase(name)
{
}

uint32_t
TipcLinkHarness::GetNBearers() const
{
    return 1;
}

DataRate
TipcLinkHarness::GetDataRate() const
{
    return DataRate("1Gbps");
}

Time
TipcLinkHarness::GetDelay() const
{
    return MicroSeconds(5);
}

std::string
TipcLinkHarness::GetQueueSize() const
{
    return "1000p";
}

Time
TipcLinkHarness::GetStopTime() const
{
    return Seconds(30);
}

void
TipcLinkHarness::ConfigureEnvironment()
{
}

void
TipcLinkHarness::ConfigureProperties()
{
}

Ptr<ErrorModel>
TipcLinkHarness::CreateErrorModel(uint32_t, uint32_t)
{
    return nullptr;
}

void
TipcLinkHarness::LinkState(uint32_t, const std::string&, uint32_t, uint32_t)
{
}

void
TipcLinkHarness::LinkTx(uint32_t, uint32_t, const TipcHeader&, Ptr<const Packet>)
{
}

void
TipcLinkHarness::LinkRx(uint32_t, uint32_t, const TipcHeader&, Ptr<const Packet>)
{
}

void
TipcLinkHarness::Retransmit(uint32_t, uint32_t, uint16_t, uint16_t)
{
}

void
TipcLinkHarness::Delivered(uint32_t, uint32_t, uint32_t, Time)
{
}

void
TipcLinkHarness::FinalChecks()
{
}

Ptr<TipcStack>
TipcLinkHarness::Stack(uint32_t i) const
{
    return m_nodes.Get(i)->GetObject<TipcStack>();
}

Ptr<TipcLink>
TipcLinkHarness::Link(uint32_t node, uint32_t bearer) const
{
    Ptr<TipcStack> s = Stack(node);
    Ptr<TipcStack> other = Stack(1 - node);
    Ptr<TipcPeer> peer = s->GetPeer(other->GetOwnAddress());
    return peer ? peer->GetLink(bearer) : nullptr;
}

Ptr<NetDevice>
TipcLinkHarness::Device(uint32_t node, uint32_t bearer) const
{
    return m_devices.at(bearer).Get(node);
}

const TipcLinkHarness::StreamStats&
TipcLinkHarness::Stream(uint32_t from) const
{
    static StreamStats none;
    auto it = m_streams.find(from);
    return it == m_streams.end() ? none : it->second.stats;
}

std::vector<uint32_t>
TipcLinkHarness::MixedSizes(uint32_t n, uint32_t min, uint32_t max, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(std::log(double(min)), std::log(double(max) + 1));
    std::vector<uint32_t> v(n);
    for (auto& s : v)
    {
        s = std::min<uint32_t>(max, static_cast<uint32_t>(std::exp(u(rng))));
    }
    return v;
}

void
TipcLinkHarness::SendMessages(uint32_t from,
                              const std::vector<uint32_t>& sizes,
                              Time start,
                              uint32_t importance)
{
    Flow& s = m_streams[from];
    s.sizes.insert(s.sizes.end(), sizes.begin(), sizes.end());
    s.sendTimes.resize(s.sizes.size());
    s.importance = importance;
    s.stats.queued = static_cast<uint32_t>(s.sizes.size());
    Simulator::Schedule(start, &TipcLinkHarness::Pump, this, from);
}

void
TipcLinkHarness::Pump(uint32_t from)
{
    Flow& s = m_streams[from];
    Ptr<TipcStack> stack = Stack(from);
    uint32_t to = 1 - from;
    uint32_t dnode = Stack(to)->GetOwnAddress();
    uint32_t port = SRC_PORT_BASE + from;
    while (!s.congested && s.next < s.sizes.size())
    {
        uint32_t k = s.next;
        uint32_t size = s.sizes[k];
        std::vector<uint8_t> payload(size);
        for (uint32_t i = 0; i < size; ++i)
        {
            payload[i] = PatternByte(k, i);
        }
        TipcHeader h;
        h.Init(stack->GetOwnAddress(), s.importance, TIPC_DIRECT_MSG, BASIC_H_SIZE, dnode);
        h.SetOrigPort(port);
        h.SetDestPort(DST_PORT_BASE + to);
        auto list = TipcMsg::Build(h,
                                   Create<Packet>(payload.data(), size),
                                   stack->GetMtu(dnode, port, true));
        TipcXmitResult rc = stack->Xmit(list, dnode, port);
        if (rc == TipcXmitResult::HOST_UNREACH || rc == TipcXmitResult::NO_BUFS)
        {
            Simulator::Schedule(MilliSeconds(10), &TipcLinkHarness::Pump, this, from);
            return;
        }
        NS_TEST_ASSERT_MSG_EQ((rc == TipcXmitResult::OK || rc == TipcXmitResult::LINK_CONG),
                              true,
                              "unexpected transmit result " << TipcXmitResultToString(rc));
        if (s.stats.sent == 0)
        {
            s.stats.firstSend = Simulator::Now();
        }
        s.sendTimes[k] = Simulator::Now();
        ++s.stats.sent;
        ++s.next;
        if (rc == TipcXmitResult::LINK_CONG)
        {
            s.congested = true;
            ++s.stats.congestions;
        }
    }
}

void
TipcLinkHarness::OnPort(uint32_t node, Ptr<TipcMsg> msg, uint32_t)
{
    if (msg->hdr.GetUser() == SOCK_WAKEUP)
    {
        uint32_t from = node;
        m_streams[from].congested = false;
        Pump(from);
        return;
    }
    uint32_t from = 1 - node;
    Flow& s = m_streams[from];
    uint32_t k = s.expected;
    std::vector<uint8_t> got = msg->PayloadBytes();
    bool ok = k < s.sizes.size() && got.size() == s.sizes[k];
    for (uint32_t i = 0; ok && i < got.size(); ++i)
    {
        ok = got[i] == PatternByte(k, i);
    }
    if (!ok)
    {
        ++s.stats.errors;
        return;
    }
    ++s.expected;
    ++s.stats.delivered;
    s.stats.bytes += got.size();
    Time now = Simulator::Now();
    if (s.stats.delivered > 1)
    {
        s.stats.maxGap = std::max(s.stats.maxGap, now - s.stats.lastDelivery);
    }
    s.stats.lastDelivery = now;
    Time latency = now - s.sendTimes[k];
    s.stats.maxLatency = std::max(s.stats.maxLatency, latency);
    Delivered(node, k, static_cast<uint32_t>(got.size()), latency);
}

void
TipcLinkHarness::OnDiscovery(uint32_t node, const std::string& event, uint32_t bearer, uint32_t)
{
    if (event != "link-created")
    {
        return;
    }
    Ptr<TipcLink> l = Link(node, bearer);
    if (!l)
    {
        return;
    }
    l->TraceConnectWithoutContext(
        "Tx",
        Callback<void, const TipcHeader&, Ptr<const Packet>>(
            [this, node, bearer](const TipcHeader& h, Ptr<const Packet> p) {
                LinkTx(node, bearer, h, p);
            }));
    l->TraceConnectWithoutContext(
        "Rx",
        Callback<void, const TipcHeader&, Ptr<const Packet>>(
            [this, node, bearer](const TipcHeader& h, Ptr<const Packet> p) {
                LinkRx(node, bearer, h, p);
            }));
    l->TraceConnectWithoutContext(
        "Retransmit",
        Callback<void, uint16_t, uint16_t>([this, node, bearer](uint16_t seq, uint16_t cnt) {
            Retransmit(node, bearer, seq, cnt);
        }));
}

void
TipcLinkHarness::DoRun()
{
    Config::Reset(); // defaults set by earlier test cases must not leak in
    ConfigureEnvironment();
    m_nodes.Create(2);
    TipcHelper tipc;
    tipc.Install(m_nodes);
    TipcHelper::SetNodeIdentity(m_nodes.Get(0), "harness-a");
    TipcHelper::SetNodeIdentity(m_nodes.Get(1), "harness-b");
    m_devices.clear();
    m_csma.clear();
    for (uint32_t b = 0; b < GetNBearers(); ++b)
    {
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", DataRateValue(GetDataRate()));
        csma.SetChannelAttribute("Delay", TimeValue(GetDelay()));
        // Linux Ethernet devices queue up to txqueuelen = 1000 packets
        csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue(GetQueueSize()));
        NetDeviceContainer devs = csma.Install(m_nodes);
        for (uint32_t n = 0; n < 2; ++n)
        {
            if (Ptr<ErrorModel> em = CreateErrorModel(b, n))
            {
                devs.Get(n)->SetAttribute("ReceiveErrorModel", PointerValue(em));
            }
            tipc.AddEthBearer(devs.Get(n), "eth" + std::to_string(b));
        }
        for (uint32_t n = 0; n < 2; ++n)
        {
            devs.Get(n)->TraceConnectWithoutContext(
                "MacTxDrop",
                Callback<void, Ptr<const Packet>>([this](Ptr<const Packet>) { ++m_queueDrops; }));
        }
        m_devices.push_back(devs);
        m_csma.push_back(csma);
    }
    tipc.AssignStreams(m_nodes, 10);
    for (uint32_t n = 0; n < 2; ++n)
    {
        Ptr<TipcStack> s = Stack(n);
        s->TraceConnectWithoutContext("Discovery",
                                      Callback<void, const std::string&, uint32_t, uint32_t>(
                                          [this, n](const std::string& e, uint32_t b, uint32_t p) {
                                              OnDiscovery(n, e, b, p);
                                          }));
        s->TraceConnectWithoutContext(
            "LinkState",
            Callback<void, const std::string&, uint32_t, uint32_t>(
                [this, n](const std::string& link, uint32_t from, uint32_t to) {
                    LinkState(n, link, from, to);
                }));
        auto handler = [this, n](Ptr<TipcMsg> m, uint32_t fromNode) { OnPort(n, m, fromNode); };
        s->RegisterPort(SRC_PORT_BASE + n, TipcStack::PortHandler(handler));
        s->RegisterPort(DST_PORT_BASE + n, TipcStack::PortHandler(handler));
    }
    ConfigureProperties();
    Simulator::Stop(GetStopTime());
    Simulator::Run();
    FinalChecks();
    Simulator::Destroy();
    // release every object so that trace files (pcap) are flushed and closed
    m_csma.clear();
    m_devices.clear();
    m_nodes = NodeContainer();
    Config::Reset();
}

} // namespace tipctest
} // namespace ns3
