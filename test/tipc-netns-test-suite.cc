// SPDX-License-Identifier: GPL-2.0-only
//
// Simulated Linux hosts with network namespaces and TIPC's crossover fast
// path (reference section 12): data between namespaces of one kernel skips
// links and devices, the veth devices carry only link supervision and name
// distribution (as in the Linux capture ns-veth-setup.pcap); forged or
// replayed discovery data never opens the path; deleting a namespace during
// a stream is safe; with crossover off the same traffic takes the links and
// the applications see the same bytes in the same order.

#include "tipc-net-fixture.h"
#include "tipc-test-utils.h"

#include "ns3/boolean.h"
#include "ns3/error-model.h"
#include "ns3/ethernet-header.h"
#include "ns3/linux-host-helper.h"
#include "ns3/linux-net-namespace.h"
#include "ns3/names.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/tipc-peer.h"
#include "ns3/veth-net-device.h"

#include <map>
#include <set>

using namespace ns3;
using namespace ns3::tipc;
using namespace ns3::tipctest;

namespace
{

constexpr uint32_t SRV = 18888; //!< service type

/// Everything one socket received, as a transcript.
struct Transcript
{
    std::vector<std::vector<uint8_t>> msgs;
    std::vector<uint8_t> stream;
    uint32_t errorClose{0};

    void Attach(Ptr<Socket> s, bool isStream)
    {
        if (isStream)
        {
            s->SetRecvCallback(MakeCallback(&Transcript::OnStream, this));
        }
        else
        {
            s->SetRecvCallback(MakeCallback(&Transcript::OnMsg, this));
        }
        s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                             MakeCallback(&Transcript::OnErrorClose, this));
    }

    void OnMsg(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv(70000, 0))
        {
            msgs.push_back(Bytes(p));
        }
    }

    void OnStream(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv(1 << 20, 0))
        {
            auto b = Bytes(p);
            stream.insert(stream.end(), b.begin(), b.end());
        }
    }

    void OnErrorClose(Ptr<Socket>)
    {
        ++errorClose;
    }
};

/// One host, two namespaces with TIPC; RDM, stream and multicast between them.
class TwoNamespaces
{
  public:
    explicit TwoNamespaces(bool crossover, uint32_t hosts = 1)
    {
        helper.SetHostAttribute("Crossover", BooleanValue(crossover));
        helper.AssignStreams(500);
        this->hosts = helper.Install(hosts, 2);
        ns = helper.GetNamespaces();
        tipc.Install(ns);
        for (uint32_t i = 0; i < ns.GetN(); ++i)
        {
            TipcHelper::SetNodeIdentity(ns.Get(i), Names::FindName(ns.Get(i)));
        }
        tipc.AddEthBearers(helper.GetNamespaceDevices());
        tipc.AssignStreams(ns, 1);
    }

    ~TwoNamespaces()
    {
        Simulator::Destroy();
        Names::Clear();
    }

    Ptr<TipcSocket> Socket(uint32_t i, TipcSocketType t)
    {
        return ns.Get(i)->GetObject<TipcSocketFactory>()->CreateSocket(t);
    }

    Ptr<TipcStack> Stack(uint32_t i)
    {
        return TipcHelper::GetStack(ns.Get(i));
    }

    Ptr<TipcPeer> PeerOf(uint32_t i, uint32_t j)
    {
        return Stack(i)->GetPeer(Stack(j)->GetOwnAddress());
    }

    LinuxHostHelper helper;
    std::vector<Ptr<LinuxHost>> hosts;
    NodeContainer ns;
    TipcHelper tipc;
};

/// The traffic of the crossover tests: returns what the receivers saw.
struct Traffic
{
    Transcript rdm;
    Transcript stream;
    Transcript mcast;
    std::vector<Ptr<Socket>> accepted;
    Ptr<TipcSocket> streamClient;

