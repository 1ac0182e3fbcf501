// SPDX-License-Identifier: GPL-2.0-only
//
// TIPC applications on TIPC sockets over one 1 Gb/s CSMA segment (1 us delay):
// echo latency (RDM, STREAM and SEQPACKET ping-pong, anycast round robin over
// three servers, an unbound service), bulk throughput (STREAM 10 MB, SEQPACKET
// and RDM) and a toggling service publisher seen in another node's name table.
// Links come up at about 1.5 s; applications start at 2 s.

#include "ns3/application-container.h"
#include "ns3/csma-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-bulk-helper.h"
#include "ns3/tipc-bulk-sender.h"
#include "ns3/tipc-bulk-sink.h"
#include "ns3/tipc-echo-client.h"
#include "ns3/tipc-echo-helper.h"
#include "ns3/tipc-echo-server.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-name-table.h"
#include "ns3/tipc-service-publisher-helper.h"
#include "ns3/tipc-service-publisher.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iostream>
#include <vector>

using namespace ns3;

namespace
{

constexpr uint32_t ECHO_TYPE = 18888; //!< echo service type
constexpr uint32_t BULK_TYPE = 18889; //!< bulk service type
constexpr uint32_t PUB_TYPE = 18890;  //!< publisher service type

/// N nodes with TIPC on one 1 Gb/s CSMA segment; links are up after 1.5 s.
class AppNet
{
  public:
    /**
     * @brief Build the network.
     * @param n number of nodes
     */
    explicit AppNet(uint32_t n)
    {
        nodes.Create(n);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
        csma.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1000p"));
        devices = csma.Install(nodes);
        tipc.Install(nodes);
        for (uint32_t i = 0; i < n; ++i)
        {
            TipcHelper::SetNodeIdentity(nodes.Get(i), "node" + std::to_string(i));
        }
        tipc.AddEthBearers(devices);
        tipc.AssignStreams(nodes, 1);
        csma.AssignStreams(devices, 1000); // CSMA backoff: independent of the test order
    }

    ~AppNet()
    {
        Simulator::Destroy();
    }

    /**
     * @brief A node's TIPC address.
     * @param i node index
     * @return the address
     */
    uint32_t Addr(uint32_t i) const
    {
        return TipcHelper::GetStack(nodes.Get(i))->GetOwnAddress();
    }

    /**
     * @brief Bindings of a range in a node's name table.
     * @param i node index
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @return the bindings
     */
    std::vector<TipcPublication> Overlapping(uint32_t i,
                                             uint32_t type,
                                             uint32_t lower,
                                             uint32_t upper) const
    {
        return TipcHelper::GetStack(nodes.Get(i))
            ->GetNameTable()
            .GetOverlapping(type, lower, upper);
    }

    NodeContainer nodes;        //!< the nodes
    NetDeviceContainer devices; //!< their CSMA devices
    TipcHelper tipc;            //!< TIPC helper
};

/// Packets seen by a trace source.
struct PacketLog
{
    std::vector<std::vector<uint8_t>> packets; //!< payload bytes, in trace order

