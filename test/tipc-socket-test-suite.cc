// SPDX-License-Identifier: GPL-2.0-only
//
// TIPC sockets (reference section 10) between two nodes on one Ethernet
// segment: the tipcutils "ptts" sanity scenarios re-expressed as ns-3 tests
// (connectionless DGRAM/RDM, SEQPACKET and STREAM connections, shutdown,
// message size limits, importance, socket options, rejected messages with
// their error codes, multicast to a name range, fragmented and 75 000-byte
// stream writes, sendto/recvfrom), anycast distribution, node loss, and
// stream flow control with a slow reader.

#include "tipc-net-fixture.h"
#include "tipc-test-utils.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/csma-helper.h"
#include "ns3/csma-net-device.h"
#include "ns3/error-model.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-ancillary-tag.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-name-distributor.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-socket-factory.h"
#include "ns3/tipc-socket.h"
#include "ns3/tipc-subscr.h"
#include "ns3/tipc-topology-server.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <numeric>

using namespace ns3;
using namespace ns3::tipc;
using namespace ns3::tipctest;

namespace
{

constexpr uint32_t SRV_TYPE = 18888; //!< service type used by the tests

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

    /**
     * @brief Attach to @p listener, bind it to {SRV_TYPE, @p instance} and listen.
     * @param listener the listening socket
     * @param in inbox for the accepted sockets
     * @param instance service instance
     */
    void Listen(Ptr<TipcSocket> listener, Inbox* in, uint32_t instance)
    {
        Attach(listener, in);
        listener->Bind(TipcAddress::Service(SRV_TYPE, instance));
        listener->Listen();
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
            net.LinkTx(0, 1, [&fragments](const TipcHeader& h, Ptr<const Packet>) {
                fragments += h.GetUser() == MSG_FRAGMENTER ? 1 : 0;
            });
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

/// The segment fails at @p at: every device loses everything it receives.
void
CutSegment(SocketNet& net, Time at)
{
    for (uint32_t j = 0; j < net.devices.GetN(); ++j)
    {
        Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
        em->SetRate(1.0);
        em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        em->Disable();
        net.devices.Get(j)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        Simulator::Schedule(at, [em]() { em->Enable(); });
    }
}

/// A topology-service subscriber built from a plain SEQPACKET socket.
struct Subscriber
{
    Ptr<TipcSocket> sock;
    std::vector<TipcEvent> events;
    std::vector<Time> times;
    bool closed{false};

    void Open(Ptr<TipcSocket> s)
    {
        sock = s;
        sock->SetRecvCallback(MakeCallback(&Subscriber::OnRecv, this));
        sock->SetCloseCallbacks(MakeCallback(&Subscriber::OnClose, this),
                                MakeCallback(&Subscriber::OnClose, this));
        sock->Connect(TipcAddress::Service(TIPC_TOP_SRV, TIPC_TOP_SRV));
    }

    void Subscribe(uint32_t type,
                   uint32_t lower,
                   uint32_t upper,
                   uint32_t filter,
                   uint32_t timeout = TIPC_WAIT_FOREVER,
                   uint8_t handle = 0)
    {
        TipcSubscr s;
        s.seq = {type, lower, upper};
        s.filter = filter;
        s.timeout = timeout;
        s.usrHandle[0] = handle;
        auto b = s.Serialize();
        sock->Send(Create<Packet>(b.data(), b.size()), 0);
    }

    void OnRecv(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv(TipcEvent::SIZE, 0))
        {
            if (p->GetSize() != TipcEvent::SIZE)
            {
                continue;
            }
            uint8_t b[TipcEvent::SIZE];
            p->CopyData(b, sizeof(b));
            events.push_back(TipcEvent::Deserialize(b));
            times.push_back(Simulator::Now());
        }
    }

    void OnClose(Ptr<Socket>)
    {
        closed = true;
    }

    uint32_t Count(uint32_t event, uint32_t lower) const
    {
        uint32_t n = 0;
        for (const auto& e : events)
        {
            n += (e.event == event && e.foundLower == lower) ? 1 : 0;
        }
        return n;
    }
};

/// shutdown() and close() as the peer sees them.
class ShutdownTestCase : public TestCase
{
  public:
    explicit ShutdownTestCase(bool close)
        : TestCase(close ? "close() of a connection: the peer gets ECONNRESET, NO_PORT"
                         : "shutdown() of a connection: the peer reads the data, then end of "
                           "stream; sends fail with EPIPE"),
          m_close(close)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        Inbox sin;
        Acceptor acc;
        acc.Listen(lst, &sin, 5);
        Simulator::Schedule(Seconds(2), [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 5)); });
        Simulator::Schedule(Seconds(2.1), [&]() {
            cli->Send(Pattern(3000, 1), 0);
            if (m_close)
            {
                cli->Close();
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(cli->Shutdown(), 0, "shutdown");
            }
        });
        int srvSend = 0;
        int cliSend = 0;
        Simulator::Schedule(Seconds(2.2), [&]() {
            srvSend = acc.accepted.empty() ? 0 : acc.accepted[0]->Send(Pattern(10), 0);
            cliSend = cli->Send(Pattern(10), 0);
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(acc.accepted.size(), 1, "accepted");
        Ptr<TipcSocket> srv = DynamicCast<TipcSocket>(acc.accepted[0]);
        std::vector<uint8_t> want = Bytes(Pattern(3000, 1));
        std::vector<uint8_t> got(sin.bytes.begin(),
                                 sin.bytes.begin() + std::min<size_t>(3000, sin.bytes.size()));
        NS_TEST_EXPECT_MSG_EQ((got == want), true, "data before the end arrives");
        NS_TEST_EXPECT_MSG_EQ(srv->GetStateName(), "DISCONNECTING", "peer disconnected");
        NS_TEST_EXPECT_MSG_EQ(srvSend, -1, "send after the peer's shutdown fails");
        NS_TEST_EXPECT_MSG_EQ((srv->GetTipcErrno() == TipcErrno::EPIPE_), true, "EPIPE");
        NS_TEST_EXPECT_MSG_EQ(cliSend, -1, "own send after shutdown fails");
        if (m_close)
        {
            NS_TEST_EXPECT_MSG_EQ(sin.errorClose, 1, "error close (NO_PORT)");
            TipcAncillaryTag tag;
            bool found = false;
            for (const auto& p : sin.packets)
            {
                if (p->PeekPacketTag(tag) && tag.HasErrInfo())
                {
                    found = tag.GetErrorCode() == TIPC_ERR_NO_PORT;
                }
            }
            NS_TEST_EXPECT_MSG_EQ(found, true, "TIPC_ERRINFO says NO_PORT");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(sin.normalClose, 1, "normal close (CONN_SHUTDOWN)");
            NS_TEST_EXPECT_MSG_EQ(sin.eof, 1, "end of stream read once");
        }
    }

    bool m_close;
};

/// Importance, socket options and bind rules.
class OptionsTestCase : public TestCase
{
  public:
    OptionsTestCase()
        : TestCase("Socket options, importance on the wire, bind rules (reserved types, keys)")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> srv = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::RDM);
        Ptr<TipcSocket> st = net.Create(0, TipcSocketType::STREAM);
        uint32_t v = 99;
        NS_TEST_EXPECT_MSG_EQ(cli->GetSockOpt(TIPC_IMPORTANCE, v), 0, "get importance");
        NS_TEST_EXPECT_MSG_EQ(v, TIPC_LOW_IMPORTANCE, "default LOW");
        NS_TEST_EXPECT_MSG_EQ(cli->SetSockOpt(TIPC_IMPORTANCE, TIPC_CRITICAL_IMPORTANCE), 0, "set");
        NS_TEST_EXPECT_MSG_EQ(cli->SetSockOpt(TIPC_IMPORTANCE, 4), -1, "importance 4 refused");
        NS_TEST_EXPECT_MSG_EQ((cli->GetTipcErrno() == TipcErrno::EINVAL_), true, "EINVAL");
        cli->GetSockOpt(TIPC_DEST_DROPPABLE, v);
        NS_TEST_EXPECT_MSG_EQ(v, 1, "RDM is dest-droppable by default");
        st->GetSockOpt(TIPC_DEST_DROPPABLE, v);
        NS_TEST_EXPECT_MSG_EQ(v, 0, "STREAM is not");
        NS_TEST_EXPECT_MSG_EQ(st->SetSockOpt(TIPC_SRC_DROPPABLE, 1),
                              -1,
                              "no SRC_DROPPABLE on STREAM");
        st->SetSockOpt(TIPC_CONN_TIMEOUT, 100000);
        st->GetSockOpt(TIPC_CONN_TIMEOUT, v);
        NS_TEST_EXPECT_MSG_EQ(v, (100000U & 0xffffU), "conn timeout kept in 16 bits");
        NS_TEST_EXPECT_MSG_EQ(srv->Bind(TipcAddress::Service(63, 1)), -1, "type 63 reserved");
        NS_TEST_EXPECT_MSG_EQ((srv->GetTipcErrno() == TipcErrno::EACCES_), true, "EACCES");
        NS_TEST_EXPECT_MSG_EQ(srv->Bind(TipcAddress::Socket(1, 0)), -1, "socket address bind");
        NS_TEST_EXPECT_MSG_EQ(srv->Bind(TipcAddress::ServiceRange(SRV_TYPE, 10, 5)),
                              -1,
                              "lower > upper");
        // the same range twice: two bindings (distinct keys)
        NS_TEST_EXPECT_MSG_EQ(srv->Bind(TipcAddress::Service(SRV_TYPE, 7)), 0, "bind");
        NS_TEST_EXPECT_MSG_EQ(srv->Bind(TipcAddress::Service(SRV_TYPE, 7)), 0, "bind again");
        NS_TEST_EXPECT_MSG_EQ(net.Stack(1)->GetNameTable().GetOverlapping(SRV_TYPE, 7, 7).size(),
                              2,
                              "two bindings");
        NS_TEST_EXPECT_MSG_EQ(srv->Unbind(TipcAddress::Service(SRV_TYPE, 7)), 0, "unbind newest");
        NS_TEST_EXPECT_MSG_EQ(net.Stack(1)->GetNameTable().GetOverlapping(SRV_TYPE, 7, 7).size(),
                              1,
                              "one left");
        uint32_t importance = 99;
        Inbox sin;
        sin.Attach(srv);
        srv->TraceConnectWithoutContext("Rx",
                                        Callback<void, const TipcHeader&, Ptr<const Packet>>(
                                            [&importance](const TipcHeader& h, Ptr<const Packet>) {
                                                importance = h.GetImportance();
                                            }));
        Simulator::Schedule(Seconds(2), [&]() {
            cli->SendTo(Pattern(10), 0, TipcAddress::Service(SRV_TYPE, 7));
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sin.packets.size(), 1, "received");
        NS_TEST_EXPECT_MSG_EQ(importance, TIPC_CRITICAL_IMPORTANCE, "importance in the header");
    }
};

