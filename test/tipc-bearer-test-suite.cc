// SPDX-License-Identifier: GPL-2.0-only
//
// Bearers (reference section 4): the UDP bearer (multicast discovery,
// replicast with configured peers -- learned ones only on request --, a
// unicast frame to a replicast peer sent once, across a router), carrier
// loss and return on a veth device, bearers disabled and enabled at run
// time, link priorities (active/standby), identity auto-configuration, and
// the tshark check of two- and twenty-node captures.

#include "tipc-test-utils.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/csma-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-eth-bearer.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-udp-bearer.h"
#include "ns3/uinteger.h"
#include "ns3/veth-helper.h"
#include "ns3/veth-net-device.h"

#include <cstdlib>
#include <fstream>

using namespace ns3;
using namespace ns3::tipc;
using namespace ns3::tipctest;

namespace
{

/// Send one DIRECT message of @p size bytes from @p from to port 9 of @p to.
void
SendDirect(Ptr<TipcStack> from, Ptr<TipcStack> to, uint32_t size, uint32_t selector)
{
    TipcHeader h;
    h.Init(from->GetOwnAddress(), 0, TIPC_DIRECT_MSG, BASIC_H_SIZE, to->GetOwnAddress());
    h.SetOrigPort(selector);
    h.SetDestPort(9);
    auto list =
        TipcMsg::Build(h, Create<Packet>(size), from->GetMtu(to->GetOwnAddress(), selector, true));
    from->Xmit(list, to->GetOwnAddress(), selector);
}

/// Count link-up and link-down events per node.
struct LinkEvents
{
    std::vector<uint32_t> up;
    std::vector<uint32_t> down;
    std::vector<Time> lastUp;
    std::vector<Time> lastDown;

    void Connect(NodeContainer nodes)
    {
        up.assign(nodes.GetN(), 0);
        down.assign(nodes.GetN(), 0);
        lastUp.assign(nodes.GetN(), Time());
        lastDown.assign(nodes.GetN(), Time());
        for (uint32_t i = 0; i < nodes.GetN(); ++i)
        {
            Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(i));
            s->TraceConnectWithoutContext("LinkUp",
                                          Callback<void, const std::string&, uint32_t, uint32_t>(
                                              [this, i](const std::string&, uint32_t, uint32_t) {
                                                  ++up[i];
                                                  lastUp[i] = Simulator::Now();
                                              }));
            s->TraceConnectWithoutContext("LinkDown",
                                          Callback<void, const std::string&, uint32_t, uint32_t>(
                                              [this, i](const std::string&, uint32_t, uint32_t) {
                                                  ++down[i];
                                                  lastDown[i] = Simulator::Now();
                                              }));
        }
    }
};

/// Two nodes joined by a veth pair, an Ethernet bearer on each end, link events counted.
struct VethPair
{
    NodeContainer nodes;     //!< the nodes
    NetDeviceContainer devs; //!< the veth ends
    TipcHelper tipc;         //!< installed TIPC
    LinkEvents ev;           //!< link up/down events

    VethPair()
    {
        nodes.Create(2);
        VethHelper veth;
        devs = veth.Install(nodes.Get(0), nodes.Get(1));
        tipc.Install(nodes);
        tipc.AddEthBearers(devs);
        tipc.AssignStreams(nodes, 5);
        ev.Connect(nodes);
    }
};

} // namespace

/**
 * @ingroup tipc-tests
 * @brief UDP bearer: links come up with multicast discovery, with replicast
 *        to a configured peer (the other side does not learn it, as in Linux
 *        6.1; with LearnPeers it does), and across a router; messages up to
 *        66 000 bytes cross them.
 */
class TipcUdpBearerTestCase : public TestCase
{
  public:
    /// Which UDP set-up to test.
    enum class Mode
    {
        MULTICAST,
        REPLICAST,
        REPLICAST_LEARN,
        ROUTED,
    };