    /**
     * @brief Trace sink.
     * @param p the packet
     */
    void Add(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        packets.push_back(b);
    }
};

/// Serialization time of @p bytes at 1 Gb/s.
Time
Wire(uint32_t bytes)
{
    return NanoSeconds(8 * bytes);
}

/**
 * @brief Print RTT statistics of a client.
 * @param what label
 * @param c the client
 */
void
PrintRtts(const std::string& what, Ptr<TipcEchoClient> c)
{
    std::cout << what << ": " << c->GetRttCount() << " round trips, RTT min "
              << c->GetRttMin().As(Time::US) << " mean " << c->GetRttMean().As(Time::US) << " max "
              << c->GetRttMax().As(Time::US) << std::endl;
}

// ---------------------------------------------------------------------------

/// RDM echo between two nodes: every request comes back, byte for byte.
class EchoRdmTestCase : public TestCase
{
  public:
    EchoRdmTestCase()
        : TestCase("Echo RDM: 20 requests of 200 bytes, 20 identical replies, RTT consistent "
                   "with a 1 Gbps 1 us link")
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(2);
        TipcEchoServerHelper server(ECHO_TYPE, 0, 9);
        ApplicationContainer sapps = server.Install(net.nodes.Get(1));
        sapps.Start(Seconds(2));
        TipcEchoClientHelper client(ECHO_TYPE, 5);
        client.SetAttribute("PacketSize", UintegerValue(200));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        client.SetAttribute("MaxPackets", UintegerValue(20));
        ApplicationContainer capps = client.Install(net.nodes.Get(0));
        capps.Start(Seconds(2.001)); // the binding is known at node 0 by then
        Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(capps.Get(0));
        Ptr<TipcEchoServer> s = DynamicCast<TipcEchoServer>(sapps.Get(0));
        PacketLog tx;
        PacketLog rx;
        PacketLog srx;
        std::vector<Time> traced;
        c->TraceConnectWithoutContext("Tx", MakeCallback(&PacketLog::Add, &tx));
        c->TraceConnectWithoutContext("Rx", MakeCallback(&PacketLog::Add, &rx));
        s->TraceConnectWithoutContext("Rx", MakeCallback(&PacketLog::Add, &srx));
        c->TraceConnectWithoutContext("Rtt", Callback<void, Time>([&traced](Time t) {
                                          traced.push_back(t);
                                      }));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        PrintRtts("echo RDM 200 B", c);
        NS_TEST_ASSERT_MSG_EQ(c->GetSent(), 20, "20 requests sent");
        NS_TEST_ASSERT_MSG_EQ(s->GetReceived(), 20, "20 requests at the server");
        NS_TEST_ASSERT_MSG_EQ(c->GetRttCount(), 20, "20 replies");
        NS_TEST_EXPECT_MSG_EQ(c->GetErrors(), 0, "no errors");
        NS_TEST_EXPECT_MSG_EQ(c->GetUnexpectedReplies(), 0, "no unexpected replies");
        NS_TEST_EXPECT_MSG_EQ(s->GetReturned(), 0, "no returned replies");
        NS_TEST_ASSERT_MSG_EQ(tx.packets.size(), 20, "Tx trace");
        NS_TEST_ASSERT_MSG_EQ(rx.packets.size(), 20, "Rx trace");
        NS_TEST_ASSERT_MSG_EQ(traced.size(), 20, "Rtt trace");
        NS_TEST_ASSERT_MSG_EQ(srx.packets.size(), 20, "server Rx trace");
        size_t n =
            std::min({tx.packets.size(), rx.packets.size(), srx.packets.size(), traced.size()});
        for (size_t i = 0; i < n; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(rx.packets[i].size(), 200, "reply size " << i);
            NS_TEST_EXPECT_MSG_EQ((rx.packets[i] == tx.packets[i]), true, "reply " << i);
            NS_TEST_EXPECT_MSG_EQ((srx.packets[i] == tx.packets[i]), true, "request " << i);
            NS_TEST_EXPECT_MSG_EQ(traced[i], c->GetRtts()[i], "Rtt trace value " << i);
        }
        // two frames of >= 200 payload bytes at 1 Gb/s plus 2 x 1 us propagation
        Time floor = 2 * (MicroSeconds(1) + Wire(200));
        NS_TEST_EXPECT_MSG_GT_OR_EQ(c->GetRttMin(), floor, "RTT below the physical minimum");
        NS_TEST_EXPECT_MSG_LT(c->GetRttMax(), MicroSeconds(50), "RTT far above the link's");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(c->GetRttMin(), c->GetRttMean(), "min <= mean");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(c->GetRttMean(), c->GetRttMax(), "mean <= max");
    }
};

