// SPDX-License-Identifier: GPL-2.0-only
//
// TIPC sockets (reference section 10) between two nodes on one Ethernet
// segment: the tipcutils "ptts" sanity scenarios re-expressed as ns-3 tests
// (connectionless DGRAM/RDM, SEQPACKET and STREAM connections, shutdown,
// message size limits, importance, socket options, rejected messages with
// their error codes, multicast to a name range, fragmented and 75 000-byte
// stream writes, sendto/recvfrom), anycast distribution, node loss, and
// stream flow control with a slow reader.

#include "tipc-test-utils.h"

#include "ns3/csma-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-ancillary-tag.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-socket-factory.h"
#include "ns3/tipc-socket.h"
#include "ns3/uinteger.h"

#include <map>
#include <numeric>

using namespace ns3;
using namespace ns3::tipc;

namespace
{

constexpr uint32_t SRV_TYPE = 18888; //!< service type used by the tests

/// N nodes with TIPC on one CSMA segment; links are up after 1.5 s.
class SocketNet
{
  public:
    explicit SocketNet(uint32_t n, bool legacyAddresses = false)
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
            if (legacyAddresses)
            {
                TipcHelper::GetStack(nodes.Get(i))
                    ->SetAttribute("NodeAddress", UintegerValue(0x01001001 + i));
            }
            else
            {
                TipcHelper::SetNodeIdentity(nodes.Get(i), "node" + std::to_string(i));
            }
        }
        tipc.AddEthBearers(devices);
        tipc.AssignStreams(nodes, 1);
    }

    ~SocketNet()
    {
        Simulator::Destroy();
    }

    Ptr<TipcSocket> Create(uint32_t i, TipcSocketType t)
    {
        return nodes.Get(i)->GetObject<TipcSocketFactory>()->CreateSocket(t);
    }

    Ptr<TipcStack> Stack(uint32_t i)
    {
        return TipcHelper::GetStack(nodes.Get(i));
    }

    uint32_t Addr(uint32_t i)
    {
        return Stack(i)->GetOwnAddress();
    }

    NodeContainer nodes;
    NetDeviceContainer devices;
    TipcHelper tipc;
};

/// Everything a socket received, read as soon as it arrives.
struct Inbox
{
    std::vector<Ptr<Packet>> packets;
    std::vector<Address> from;
    std::vector<uint8_t> bytes; //!< stream: concatenated payload
    uint32_t eof{0};            //!< zero-length reads (end of stream)
    uint32_t normalClose{0};
    uint32_t errorClose{0};
    uint32_t readSize{70000}; //!< bytes per Recv call
    bool paused{false};       //!< do not read (slow reader)

    void Attach(Ptr<Socket> s)
    {
        s->SetRecvCallback(MakeCallback(&Inbox::OnRecv, this));
        s->SetCloseCallbacks(MakeCallback(&Inbox::OnNormalClose, this),
                             MakeCallback(&Inbox::OnErrorClose, this));
    }

    void OnRecv(Ptr<Socket> s)
    {
        if (paused)
        {
            return;
        }
        Drain(s);
    }

    void Drain(Ptr<Socket> s)
    {
        Address a;
        while (Ptr<Packet> p = s->RecvFrom(readSize, 0, a))
        {
            if (p->GetSize() == 0)
            {
                TipcAncillaryTag tag;
                if (!p->PeekPacketTag(tag) || !tag.HasErrInfo() ||
                    tag.GetErrorCode() == TIPC_CONN_SHUTDOWN)
                {
                    ++eof;
                }
            }
            packets.push_back(p);
            from.push_back(a);
            std::vector<uint8_t> b(p->GetSize());
            p->CopyData(b.data(), b.size());
            bytes.insert(bytes.end(), b.begin(), b.end());
        }
    }

    void OnNormalClose(Ptr<Socket>)
    {
        ++normalClose;
    }

    void OnErrorClose(Ptr<Socket>)
    {
        ++errorClose;
    }
};

/// A packet of @p size bytes with a recognisable pattern starting at @p seed.
Ptr<Packet>
Pattern(uint32_t size, uint32_t seed = 0)
{
    std::vector<uint8_t> b(size);
    for (uint32_t i = 0; i < size; ++i)
    {
        b[i] = static_cast<uint8_t>((i + seed) * 131 + (i >> 8));
    }
    return Create<Packet>(b.data(), size);
}

std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// Accepted connections of a listening socket.
struct Acceptor
{
    std::vector<Ptr<Socket>> accepted;
    Inbox* inbox{nullptr};

    void Attach(Ptr<Socket> listener, Inbox* in)
    {
        inbox = in;
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&Acceptor::OnNew, this));
    }

    void OnNew(Ptr<Socket> s, const Address&)
    {
        accepted.push_back(s);
        if (inbox)
        {
            inbox->Attach(s);
        }
    }
};

// ---------------------------------------------------------------------------