/// Rejected messages: returned with their error code, or dropped if dest-droppable.
class RejectTestCase : public TestCase
{
  public:
    RejectTestCase()
        : TestCase("Rejected messages return with NO_PORT or NO_NAME and up to 1024 data bytes, "
                   "or are dropped when dest-droppable; unbound names give EHOSTUNREACH")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> gone = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> srv = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> keep = net.Create(0, TipcSocketType::RDM); // dest_droppable = 0
        Ptr<TipcSocket> drop = net.Create(0, TipcSocketType::RDM); // default: droppable
        keep->SetSockOpt(TIPC_DEST_DROPPABLE, 0);
        Ptr<TipcSocket> bare = net.Create(0, TipcSocketType::RDM); // no control buffer
        bare->SetSockOpt(TIPC_DEST_DROPPABLE, 0);
        bare->SetAttribute("AncillaryData", BooleanValue(false));
        Inbox kin;
        Inbox din;
        Inbox bin;
        kin.Attach(keep);
        din.Attach(drop);
        bin.Attach(bare);
        srv->Bind(TipcAddress::Service(SRV_TYPE, 40));
        uint32_t gonePort = gone->GetPortId();
        gone->Close();
        int unbound = 0;
        TipcErrno unboundErr = TipcErrno::OK;
        Simulator::Schedule(Seconds(2), [&]() {
            keep->SendTo(Pattern(2000, 5), 0, TipcAddress::Socket(gonePort, net.Addr(1)));
            drop->SendTo(Pattern(2000, 5), 0, TipcAddress::Socket(gonePort, net.Addr(1)));
            bare->SendTo(Pattern(2000, 5), 0, TipcAddress::Socket(gonePort, net.Addr(1)));
            unbound = keep->SendTo(Pattern(10), 0, TipcAddress::Service(SRV_TYPE, 41));
            unboundErr = keep->GetTipcErrno();
        });
        // the server unbinds while a message to its name is in flight: NO_NAME
        Simulator::Schedule(Seconds(2.1), [&]() {
            keep->SendTo(Pattern(100, 6), 0, TipcAddress::Service(SRV_TYPE, 40));
            srv->Close();
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(unbound, -1, "no binding: the send fails");
        NS_TEST_EXPECT_MSG_EQ((unboundErr == TipcErrno::EHOSTUNREACH_), true, "EHOSTUNREACH");
        NS_TEST_ASSERT_MSG_EQ(kin.packets.size(), 2, "two messages came back");
        TipcAncillaryTag tag;
        NS_TEST_ASSERT_MSG_EQ(kin.packets[0]->PeekPacketTag(tag), true, "ancillary data");
        NS_TEST_EXPECT_MSG_EQ(tag.GetErrorCode(), TIPC_ERR_NO_PORT, "TIPC_ERRINFO NO_PORT");
        NS_TEST_EXPECT_MSG_EQ(tag.GetReturnedDataLength(), 1024, "1024 bytes returned");
        std::vector<uint8_t> first = Bytes(Pattern(2000, 5));
        first.resize(1024);
        NS_TEST_EXPECT_MSG_EQ((Bytes(kin.packets[0]) == first), true, "TIPC_RETDATA");
        NS_TEST_ASSERT_MSG_EQ(kin.packets[1]->PeekPacketTag(tag), true, "ancillary data");
        NS_TEST_EXPECT_MSG_EQ(tag.GetErrorCode(), TIPC_ERR_NO_NAME, "TIPC_ERRINFO NO_NAME");
        NS_TEST_EXPECT_MSG_EQ(tag.GetDestType(), SRV_TYPE, "TIPC_DESTNAME of the returned message");
        NS_TEST_EXPECT_MSG_EQ(din.packets.size(), 0, "dest-droppable: nothing comes back");
        // tipc_recvmsg without a control buffer: 0 bytes, the data only as TIPC_RETDATA
        NS_TEST_ASSERT_MSG_EQ(bin.packets.size(), 1, "it came back to the bare socket too");
        NS_TEST_EXPECT_MSG_EQ(bin.packets[0]->GetSize(), 0, "recvmsg returns 0 bytes");
        NS_TEST_EXPECT_MSG_EQ(bin.packets[0]->PeekPacketTag(tag), false, "no ancillary data");
    }
};

/// Multicast to a name range.
class McastTestCase : public TestCase
{
  public:
    McastTestCase()
        : TestCase("Multicast to the name range 900-1100: one copy per bound socket, cluster "
                   "scope only for remote senders")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> a = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> b = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> c = net.Create(0, TipcSocketType::RDM);
        Ptr<TipcSocket> n = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> out = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> tx = net.Create(0, TipcSocketType::RDM);
        Inbox ain, bin, cin, nin, oin;
        ain.Attach(a);
        bin.Attach(b);
        cin.Attach(c);
        nin.Attach(n);
        oin.Attach(out);
        a->Bind(TipcAddress::ServiceRange(SRV_TYPE, 900, 999));
        b->Bind(TipcAddress::ServiceRange(SRV_TYPE, 1000, 1100));
        b->Bind(TipcAddress::ServiceRange(SRV_TYPE, 1050, 1050)); // second match: still one copy
        c->Bind(TipcAddress::ServiceRange(SRV_TYPE, 950, 1050));  // on the sender's node
        n->Bind(TipcAddress::ServiceRange(SRV_TYPE, 1000, 1000, TIPC_NODE_SCOPE)); // not for remote
        out->Bind(TipcAddress::ServiceRange(SRV_TYPE, 1101, 1200));                // outside
        int rc = 0;
        Simulator::Schedule(Seconds(2), [&]() {
            rc = tx->SendTo(Pattern(3000, 7), 0, TipcAddress::ServiceRange(SRV_TYPE, 900, 1100));
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rc, 3000, "multicast sent");
        NS_TEST_EXPECT_MSG_EQ(ain.packets.size(), 1, "900-999");
        NS_TEST_EXPECT_MSG_EQ(bin.packets.size(), 1, "1000-1100 (bound twice): one copy");
        NS_TEST_EXPECT_MSG_EQ(cin.packets.size(), 1, "local socket");
        NS_TEST_EXPECT_MSG_EQ(nin.packets.size(), 0, "node scope binding of another node");
        NS_TEST_EXPECT_MSG_EQ(oin.packets.size(), 0, "outside the range");
        if (!ain.packets.empty())
        {
            NS_TEST_EXPECT_MSG_EQ((Bytes(ain.packets[0]) == Bytes(Pattern(3000, 7))),
                                  true,
                                  "payload");
            TipcAncillaryTag tag;
            ain.packets[0]->PeekPacketTag(tag);
            NS_TEST_EXPECT_MSG_EQ(tag.GetDestLower(), 900, "TIPC_DESTNAME lower");
            NS_TEST_EXPECT_MSG_EQ(tag.GetDestUpper(), 1100, "TIPC_DESTNAME upper");
        }
    }
};

/// Anycast round robin over three servers on three nodes.
class AnycastTestCase : public TestCase
{
  public:
    explicit AnycastTestCase(bool legacy)
        : TestCase(legacy
                       ? "Anycast with configured (legacy) node addresses prefers the node-local "
                         "binding"
                       : "Anycast over three servers on three nodes is round robin; a lookup "
                         "domain of the own node selects the local binding"),
          m_legacy(legacy)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(4, m_legacy);
        std::vector<Ptr<TipcSocket>> srv;
        std::vector<Inbox> in(4);
        for (uint32_t i = 1; i < 4; ++i)
        {
            srv.push_back(net.Create(i, TipcSocketType::RDM));
            in[i].Attach(srv.back());
            srv.back()->Bind(TipcAddress::Service(SRV_TYPE, 60));
        }
        Ptr<TipcSocket> local = net.Create(0, TipcSocketType::RDM);
        in[0].Attach(local);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::RDM);
        const uint32_t k = 20;
        Simulator::Schedule(Seconds(3), [&]() {
            for (uint32_t i = 0; i < 3 * k; ++i)
            {
                cli->SendTo(Pattern(20), 0, TipcAddress::Service(SRV_TYPE, 60));
            }
        });
        // then a local binding appears
        Simulator::Schedule(Seconds(3.5),
                            [&]() { local->Bind(TipcAddress::Service(SRV_TYPE, 60)); });
        Simulator::Schedule(Seconds(4), [&]() {
            for (uint32_t i = 0; i < 4 * k; ++i)
            {
                cli->SendTo(Pattern(20), 0, TipcAddress::Service(SRV_TYPE, 60));
            }
            // lookup domain = own node: only the local binding
            for (uint32_t i = 0; i < k; ++i)
            {
                cli->SendTo(Pattern(20), 0, TipcAddress::Service(SRV_TYPE, 60, net.Addr(0)));
            }
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        if (m_legacy)
        {
            // first round: no local binding, round robin; then everything local
            for (uint32_t i = 1; i < 4; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(in[i].packets.size(), k, "server " << i);
            }
            NS_TEST_EXPECT_MSG_EQ(in[0].packets.size(), 5 * k, "local binding preferred");
        }
        else
        {
            for (uint32_t i = 1; i < 4; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(in[i].packets.size(),
                                      k + k,
                                      "server " << i << ": round robin");
            }
            NS_TEST_EXPECT_MSG_EQ(in[0].packets.size(),
                                  k + k,
                                  "local: its share, plus the domain lookups");
        }
    }

    bool m_legacy;
};

/// The topology service: bind/unbind events, node down, timeout, cancel.
class TopologyTestCase : public TestCase
{
  public:
    TopologyTestCase()
        : TestCase("Topology subscriber sees PUBLISHED and WITHDRAWN for binds, unbinds and all "
                   "bindings of a node that goes down (within one tolerance), timeouts, cancel")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Subscriber ports;
        Subscriber service;
        Subscriber nodes;
        Subscriber timed;
        Ptr<TipcSocket> s1 = net.Create(1, TipcSocketType::RDM);
        Ptr<TipcSocket> s2 = net.Create(1, TipcSocketType::RDM);
        Simulator::Schedule(Seconds(0.5), [&]() {
            ports.Open(net.Create(0, TipcSocketType::SEQPACKET));
            service.Open(net.Create(0, TipcSocketType::SEQPACKET));
            nodes.Open(net.Create(0, TipcSocketType::SEQPACKET));
            timed.Open(net.Create(0, TipcSocketType::SEQPACKET));
        });
        Simulator::Schedule(Seconds(0.6), [&]() {
            ports.Subscribe(SRV_TYPE, 0, 100, TIPC_SUB_PORTS);
            service.Subscribe(SRV_TYPE, 0, 100, TIPC_SUB_SERVICE);
            nodes.Subscribe(TIPC_NODE_STATE, 0, 0xffffffff, TIPC_SUB_PORTS);
            timed.Subscribe(SRV_TYPE, 0, 100, TIPC_SUB_PORTS, 500, 7);
            timed.Subscribe(SRV_TYPE, 200, 300, TIPC_SUB_PORTS, TIPC_WAIT_FOREVER, 8);
            timed.Subscribe(SRV_TYPE,
                            200,
                            300,
                            TIPC_SUB_PORTS | TIPC_SUB_CANCEL,
                            TIPC_WAIT_FOREVER,
                            8);
        });
        Simulator::Schedule(Seconds(2), [&]() {
            s1->Bind(TipcAddress::Service(SRV_TYPE, 10));
            s2->Bind(TipcAddress::Service(SRV_TYPE, 10));
            s2->Bind(TipcAddress::ServiceRange(SRV_TYPE, 20, 30));
            s1->Bind(TipcAddress::Service(SRV_TYPE, 250));
        });
        Simulator::Schedule(Seconds(2.5),
                            [&]() { s1->Unbind(TipcAddress::Service(SRV_TYPE, 10)); });
        const Time cut = Seconds(3);
        CutSegment(net, cut);
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        // PORTS: every binding, and all of node 1's at node down
        NS_TEST_EXPECT_MSG_EQ(ports.Count(TIPC_PUBLISHED, 10), 2, "two bindings of 10");
        NS_TEST_EXPECT_MSG_EQ(ports.Count(TIPC_PUBLISHED, 20), 1, "20-30");
        NS_TEST_EXPECT_MSG_EQ(ports.Count(TIPC_WITHDRAWN, 10), 2, "unbind + node down");
        NS_TEST_EXPECT_MSG_EQ(ports.Count(TIPC_WITHDRAWN, 20), 1, "node down");
        NS_TEST_EXPECT_MSG_EQ(ports.Count(TIPC_PUBLISHED, 250), 0, "outside the range");
        // SERVICE: first binding of a range and its last withdrawal
        NS_TEST_EXPECT_MSG_EQ(service.Count(TIPC_PUBLISHED, 10), 1, "service 10 up once");
        NS_TEST_EXPECT_MSG_EQ(service.Count(TIPC_WITHDRAWN, 10), 1, "service 10 down once");
        // node state: both nodes up (own included), node 1 down after the cut
        NS_TEST_EXPECT_MSG_EQ(nodes.Count(TIPC_PUBLISHED, net.Addr(0)), 1, "own node");
        NS_TEST_EXPECT_MSG_EQ(nodes.Count(TIPC_PUBLISHED, net.Addr(1)), 1, "node 1 up");
        NS_TEST_EXPECT_MSG_EQ(nodes.Count(TIPC_WITHDRAWN, net.Addr(1)), 1, "node 1 down");
        Time down;
        for (size_t i = 0; i < ports.events.size(); ++i)
        {
            if (ports.events[i].event == TIPC_WITHDRAWN && ports.events[i].foundLower == 20)
            {
                down = ports.times[i];
            }
        }
        // Linux declares the link down 5-6 node timer periods after the last frame (375 ms
        // keepalive: 94 jiffies, run every 96 by the timer wheel, 384 ms)
        NS_TEST_EXPECT_MSG_GT(down, cut, "withdrawn after the cut");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(down,
                                    cut + MilliSeconds(6 * 384),
                                    "within tolerance + 2 intervals");
        // the timed subscription ends with a TIMEOUT event; the cancelled one reports nothing
        uint32_t timeouts = 0;
        uint32_t from250 = 0;
        for (const auto& e : timed.events)
        {
            timeouts += e.event == TIPC_SUBSCR_TIMEOUT ? 1 : 0;
            from250 += e.foundLower == 250 ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(timeouts, 1, "TIPC_SUBSCR_TIMEOUT");
        NS_TEST_EXPECT_MSG_EQ(from250, 0, "cancelled subscription is silent");
        NS_TEST_EXPECT_MSG_EQ(timed.events.back().event, TIPC_SUBSCR_TIMEOUT, "nothing after it");
        NS_TEST_EXPECT_MSG_EQ(timed.events.back().s[20], 7, "user handle copied");
        NS_TEST_EXPECT_MSG_EQ(net.Stack(0)->GetTopologyServer()->GetNSubscriptions(), 3, "left");
    }
};

/// An illegal subscription closes the connection.
class IllegalSubscriptionTestCase : public TestCase
{
  public:
    IllegalSubscriptionTestCase()
        : TestCase(
              "An illegal subscription (PORTS and SERVICE, lower > upper) closes the connection")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(1);
        Subscriber a;
        Subscriber b;
        Simulator::Schedule(Seconds(1.5), [&]() {
            a.Open(net.Create(0, TipcSocketType::SEQPACKET));
            b.Open(net.Create(0, TipcSocketType::SEQPACKET));
        });
        Simulator::Schedule(Seconds(1.6), [&]() {
            a.Subscribe(SRV_TYPE, 0, 10, TIPC_SUB_PORTS | TIPC_SUB_SERVICE);
            b.Subscribe(SRV_TYPE, 10, 0, TIPC_SUB_PORTS);
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.closed, true, "PORTS|SERVICE");
        NS_TEST_EXPECT_MSG_EQ(b.closed, true, "lower > upper");
        NS_TEST_EXPECT_MSG_EQ(net.Stack(0)->GetTopologyServer()->GetNConnections(), 0, "closed");
    }
};

/// A connection whose peer node dies is aborted.
class NodeLossTestCase : public TestCase
{
  public:
    NodeLossTestCase()
        : TestCase("A connection whose peer node is lost is aborted (TIPC_ERR_NO_NODE): "
                   "ECONNRESET, sends fail with EPIPE")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::SEQPACKET);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::SEQPACKET);
        cli->SetAttribute("AncillaryData", BooleanValue(false));
        Inbox cin;
        cin.Attach(cli);
        Acceptor acc;
        Inbox sin;
        acc.Listen(lst, &sin, 70);
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 70)); });
        const Time cut = Seconds(3);
        CutSegment(net, cut);
        Time closedAt;
        cli->SetCloseCallbacks(
            MakeNullCallback<void, Ptr<Socket>>(),
            Callback<void, Ptr<Socket>>([&closedAt](Ptr<Socket>) { closedAt = Simulator::Now(); }));
        int sendAfter = 0;
        TipcErrno recvErr = TipcErrno::OK;
        Simulator::Schedule(Seconds(6), [&]() {
            sendAfter = cli->Send(Pattern(10), 0);
            cli->Recv(100, 0);
            recvErr = cli->GetTipcErrno();
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(closedAt, cut, "aborted after the cut");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(closedAt, cut + MilliSeconds(2250), "when the node is lost");
        NS_TEST_EXPECT_MSG_EQ(cli->GetStateName(), "DISCONNECTING", "disconnected");
        NS_TEST_EXPECT_MSG_EQ(sendAfter, -1, "send fails");
        NS_TEST_EXPECT_MSG_EQ((recvErr == TipcErrno::ECONNRESET_), true, "recv: ECONNRESET");
    }
};