    /**
     * @brief Constructor.
     * @param mode the set-up
     */
    explicit TipcUdpBearerTestCase(Mode mode)
        : TestCase(mode == Mode::MULTICAST ? "UDP bearer, multicast discovery on the cluster's "
                                             "group"
                   : mode == Mode::REPLICAST
                       ? "UDP bearer, replicast from one side's configured peer; the other "
                         "side learns no peer (Linux 6.1)"
                   : mode == Mode::REPLICAST_LEARN
                       ? "UDP bearer, replicast with a learned peer (LearnPeers, not Linux)"
                       : "UDP bearer across a router"),
          m_mode(mode)
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(m_mode == Mode::ROUTED ? 3 : 2);
        InternetStackHelper internet;
        internet.Install(nodes);
        CsmaHelper csma;
        Ipv4AddressHelper ip;
        Ipv4Address a;
        Ipv4Address b;
        if (m_mode == Mode::ROUTED)
        {
            // a -- router -- b
            NetDeviceContainer left = csma.Install(NodeContainer(nodes.Get(0), nodes.Get(1)));
            NetDeviceContainer right = csma.Install(NodeContainer(nodes.Get(1), nodes.Get(2)));
            ip.SetBase("10.1.1.0", "255.255.255.0");
            a = ip.Assign(left).GetAddress(0);
            ip.SetBase("10.1.2.0", "255.255.255.0");
            b = ip.Assign(right).GetAddress(1);
            Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        }
        else
        {
            NetDeviceContainer devs = csma.Install(nodes);
            ip.SetBase("10.1.1.0", "255.255.255.0");
            Ipv4InterfaceContainer ifs = ip.Assign(devs);
            a = ifs.GetAddress(0);
            b = ifs.GetAddress(1);
        }
        Ptr<Node> na = nodes.Get(0);
        Ptr<Node> nb = nodes.Get(nodes.GetN() - 1);
        TipcHelper tipc;
        tipc.Install(NodeContainer(na, nb));
        tipc.SetUdpBearerAttributes("LearnPeers", BooleanValue(m_mode == Mode::REPLICAST_LEARN));
        if (m_mode == Mode::MULTICAST)
        {
            // no group given: the tipc tool's 228.0.<id / 256>.<id % 256>
            for (Ptr<Node> n : {na, nb})
            {
                TipcHelper::GetStack(n)->SetAttribute("ClusterId", UintegerValue(1234));
            }
            tipc.AddUdpBearer(na, a);
            tipc.AddUdpBearer(nb, b);
        }
        else if (m_mode == Mode::REPLICAST || m_mode == Mode::REPLICAST_LEARN)
        {
            tipc.AddUdpBearer(na, a, b);                        // a knows b
            tipc.AddUdpBearer(nb, b, Ipv4Address("10.1.1.99")); // b does not know a
        }
        else
        {
            tipc.AddUdpBearer(na, a, b);
            tipc.AddUdpBearer(nb, b, a);
        }
        tipc.AssignStreams(NodeContainer(na, nb), 3);
        Ptr<TipcStack> sa = TipcHelper::GetStack(na);
        Ptr<TipcStack> sb = TipcHelper::GetStack(nb);
        uint32_t got = 0;
        uint64_t bytes = 0;
        sb->RegisterPort(9, TipcStack::PortHandler([&](Ptr<TipcMsg> m, uint32_t) {
                             ++got;
                             bytes += m->data->GetSize();
                         }));
        const std::vector<uint32_t> sizes = {1, 1000, 14000, 40000, TIPC_MAX_USER_MSG_SIZE};
        Simulator::Schedule(Seconds(4), [&]() {
            for (uint32_t s : sizes)
            {
                SendDirect(sa, sb, s, 0);
            }
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sa->GetNUpPeers(), 1U, "node a has no link");
        NS_TEST_EXPECT_MSG_EQ(sb->GetNUpPeers(), 1U, "node b has no link");
        // identity derived from the IPv4 address
        NS_TEST_EXPECT_MSG_EQ(sa->GetNodeId(), TipcNodeId::FromIpv4(a.Get()), "identity");
        Ptr<TipcLink> l = sa->GetPeer(sb->GetOwnAddress())->GetLink(0);
        NS_TEST_EXPECT_MSG_EQ(l->GetMtu(), TIPC_DEF_LINK_UDP_MTU, "UDP link MTU");
        NS_TEST_EXPECT_MSG_EQ(l->GetWindowState().maxWin, TIPC_DEF_LINK_WIN, "UDP window is fixed");
        NS_TEST_EXPECT_MSG_EQ(got, sizes.size(), "messages over UDP");
        uint64_t expected = 0;
        for (uint32_t s : sizes)
        {
            expected += s;
        }
        NS_TEST_EXPECT_MSG_EQ(bytes, expected, "bytes over UDP");
        if (m_mode == Mode::MULTICAST)
        {
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(sa->GetBearer(0)->GetBroadcastAddress().GetUdpIpv4()),
                                  Ipv4Address("228.0.4.210"),
                                  "group of cluster 1234");
        }
        if (m_mode == Mode::REPLICAST || m_mode == Mode::REPLICAST_LEARN)
        {
            // the link came up from a's request and b's unicast response
            auto remotes = DynamicCast<TipcUdpBearer>(sb->GetBearer(0))->GetRemotes();
            const size_t learned = m_mode == Mode::REPLICAST_LEARN ? 1 : 0;
            NS_TEST_EXPECT_MSG_EQ(remotes.count({a.Get(), UDP_PORT_DEFAULT}),
                                  learned,
                                  "peer learned only with LearnPeers");
        }
        Simulator::Destroy();
    }

    Mode m_mode; //!< set-up
};

