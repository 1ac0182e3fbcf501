// SPDX-License-Identifier: GPL-2.0-only
//
// Neighbour monitoring in simulation (reference section 11): a 40-node cluster
// on a switched LAN is above the threshold (32), so domain records travel in
// STATE messages and every node supervises only its local domain and the
// domain heads; at threshold 64 the same cluster stays a full mesh without
// records; a crashed node is declared down by every survivor, first by those
// that supervise it, within the bounds the link timer's counting gives.

#include "tipc-link-harness.h"

#include "ns3/csma-net-device.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/switched-lan-helper.h"
#include "ns3/test.h"
#include "ns3/tipc-address.h"
#include "ns3/tipc-constants.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-link.h"
#include "ns3/tipc-monitor.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-socket-factory.h"
#include "ns3/tipc-socket.h"
#include "ns3/tipc-stack.h"
#include "ns3/tipc-window-control.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// N nodes on a switched LAN, TIPC on every node.
class SwitchedCluster
{
  public:
    SwitchedCluster(uint32_t n,
                    uint32_t threshold,
                    TypeId window = TipcVariableWindow::GetTypeId(),
                    const std::string& cable = "csma")
    {
        nodes.Create(n);
        SwitchedLanHelper lan;
        lan.SetCable(cable);
        devices = lan.Install(nodes);
        lan.AssignStreams(100);
        tipc.SetStackAttributes("MonitorThreshold", UintegerValue(threshold));
        tipc.SetStackAttributes("WindowControl", TypeIdValue(window));
        tipc.Install(nodes);
        tipc.AddEthBearers(devices);
        tipc.AssignStreams(nodes, 1);
    }

    ~SwitchedCluster()
    {
        Simulator::Destroy();
    }

    /// @return node i's monitor of bearer 0
    const TipcMonitor* Monitor(uint32_t i)
    {
        return TipcHelper::GetStack(nodes.Get(i))->PeekMonitor(0);
    }

    NodeContainer nodes;        //!< cluster nodes
    NetDeviceContainer devices; //!< their devices
    TipcHelper tipc;            //!< helper
};

/// Above the threshold: records on the wire, a domain plus heads supervised.
class MonitorActiveTestCase : public TestCase
{
  public:
    explicit MonitorActiveTestCase(const std::string& cable)
        : TestCase("40 nodes, " + cable +
                   " cables: domain records in STATE messages, local domain and heads supervised"),
          m_cable(cable)
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 40;
        SwitchedCluster c(n, 32, TipcVariableWindow::GetTypeId(), m_cable);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        for (uint32_t i = 0; i < n; ++i)
        {
            const TipcMonitor* m = c.Monitor(i);
            NS_TEST_ASSERT_MSG_NE(m, nullptr, "node " << i << " has a monitor");
            NS_TEST_ASSERT_MSG_EQ(m->GetPeerCount(), n, "every peer is in the ring");
            NS_TEST_ASSERT_MSG_EQ(m->IsActive(), true, "40 > threshold 32");
            uint32_t withRecord = 0;
            for (const TipcMonitor::PeerInfo& p : m->GetPeers())
            {
                withRecord += p.domainMembers > 0 ? 1 : 0;
                NS_TEST_ASSERT_MSG_EQ(p.up, true, "node " << i << ": every peer up");
            }
            // every peer sent its full domain once in a STATE message (the
            // record went through serialisation and parsing)
            NS_TEST_ASSERT_MSG_EQ(withRecord, n - 1, "node " << i << ": records from all peers");
            size_t monitored = m->GetMonitored().size();
            NS_TEST_ASSERT_MSG_GT_OR_EQ(monitored,
                                        m->GetLocalDomainMembers(),
                                        "the local domain is supervised");
            NS_TEST_ASSERT_MSG_LT(monitored, n - 1, "node " << i << ": not a full mesh");
        }
    }

    std::string m_cable; //!< SwitchedLanHelper cable type
};