    void Run(TwoNamespaces& net)
    {
        Ptr<TipcSocket> rdmSrv = net.Socket(1, TipcSocketType::RDM);
        rdmSrv->Bind(TipcAddress::Service(SRV, 1));
        rdm.Attach(rdmSrv, false);
        Ptr<TipcSocket> mcSrv = net.Socket(1, TipcSocketType::RDM);
        mcSrv->Bind(TipcAddress::ServiceRange(SRV, 100, 199));
        mcast.Attach(mcSrv, false);
        Ptr<TipcSocket> lst = net.Socket(1, TipcSocketType::STREAM);
        lst->Bind(TipcAddress::Service(SRV, 2));
        lst->Listen();
        lst->SetAcceptCallback(
            MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
            Callback<void, Ptr<Socket>, const Address&>([this](Ptr<Socket> s, const Address&) {
                accepted.push_back(s);
                stream.Attach(s, true);
            }));
        rdmCli = net.Socket(0, TipcSocketType::RDM);
        mcCli = net.Socket(0, TipcSocketType::RDM);
        streamClient = net.Socket(0, TipcSocketType::STREAM);
        rdmCli->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([this](Ptr<Socket>, uint32_t) { PumpRdm(); }));
        mcCli->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([this](Ptr<Socket>, uint32_t) { PumpMc(); }));
        Simulator::Schedule(Seconds(3), [this]() {
            PumpRdm();
            PumpMc();
        });
        Simulator::Schedule(Seconds(3),
                            [this]() { streamClient->Connect(TipcAddress::Service(SRV, 2)); });
        streamClient->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([this](Ptr<Socket>, uint32_t) { Pump(); }));
        Simulator::Schedule(Seconds(3.1), [this]() { Pump(); });
    }

    /// Write the 1 MiB stream as fast as the connection accepts it.
    void Pump()
    {
        static const std::vector<uint8_t> all = ExpectedStream();
        while (written < all.size())
        {
            uint32_t n = std::min<uint32_t>(65536, all.size() - written);
            int rc = streamClient->Send(Create<Packet>(all.data() + written, n), 0);
            if (rc <= 0)
            {
                return;
            }
            written += rc;
        }
    }

    /// RDM messages to {SRV, 1}, as fast as the socket accepts them.
    void PumpRdm()
    {
        while (rdmNext < 100 && rdmCli->SendTo(Pattern(100 + 37 * rdmNext, rdmNext),
                                               0,
                                               TipcAddress::Service(SRV, 1)) > 0)
        {
            ++rdmNext;
        }
    }

    /// Multicast messages to {SRV, 100, 199}.
    void PumpMc()
    {
        while (mcNext < 100 && mcCli->SendTo(Pattern(50 + 11 * mcNext, 1000 + mcNext),
                                             0,
                                             TipcAddress::ServiceRange(SRV, 100, 199)) > 0)
        {
            ++mcNext;
        }
    }

    uint32_t written{0};    //!< stream bytes accepted so far
    uint32_t rdmNext{0};    //!< next RDM message
    uint32_t mcNext{0};     //!< next multicast message
    Ptr<TipcSocket> rdmCli; //!< RDM sender
    Ptr<TipcSocket> mcCli;  //!< multicast sender

    static std::vector<uint8_t> ExpectedStream()
    {
        std::vector<uint8_t> all;
        for (uint32_t i = 0; i < 16; ++i)
        {
            auto b = Bytes(Pattern(65536, 7 + i));
            all.insert(all.end(), b.begin(), b.end());
        }
        return all;
    }
};

// ---------------------------------------------------------------------------

/// Crossover between two namespaces of one host.
class CrossoverTestCase : public TestCase
{
  public:
    CrossoverTestCase()
        : TestCase("Two namespaces of one host: RDM, stream and multicast take the crossover "
                   "path; the veth devices carry only link supervision, name distribution and "
                   "one multicast SYN twin")
    {
    }