/// Connection flow control with a slow reader.
class FlowControlTestCase : public TestCase
{
  public:
    FlowControlTestCase()
        : TestCase("Stream flow control: a slow reader loses nothing and the sender's "
                   "unacknowledged blocks stay within the advertised window")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        Inbox sin;
        sin.paused = true;
        sin.readSize = 4096;
        Acceptor acc;
        acc.Listen(lst, &sin, 80);
        const uint32_t total = 4 * 1024 * 1024;
        Ptr<Packet> data = Pattern(total, 11);
        uint32_t sent = 0;
        uint32_t maxUnacked = 0;
        uint32_t maxWin = 0;
        cli->TraceConnectWithoutContext(
            "SntUnacked",
            Callback<void, uint32_t, uint32_t>(
                [&](uint32_t, uint32_t v) { maxUnacked = std::max(maxUnacked, v); }));
        cli->TraceConnectWithoutContext(
            "SndWindow",
            Callback<void, uint32_t, uint32_t>(
                [&](uint32_t, uint32_t v) { maxWin = std::max(maxWin, v); }));
        auto pump = [&]() {
            while (sent < total)
            {
                uint32_t n = std::min<uint32_t>(65536, total - sent);
                int rc = cli->Send(data->CreateFragment(sent, n), 0);
                if (rc <= 0)
                {
                    break;
                }
                sent += rc;
            }
        };
        cli->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([&](Ptr<Socket>, uint32_t) { pump(); }));
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 80)); });
        Simulator::Schedule(Seconds(2.1), pump);
        uint32_t sentWhilePaused = 0;
        uint32_t memWhilePaused = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            sentWhilePaused = sent;
            Ptr<TipcSocket> srv = DynamicCast<TipcSocket>(acc.accepted.at(0));
            memWhilePaused = srv->GetRcvQueueMemory();
        });
        // the reader wakes up now and then and reads a little
        for (uint32_t i = 0; i < 400; ++i)
        {
            Simulator::Schedule(Seconds(3) + MilliSeconds(5 * i), [&]() {
                if (!acc.accepted.empty())
                {
                    sin.paused = false;
                    for (int r = 0; r < 4; ++r)
                    {
                        Ptr<Packet> p = acc.accepted[0]->Recv(sin.readSize, 0);
                        if (!p)
                        {
                            break;
                        }
                        std::vector<uint8_t> b = Bytes(p);
                        sin.bytes.insert(sin.bytes.end(), b.begin(), b.end());
                    }
                    sin.paused = true;
                }
            });
        }
        Simulator::Schedule(Seconds(5.1), [&]() {
            sin.paused = false;
            sin.Drain(acc.accepted.at(0));
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sent, total, "everything was sent eventually");
        NS_TEST_EXPECT_MSG_EQ(sin.bytes.size(), total, "everything arrived");
        NS_TEST_EXPECT_MSG_EQ((sin.bytes == Bytes(data)), true, "in order, byte for byte");
        // the sender stops when snt_unacked exceeds the window: at most one
        // 66 000-byte message (65 blocks) beyond it
        NS_TEST_EXPECT_MSG_LT_OR_EQ(maxUnacked, maxWin + 65, "bounded by the advertised window");
        NS_TEST_EXPECT_MSG_LT(sentWhilePaused, total, "the paused reader stalled the sender");
        NS_TEST_EXPECT_MSG_LT(memWhilePaused, RCVBUF_DEF, "receive queue within sk_rcvbuf");
    }
};