/// At or below the threshold: full mesh, no records.
class MonitorInactiveTestCase : public TestCase
{
  public:
    MonitorInactiveTestCase()
        : TestCase("40 nodes, threshold 64: full-mesh supervision, STATE messages carry no record")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 40;
        SwitchedCluster c(n, 64);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        for (uint32_t i = 0; i < n; ++i)
        {
            const TipcMonitor* m = c.Monitor(i);
            NS_TEST_ASSERT_MSG_EQ(m->IsActive(), false, "40 <= threshold 64");
            NS_TEST_ASSERT_MSG_EQ(m->GetMonitored().size(), n - 1, "every peer supervised");
            for (const TipcMonitor::PeerInfo& p : m->GetPeers())
            {
                NS_TEST_ASSERT_MSG_EQ(p.domainMembers, 0, "no record received");
            }
        }
    }
};

/// A crashed node is declared down by every survivor.
class MonitorDetectionTestCase : public TestCase
{
  public:
    MonitorDetectionTestCase()
        : TestCase("40 nodes: a crashed node is detected by supervisors within 6 intervals, "
                   "by everyone else through the heads' records within 13")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 40;
        SwitchedCluster c(n, 32);
        const Time crash = Seconds(5);
        // tolerance 1.5 s / 4 = 375 ms = 94 jiffies: a node timer running every 96 jiffies
        const Time interval = MilliSeconds(384);
        uint32_t victim = 0;
        std::vector<bool> supervisor(n, false);
        std::vector<Time> down(n, Seconds(-1));
        for (uint32_t i = 1; i < n; ++i)
        {
            TipcHelper::GetStack(c.nodes.Get(i))
                ->TraceConnectWithoutContext("NodeDown",
                                             Callback<void, uint32_t>([&, i](uint32_t peer) {
                                                 if (peer == victim && Simulator::Now() >= crash)
                                                 {
                                                     down[i] = Simulator::Now();
                                                 }
                                             }));
        }
        Simulator::Schedule(crash, [&]() {
            victim = TipcHelper::GetStack(c.nodes.Get(0))->GetOwnAddress();
            for (uint32_t i = 1; i < n; ++i)
            {
                std::vector<uint32_t> mon = c.Monitor(i)->GetMonitored();
                supervisor[i] = std::find(mon.begin(), mon.end(), victim) != mon.end();
            }
            Ptr<CsmaNetDevice> d = DynamicCast<CsmaNetDevice>(c.devices.Get(0));
            d->SetSendEnable(false);
            d->SetReceiveEnable(false);
        });
        Simulator::Stop(Seconds(12));
        Simulator::Run();
        uint32_t supervisors = 0;
        for (uint32_t i = 1; i < n; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(down[i].IsStrictlyPositive(), true, "node " << i << " noticed");
            Time took = down[i] - crash;
            if (supervisor[i])
            {
                ++supervisors;
                // the counter exceeds the abort limit (4) 5 to 6 intervals after
                // the last reception
                NS_TEST_ASSERT_MSG_LT_OR_EQ(took, interval * 6, "supervisor " << i);
            }
            else
            {
                // a head's record (<= 6 intervals + 1 to deliver it) starts
                // probing, which fails after abort limit + 2 more intervals
                NS_TEST_ASSERT_MSG_LT_OR_EQ(took, interval * 13, "node " << i);
            }
        }
        NS_TEST_ASSERT_MSG_GT(supervisors, 0, "somebody supervised the victim");
        NS_TEST_ASSERT_MSG_LT(supervisors, n - 1, "not everybody did");
    }
};

} // namespace

/// Neighbour monitoring test suite.
/**
 * A lost tail packet on a passively supervised link is resent.  Nothing
 * follows the packet, and the sender does not supervise the receiver, so only
 * the idle-link rule of the link version recovers it: the checkpoint probe
 * (variable window, Linux >= 5.7) or the receiver's NACK on the next-sent
 * field of any STATE message (fixed window, Linux 5.4).
 */