/// Ping-pong on a connection: MaxPackets round trips, one at a time.
class EchoConnectionPingPongTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param type STREAM or SEQPACKET
     * @param size request size
     */
    EchoConnectionPingPongTestCase(const std::string& type, uint32_t size)
        : TestCase("Echo " + type + " ping-pong: 50 round trips of " + std::to_string(size) +
                   " bytes on one connection"),
          m_type(type),
          m_size(size)
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(2);
        TipcEchoServerHelper server(ECHO_TYPE, 1);
        server.SetAttribute("SocketType", StringValue(m_type));
        ApplicationContainer sapps = server.Install(net.nodes.Get(1));
        sapps.Start(Seconds(2));
        TipcEchoClientHelper client(ECHO_TYPE, 1);
        client.SetAttribute("SocketType", StringValue(m_type));
        client.SetAttribute("PacketSize", UintegerValue(m_size));
        client.SetAttribute("Interval", TimeValue(Seconds(0)));
        client.SetAttribute("MaxPackets", UintegerValue(50));
        ApplicationContainer capps = client.Install(net.nodes.Get(0));
        capps.Start(Seconds(2.001));
        Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(capps.Get(0));
        Ptr<TipcEchoServer> s = DynamicCast<TipcEchoServer>(sapps.Get(0));
        PacketLog tx;
        PacketLog rx;
        c->TraceConnectWithoutContext("Tx", MakeCallback(&PacketLog::Add, &tx));
        c->TraceConnectWithoutContext("Rx", MakeCallback(&PacketLog::Add, &rx));
        // ping-pong: never more than one request outstanding
        uint32_t outstanding = 0;
        uint32_t maxOutstanding = 0;
        c->TraceConnectWithoutContext("Tx",
                                      Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) {
                                          maxOutstanding = std::max(maxOutstanding, ++outstanding);
                                      }));
        c->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) { --outstanding; }));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        PrintRtts("echo " + m_type + " " + std::to_string(m_size) + " B ping-pong", c);
        NS_TEST_ASSERT_MSG_EQ(s->GetAccepted(), 1, "one connection");
        NS_TEST_ASSERT_MSG_EQ(c->GetSent(), 50, "50 requests");
        NS_TEST_ASSERT_MSG_EQ(c->GetRttCount(), 50, "50 round trips");
        NS_TEST_EXPECT_MSG_EQ(maxOutstanding, 1, "one request at a time");
        NS_TEST_EXPECT_MSG_EQ(c->GetErrors(), 0, "no errors");
        NS_TEST_EXPECT_MSG_EQ(c->GetUnexpectedReplies(), 0, "no unexpected replies");
        NS_TEST_EXPECT_MSG_EQ(s->GetReceivedBytes(), 50 * m_size, "server got every byte");
        NS_TEST_EXPECT_MSG_EQ(s->GetSentBytes(), 50 * m_size, "server echoed every byte");
        NS_TEST_ASSERT_MSG_EQ(rx.packets.size(), 50, "Rx trace");
        for (size_t i = 0; i < std::min(rx.packets.size(), tx.packets.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ((rx.packets[i] == tx.packets[i]), true, "reply " << i);
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(c->GetRttMin(),
                                    2 * (MicroSeconds(1) + Wire(m_size)),
                                    "RTT below the physical minimum");
        NS_TEST_EXPECT_MSG_LT(c->GetRttMax(), MicroSeconds(200), "RTT far above the link's");
        // 50 back-to-back round trips end long before the stop
        NS_TEST_EXPECT_MSG_LT(c->GetRttMean() * 50, MilliSeconds(10), "ping-pong is prompt");
    }

    std::string m_type; //!< socket type
    uint32_t m_size;    //!< request size
};

/// Large stream requests faster than the link drains them: partial writes on both sides.
class EchoStreamBacklogTestCase : public TestCase
{
  public:
    EchoStreamBacklogTestCase()
        : TestCase("Echo STREAM 10 requests of 200000 bytes every 1 ms: writes wait for write "
                   "space and are completed, every byte comes back in order")
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(2);
        TipcEchoServerHelper server(ECHO_TYPE, 2);
        server.SetAttribute("SocketType", StringValue("STREAM"));
        ApplicationContainer sapps = server.Install(net.nodes.Get(1));
        sapps.Start(Seconds(2));
        TipcEchoClientHelper client(ECHO_TYPE, 2);
        client.SetAttribute("SocketType", StringValue("STREAM"));
        client.SetAttribute("PacketSize", UintegerValue(200000));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(1)));
        client.SetAttribute("MaxPackets", UintegerValue(10));
        ApplicationContainer capps = client.Install(net.nodes.Get(0));
        capps.Start(Seconds(2.001));
        Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(capps.Get(0));
        Ptr<TipcEchoServer> s = DynamicCast<TipcEchoServer>(sapps.Get(0));
        PacketLog tx;
        PacketLog rx;
        c->TraceConnectWithoutContext("Tx", MakeCallback(&PacketLog::Add, &tx));
        c->TraceConnectWithoutContext("Rx", MakeCallback(&PacketLog::Add, &rx));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        PrintRtts("echo STREAM 200000 B every 1 ms", c);
        NS_TEST_ASSERT_MSG_EQ(c->GetRttCount(), 10, "10 round trips");
        NS_TEST_EXPECT_MSG_EQ(c->GetErrors(), 0, "no errors");
        NS_TEST_EXPECT_MSG_EQ(c->GetUnexpectedReplies(), 0, "no unexpected replies");
        NS_TEST_EXPECT_MSG_EQ(s->GetReceivedBytes(), 2000000, "server got every byte");
        NS_TEST_EXPECT_MSG_EQ(s->GetSentBytes(), 2000000, "server echoed every byte");
        NS_TEST_ASSERT_MSG_EQ(rx.packets.size(), 10, "Rx trace");
        for (size_t i = 0; i < std::min(rx.packets.size(), tx.packets.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ((rx.packets[i] == tx.packets[i]), true, "reply " << i);
        }
        // 400 kB over a shared 1 Gb/s segment per round trip: at least 3.2 ms each
        NS_TEST_EXPECT_MSG_GT(c->GetRttMin(), MicroSeconds(3200), "RTT below the wire time");
        // requests queue behind each other: later ones wait longer
        NS_TEST_EXPECT_MSG_GT(c->GetRtts().back(), c->GetRtts().front(), "queueing builds up");
    }
};