  private:
    void DoRun() override
    {
        TwoNamespaces net(true);
        std::map<uint32_t, uint32_t> users;
        std::vector<TipcHeader> data;
        for (uint32_t i = 0; i < 2; ++i)
        {
            net.helper.GetNamespaceDevices().Get(i)->TraceConnectWithoutContext(
                "MacTx",
                Callback<void, Ptr<const Packet>>([&](Ptr<const Packet> p) {
                    // only TIPC runs on these veths (no IP stack): MacTx gives the payload
                    Ptr<Packet> c = p->Copy();
                    TipcHeader h;
                    c->RemoveHeader(h);
                    ++users[h.GetUser()];
                    if (h.GetUser() <= TIPC_CRITICAL_IMPORTANCE || h.GetUser() == CONN_MANAGER ||
                        h.GetUser() == MSG_FRAGMENTER)
                    {
                        data.push_back(h);
                    }
                }));
        }
        Traffic t;
        t.Run(net);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(t.rdm.msgs.size(), 100, "RDM messages");
        NS_TEST_EXPECT_MSG_EQ(t.mcast.msgs.size(), 100, "multicast messages");
        NS_TEST_EXPECT_MSG_EQ((t.stream.stream == Traffic::ExpectedStream()), true, "1 MiB stream");
        Ptr<TipcPeer> p = net.PeerOf(0, 1);
        NS_TEST_ASSERT_MSG_NE(p, nullptr, "peer");
        NS_TEST_EXPECT_MSG_NE(p->GetPeerNet(), nullptr, "the peer is known to be kernel-local");
        NS_TEST_EXPECT_MSG_GT(p->GetCrossoverMessages(), 200, "data took the crossover path");
        NS_TEST_EXPECT_MSG_EQ(p->GetLinkMessages(), 0, "no data on the link");
        // on the veths: discovery, link protocol, name distribution, broadcast init -- and
        // the data-less SYN twin of the multicast socket's first (replicast) message, which
        // Linux sends on the broadcast link
        NS_TEST_EXPECT_MSG_GT(users[LINK_CONFIG], 0, "discovery");
        NS_TEST_EXPECT_MSG_GT(users[LINK_PROTOCOL], 0, "link supervision");
        NS_TEST_EXPECT_MSG_GT(users[NAME_DISTRIBUTOR], 0, "name distribution");
        NS_TEST_EXPECT_MSG_EQ(data.size(), 1, "one data frame on the veths: the SYN twin");
        if (data.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(data[0].GetType(), TIPC_MCAST_MSG, "a multicast");
            NS_TEST_EXPECT_MSG_EQ(data[0].IsSyn(), true, "SYN");
            NS_TEST_EXPECT_MSG_EQ(data[0].GetDataSize(), 0, "without data");
            NS_TEST_EXPECT_MSG_EQ(data[0].GetErrorCode(), TIPC_ERR_NO_PORT, "errcode NO_PORT");
        }
    }
};

/// With crossover off the same traffic takes the links and gives the same results.
class CrossoverOffTestCase : public TestCase
{
  public:
    CrossoverOffTestCase()
        : TestCase("Crossover off: the same traffic takes the links and the applications see "
                   "the same bytes in the same order")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<std::vector<uint8_t>> rdm[2];
        std::vector<std::vector<uint8_t>> mcast[2];
        std::vector<uint8_t> stream[2];
        uint64_t lxc[2];
        uint64_t link[2];
        for (int on = 0; on < 2; ++on)
        {
            TwoNamespaces net(on == 1);
            Traffic t;
            t.Run(net);
            Simulator::Stop(Seconds(5));
            Simulator::Run();
            rdm[on] = t.rdm.msgs;
            mcast[on] = t.mcast.msgs;
            stream[on] = t.stream.stream;
            lxc[on] = net.PeerOf(0, 1)->GetCrossoverMessages();
            link[on] = net.PeerOf(0, 1)->GetLinkMessages();
        }
        NS_TEST_EXPECT_MSG_EQ(lxc[0], 0, "off: nothing on the crossover path");
        NS_TEST_EXPECT_MSG_GT(link[0], 200, "off: data on the links");
        NS_TEST_EXPECT_MSG_GT(lxc[1], 200, "on: data on the crossover path");
        NS_TEST_EXPECT_MSG_EQ(link[1], 0, "on: no data on the links");
        NS_TEST_EXPECT_MSG_EQ(rdm[0].size(), 100, "RDM complete without crossover");
        NS_TEST_EXPECT_MSG_EQ((rdm[0] == rdm[1]), true, "same RDM messages, same order");
        NS_TEST_EXPECT_MSG_EQ((mcast[0] == mcast[1]), true, "same multicast messages");
        NS_TEST_EXPECT_MSG_EQ((stream[0] == Traffic::ExpectedStream()), true, "stream off");
        NS_TEST_EXPECT_MSG_EQ((stream[0] == stream[1]), true, "same stream");
    }
};