/// Sends made from inside socket callbacks keep the link's order.
class SendFromCallbackTestCase : public TestCase
{
  public:
    SendFromCallbackTestCase()
        : TestCase("A sender writing from inside its send callback (link and connection "
                   "congestion) keeps link order: 10 MB of 65 536-byte writes arrive intact")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        Inbox sin;
        sin.readSize = 1 << 20;
        Acceptor acc;
        acc.Listen(lst, &sin, 90);
        const uint32_t total = 10000000;
        Ptr<Packet> data = Pattern(total, 13);
        uint32_t sent = 0;
        uint32_t linkResets = 0;
        auto pump = [&](Ptr<Socket>) {
            while (sent < total)
            {
                uint32_t n = std::min<uint32_t>(65536, total - sent);
                int rc = cli->Send(data->CreateFragment(sent, n), 0);
                if (rc <= 0)
                {
                    break;
                }
                sent += rc;
            }
        };
        cli->SetConnectCallback(Callback<void, Ptr<Socket>>(pump),
                                MakeNullCallback<void, Ptr<Socket>>());
        cli->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([&](Ptr<Socket> s, uint32_t) { pump(s); }));
        net.Stack(1)->TraceConnectWithoutContext(
            "LinkDown",
            Callback<void, const std::string&, uint32_t, uint32_t>(
                [&linkResets](const std::string&, uint32_t, uint32_t) { ++linkResets; }));
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 90)); });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(linkResets, 0, "the link never failed");
        NS_TEST_EXPECT_MSG_EQ(sent, total, "all written");
        NS_TEST_EXPECT_MSG_EQ(sin.bytes.size(), total, "all received");
        NS_TEST_EXPECT_MSG_EQ((sin.bytes == Bytes(data)), true, "in order, intact");
        NS_TEST_EXPECT_MSG_EQ(cli->GetStateName(), "ESTABLISHED", "connection intact");
    }
};

/// Socket messages on the wire have the layout of the Linux capture.
class WireLayoutTestCase : public TestCase
{
  public:
    WireLayoutTestCase()
        : TestCase("RDM, SYN, ACK and fragmented stream messages have the layout of the Linux "
                   "6.1 capture vm-wire-setup.pcap (frames 62, 74, 75, 76)")
    {
    }

  private:
    /// Header words of a message as sent, plus the first payload word.
    static std::vector<uint32_t> Words(const TipcHeader& h, Ptr<const Packet> payload)
    {
        Ptr<Packet> p = payload ? payload->Copy() : Create<Packet>();
        p->AddHeader(h);
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        std::vector<uint32_t> w;
        for (size_t i = 0; i + 4 <= b.size() && w.size() < 16; i += 4)
        {
            w.push_back((uint32_t(b[i]) << 24) | (uint32_t(b[i + 1]) << 16) |
                        (uint32_t(b[i + 2]) << 8) | b[i + 3]);
        }
        return w;
    }

    void Compare(const std::vector<uint32_t>& got,
                 const std::vector<uint32_t>& ref,
                 const std::vector<uint32_t>& mask,
                 const std::string& what)
    {
        NS_TEST_ASSERT_MSG_GT_OR_EQ(got.size(), mask.size(), what << ": message too short");
        for (size_t i = 0; i < mask.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ((got[i] & mask[i]),
                                  (ref[i] & mask[i]),
                                  what << " word " << i << ": 0x" << std::hex << got[i]
                                       << " vs Linux 0x" << ref[i]);
        }
    }