/**
 * @ingroup tipc-tests
 * @brief Three nodes with UDP replicast and every peer configured (tipc bearer
 *        add ... remoteip): all links come up, and a unicast frame goes as one
 *        datagram to its peer even when that peer is the bearer's first
 *        replicast address (tipc_udp_send_msg replicates only the broadcast
 *        address, whose flag is TIPC_REPLICAST_SUPPORT).
 */
class TipcUdpReplicastMeshTestCase : public TestCase
{
  public:
    TipcUdpReplicastMeshTestCase()
        : TestCase("UDP replicast, three nodes with configured peers: unicast frames reach only "
                   "their peer")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        InternetStackHelper internet;
        internet.Install(nodes);
        CsmaHelper csma;
        Ipv4AddressHelper ip;
        ip.SetBase("10.1.1.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(csma.Install(nodes));
        TipcHelper tipc;
        tipc.Install(nodes);
        // remote = the next node; the third one added as a further replicast peer
        tipc.AddUdpBearers(nodes, ifs, true);
        tipc.AssignStreams(nodes, 3);
        Ptr<TipcStack> sa = TipcHelper::GetStack(nodes.Get(0));
        Ptr<TipcStack> sb = TipcHelper::GetStack(nodes.Get(1));
        Ptr<TipcStack> sc = TipcHelper::GetStack(nodes.Get(2));
        uint32_t got = 0;
        sb->RegisterPort(9, TipcStack::PortHandler([&](Ptr<TipcMsg>, uint32_t) { ++got; }));
        uint32_t notForC = 0;
        sc->TraceConnectWithoutContext("Drop",
                                       Callback<void, Ptr<const Packet>, const std::string&>(
                                           [&notForC](Ptr<const Packet>, const std::string& why) {
                                               notForC += why == "not for this node" ? 1 : 0;
                                           }));
        const uint32_t n = 200;
        Simulator::Schedule(Seconds(4), [&]() {
            for (uint32_t i = 0; i < n; ++i)
            {
                SendDirect(sa, sb, 100, 0);
            }
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sa->GetNUpPeers(), 2U, "a linked to b and c");
        NS_TEST_EXPECT_MSG_EQ(sc->GetNUpPeers(), 2U, "c linked to a and b");
        NS_TEST_EXPECT_MSG_EQ(got, n, "all messages a to b");
        NS_TEST_EXPECT_MSG_EQ(notForC, 0U, "no copy of a's frames to b reached c");
        auto remotes = DynamicCast<TipcUdpBearer>(sa->GetBearer(0))->GetRemotes();
        NS_TEST_EXPECT_MSG_EQ(remotes.size(), 2U, "a's replicast peers: b and c");
        Simulator::Destroy();
    }
};

/**
 * @ingroup tipc-tests
 * @brief Carrier loss on a veth pair resets the bearers at both ends at once
 *        (links deleted, node down); the links come back when the carrier
 *        returns.  A bearer disabled at run time takes the peer's link down at
 *        once (RESET with peer_stopping); enabled again, it links again.
 */
class TipcCarrierTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param carrier true: carrier off/on; false: bearer disable/enable
     */
    explicit TipcCarrierTestCase(bool carrier)
        : TestCase(carrier ? "Carrier loss resets both bearers; links return with the carrier"
                           : "Bearer disabled and enabled at run time"),
          m_carrier(carrier)
    {
    }