/// Forged or replayed discovery data never opens the crossover path.
class SecurityTestCase : public TestCase
{
  public:
    enum class Attack
    {
        REPLAYED_HASH_WRONG_ID, //!< a local namespace's hash mix, another node id
        RIGHT_ID_WRONG_CLUSTER, //!< a local namespace's id and hash mix, other cluster
        FORGED_HASH,            //!< a remote node with a made-up hash mix
        CUT_OFF,                //!< a local namespace that cannot send or receive
    };

    explicit SecurityTestCase(Attack a)
        : TestCase(Name(a)),
          m_attack(a)
    {
    }

  private:
    static std::string Name(Attack a)
    {
        switch (a)
        {
        case Attack::REPLAYED_HASH_WRONG_ID:
            return "Security: a remote node replaying a local namespace's hash mix with its own "
                   "node id never gets a crossover path";
        case Attack::RIGHT_ID_WRONG_CLUSTER:
            return "Security: the right node id and hash mix with the wrong cluster id never "
                   "get a crossover path";
        case Attack::FORGED_HASH:
            return "Security: a remote node with a forged hash mix never gets a crossover path";
        default:
            return "Security: a namespace cut off at the device layer never gets a link, hence "
                   "no crossover";
        }
    }

    void DoRun() override
    {
        // host 0: h0-ns1 (victim), h0-ns2 (local namespace); host 1: h1-ns1 (attacker)
        TwoNamespaces net(true, 2);
        Ptr<TipcStack> victim = net.Stack(0);
        Ptr<TipcStack> local = net.Stack(1);
        Ptr<TipcStack> attacker = net.Stack(2);
        uint32_t attackerAddr = 0;
        if (m_attack == Attack::RIGHT_ID_WRONG_CLUSTER)
        {
            TipcHelper::SetNodeIdentity(net.ns.Get(2), "h0-ns2");
            attacker->SetAttribute("ClusterId", UintegerValue(4712));
        }
        Simulator::Schedule(Seconds(0), [&]() {
            switch (m_attack)
            {
            case Attack::REPLAYED_HASH_WRONG_ID:
                // the discovery word 13 of the local namespace, sent by the attacker
                attacker->SetKernelHashMix(local->GetNetHashMixes() ^ attacker->GetRandom());
                break;
            case Attack::RIGHT_ID_WRONG_CLUSTER:
                // identity and cluster id were set before the start
                attacker->SetKernelHashMix(local->GetNetHashMixes() ^ attacker->GetRandom());
                break;
            case Attack::FORGED_HASH:
                attacker->SetKernelHashMix(0x5eed1234);
                break;
            case Attack::CUT_OFF: {
                Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
                em->SetRate(1.0);
                em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                net.helper.GetNamespaceDevices().Get(1)->SetAttribute("ReceiveErrorModel",
                                                                      PointerValue(em));
                Ptr<RateErrorModel> em2 = CreateObject<RateErrorModel>();
                em2->SetRate(1.0);
                em2->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                // the root end: nothing from the namespace reaches the bridge either
                Ptr<Channel> ch = net.helper.GetNamespaceDevices().Get(1)->GetChannel();
                for (std::size_t d = 0; d < ch->GetNDevices(); ++d)
                {
                    ch->GetDevice(d)->SetAttribute("ReceiveErrorModel", PointerValue(em2));
                }
                break;
            }
            }
        });
        Ptr<TipcSocket> srv = net.Socket(2, TipcSocketType::RDM);
        srv->Bind(TipcAddress::Service(SRV, 9));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        attackerAddr = attacker->GetOwnAddress();
        Ptr<TipcPeer> a = victim->GetPeer(attackerAddr);
        Ptr<TipcPeer> l = victim->GetPeer(local->GetOwnAddress());
        switch (m_attack)
        {
        case Attack::REPLAYED_HASH_WRONG_ID:
        case Attack::FORGED_HASH:
            NS_TEST_ASSERT_MSG_NE(a, nullptr, "the attacker is a peer");
            NS_TEST_EXPECT_MSG_EQ(a->IsUp(), true, "with a link");
            NS_TEST_EXPECT_MSG_EQ(a->GetPeerNet(), nullptr, "but no crossover");
            NS_TEST_EXPECT_MSG_NE(l->GetPeerNet(), nullptr, "the real local namespace has one");
            break;
        case Attack::RIGHT_ID_WRONG_CLUSTER:
            // the attacker has the local namespace's identity, hence its address: the
            // victim's peer at that address must stay the real namespace
            NS_TEST_EXPECT_MSG_EQ(attacker->GetNUpPeers(), 0, "the attacker never gets a link");
            NS_TEST_EXPECT_MSG_GT(victim->GetDropCounts().count("discovery from another cluster"),
                                  0,
                                  "its discovery messages are dropped");
            NS_TEST_ASSERT_MSG_NE(l, nullptr, "the real local namespace is a peer");
            NS_TEST_EXPECT_MSG_EQ(l->GetPeerNet(), local, "crossover only to the real namespace");
            break;
        case Attack::CUT_OFF:
            NS_TEST_EXPECT_MSG_EQ((l == nullptr || !l->IsUp()), true, "no link to the cut-off");
            NS_TEST_EXPECT_MSG_EQ(
                (l == nullptr || l->GetPeerNet() == nullptr || l->GetCrossoverMessages() == 0),
                true,
                "no crossover");
            break;
        }
    }