    void DoRun() override
    {
        std::string prefix = CreateTempDirFilename("tipc-socket-wire");
        {
            SocketNet net(2);
            CsmaHelper().EnablePcap(prefix, net.devices.Get(0), true);
            TipcHelper::SetNodeIdentity(net.nodes.Get(0), "vmA");
            TipcHelper::SetNodeIdentity(net.nodes.Get(1), "vmB");
            Ptr<TipcSocket> rdmSrv = net.Create(1, TipcSocketType::RDM);
            Ptr<TipcSocket> rdmCli = net.Create(0, TipcSocketType::RDM);
            Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
            Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
            rdmSrv->Bind(TipcAddress::Service(18888, 17));
            lst->Bind(TipcAddress::Service(18888, 18));
            lst->Listen();
            Inbox sin;
            Acceptor acc;
            acc.Attach(lst, &sin);
            std::vector<std::vector<uint32_t>> sentA;
            std::vector<std::vector<uint32_t>> sentB;
            Simulator::Schedule(Seconds(1.9), [&]() {
                net.LinkTx(0, 1, [&sentA](const TipcHeader& h, Ptr<const Packet> p) {
                    if (h.GetUser() != LINK_PROTOCOL)
                    {
                        sentA.push_back(Words(h, p));
                    }
                });
                net.LinkTx(1, 0, [&sentB](const TipcHeader& h, Ptr<const Packet> p) {
                    if (h.GetUser() != LINK_PROTOCOL)
                    {
                        sentB.push_back(Words(h, p));
                    }
                });
            });
            Simulator::Schedule(Seconds(2), [&]() {
                uint8_t probe[] = {'p', 'r', 'o', 'b', 'e'};
                rdmCli->SendTo(Create<Packet>(probe, sizeof(probe)),
                               0,
                               TipcAddress::Service(18888, 17));
            });
            Simulator::Schedule(Seconds(2.1),
                                [&]() { cli->Connect(TipcAddress::Service(18888, 18)); });
            Simulator::Schedule(Seconds(2.2), [&]() { cli->Send(Pattern(65536), 0); });
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(net.Addr(0), 0x766d4100, "vmA's address as in the capture");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(sentA.size(), 3, "messages sent by vmA");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(sentB.size(), 1, "messages sent by vmB");
            const uint32_t ALL = 0xffffffff;
            const uint32_t HI = 0xffff0000; // bcast_ack (low half) depends on broadcast traffic
            // frame 62: RDM NAMED message "probe" to {18888, 17}; ports are random
            Compare(
                sentA[0],
                {0x4148002d, 0x40100001, 0, 0x766d4100, 0, 0, 0x766d4100, 0x766d4200, 0x49c8, 0x11},
                {ALL, HI, 0, ALL, 0, 0, ALL, ALL, ALL, ALL},
                "RDM named message");
            // frame 74: SYN- (40-byte NAMED header, SYN bit, not dest-droppable)
            Compare(
                sentA[1],
                {0x41420028, 0x40100003, 0, 0x766d4100, 0, 0, 0x766d4100, 0x766d4200, 0x49c8, 0x12},
                {ALL, HI, 0, ALL, 0, 0, ALL, ALL, ALL, 0},
                "SYN");
            // frame 75: the ACK, an empty 24-byte connection message
            Compare(sentB[0], {0x40c00018, 0x00000000, 0, 0x766d4200}, {ALL, HI, 0, ALL}, "ACK");
            // frame 76: first fragment of a 65 536-byte write, inner header 24 bytes / 65 560
            Compare(sentA[2],
                    {0x59400594,
                     0x00000003,
                     0,
                     0x766d4100,
                     0x00010000,
                     0,
                     0x766d4100,
                     0x766d4200,
                     0,
                     0,
                     0x40c10018},
                    {ALL, HI, 0, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL},
                    "first fragment");
        }
        std::string pcap = prefix + "-0-0.pcap";
        if (std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            std::cout << "  tshark not installed: dissector check skipped" << std::endl;
            return;
        }
        std::string out = prefix + "-tshark.txt";
        std::string cmd = "python3 '" + tipctest::SharedDir() +
                          "/tools/tshark-tipc-check.py' --strict '" + pcap + "' > '" + out +
                          "' 2>&1";
        NS_TEST_EXPECT_MSG_EQ(std::system(cmd.c_str()), 0, "tshark-tipc-check failed; see " << out);
    }
};

/// Connection supervision by CONN_PROBE / CONN_PROBE_REPLY.
class ProbeTestCase : public TestCase
{
  public:
    ProbeTestCase()
        : TestCase("An idle connection is probed every ProbeInterval and the peer answers "
                   "with CONN_PROBE_REPLY")
    {
    }

  private:
    void DoRun() override
    {
        Config::SetDefault("ns3::TipcSocket::ProbeInterval", TimeValue(Seconds(1)));
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::SEQPACKET);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::SEQPACKET);
        Inbox sin;
        Acceptor acc;
        acc.Listen(lst, &sin, 95);
        std::map<uint32_t, uint32_t> probes; // CONN_MANAGER type -> count, sent by node 0
        Simulator::Schedule(Seconds(1.9), [&]() {
            net.LinkTx(0, 1, [&probes](const TipcHeader& h, Ptr<const Packet>) {
                if (h.GetUser() == CONN_MANAGER)
                {
                    ++probes[h.GetType()];
                }
            });
        });
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 95)); });
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();
        Config::Reset();
        // both ends probe every second from 2 s: 5 probes each by 7.5 s; node 0 sends its
        // own probes and the replies to node 1's probes
        NS_TEST_EXPECT_MSG_EQ(probes[CONN_PROBE], 5, "probes sent by the client");
        NS_TEST_EXPECT_MSG_EQ(probes[CONN_PROBE_REPLY], 5, "replies to the server's probes");
        NS_TEST_EXPECT_MSG_EQ(cli->IsConnected(), true, "the connection survives");
    }
};

/// A FIN the full receive buffer rejects still closes the connection.
class OverloadedFinTestCase : public TestCase
{
  public:
    OverloadedFinTestCase()
        : TestCase("A FIN arriving at a full receive buffer is rejected (OVERLOAD) but still "
                   "closes the connection and tells the application (tipc_sk_filter_connect "
                   "changes state before the buffer check)")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::SEQPACKET);
        Inbox sin;
        Acceptor acc;
        acc.Listen(lst, &sin, 51);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::SEQPACKET);
        // the smallest buffer holds one queued message (truesize 1 280 of 2 304 bytes)
        cli->SetAttribute("RcvBufSize", UintegerValue(2304));
        Inbox cin;
        cin.paused = true; // the client never reads
        cin.Attach(cli);
        uint32_t overloads = 0;
        cli->TraceConnectWithoutContext("Reject",
                                        Callback<void, const TipcHeader&, uint32_t>(
                                            [&overloads](const TipcHeader&, uint32_t err) {
                                                overloads += err == TIPC_ERR_OVERLOAD ? 1 : 0;
                                            }));
        uint32_t connected = 0;
        cli->SetConnectCallback(
            Callback<void, Ptr<Socket>>([&connected](Ptr<Socket>) { ++connected; }),
            MakeNullCallback<void, Ptr<Socket>>());
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 51)); });
        Simulator::Schedule(Seconds(2.5), [&]() {
            NS_TEST_ASSERT_MSG_EQ(acc.accepted.size(), 1U, "connected");
            acc.accepted.front()->Send(Pattern(100), 0);
        });
        Simulator::Schedule(Seconds(3), [&]() { acc.accepted.front()->Close(); });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(connected, 1, "one connection-succeeded callback (empty ACK)");
        NS_TEST_EXPECT_MSG_EQ(overloads, 1, "the FIN found the buffer full");
        NS_TEST_EXPECT_MSG_EQ(cli->IsConnected(), false, "the connection is closed");
        NS_TEST_EXPECT_MSG_EQ(cin.errorClose, 1, "the application was told (NO_PORT: error)");
        NS_TEST_EXPECT_MSG_EQ(cli->GetRxAvailable(), 100, "the queued message stays readable");
    }
};

/// A peer deleted after its cleanup delay starts afresh in name distribution.
class PeerCleanupTestCase : public TestCase
{
  public:
    PeerCleanupTestCase()
        : TestCase("A peer deleted after CleanupDelay takes its name-distribution state along "
                   "(tipc_node_cleanup): its queue is closed until its next bulk")
    {
    }

  private:
    void DoRun() override
    {
        // peers are created at discovery: the default must hold until the run ends
        Config::SetDefault("ns3::TipcPeer::CleanupDelay", TimeValue(Seconds(2)));
        SocketNet net(2);
        Ptr<TipcSocket> srv = net.Create(1, TipcSocketType::RDM);
        Simulator::Schedule(Seconds(2), [&]() { srv->Bind(TipcAddress::Service(SRV_TYPE, 7)); });
        std::map<double, std::pair<bool, size_t>> seen; // time -> (open, bindings of node 1)
        for (double t : {2.5, 9.0, 12.0})
        {
            Simulator::Schedule(Seconds(t), [&, t]() {
                Ptr<TipcNameDistributor> d = net.Stack(0)->GetNameDistributor();
                seen[t] = {d->IsOpen(net.Addr(1)),
                           d->GetTable().GetPublicationsOfNode(net.Addr(1)).size()};
            });
        }
        // node 1 falls silent at 3 s (down at node 0 by 5.3 s, deleted by 7.7 s), back at 9.5 s
        auto setLink = [&net](bool up) {
            Ptr<CsmaNetDevice> d = DynamicCast<CsmaNetDevice>(net.devices.Get(1));
            d->SetSendEnable(up);
            d->SetReceiveEnable(up);
        };
        Simulator::Schedule(Seconds(3), [&setLink]() { setLink(false); });
        Simulator::Schedule(Seconds(9.5), [&setLink]() { setLink(true); });
        Simulator::Stop(Seconds(12.5));
        Simulator::Run();
        Config::Reset();
        NS_TEST_EXPECT_MSG_EQ(seen[2.5].first, true, "opened by the bulk at link up");
        NS_TEST_EXPECT_MSG_EQ(seen[2.5].second, 2U, "node state and the service");
        NS_TEST_EXPECT_MSG_EQ(seen[9.0].first, false, "forgotten with the deleted peer");
        NS_TEST_EXPECT_MSG_EQ(seen[9.0].second, 0U, "its bindings withdrawn");
        NS_TEST_EXPECT_MSG_EQ(seen[12.0].first, true, "opened again by the new bulk");
        NS_TEST_EXPECT_MSG_EQ(seen[12.0].second, 2U, "its bindings back");
    }
};