  private:
    void DoRun() override
    {
        VethPair pair;
        NodeContainer& nodes = pair.nodes;
        NetDeviceContainer& devs = pair.devs;
        LinkEvents& ev = pair.ev;
        Ptr<TipcStack> sa = TipcHelper::GetStack(nodes.Get(0));
        Time off = Seconds(5);
        Time on = Seconds(8);
        if (m_carrier)
        {
            Simulator::Schedule(off, [&]() {
                DynamicCast<VethNetDevice>(devs.Get(0))->SetLinkUp(false);
            });
            Simulator::Schedule(on, [&]() {
                DynamicCast<VethNetDevice>(devs.Get(0))->SetLinkUp(true);
            });
        }
        else
        {
            Simulator::Schedule(off, [&]() { sa->DisableBearer(0); });
            Simulator::Schedule(on, [&]() { sa->EnableBearer(0); });
        }
        Simulator::Stop(Seconds(12));
        Simulator::Run();
        for (uint32_t i = 0; i < 2; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(ev.down[i], 1U, "node " << i << " link down events");
            NS_TEST_EXPECT_MSG_EQ(ev.up[i], 2U, "node " << i << " link up events");
            // both ends notice at once: carrier loss on both ends, or peer_stopping
            NS_TEST_EXPECT_MSG_LT(ev.lastDown[i] - off, MilliSeconds(1), "late link down at " << i);
            NS_TEST_EXPECT_MSG_LT(ev.lastUp[i] - on, Seconds(2), "late link up at " << i);
            NS_TEST_EXPECT_MSG_EQ(TipcHelper::GetStack(nodes.Get(i))->GetNUpPeers(),
                                  1U,
                                  "up again");
        }
        std::cout << "  down at " << ev.lastDown[0].As(Time::MS) << " / "
                  << ev.lastDown[1].As(Time::MS) << ", up again at " << ev.lastUp[0].As(Time::MS)
                  << " / " << ev.lastUp[1].As(Time::MS) << std::endl;
        Simulator::Destroy();
    }

    bool m_carrier; //!< carrier or administrative test
};

/**
 * @ingroup tipc-tests
 * @brief Device changes on a veth pair (tipc_l2_device_event): a new MTU on
 *        both ends resets the bearers and the links return with that MTU, so a
 *        1 400-byte message crosses as fragments; an MTU below 100 disables the
 *        bearer; a new MAC resets the bearer and the peer links to the new
 *        address.
 */
class TipcDeviceChangeTestCase : public TestCase
{
  public:
    /// What changes.
    enum class Change
    {
        MTU,
        BAD_MTU,
        MAC,
    };

    /**
     * @brief Constructor.
     * @param change what changes at 5 s
     */
    explicit TipcDeviceChangeTestCase(Change change)
        : TestCase(change == Change::MTU       ? "Device MTU 1500 -> 1000: bearers reset, links "
                                                 "return with MTU 1000"
                   : change == Change::BAD_MTU ? "Device MTU below 100: the bearer is disabled"
                                               : "Device MAC changed: the bearer resets, the "
                                                 "peer links to the new address"),
          m_change(change)
    {
    }