    Attack m_attack;
};

/// Deleting the receiving namespace during a crossover stream.
class DeleteNamespaceTestCase : public TestCase
{
  public:
    DeleteNamespaceTestCase()
        : TestCase("Deleting the receiving namespace during a crossover stream: no crash, its "
                   "sockets are released first (the sender gets a FIN with NO_PORT, not the "
                   "node-down NO_NODE), the peer is declared down")
    {
    }

  private:
    void DoRun() override
    {
        TwoNamespaces net(true);
        Traffic t;
        Ptr<TipcSocket> lst = net.Socket(1, TipcSocketType::STREAM);
        lst->Bind(TipcAddress::Service(SRV, 3));
        lst->Listen();
        Transcript rx;
        lst->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                               Callback<void, Ptr<Socket>, const Address&>(
                                   [&rx](Ptr<Socket> s, const Address&) { rx.Attach(s, true); }));
        Ptr<TipcSocket> cli = net.Socket(0, TipcSocketType::STREAM);
        Transcript cliEvents;
        cliEvents.Attach(cli, true);
        Ptr<TipcSocket> rdm = net.Socket(0, TipcSocketType::RDM);
        uint32_t sent = 0;
        int lastRc = 0;
        TipcErrno lastErr = TipcErrno::OK;
        Time nodeDown;
        net.Stack(0)->TraceConnectWithoutContext(
            "NodeDown",
            Callback<void, uint32_t>([&nodeDown](uint32_t) { nodeDown = Simulator::Now(); }));
        std::vector<uint32_t> connErrors; // error codes of CONN_MSGs delivered at node 0
        net.Stack(0)->TraceConnectWithoutContext(
            "Deliver",
            Callback<void, const TipcHeader&, Ptr<const Packet>, uint32_t>(
                [&connErrors](const TipcHeader& h, Ptr<const Packet>, uint32_t) {
                    if (h.GetType() == TIPC_CONN_MSG && h.GetErrorCode() != 0)
                    {
                        connErrors.push_back(h.GetErrorCode());
                    }
                }));
        Simulator::Schedule(Seconds(3), [&]() { cli->Connect(TipcAddress::Service(SRV, 3)); });
        for (uint32_t k = 0; k < 4000; ++k)
        {
            Simulator::Schedule(Seconds(3.1) + MilliSeconds(k), [&, k]() {
                int rc = cli->Send(Pattern(1000, k), 0);
                if (rc > 0)
                {
                    ++sent;
                }
                lastRc = rc;
                lastErr = cli->GetTipcErrno();
                rdm->SendTo(Pattern(10), 0, TipcAddress::Service(SRV, 3));
            });
        }
        const Time del = Seconds(4);
        Simulator::Schedule(del, [&]() { net.hosts[0]->DeleteNamespace(net.ns.Get(1)); });
        Simulator::Stop(Seconds(8));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(rx.stream.size(), 800000, "data flowed before the deletion");
        NS_TEST_EXPECT_MSG_EQ(net.Stack(1)->IsShutDown(), true, "the namespace's TIPC stopped");
        std::cout << "  namespace deleted at " << del.As(Time::S) << ", peer declared down "
                  << (nodeDown - del).As(Time::MS) << " later; " << rx.stream.size()
                  << " bytes delivered before" << std::endl;
        NS_TEST_EXPECT_MSG_GT_OR_EQ(nodeDown, del, "the peer was declared down");
        // tipc_exit_net() disables the bearers while the veth still exists: the RESET
        // (peer_stopping) reaches the peer at once, well within one tolerance
        NS_TEST_EXPECT_MSG_LT_OR_EQ(nodeDown, del + MilliSeconds(1), "by the link's RESET");
        NS_TEST_EXPECT_MSG_EQ(cliEvents.errorClose, 1, "the connection was reset");
        // tipc_release ran before the namespace went: its FIN carries TIPC_ERR_NO_PORT
        NS_TEST_ASSERT_MSG_EQ(connErrors.empty(), false, "the client's socket heard of it");
        NS_TEST_EXPECT_MSG_EQ(connErrors.front(), TIPC_ERR_NO_PORT, "a FIN, not node down");
        NS_TEST_EXPECT_MSG_EQ(lastRc, -1, "sends fail afterwards");
        NS_TEST_EXPECT_MSG_EQ((lastErr == TipcErrno::EPIPE_), true, "with EPIPE");
    }
};