/// Close of a congested connection waits, as __tipc_shutdown does.
class CloseWaitTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param reads the reader resumes 1 s after the close
     */
    explicit CloseWaitTestCase(bool reads)
        : TestCase(reads ? "Close with a full connection window: the FIN waits until the reader "
                           "opens the window 1 s later, after all the data"
                         : "Close with a full connection window and a reader that never reads: "
                           "the FIN goes 8 s later (CONN_TIMEOUT_DEFAULT)"),
          m_reads(reads)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Inbox sin;
        sin.paused = true;
        Acceptor acc;
        acc.Listen(lst, &sin, 52);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        Time fin;
        Time closeAt;
        uint32_t sent = 0;
        Simulator::Schedule(Seconds(1.9), [&]() {
            net.LinkTx(0, 1, [&fin](const TipcHeader& h, Ptr<const Packet>) {
                if (h.GetType() == TIPC_CONN_MSG && h.GetErrorCode() == TIPC_ERR_NO_PORT &&
                    fin.IsZero())
                {
                    fin = Simulator::Now();
                }
            });
        });
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 52)); });
        // from 2.5 s write every 10 ms until the socket refuses: link congestion clears at
        // each wakeup, the connection window (512 blocks) stays full, as nobody reads
        auto write = [&]() {
            for (uint32_t k = 0; k < 1000 && cli->Send(Pattern(1000, sent), 0) > 0; ++k)
            {
                sent += 1000;
            }
        };
        for (uint32_t t = 0; t < 50; ++t)
        {
            Simulator::Schedule(Seconds(2.5) + MilliSeconds(10 * t), write);
        }
        Simulator::Schedule(Seconds(3), [&]() {
            write();
            closeAt = Simulator::Now();
            NS_TEST_EXPECT_MSG_EQ(cli->Close(), 0, "close");
            NS_TEST_EXPECT_MSG_EQ(cli->Send(Pattern(10), 0), -1, "no sends after close");
        });
        if (m_reads)
        {
            Simulator::Schedule(Seconds(4), [&]() {
                sin.paused = false;
                sin.Drain(acc.accepted.front());
            });
        }
        Simulator::Stop(Seconds(12));
        Simulator::Run();
        std::cout << "  " << sent << " bytes written before the close; FIN "
                  << (fin - closeAt).As(Time::MS) << " after it" << std::endl;
        NS_TEST_ASSERT_MSG_EQ(fin.IsZero(), false, "the FIN was sent");
        if (m_reads)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(fin, Seconds(4), "not before the reader acked");
            NS_TEST_EXPECT_MSG_LT(fin, Seconds(4.1), "right after the window opened");
            NS_TEST_EXPECT_MSG_EQ(sin.bytes.size(), sent, "every byte arrived");
        }
        else
        {
            // 8 000 ms = 2 000 jiffies, a level-2 wheel timer: up to 64 jiffies late
            NS_TEST_EXPECT_MSG_GT_OR_EQ(fin - closeAt, MilliSeconds(8000), "not before 8 s");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(fin - closeAt, MilliSeconds(8260), "at the timeout");
        }
    }

    bool m_reads; //!< the reader resumes
};

/**
 * Close of an RDM socket whose link is congested waits for the link's wakeup, as
 * __tipc_shutdown does for every socket type (tipc_sk_sock_err ends the wait only
 * for connection sockets that are not established): its binding leaves its own
 * node's name table after the link drained its backlog, not at the close.
 */
class RdmCloseWaitTestCase : public TestCase
{
  public:
    RdmCloseWaitTestCase()
        : TestCase("Close of an RDM socket on a congested link waits for the link's wakeup "
                   "before its binding is withdrawn")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2, false, "10Mbps"); // the link's backlog drains slowly enough to see
        Ptr<TipcSocket> srv = net.Create(1, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(srv->Bind(TipcAddress::Service(SRV_TYPE, 70)), 0, "bind");
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(cli->Bind(TipcAddress::Service(SRV_TYPE, 71)), 0, "bind");
        Time closeAt;
        Time withdrawnAt;
        uint32_t sent = 0;
        TipcErrno refused = TipcErrno::OK;
        net.Stack(0)->GetNameDistributor()->TraceConnectWithoutContext(
            "Update",
            Callback<void, const TipcPublication&, bool, uint32_t>(
                [&](const TipcPublication& pub, bool published, uint32_t) {
                    if (!published && pub.lower == 71)
                    {
                        withdrawnAt = Simulator::Now();
                    }
                }));
        Simulator::Schedule(Seconds(3), [&]() {
            while (cli->SendTo(Pattern(1000, sent), 0, TipcAddress::Service(SRV_TYPE, 70)) > 0)
            {
                ++sent;
            }
            refused = cli->GetTipcErrno();
            closeAt = Simulator::Now();
            // tipc_shutdown waits too, and answers ENOTCONN: the socket is not connected
            NS_TEST_EXPECT_MSG_EQ(cli->Shutdown(), -1, "shutdown of an RDM socket");
            NS_TEST_EXPECT_MSG_EQ((cli->GetTipcErrno() == TipcErrno::ENOTCONN_), true, "ENOTCONN");
            NS_TEST_EXPECT_MSG_EQ(cli->Close(), 0, "close");
        });
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        std::cout << "  " << sent << " messages before EAGAIN; binding withdrawn "
                  << (withdrawnAt - closeAt).As(Time::MS) << " after the close" << std::endl;
        NS_TEST_ASSERT_MSG_EQ((refused == TipcErrno::EAGAIN_), true, "link congested");
        NS_TEST_ASSERT_MSG_EQ(withdrawnAt.IsZero(), false, "binding withdrawn");
        // the wakeup comes once acks have freed room in the backlog (16 packets: 13 ms)
        NS_TEST_EXPECT_MSG_GT(withdrawnAt - closeAt, MilliSeconds(5), "not at the close");
        NS_TEST_EXPECT_MSG_LT(withdrawnAt - closeAt,
                              MilliSeconds(8000),
                              "at the wakeup, not the timeout");
    }
};

/**
 * Messages that arrive while a socket processes its backlog queue behind it, as the
 * socket stays owned during Linux's __release_sock.  S sends to T (node-local); T
 * answers twice while S is still inside its send (both backlogged at S); when S's
 * application sees the first answer, T sends a third.  S must read 1, 2, 3.
 */
class BacklogOrderTestCase : public TestCase
{
  public:
    BacklogOrderTestCase()
        : TestCase("A message arriving while the socket drains its backlog queues behind it "
                   "(__release_sock keeps the socket owned)")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(1);
        Ptr<TipcSocket> s = net.Create(0, TipcSocketType::RDM);
        Ptr<TipcSocket> t = net.Create(0, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(s->Bind(TipcAddress::Service(SRV_TYPE, 80)), 0, "bind S");
        NS_TEST_ASSERT_MSG_EQ(t->Bind(TipcAddress::Service(SRV_TYPE, 81)), 0, "bind T");
        const TipcAddress toS = TipcAddress::Service(SRV_TYPE, 80);
        auto tagged = [](uint8_t tag) { return Create<Packet>(&tag, 1); };
        std::vector<uint8_t> order;
        bool thirdSent = false;
        t->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> sock) {
            while (sock->Recv())
            {
                sock->SendTo(tagged(1), 0, toS);
                sock->SendTo(tagged(2), 0, toS);
            }
        }));
        s->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> sock) {
            if (!thirdSent)
            {
                thirdSent = true;
                t->SendTo(tagged(3), 0, toS);
            }
            while (Ptr<Packet> p = sock->Recv())
            {
                uint8_t tag = 0;
                p->CopyData(&tag, 1);
                order.push_back(tag);
            }
        }));
        Simulator::Schedule(Seconds(1),
                            [&]() { s->SendTo(tagged(0), 0, TipcAddress::Service(SRV_TYPE, 81)); });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(order.size(), 3U, "three messages");
        NS_TEST_EXPECT_MSG_EQ(+order[0], 1, "first");
        NS_TEST_EXPECT_MSG_EQ(+order[1], 2, "second: backlogged before the third was sent");
        NS_TEST_EXPECT_MSG_EQ(+order[2], 3, "third");
    }
};

/**
 * A message that reaches an RDM socket during its close (here: sent by the node-local
 * peer when the close returns its queued message) is dropped unanswered, as Linux's
 * tipc_release queues backlogged messages on the orphaned socket; only the queued
 * message comes back with TIPC_ERR_NO_PORT.
 */