  private:
    void DoRun() override
    {
        VethPair pair;
        Ptr<TipcStack> sa = TipcHelper::GetStack(pair.nodes.Get(0));
        Ptr<TipcStack> sb = TipcHelper::GetStack(pair.nodes.Get(1));
        const Mac48Address newMac("02:00:00:00:00:99");
        Simulator::Schedule(Seconds(5), [&]() {
            for (uint32_t i = 0; i < 2; ++i)
            {
                Ptr<VethNetDevice> d = DynamicCast<VethNetDevice>(pair.devs.Get(i));
                switch (m_change)
                {
                case Change::MTU:
                    d->SetMtu(1000);
                    break;
                case Change::BAD_MTU:
                    d->SetMtu(i == 0 ? 90 : 1500);
                    break;
                case Change::MAC:
                    if (i == 0)
                    {
                        d->SetAddress(newMac);
                    }
                    break;
                }
            }
        });
        uint32_t got = 0;
        sb->RegisterPort(9, TipcStack::PortHandler([&](Ptr<TipcMsg>, uint32_t) { ++got; }));
        Simulator::Schedule(Seconds(8), [&]() { SendDirect(sa, sb, 1400, 0); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        const uint32_t upAgain = m_change == Change::BAD_MTU ? 1U : 2U;
        for (uint32_t i = 0; i < 2; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(pair.ev.down[i], 1U, "node " << i << " link down events");
            NS_TEST_EXPECT_MSG_EQ(pair.ev.up[i], upAgain, "node " << i << " link up events");
        }
        // a's side resets at once; b notices the peer's reset (or peer_stopping)
        NS_TEST_EXPECT_MSG_LT(pair.ev.lastDown[0] - Seconds(5), MilliSeconds(1), "late link down");
        if (m_change == Change::BAD_MTU)
        {
            NS_TEST_EXPECT_MSG_EQ(sa->GetBearer(0)->IsEnabled(), false, "bearer disabled");
            NS_TEST_EXPECT_MSG_EQ(got, 0U, "no bearer, no message");
        }
        else
        {
            Ptr<TipcLink> l = sa->GetPeer(sb->GetOwnAddress())->GetLink(0);
            NS_TEST_ASSERT_MSG_NE(l, nullptr, "link");
            NS_TEST_EXPECT_MSG_EQ(l->IsUp(), true, "link up again");
            const uint32_t mtu = m_change == Change::MTU ? 1000 : 1500;
            NS_TEST_EXPECT_MSG_EQ(l->GetMtu(), mtu, "link MTU");
            NS_TEST_EXPECT_MSG_EQ(got, 1U, "the 1 400-byte message");
        }
        if (m_change == Change::MAC)
        {
            NS_TEST_EXPECT_MSG_EQ(sa->GetBearer(0)->GetMediaAddress(),
                                  TipcMediaAddress::FromMac(newMac),
                                  "own media address");
            NS_TEST_EXPECT_MSG_EQ(sb->GetPeer(sa->GetOwnAddress())->GetLinkMediaAddress(0),
                                  TipcMediaAddress::FromMac(newMac),
                                  "the peer's link sends to the new MAC");
        }
        Simulator::Destroy();
    }

    Change m_change; //!< what changes
};

/**
 * @ingroup tipc-tests
 * @brief A bearer disabled at run time frees its slot (bearer_disable): with
 *        three bearers, disabling one lets a new bearer take its id, and the
 *        node has its two links to the peer again.
 */
class TipcBearerSlotTestCase : public TestCase
{
  public:
    TipcBearerSlotTestCase()
        : TestCase("A disabled bearer frees its slot: a fourth bearer takes the lowest free id")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        VethHelper veth;
        std::vector<NetDeviceContainer> pairs;
        TipcHelper tipc;
        tipc.Install(nodes);
        for (int i = 0; i < 3; ++i)
        {
            pairs.push_back(veth.Install(nodes.Get(0), nodes.Get(1)));
            tipc.AddEthBearers(pairs.back());
        }
        tipc.AssignStreams(nodes, 9);
        Ptr<TipcStack> sa = TipcHelper::GetStack(nodes.Get(0));
        Ptr<TipcStack> sb = TipcHelper::GetStack(nodes.Get(1));
        uint32_t linksBefore = 0;
        uint32_t newId = 99;
        Simulator::Schedule(Seconds(3), [&]() {
            linksBefore = sa->GetPeer(sb->GetOwnAddress())->GetLinkCount();
            sa->DisableBearer(1);
        });
        Simulator::Schedule(Seconds(4), [&]() {
            newId = tipc.AddEthBearer(pairs[1].Get(0), "again")->GetId();
        });
        Simulator::Stop(Seconds(8));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(linksBefore, 2U, "two links (Linux's maximum per peer)");
        NS_TEST_EXPECT_MSG_EQ(newId, 1U, "the freed id");
        NS_TEST_EXPECT_MSG_EQ(sa->GetNBearers(), 3U, "still three slots");
        NS_TEST_EXPECT_MSG_EQ(sa->GetBearer(1)->GetName(), "eth:again", "the new bearer");
        NS_TEST_EXPECT_MSG_EQ(sa->GetPeer(sb->GetOwnAddress())->GetLinkCount(),
                              2U,
                              "two links again");
        Simulator::Destroy();
    }
};

/**
 * @ingroup tipc-tests
 * @brief Two bearers with different priorities: the higher-priority link
 *        carries all traffic (both selector slots), the other is standby and
 *        takes over when it fails.  Equal priorities share the load by selector.
 */
class TipcPriorityTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param equal equal priorities (load sharing) or 20 vs 10 (active/standby)
     */
    explicit TipcPriorityTestCase(bool equal)
        : TestCase(equal ? "Equal link priorities share traffic by selector"
                         : "Higher-priority link active, lower-priority link standby"),
          m_equal(equal)
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        VethHelper veth;
        NetDeviceContainer d0 = veth.Install(nodes.Get(0), nodes.Get(1));
        NetDeviceContainer d1 = veth.Install(nodes.Get(0), nodes.Get(1));
        TipcHelper tipc;
        tipc.Install(nodes);
        tipc.SetBearerAttributes("Priority", UintegerValue(m_equal ? 10 : 20));
        tipc.AddEthBearers(d0);
        tipc.SetBearerAttributes("Priority", UintegerValue(10));
        tipc.AddEthBearers(d1);
        tipc.AssignStreams(nodes, 9);
        Ptr<TipcStack> sa = TipcHelper::GetStack(nodes.Get(0));
        Ptr<TipcStack> sb = TipcHelper::GetStack(nodes.Get(1));
        sb->RegisterPort(9, TipcStack::PortHandler([](Ptr<TipcMsg>, uint32_t) {}));
        std::array<uint64_t, 2> dataOnBearer{};
        for (uint32_t b = 0; b < 2; ++b)
        {
            sa->GetBearer(b)->TraceConnectWithoutContext(
                "Tx",
                Callback<void, Ptr<const Packet>, uint32_t>(
                    [&dataOnBearer, b](Ptr<const Packet> p, uint32_t) {
                        uint8_t w0;
                        p->CopyData(&w0, 1);
                        if (((w0 >> 1) & 0xf) <= TIPC_CRITICAL_IMPORTANCE)
                        {
                            ++dataOnBearer[b];
                        }
                    }));
        }
        Simulator::Schedule(Seconds(3), [&]() {
            // 40 messages with selectors 0..39 (both slots); fewer than the window of
            // 50, so that none is bundled and each travels as one data packet
            for (uint32_t i = 0; i < 40; ++i)
            {
                SendDirect(sa, sb, 100, i);
            }
        });
        std::array<uint64_t, 2> before{};
        Simulator::Schedule(Seconds(4), [&]() {
            before = dataOnBearer;
            DynamicCast<VethNetDevice>(d0.Get(0))->SetLinkUp(false);
        });
        Simulator::Schedule(Seconds(5), [&]() {
            for (uint32_t i = 0; i < 40; ++i)
            {
                SendDirect(sa, sb, 100, i);
            }
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        Ptr<TipcPeer> peer = sa->GetPeer(sb->GetOwnAddress());
        if (m_equal)
        {
            NS_TEST_EXPECT_MSG_EQ(before[0], 20U, "selectors with slot 0 on bearer 0");
            NS_TEST_EXPECT_MSG_EQ(before[1], 20U, "selectors with slot 1 on bearer 1");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(before[0], 40U, "all traffic on the higher-priority link");
            NS_TEST_EXPECT_MSG_EQ(before[1], 0U, "standby link carries nothing");
        }
        NS_TEST_EXPECT_MSG_EQ(dataOnBearer[1] - before[1], 40U, "after the failure: bearer 1");
        NS_TEST_EXPECT_MSG_EQ(peer->GetActiveLink(0), 1, "slot 0 after failure");
        NS_TEST_EXPECT_MSG_EQ(peer->GetActiveLink(1), 1, "slot 1 after failure");
        Simulator::Destroy();
    }

    bool m_equal; //!< equal priorities
};

/**
 * @ingroup tipc-tests
 * @brief Captures of a two-node and a twenty-node cold start pass the
 *        tshark check in strict mode.
 */
class TipcTsharkClusterTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param n nodes
     */
    explicit TipcTsharkClusterTestCase(uint32_t n)
        : TestCase(std::to_string(n) + "-node cold start passes the tshark check"),
          m_n(n)
    {
    }