/// Teardown: a namespace node and its TIPC are freed once the simulation is destroyed.
class TeardownTestCase : public TestCase
{
  public:
    TeardownTestCase()
        : TestCase("After Simulator::Destroy nothing inside a namespace node's aggregate keeps "
                   "it alive (the node, its namespace and its TIPC stack are freed)")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> n0;
        {
            TwoNamespaces net(true);
            Simulator::Stop(Seconds(3)); // links up, traffic-free
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(net.PeerOf(0, 1)->IsUp(), true, "the namespaces linked");
            n0 = net.ns.Get(0);
        } // Simulator::Destroy, the host and the helpers go
        // An object aggregated to a node is deleted with the whole aggregate, and only
        // when no member is referenced any more: a reference from one member to another
        // (TipcStack -> LinuxNetNamespace) kept every namespace node alive for ever.
        Ptr<LinuxNetNamespace> netns = n0->GetObject<LinuxNetNamespace>();
        Ptr<TipcStack> stack = n0->GetObject<TipcStack>();
        NS_TEST_EXPECT_MSG_EQ(netns->GetReferenceCount(), 1, "only this test holds the namespace");
        NS_TEST_EXPECT_MSG_EQ(stack->GetReferenceCount(), 1, "only this test holds the stack");
    }
};

} // namespace

/// The namespace / crossover test suite.
class TipcNetnsTestSuite : public TestSuite
{
  public:
    TipcNetnsTestSuite()
        : TestSuite("tipc-netns", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new CrossoverTestCase);
        AddTestCase(new CrossoverOffTestCase);
        AddTestCase(new SecurityTestCase(SecurityTestCase::Attack::REPLAYED_HASH_WRONG_ID));
        AddTestCase(new SecurityTestCase(SecurityTestCase::Attack::RIGHT_ID_WRONG_CLUSTER));
        AddTestCase(new SecurityTestCase(SecurityTestCase::Attack::FORGED_HASH));
        AddTestCase(new SecurityTestCase(SecurityTestCase::Attack::CUT_OFF));
        AddTestCase(new DeleteNamespaceTestCase);
        AddTestCase(new TeardownTestCase);
    }
};

/// Static instance.
static TipcNetnsTestSuite g_tipcNetnsTestSuite;