class CloseBacklogTestCase : public TestCase
{
  public:
    CloseBacklogTestCase()
        : TestCase("A message reaching an RDM socket during its close is dropped unanswered; "
                   "the queued one returns with NO_PORT")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(1);
        Ptr<TipcSocket> s = net.Create(0, TipcSocketType::RDM);
        Ptr<TipcSocket> t = net.Create(0, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(s->Bind(TipcAddress::Service(SRV_TYPE, 90)), 0, "bind S");
        NS_TEST_ASSERT_MSG_EQ(t->SetSockOpt(TIPC_DEST_DROPPABLE, 0), 0, "returns wanted");
        uint32_t returned = 0;
        t->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> sock) {
            while (sock->Recv())
            {
                if (++returned == 1)
                {
                    sock->SendTo(Pattern(10), 0, TipcAddress::Service(SRV_TYPE, 90));
                }
            }
        }));
        Simulator::Schedule(Seconds(1), [&]() {
            t->SendTo(Pattern(10), 0, TipcAddress::Service(SRV_TYPE, 90));
        });
        Simulator::Schedule(Seconds(1.5), [&]() { s->Close(); });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(returned, 1U, "only the queued message returns");
    }
};

/**
 * Multicast before unicast within one received frame, as tipc_rcv hands the node's
 * multicast queue (tipc_node_mcast_rcv) to the sockets before the link's input
 * queue (tipc_sk_rcv): 150 small unicast messages and then one multicast (by
 * replicast, on the same link) leave node 0 bundled; the multicast, bundled with the
 * last unicasts, reaches the socket before them.
 */
class McastFirstTestCase : public TestCase
{
  public:
    McastFirstTestCase()
        : TestCase("A multicast bundled after unicast messages is delivered before them "
                   "(tipc_rcv: multicast queue first)")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> x = net.Create(1, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(x->Bind(TipcAddress::Service(SRV_TYPE, 100)), 0, "bind");
        Ptr<TipcSocket> c = net.Create(0, TipcSocketType::RDM);
        std::vector<uint32_t> order; // unicast 0..149, multicast 1000
        x->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> sock) {
            while (Ptr<Packet> p = sock->Recv())
            {
                uint32_t tag = 0;
                p->CopyData(reinterpret_cast<uint8_t*>(&tag), sizeof(tag));
                order.push_back(tag);
            }
        }));
        auto tagged = [](uint32_t tag) {
            return Create<Packet>(reinterpret_cast<const uint8_t*>(&tag), sizeof(tag));
        };
        uint64_t bundled = 0;
        Simulator::Schedule(Seconds(2), [&]() {
            for (uint32_t i = 0; i < 150; ++i)
            {
                NS_TEST_EXPECT_MSG_GT(c->SendTo(tagged(i), 0, TipcAddress::Service(SRV_TYPE, 100)),
                                      0,
                                      "unicast " << i);
            }
            NS_TEST_EXPECT_MSG_GT(
                c->SendTo(tagged(1000), 0, TipcAddress::ServiceRange(SRV_TYPE, 100, 100)),
                0,
                "multicast");
            bundled = net.Stack(0)->GetPeer(net.Addr(1))->GetLink(0)->GetStats().sentBundled;
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(order.size(), 151U, "every message");
        NS_TEST_EXPECT_MSG_GT(bundled, 0U, "messages were bundled");
        auto m = std::find(order.begin(), order.end(), 1000U);
        std::cout << "  multicast delivered as message " << (m - order.begin()) + 1 << " of 151"
                  << std::endl;
        NS_TEST_EXPECT_MSG_LT(m - order.begin(), 150, "before the unicasts of its bundle");
        std::vector<uint32_t> unicast;
        std::copy_if(order.begin(), order.end(), std::back_inserter(unicast), [](uint32_t t) {
            return t != 1000;
        });
        NS_TEST_EXPECT_MSG_EQ(std::is_sorted(unicast.begin(), unicast.end()), true, "in order");
    }
};

/**
 * Receive buffer memory as Linux charges it (TIPC_SOCK_RECVQ_USED): a message taken
 * out of a bundle is copied into a buffer of its own (tipc_msg_extract); a
 * reassembled message costs its fragments' buffers, chained (tipc_buf_append).
 */
class RecvqTruesizeTestCase : public TestCase
{
  public:
    RecvqTruesizeTestCase()
        : TestCase("Receive queue memory: bundled messages cost a buffer of their own, a "
                   "reassembled one its fragments' buffers")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> x = net.Create(1, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(x->Bind(TipcAddress::Service(SRV_TYPE, 110)), 0, "bind");
        Ptr<TipcSocket> c = net.Create(0, TipcSocketType::RDM);
        uint64_t expected = 0; // from the frames node 0's link sends
        uint32_t bundles = 0;
        uint32_t fragments = 0;
        Simulator::Schedule(Seconds(1.95), [&]() {
            net.LinkTx(0, 1, [&](const TipcHeader& h, Ptr<const Packet> payload) {
                switch (h.GetUser())
                {
                case MSG_BUNDLER: {
                    ++bundles;
                    std::vector<uint8_t> b = Bytes(payload);
                    for (size_t pos = 0; pos + SHORT_H_SIZE <= b.size();)
                    {
                        TipcHeader ih;
                        const auto left = static_cast<uint32_t>(b.size() - pos);
                        NS_TEST_ASSERT_MSG_EQ(
                            (TipcHeader::Decode(b.data() + pos, left, ih) == TipcDecodeError::NONE),
                            true,
                            "inner message");
                        expected += TipcMsg::BufTruesize(ih.GetSize());
                        pos += (ih.GetSize() + 3) & ~3U;
                    }
                    break;
                }
                case MSG_FRAGMENTER:
                    ++fragments;
                    expected += TipcMsg::BufTruesize(h.GetSize());
                    break;
                case TIPC_LOW_IMPORTANCE:
                    expected += TipcMsg::BufTruesize(h.GetSize());
                    break;
                default:
                    break;
                }
            });
        });
        Simulator::Schedule(Seconds(2), [&]() {
            for (uint32_t i = 0; i < 150; ++i)
            {
                c->SendTo(Pattern(4, i), 0, TipcAddress::Service(SRV_TYPE, 110));
            }
        });
        Simulator::Schedule(Seconds(2.5), [&]() {
            c->SendTo(Pattern(66000), 0, TipcAddress::Service(SRV_TYPE, 110));
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        uint32_t depth = 0;
        uint32_t used = 0;
        x->GetSockOpt(TIPC_SOCK_RECVQ_DEPTH, depth);
        x->GetSockOpt(TIPC_SOCK_RECVQ_USED, used);
        std::cout << "  " << bundles << " bundles, " << fragments << " fragments; RECVQ_USED "
                  << used << " bytes" << std::endl;
        NS_TEST_ASSERT_MSG_EQ(depth, 151U, "every message queued");
        NS_TEST_EXPECT_MSG_GT(bundles, 0U, "messages were bundled");
        NS_TEST_EXPECT_MSG_GT(fragments, 40U, "66 000 bytes in fragments");
        NS_TEST_EXPECT_MSG_EQ(uint64_t{used}, expected, "truesize of the received buffers");
    }
};

/// A node that leaves in an orderly way: its bindings are withdrawn at once.
class OrderlyLeaveTestCase : public TestCase
{
  public:
    OrderlyLeaveTestCase()
        : TestCase("A node that disables its bearer (orderly leave): subscribers see its "
                   "bindings withdrawn within a millisecond")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Subscriber ports;
        Ptr<TipcSocket> s1 = net.Create(1, TipcSocketType::RDM);
        Simulator::Schedule(Seconds(0.5),
                            [&]() { ports.Open(net.Create(0, TipcSocketType::SEQPACKET)); });
        Simulator::Schedule(Seconds(0.6),
                            [&]() { ports.Subscribe(SRV_TYPE, 0, 100, TIPC_SUB_PORTS); });
        Simulator::Schedule(Seconds(2), [&]() { s1->Bind(TipcAddress::Service(SRV_TYPE, 10)); });
        const Time leave = Seconds(3);
        Simulator::Schedule(leave, [&]() { net.Stack(1)->DisableBearer(0); });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(ports.Count(TIPC_WITHDRAWN, 10), 1, "withdrawn");
        Time at;
        for (size_t i = 0; i < ports.events.size(); ++i)
        {
            if (ports.events[i].event == TIPC_WITHDRAWN)
            {
                at = ports.times[i];
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(at, leave, "after the leave");
        NS_TEST_EXPECT_MSG_LT(at, leave + MilliSeconds(1), "within a millisecond");
    }
};

/// Smart Nagle on stream sockets.
class NagleTestCase : public TestCase
{
  public:
    explicit NagleTestCase(bool nodelay)
        : TestCase(nodelay ? "TIPC_NODELAY: 200 small stream writes travel as 200 messages"
                           : "Smart Nagle: after 4 one-way writes, 200 small stream writes are "
                             "accumulated into a few messages, acknowledged with nagle_ack"),
          m_nodelay(nodelay)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> lst = net.Create(1, TipcSocketType::STREAM);
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::STREAM);
        cli->SetAttribute("NoDelay", BooleanValue(m_nodelay));
        Inbox sin;
        Acceptor acc;
        acc.Listen(lst, &sin, 97);
        uint32_t dataMsgs = 0;
        uint32_t socketMsgs = 0;
        uint32_t ackRequired = 0;
        cli->TraceConnectWithoutContext("Tx",
                                        Callback<void, const TipcHeader&, Ptr<const Packet>>(
                                            [&socketMsgs](const TipcHeader&, Ptr<const Packet> p) {
                                                socketMsgs += p->GetSize() > 0 ? 1 : 0;
                                            }));
        uint32_t nagleAcks = 0;
        Simulator::Schedule(Seconds(1.9), [&]() {
            net.LinkTx(0, 1, [&](const TipcHeader& h, Ptr<const Packet>) {
                if (h.GetUser() == TIPC_LOW_IMPORTANCE && h.GetType() == TIPC_CONN_MSG &&
                    h.GetDataSize() > 0)
                {
                    ++dataMsgs;
                    ackRequired += h.IsAckRequired() ? 1 : 0;
                }
            });
            net.LinkTx(1, 0, [&](const TipcHeader& h, Ptr<const Packet>) {
                nagleAcks +=
                    (h.GetUser() == CONN_MANAGER && h.GetType() == CONN_ACK && h.IsNagleAck()) ? 1
                                                                                               : 0;
            });
        });
        Simulator::Schedule(Seconds(2),
                            [&]() { cli->Connect(TipcAddress::Service(SRV_TYPE, 97)); });
        std::vector<uint8_t> expect;
        uint32_t next = 0;
        auto pump = [&]() {
            while (next < 200)
            {
                Ptr<Packet> p = Pattern(10, next);
                if (cli->Send(p, 0) != 10)
                {
                    break; // link congested: wait for the wakeup
                }
                auto b = Bytes(p);
                expect.insert(expect.end(), b.begin(), b.end());
                ++next;
            }
        };
        cli->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([&](Ptr<Socket>, uint32_t) { pump(); }));
        Simulator::Schedule(Seconds(2.1), pump);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((sin.bytes == expect), true, "all 2000 bytes, in order");
        if (m_nodelay)
        {
            NS_TEST_EXPECT_MSG_EQ(socketMsgs,
                                  200,
                                  "one message per write (the link may bundle them)");
            NS_TEST_EXPECT_MSG_EQ(ackRequired, 0, "no Nagle acks asked for");
        }
        else
        {
            // 4 writes go out at once, the 5th asks for an ack (ack_required), the other 195
            // (1950 bytes) wait for it and leave as two buffers of at most 1428 bytes
            NS_TEST_EXPECT_MSG_EQ(dataMsgs, 7, "writes accumulated");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(ackRequired, 1, "ack_required set");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nagleAcks, 1, "the peer answered with nagle_ack");
        }
    }

    bool m_nodelay;
};