/// Anycast over three servers bound to the same name: exact round robin.
class EchoRoundRobinTestCase : public TestCase
{
  public:
    EchoRoundRobinTestCase()
        : TestCase("Echo RDM anycast: 30 requests spread 10, 10, 10 over three servers on three "
                   "nodes")
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(4);
        TipcEchoServerHelper server(ECHO_TYPE, 7);
        NodeContainer servers(net.nodes.Get(1), net.nodes.Get(2), net.nodes.Get(3));
        ApplicationContainer sapps = server.Install(servers);
        sapps.Start(Seconds(2));
        TipcEchoClientHelper client(ECHO_TYPE, 7);
        client.SetAttribute("PacketSize", UintegerValue(100));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(1)));
        client.SetAttribute("MaxPackets", UintegerValue(30));
        ApplicationContainer capps = client.Install(net.nodes.Get(0));
        capps.Start(Seconds(2.1));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(capps.Get(0));
        PrintRtts("echo RDM anycast over 3 servers", c);
        NS_TEST_ASSERT_MSG_EQ(net.Overlapping(0, ECHO_TYPE, 7, 7).size(),
                              3,
                              "three bindings known at the client's node");
        NS_TEST_EXPECT_MSG_EQ(c->GetRttCount(), 30, "30 replies");
        NS_TEST_EXPECT_MSG_EQ(c->GetErrors(), 0, "no errors");
        uint64_t total = 0;
        for (uint32_t i = 0; i < 3; ++i)
        {
            Ptr<TipcEchoServer> s = DynamicCast<TipcEchoServer>(sapps.Get(i));
            std::cout << "  server on node " << i + 1 << ": " << s->GetReceived() << " requests"
                      << std::endl;
            NS_TEST_EXPECT_MSG_EQ(s->GetReceived(), 10, "round robin: server " << i + 1);
            total += s->GetReceived();
        }
        NS_TEST_EXPECT_MSG_EQ(total, 30, "every request served once");
    }
};

/// A client of a service nobody binds: every request fails, no round trip.
class EchoNoServerTestCase : public TestCase
{
  public:
    EchoNoServerTestCase()
        : TestCase("Echo RDM to an unbound service: every request is an error "
                   "(EHOSTUNREACH), no RTT samples")
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(2);
        TipcEchoClientHelper client(ECHO_TYPE, 99);
        client.SetAttribute("Interval", TimeValue(MilliSeconds(5)));
        client.SetAttribute("MaxPackets", UintegerValue(5));
        ApplicationContainer capps = client.Install(net.nodes.Get(0));
        capps.Start(Seconds(2));
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();
        Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(capps.Get(0));
        NS_TEST_EXPECT_MSG_EQ(c->GetSent(), 0, "nothing accepted");
        NS_TEST_EXPECT_MSG_EQ(c->GetErrors(), 5, "five failed requests");
        NS_TEST_EXPECT_MSG_EQ(c->GetRttCount(), 0, "no RTT");
        NS_TEST_EXPECT_MSG_EQ(c->GetRttMean(), Time(0), "mean of nothing");
    }
};