class MonitorPassiveTailLossTestCase : public TestCase
{
  public:
    explicit MonitorPassiveTailLossTestCase(TypeId window)
        : TestCase("40 nodes, " + window.GetName() +
                   ": a lost tail packet on a passively supervised link is resent"),
          m_window(window)
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 40;
        SwitchedCluster c(n, 32, m_window);
        Ptr<TipcStack> a = TipcHelper::GetStack(c.nodes.Get(0));
        // the receiver: a peer node 0 supervises passively, once the cluster is up
        uint32_t rx = n;
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        const std::vector<uint32_t> monitored = c.Monitor(0)->GetMonitored();
        for (uint32_t j = 1; j < n && rx == n; ++j)
        {
            uint32_t addr = TipcHelper::GetStack(c.nodes.Get(j))->GetOwnAddress();
            if (std::find(monitored.begin(), monitored.end(), addr) == monitored.end())
            {
                rx = j;
            }
        }
        NS_TEST_ASSERT_MSG_LT(rx, n, "node 0 supervises some peer passively");
        Ptr<TipcStack> b = TipcHelper::GetStack(c.nodes.Get(rx));
        Ptr<TipcSocket> srv =
            c.nodes.Get(rx)->GetObject<TipcSocketFactory>()->CreateSocket(TipcSocketType::RDM);
        Ptr<TipcSocket> cli =
            c.nodes.Get(0)->GetObject<TipcSocketFactory>()->CreateSocket(TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(srv->Bind(TipcAddress::Service(4711, 1)), 0, "bind");
        Time arrived = Seconds(-1);
        srv->SetRecvCallback(MakeBoundCallback(
            +[](Time* t, Ptr<Socket> s) {
                while (s->Recv())
                {
                    *t = Simulator::Now();
                }
            },
            &arrived));
        // drop the first user data packet node 0 sends to the receiver
        Ptr<tipctest::TipcSelectiveErrorModel> em =
            CreateObject<tipctest::TipcSelectiveErrorModel>();
        const uint32_t from = a->GetOwnAddress();
        bool dropped = false;
        em->SetPredicate([from, &dropped](const TipcHeader& h) {
            if (dropped || h.GetPrevNode() != from || h.GetUser() > tipc::TIPC_CRITICAL_IMPORTANCE)
            {
                return false;
            }
            dropped = true;
            return true;
        });
        DynamicCast<CsmaNetDevice>(c.devices.Get(rx))->SetReceiveErrorModel(em);
        Ptr<TipcLink> link = a->GetPeer(b->GetOwnAddress())->GetLink(0);
        const Time sent = Simulator::Now() + Seconds(1);
        Simulator::Schedule(sent - Simulator::Now(), [&]() {
            NS_TEST_EXPECT_MSG_EQ(
                cli->SendTo(Create<Packet>(100), 0, TipcAddress::Service(4711, 1)),
                100,
                "sendto");
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(em->GetDropped(), 1, "the packet was dropped once");
        NS_TEST_ASSERT_MSG_EQ(arrived.IsStrictlyPositive(), true, "the packet arrived");
        // one node-timer tick (384 ms) finds the non-empty send queue, the next
        // exchange brings the NACK; well within two ticks
        NS_TEST_EXPECT_MSG_LT(arrived - sent, MilliSeconds(800), "resent within two ticks");
        NS_TEST_EXPECT_MSG_EQ(link->GetTransmitQueueLength(), 0, "the send queue drained");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(link->GetStats().retransmitted, 1, "retransmitted");
    }

    TypeId m_window; //!< window control under test
};

class TipcMonitorTestSuite : public TestSuite
{
  public:
    TipcMonitorTestSuite()
        : TestSuite("tipc-monitor", TestSuite::Type::UNIT)
    {
        AddTestCase(new MonitorActiveTestCase("csma"));
        AddTestCase(new MonitorActiveTestCase("full-duplex"));
        AddTestCase(new MonitorInactiveTestCase);
        AddTestCase(new MonitorDetectionTestCase);
        AddTestCase(new MonitorPassiveTailLossTestCase(TipcFixedWindow::GetTypeId()));
        AddTestCase(new MonitorPassiveTailLossTestCase(TipcVariableWindow::GetTypeId()));
    }
};

/// Static instance.
static TipcMonitorTestSuite g_tipcMonitorTestSuite;