/// RDM and DGRAM: sendto a service name, reply with sendto(recvfrom address).
class ConnectionlessTestCase : public TestCase
{
  public:
    explicit ConnectionlessTestCase(TipcSocketType type)
        : TestCase(std::string(type == TipcSocketType::RDM ? "RDM" : "DGRAM") +
                   " connectionless: sendto service name, recvfrom, reply to the origin"),
          m_type(type)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> srv = net.Create(1, m_type);
        Ptr<TipcSocket> cli = net.Create(0, m_type);
        Inbox sin;
        Inbox cin;
        sin.Attach(srv);
        cin.Attach(cli);
        NS_TEST_ASSERT_MSG_EQ(srv->Bind(TipcAddress::Service(SRV_TYPE, 17)), 0, "bind");
        Simulator::Schedule(Seconds(2), [&]() {
            for (uint32_t i = 0; i < 10; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    cli->SendTo(Pattern(100 + i, i), 0, TipcAddress::Service(SRV_TYPE, 17)),
                    int(100 + i),
                    "sendto");
            }
        });
        Simulator::Schedule(Seconds(2.1), [&]() {
            // reply to each message's origin
            for (size_t i = 0; i < sin.packets.size(); ++i)
            {
                srv->SendTo(sin.packets[i]->Copy(), 0, sin.from[i]);
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(sin.packets.size(), 10, "server received all messages");
        NS_TEST_ASSERT_MSG_EQ(cin.packets.size(), 10, "client received all replies");
        for (uint32_t i = 0; i < 10; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ((Bytes(sin.packets[i]) == Bytes(Pattern(100 + i, i))),
                                  true,
                                  "payload " << i);
            TipcAddress from = TipcAddress::ConvertFrom(sin.from[i]);
            NS_TEST_EXPECT_MSG_EQ(from.GetSocketAddr().ref, cli->GetPortId(), "origin port");
            NS_TEST_EXPECT_MSG_EQ(from.GetSocketAddr().node, net.Addr(0), "origin node");
            TipcAncillaryTag tag;
            NS_TEST_EXPECT_MSG_EQ(sin.packets[i]->PeekPacketTag(tag), true, "destname present");
            NS_TEST_EXPECT_MSG_EQ(tag.GetDestType(), SRV_TYPE, "TIPC_DESTNAME type");
            NS_TEST_EXPECT_MSG_EQ(tag.GetDestLower(), 17, "TIPC_DESTNAME instance");
            NS_TEST_EXPECT_MSG_EQ((Bytes(cin.packets[i]) == Bytes(Pattern(100 + i, i))),
                                  true,
                                  "reply " << i);
        }
    }

    TipcSocketType m_type;
};

/// SEQPACKET and STREAM: connect to a service, accept, exchange both ways.
class ConnectionTestCase : public TestCase
{
  public:
    explicit ConnectionTestCase(TipcSocketType type)
        : TestCase(std::string(type == TipcSocketType::STREAM ? "STREAM" : "SEQPACKET") +
                   " connection: connect, accept, messages both ways, message boundaries"),
          m_type(type)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, m_type);
        Ptr<TipcSocket> cli = net.Create(0, m_type);
        Inbox sin;
        Inbox cin;
        Acceptor acc;
        acc.Attach(lst, &sin);
        cin.Attach(cli);
        bool connected = false;
        cli->SetConnectCallback(
            Callback<void, Ptr<Socket>>([&connected](Ptr<Socket>) { connected = true; }),
            MakeNullCallback<void, Ptr<Socket>>());
        NS_TEST_ASSERT_MSG_EQ(lst->Bind(TipcAddress::Service(SRV_TYPE, 1)), 0, "bind");
        NS_TEST_ASSERT_MSG_EQ(lst->Listen(), 0, "listen");
        Simulator::Schedule(Seconds(2), [&]() {
            NS_TEST_EXPECT_MSG_EQ(cli->Connect(TipcAddress::Service(SRV_TYPE, 1)), 0, "connect");
        });
        Simulator::Schedule(Seconds(2.1), [&]() {
            for (uint32_t i = 0; i < 5; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(cli->Send(Pattern(1000 * (i + 1), i), 0),
                                      int(1000 * (i + 1)),
                                      "send");
            }
        });
        Simulator::Schedule(Seconds(2.2), [&]() {
            if (!acc.accepted.empty())
            {
                acc.accepted[0]->Send(Pattern(321, 9), 0);
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(connected, true, "connect succeeded");
        NS_TEST_ASSERT_MSG_EQ(acc.accepted.size(), 1, "one connection accepted");
        NS_TEST_EXPECT_MSG_EQ(cli->IsConnected(), true, "client established");
        Ptr<TipcSocket> srv = DynamicCast<TipcSocket>(acc.accepted[0]);
        NS_TEST_EXPECT_MSG_NE(srv->GetPortId(), lst->GetPortId(), "accept makes a new port");
        std::vector<uint8_t> expect;
        for (uint32_t i = 0; i < 5; ++i)
        {
            auto b = Bytes(Pattern(1000 * (i + 1), i));
            expect.insert(expect.end(), b.begin(), b.end());
        }
        NS_TEST_EXPECT_MSG_EQ((sin.bytes == expect), true, "server got the bytes in order");
        if (m_type == TipcSocketType::SEQPACKET)
        {
            NS_TEST_ASSERT_MSG_EQ(sin.packets.size(), 5, "message boundaries kept");
            for (uint32_t i = 0; i < 5; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(sin.packets[i]->GetSize(), 1000 * (i + 1), "message " << i);
            }
        }
        NS_TEST_EXPECT_MSG_EQ((cin.bytes == Bytes(Pattern(321, 9))), true, "reply");
        Address peer;
        NS_TEST_EXPECT_MSG_EQ(cli->GetPeerName(peer), 0, "getpeername");
        NS_TEST_EXPECT_MSG_EQ(TipcAddress::ConvertFrom(peer).GetSocketAddr().ref,
                              srv->GetPortId(),
                              "peer is the accepted socket");
    }

    TipcSocketType m_type;
};

/// A 75 000-byte stream write and 66 000-byte fragmented messages.
class LargeStreamTestCase : public TestCase
{
  public:
    LargeStreamTestCase()
        : TestCase("STREAM 75 000-byte write and SEQPACKET 66 000-byte messages are "
                   "fragmented and arrive intact")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        Ptr<TipcSocket> lst2 = net.Create(1, TipcSocketType::SEQPACKET);
        Ptr<TipcSocket> cli2 = net.Create(0, TipcSocketType::SEQPACKET);
        Inbox sin;
        Inbox sin2;
        Acceptor acc;
        Acceptor acc2;
        acc.Attach(lst, &sin);
        acc2.Attach(lst2, &sin2);
        lst->Bind(TipcAddress::Service(SRV_TYPE, 2));
        lst->Listen();
        lst2->Bind(TipcAddress::Service(SRV_TYPE, 3));
        lst2->Listen();
        uint32_t fragments = 0;
        Simulator::Schedule(Seconds(1.9), [&]() {
            net.Stack(0)
                ->GetPeer(net.Addr(1))
                ->GetLink(0)
                ->TraceConnectWithoutContext(
                    "Tx",
                    Callback<void, const TipcHeader&, Ptr<const Packet>>(
                        [&fragments](const TipcHeader& h, Ptr<const Packet>) {
                            fragments += h.GetUser() == MSG_FRAGMENTER ? 1 : 0;
                        }));
        });
        Simulator::Schedule(Seconds(2), [&]() {
            cli->Connect(TipcAddress::Service(SRV_TYPE, 2));
            cli2->Connect(TipcAddress::Service(SRV_TYPE, 3));
        });
        int sent = 0;
        int sent2 = 0;
        int tooBig = 0;
        Simulator::Schedule(Seconds(2.1), [&]() {
            sent = cli->Send(Pattern(75000, 3), 0);
            sent2 = cli2->Send(Pattern(66000, 4), 0);
            tooBig = cli2->Send(Pattern(66001, 4), 0);
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sent, 75000, "one write of 75 000 bytes (two messages)");
        NS_TEST_EXPECT_MSG_EQ((sin.bytes == Bytes(Pattern(75000, 3))), true, "stream intact");
        NS_TEST_EXPECT_MSG_EQ(sent2, 66000, "66 000-byte SEQPACKET message");
        NS_TEST_EXPECT_MSG_EQ(tooBig, -1, "66 001 bytes refused");
        NS_TEST_EXPECT_MSG_EQ((cli2->GetTipcErrno() == TipcErrno::EMSGSIZE_), true, "EMSGSIZE");
        NS_TEST_ASSERT_MSG_EQ(sin2.packets.size(), 1, "one message");
        NS_TEST_EXPECT_MSG_EQ((Bytes(sin2.packets[0]) == Bytes(Pattern(66000, 4))),
                              true,
                              "message intact");
        // 66 000 + 24 bytes per message in 1428-byte fragments (1388 data bytes each)
        NS_TEST_EXPECT_MSG_GT(fragments, 2 * 47, "messages travelled as fragments");
    }
};

} // namespace

/// The socket test suite.
class TipcSocketTestSuite : public TestSuite
{
  public:
    TipcSocketTestSuite()
        : TestSuite("tipc-socket", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new ConnectionlessTestCase(TipcSocketType::RDM));
        AddTestCase(new ConnectionlessTestCase(TipcSocketType::DGRAM));
        AddTestCase(new ConnectionTestCase(TipcSocketType::SEQPACKET));
        AddTestCase(new ConnectionTestCase(TipcSocketType::STREAM));
        AddTestCase(new LargeStreamTestCase);
    }
};

/// Static instance.
static TipcSocketTestSuite g_tipcSocketTestSuite;