  private:
    void DoRun() override
    {
        std::string prefix = CreateTempDirFilename("cluster" + std::to_string(m_n));
        {
            NodeContainer nodes;
            nodes.Create(m_n);
            CsmaHelper csma;
            csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
            NetDeviceContainer devs = csma.Install(nodes);
            TipcHelper tipc;
            tipc.Install(nodes);
            tipc.AddEthBearers(devs);
            tipc.AssignStreams(nodes, 1);
            csma.EnablePcap(prefix, devs.Get(0), true);
            Simulator::Stop(Seconds(6));
            Simulator::Run();
            for (uint32_t i = 0; i < m_n; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(TipcHelper::GetStack(nodes.Get(i))->GetNUpPeers(),
                                      m_n - 1,
                                      "mesh incomplete");
            }
            Simulator::Destroy();
        }
        std::string pcap = prefix + "-0-0.pcap";
        NS_TEST_EXPECT_MSG_GT(ReadTipcFrames(pcap, 4).size(), 10U * m_n, "frames captured");
        if (std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            std::cout << "  tshark not installed: dissector check skipped" << std::endl;
            return;
        }
        std::string out = prefix + "-tshark.txt";
        std::string cmd = "python3 '" + SharedDir() + "/tools/tshark-tipc-check.py' --strict '" +
                          pcap + "' > '" + out + "' 2>&1";
        NS_TEST_EXPECT_MSG_EQ(std::system(cmd.c_str()), 0, "tshark-tipc-check failed; see " << out);
    }