/// Receive queue limits by importance and OVERLOAD rejection.
class OverloadTestCase : public TestCase
{
  public:
    explicit OverloadTestCase(uint32_t importance)
        : TestCase("A receive queue that nobody reads accepts messages up to rcvbuf << importance "
                   "(importance " +
                   std::to_string(importance) + "), the rest come back with TIPC_ERR_OVERLOAD"),
          m_importance(importance)
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(1);
        Ptr<TipcSocket> rx = net.Create(0, TipcSocketType::RDM); // never reads
        Ptr<TipcSocket> tx = net.Create(0, TipcSocketType::RDM);
        tx->SetSockOpt(TIPC_DEST_DROPPABLE, 0);
        tx->SetSockOpt(TIPC_IMPORTANCE, m_importance);
        Inbox back;
        back.Attach(tx);
        const uint32_t n = 4000;
        Simulator::Schedule(Seconds(2), [&]() {
            for (uint32_t i = 0; i < n; ++i)
            {
                tx->SendTo(Pattern(1000, i), 0, TipcAddress::Socket(rx->GetPortId(), net.Addr(0)));
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        // 1000 data bytes + 32-byte header: a 2304-byte buffer each (TipcMsg::BufTruesize)
        NS_TEST_EXPECT_MSG_EQ(TipcMsg::BufTruesize(1032), 2304, "truesize of the buffer");
        uint32_t limit = RCVBUF_DEF << m_importance;
        uint32_t accepted = (limit - 1) / 2304;
        uint32_t depth = 0;
        rx->GetSockOpt(TIPC_SOCK_RECVQ_DEPTH, depth);
        NS_TEST_EXPECT_MSG_EQ(depth, std::min(n, accepted), "queued messages");
        NS_TEST_EXPECT_MSG_EQ(back.packets.size(), n - std::min(n, accepted), "returned");
        TipcAncillaryTag tag;
        if (!back.packets.empty())
        {
            back.packets[0]->PeekPacketTag(tag);
            NS_TEST_EXPECT_MSG_EQ(tag.GetErrorCode(), TIPC_ERR_OVERLOAD, "TIPC_ERR_OVERLOAD");
        }
    }

    uint32_t m_importance;
};

/// The name table of two nodes after setup, as Linux has it.
class NameTableTestCase : public TestCase
{
  public:
    NameTableTestCase()
        : TestCase("Name table after setup matches Linux: node states (cluster), topology "
                   "server (node), link state (node)")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        for (uint32_t i = 0; i < 2; ++i)
        {
            uint32_t self = net.Addr(i);
            uint32_t peer = net.Addr(1 - i);
            std::vector<TipcPublication> d = net.Stack(i)->GetNameTable().Dump();
            NS_TEST_ASSERT_MSG_EQ(d.size(), 4, "four bindings on node " << i);
            std::map<uint32_t, std::vector<TipcPublication>> byType;
            for (const auto& p : d)
            {
                byType[p.type].push_back(p);
            }
            NS_TEST_ASSERT_MSG_EQ(byType[TIPC_NODE_STATE].size(), 2, "node states");
            for (const auto& p : byType[TIPC_NODE_STATE])
            {
                NS_TEST_EXPECT_MSG_EQ(p.lower, p.node, "{0, n, n} published by n");
                NS_TEST_EXPECT_MSG_EQ(p.upper, p.node, "{0, n, n}");
                NS_TEST_EXPECT_MSG_EQ(p.scope, TIPC_CLUSTER_SCOPE, "cluster scope");
                NS_TEST_EXPECT_MSG_EQ(p.port, 0, "port 0");
                NS_TEST_EXPECT_MSG_EQ(p.key, p.node, "key = address");
            }
            NS_TEST_ASSERT_MSG_EQ(byType[TIPC_TOP_SRV].size(), 1, "topology server");
            const TipcPublication& t = byType[TIPC_TOP_SRV][0];
            NS_TEST_EXPECT_MSG_EQ(t.lower, 1, "{1, 1, 1}");
            NS_TEST_EXPECT_MSG_EQ(t.scope, TIPC_NODE_SCOPE, "node scope");
            NS_TEST_EXPECT_MSG_EQ(t.node, self, "own");
            NS_TEST_EXPECT_MSG_EQ(t.port,
                                  net.Stack(i)->GetTopologyServer()->GetPortId(),
                                  "server port");
            NS_TEST_EXPECT_MSG_EQ(t.key, t.port + 1, "key = port + 1");
            NS_TEST_ASSERT_MSG_EQ(byType[TIPC_LINK_STATE].size(), 1, "link state");
            const TipcPublication& l = byType[TIPC_LINK_STATE][0];
            NS_TEST_EXPECT_MSG_EQ(l.lower, peer, "{2, peer, peer}");
            NS_TEST_EXPECT_MSG_EQ(l.scope, TIPC_NODE_SCOPE, "node scope");
            NS_TEST_EXPECT_MSG_EQ(l.port, 0, "port = link id 0");
            NS_TEST_EXPECT_MSG_EQ(l.node, self, "own");
        }
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
        AddTestCase(new ShutdownTestCase(false));
        AddTestCase(new ShutdownTestCase(true));
        AddTestCase(new OptionsTestCase);
        AddTestCase(new RejectTestCase);
        AddTestCase(new McastTestCase);
        AddTestCase(new AnycastTestCase(false));
        AddTestCase(new AnycastTestCase(true));
        AddTestCase(new TopologyTestCase);
        AddTestCase(new IllegalSubscriptionTestCase);
        AddTestCase(new NodeLossTestCase);
        AddTestCase(new FlowControlTestCase);
        AddTestCase(new SendFromCallbackTestCase);
        AddTestCase(new NameTableTestCase);
        AddTestCase(new WireLayoutTestCase);
        AddTestCase(new ProbeTestCase);
        AddTestCase(new OrderlyLeaveTestCase);
        AddTestCase(new CloseWaitTestCase(true));
        AddTestCase(new CloseWaitTestCase(false));
        AddTestCase(new RdmCloseWaitTestCase);
        AddTestCase(new BacklogOrderTestCase);
        AddTestCase(new CloseBacklogTestCase);
        AddTestCase(new McastFirstTestCase);
        AddTestCase(new RecvqTruesizeTestCase);
        AddTestCase(new PeerCleanupTestCase);
        AddTestCase(new OverloadedFinTestCase);
        AddTestCase(new NagleTestCase(false));
        AddTestCase(new NagleTestCase(true));
        AddTestCase(new OverloadTestCase(TIPC_LOW_IMPORTANCE));
        AddTestCase(new OverloadTestCase(TIPC_MEDIUM_IMPORTANCE));
    }
};

/// Static instance.
static TipcSocketTestSuite g_tipcSocketTestSuite;