/// Bulk transfer: every byte arrives, goodput in a plausible band.
class BulkTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param type socket type
     * @param bytes bytes to send
     * @param messageSize bytes per write
     * @param minMbps smallest plausible goodput
     */
    BulkTestCase(const std::string& type, uint64_t bytes, uint32_t messageSize, double minMbps)
        : TestCase("Bulk " + type + ": " + std::to_string(bytes) + " bytes in " +
                   std::to_string(messageSize) +
                   "-byte writes over 1 Gbps, all arrive, goodput > " +
                   std::to_string(static_cast<int>(minMbps)) + " Mbps"),
          m_type(type),
          m_bytes(bytes),
          m_messageSize(messageSize),
          m_minMbps(minMbps)
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(2);
        TipcBulkSinkHelper sink(BULK_TYPE, 0, 0);
        sink.SetAttribute("SocketType", StringValue(m_type));
        ApplicationContainer sinkApps = sink.Install(net.nodes.Get(1));
        sinkApps.Start(Seconds(2));
        TipcBulkSenderHelper sender(BULK_TYPE, 0);
        sender.SetAttribute("SocketType", StringValue(m_type));
        sender.SetAttribute("MessageSize", UintegerValue(m_messageSize));
        sender.SetAttribute("MaxBytes", UintegerValue(m_bytes));
        ApplicationContainer senderApps = sender.Install(net.nodes.Get(0));
        senderApps.Start(Seconds(2.001));
        Ptr<TipcBulkSink> k = DynamicCast<TipcBulkSink>(sinkApps.Get(0));
        Ptr<TipcBulkSender> s = DynamicCast<TipcBulkSender>(senderApps.Get(0));
        uint64_t traced = 0;
        k->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, const Address&>(
                [&traced](Ptr<const Packet> p, const Address&) { traced += p->GetSize(); }));
        uint64_t tracedTx = 0;
        s->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>>(
                [&tracedTx](Ptr<const Packet> p) { tracedTx += p->GetSize(); }));
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        Time elapsed = k->GetLastRxTime() - s->GetFirstTxTime();
        double mbps = elapsed.IsStrictlyPositive() ? m_bytes * 8.0 / elapsed.GetSeconds() / 1e6 : 0;
        std::cout << "bulk " << m_type << ": " << k->GetTotalRx() << " bytes in "
                  << elapsed.As(Time::MS) << ", goodput " << mbps << " Mb/s (sink first-last "
                  << k->GetGoodput() / 1e6 << " Mb/s), " << s->GetStalls() << " EAGAIN stalls, "
                  << k->GetRxCount() << " reads" << std::endl;
        NS_TEST_ASSERT_MSG_EQ(s->IsDone(), true, "sender done");
        NS_TEST_EXPECT_MSG_EQ(s->GetTotalTx(), m_bytes, "bytes accepted by the socket");
        NS_TEST_EXPECT_MSG_EQ(tracedTx, m_bytes, "sender Tx trace");
        NS_TEST_ASSERT_MSG_EQ(k->GetTotalRx(), m_bytes, "every byte arrived");
        NS_TEST_EXPECT_MSG_EQ(traced, m_bytes, "sink Rx trace");
        NS_TEST_EXPECT_MSG_GT(s->GetStalls(), 0, "the sender was flow controlled (EAGAIN)");
        NS_TEST_EXPECT_MSG_GT(mbps, m_minMbps, "goodput");
        NS_TEST_EXPECT_MSG_LT(mbps, 1000.0, "goodput above the line rate");
        if (m_type != "STREAM")
        {
            uint64_t messages = (m_bytes + m_messageSize - 1) / m_messageSize;
            NS_TEST_EXPECT_MSG_EQ(k->GetRxCount(), messages, "message boundaries kept");
        }
        if (m_type != "RDM")
        {
            NS_TEST_EXPECT_MSG_EQ(k->GetAccepted(), 1, "one connection");
            NS_TEST_EXPECT_MSG_EQ(k->GetClosed(), 1, "the sink saw the end of the connection");
        }
    }

    std::string m_type;     //!< socket type
    uint64_t m_bytes;       //!< bytes to send
    uint32_t m_messageSize; //!< write size
    double m_minMbps;       //!< goodput floor
};

/// A toggling publisher: other nodes' name tables follow the binding.
class PublisherToggleTestCase : public TestCase
{
  public:
    PublisherToggleTestCase()
        : TestCase("Service publisher toggling every 100 ms: another node's name table "
                   "follows each bind and withdrawal; node scope stays local")
    {
    }