    uint32_t m_n; //!< nodes
};

/**
 * @ingroup tipc-tests
 * @brief Bearer test suite.
 */
class TipcBearerTestSuite : public TestSuite
{
  public:
    TipcBearerTestSuite()
        : TestSuite("tipc-bearer", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new TipcUdpBearerTestCase(TipcUdpBearerTestCase::Mode::MULTICAST));
        AddTestCase(new TipcUdpBearerTestCase(TipcUdpBearerTestCase::Mode::REPLICAST));
        AddTestCase(new TipcUdpBearerTestCase(TipcUdpBearerTestCase::Mode::REPLICAST_LEARN));
        AddTestCase(new TipcUdpReplicastMeshTestCase());
        AddTestCase(new TipcUdpBearerTestCase(TipcUdpBearerTestCase::Mode::ROUTED));
        AddTestCase(new TipcCarrierTestCase(true));
        AddTestCase(new TipcCarrierTestCase(false));
        AddTestCase(new TipcBearerSlotTestCase());
        AddTestCase(new TipcDeviceChangeTestCase(TipcDeviceChangeTestCase::Change::MTU));
        AddTestCase(new TipcDeviceChangeTestCase(TipcDeviceChangeTestCase::Change::BAD_MTU));
        AddTestCase(new TipcDeviceChangeTestCase(TipcDeviceChangeTestCase::Change::MAC));
        AddTestCase(new TipcPriorityTestCase(false));
        AddTestCase(new TipcPriorityTestCase(true));
        AddTestCase(new TipcTsharkClusterTestCase(2));
        AddTestCase(new TipcTsharkClusterTestCase(20));
    }
};

static TipcBearerTestSuite g_tipcBearerTestSuite; //!< registers the suite