  private:
    void DoRun() override
    {
        AppNet net(3);
        TipcServicePublisherHelper pub(PUB_TYPE, 10, 19);
        pub.SetAttribute("Toggle", TimeValue(MilliSeconds(100)));
        ApplicationContainer apps = pub.Install(net.nodes.Get(1));
        apps.Start(Seconds(2));
        apps.Stop(Seconds(2.45));
        TipcServicePublisherHelper local(PUB_TYPE, 50, 50);
        local.SetAttribute("Scope", StringValue("node"));
        ApplicationContainer localApps = local.Install(net.nodes.Get(2));
        localApps.Start(Seconds(2));
        Ptr<TipcServicePublisher> p = DynamicCast<TipcServicePublisher>(apps.Get(0));
        std::vector<bool> bound;
        std::vector<Time> when;
        p->TraceConnectWithoutContext("Bound", Callback<void, bool>([&](bool b) {
                                          bound.push_back(b);
                                          when.push_back(Simulator::Now());
                                      }));
        // node 0's view 2 ms after each change (and before the start, after the stop)
        std::vector<size_t> seen;
        std::vector<uint32_t> seenNode;
        std::vector<size_t> seenLocal;
        std::vector<size_t> seenLocalOwn;
        std::vector<Time> probes{Seconds(1.99)};
        for (uint32_t k = 0; k < 5; ++k)
        {
            probes.push_back(Seconds(2) + MilliSeconds(100 * k + 2));
        }
        probes.push_back(Seconds(2.452));
        for (const Time& t : probes)
        {
            Simulator::Schedule(t, [&]() {
                auto v = net.Overlapping(0, PUB_TYPE, 0, 100);
                std::vector<TipcPublication> remote;
                for (const auto& x : v)
                {
                    if (x.lower == 10)
                    {
                        remote.push_back(x);
                    }
                }
                seen.push_back(remote.size());
                seenNode.push_back(remote.empty() ? 0 : remote[0].node);
                seenLocal.push_back(v.size() - remote.size());
                seenLocalOwn.push_back(net.Overlapping(2, PUB_TYPE, 50, 50).size());
            });
        }
        Simulator::Stop(Seconds(2.6));
        Simulator::Run();

        std::vector<bool> expectBound{true, false, true, false, true, false};
        NS_TEST_ASSERT_MSG_EQ(bound.size(), expectBound.size(), "Bound trace count");
        for (size_t i = 0; i < std::min(bound.size(), expectBound.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(bool(bound[i]), bool(expectBound[i]), "Bound trace " << i);
            NS_TEST_EXPECT_MSG_EQ(when[i],
                                  (i < 5 ? Seconds(2) + MilliSeconds(100 * i) : Seconds(2.45)),
                                  "Bound trace time " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(p->GetBindCount(), 3, "binds");
        NS_TEST_EXPECT_MSG_EQ(p->GetWithdrawCount(), 3, "withdrawals");
        std::vector<size_t> expectSeen{0, 1, 0, 1, 0, 1, 0};
        NS_TEST_ASSERT_MSG_EQ(seen.size(), expectSeen.size(), "probes");
        for (size_t i = 0; i < std::min(seen.size(), expectSeen.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(seen[i],
                                  expectSeen[i],
                                  "node 0's name table at " << probes[i].As(Time::MS));
            if (expectSeen[i] == 1)
            {
                NS_TEST_EXPECT_MSG_EQ(seenNode[i], net.Addr(1), "binding of node 1");
            }
            NS_TEST_EXPECT_MSG_EQ(seenLocal[i], 0, "node-scope binding stays on node 2");
            NS_TEST_EXPECT_MSG_EQ(seenLocalOwn[i],
                                  (i == 0 ? 0U : 1U),
                                  "node-scope binding on its own node");
        }
    }
};

} // namespace

/// The applications test suite.
class TipcApplicationsTestSuite : public TestSuite
{
  public:
    TipcApplicationsTestSuite()
        : TestSuite("tipc-applications", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new EchoRdmTestCase);
        AddTestCase(new EchoConnectionPingPongTestCase("STREAM", 3000));
        AddTestCase(new EchoConnectionPingPongTestCase("SEQPACKET", 500));
        AddTestCase(new EchoStreamBacklogTestCase);
        AddTestCase(new EchoRoundRobinTestCase);
        AddTestCase(new EchoNoServerTestCase);
        AddTestCase(new BulkTestCase("STREAM", 10000000, 65536, 500));
        AddTestCase(new BulkTestCase("SEQPACKET", 2000000, 66000, 300));
        AddTestCase(new BulkTestCase("RDM", 2000000, 60000, 300));
        AddTestCase(new PublisherToggleTestCase);
    }
};

/// Static instance.
static TipcApplicationsTestSuite g_tipcApplicationsTestSuite;
