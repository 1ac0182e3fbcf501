// SPDX-License-Identifier: GPL-2.0-only
//
// The host cost model: the disabled model, reproducibility, and the TCP
// baseline's window update (LinuxTcpSocket).  The calibration against
// calibration.md, with the main experiment's default configuration, is the
// tipc-host-calibration suite.

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-frame-header.h"
#include "ns3/host-cpu-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/linux-host-helper.h"
#include "ns3/linux-host.h"
#include "ns3/linux-tcp-socket.h"
#include "ns3/names.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/tipc-crossover-experiment.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-scoped-default.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "ns3/veth-net-device.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <set>

using namespace ns3;

namespace
{

/// The current default of an attribute, as a string.
std::string
DefaultOf(const std::string& tid, const std::string& attribute)
{
    TypeId::AttributeInformation info;
    TypeId::LookupByName(tid).LookupAttributeByName(attribute, &info);
    return info.initialValue->SerializeToString(info.checker);
}

/**
 * A writer that writes from its socket's connect and send callbacks until it
 * has written total bytes.
 * @param sender the socket, not yet connected
 * @param total bytes to write
 * @param chunk the most bytes a write carries
 * @param[out] sent bytes written so far (must outlive the simulation)
 */
void
FillFromCallbacks(Ptr<Socket> sender, uint32_t total, uint32_t chunk, uint32_t* sent)
{
    auto fill = [sent, total, chunk](Ptr<Socket> s, uint32_t) {
        while (*sent < total && s->GetTxAvailable() > 0)
        {
            int rc =
                s->Send(Create<Packet>(std::min({s->GetTxAvailable(), total - *sent, chunk})), 0);
            if (rc <= 0)
            {
                break;
            }
            *sent += rc;
        }
    };
    sender->SetSendCallback(Callback<void, Ptr<Socket>, uint32_t>(fill));
    sender->SetConnectCallback(Callback<void, Ptr<Socket>>([fill](Ptr<Socket> s) { fill(s, 0); }),
                               MakeNullCallback<void, Ptr<Socket>>());
}

/**
 * Two namespaces of a host (CPU model off: veth, bridge, veth) with IPv4, and
 * a TCP listener in the second whose connections read everything they get.
 */
struct TcpPair
{
    Ptr<Node> client;             //!< the first namespace
    Address server;               //!< the listener's address
    Ptr<LinuxTcpSocket> listener; //!< in the second namespace

    /** @param received bytes read by the listener's connections (must outlive the run) */
    explicit TcpPair(uint32_t* received)
    {
        LinuxHostHelper hosts;
        hosts.Install(1, 2);
        NodeContainer n = hosts.GetNamespaces();
        InternetStackHelper().Install(n);
        Ipv4AddressHelper ip("10.9.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(hosts.GetNamespaceDevices());
        client = n.Get(0);
        server = InetSocketAddress(ifs.GetAddress(1), 5001);
        listener = LinuxTcpSocket::Create(n.Get(1));
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 5001));
        listener->Listen();
        listener->SetAcceptCallback(
            MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
            Callback<void, Ptr<Socket>, const Address&>([received](Ptr<Socket> s, const Address&) {
                s->SetRecvCallback(Callback<void, Ptr<Socket>>([received](Ptr<Socket> r) {
                    while (Ptr<Packet> p = r->Recv())
                    {
                        *received += p->GetSize();
                    }
                }));
            }));
    }
};

/// Disabled model: zero processing time; and reproducibility.
class DisabledAndReproducibleTestCase : public TestCase
{
  public:
    DisabledAndReproducibleTestCase()
        : TestCase("Disabled cost model takes no time; same configuration, same result; "
                   "attribute defaults as they were after a run")
    {
    }

  private:
    void DoRun() override
    {
        // defaults of the caller's own, which the experiment overrides for its run
        const std::string mss0 = DefaultOf("ns3::TcpSocket", "SegmentSize");
        const std::string arp0 = DefaultOf("ns3::ArpCache", "PendingQueueSize");
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1234));
        Config::SetDefault("ns3::ArpCache::PendingQueueSize", UintegerValue(7));
        TipcCrossoverExperiment::Config c;
        c.scenario = "crossover";
        c.latency = true;
        c.cpuModel = false;
        auto r = TipcCrossoverExperiment::Run(c);
        NS_TEST_EXPECT_MSG_GT(r.rttSamples, 100, "ping-pong ran");
        NS_TEST_EXPECT_MSG_EQ(r.rttUs, 0.0, "plain ns-3: crossover round trip takes no time");
        c.cpuModel = true;
        auto a = TipcCrossoverExperiment::Run(c);
        auto b = TipcCrossoverExperiment::Run(c);
        NS_TEST_EXPECT_MSG_GT(a.rttUs, 1.0, "with the model, processing takes time");
        NS_TEST_EXPECT_MSG_EQ(a.rttUs, b.rttUs, "reproducible");
        NS_TEST_EXPECT_MSG_EQ(a.events, b.events, "reproducible");
        // the experiment sets these defaults for its own run only
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::TcpSocket", "SegmentSize"),
                              "1234",
                              "TCP MSS default");
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::ArpCache", "PendingQueueSize"),
                              "7",
                              "ARP queue default");
        Config::SetDefault("ns3::TcpSocket::SegmentSize", StringValue(mss0));
        Config::SetDefault("ns3::ArpCache::PendingQueueSize", StringValue(arp0));
    }
};

/**
 * A host's full-duplex NIC (LinuxHostHelper::SetNicCable("full-duplex")):
 * receive-side scaling puts TIPC frames on queue 0's core and spreads TCP
 * flows over the cores, one flow on one core; and a round trip between two
 * hosts pays the NICs' driver work, NicTxCost on the sending host and
 * NicRxCost on the receiving one, each way.
 */
class NicTestCase : public TestCase
{
  public:
    NicTestCase()
        : TestCase("A host's NIC: receive-side scaling; driver costs in the inter-host round trip")
    {
    }

  private:
    /// An Ethernet frame with an IPv4 TCP header from port @p sport.
    static Ptr<Packet> TcpFrame(uint16_t sport)
    {
        uint8_t b[40] = {0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0, 10, 1, 0, 1, 10, 1, 0, 2};
        b[20] = sport >> 8;
        b[21] = sport & 0xff;
        b[22] = 0x13; // port 5001
        b[23] = 0x89;
        Ptr<Packet> p = Create<Packet>(b, sizeof(b));
        p->AddHeader(EthernetFrameHeader(Mac48Address("02:00:00:00:00:01"),
                                         Mac48Address("02:00:00:00:00:02"),
                                         0x0800));
        return p;
    }

    void DoRun() override
    {
        LinuxHostHelper hosts;
        hosts.SetNicCable("full-duplex");
        Ptr<LinuxHost> host = hosts.Install(1, 1).front();
        Ptr<HostCpuModel> cpu = host->GetCpu();
        cpu->SetAttribute("Enabled", BooleanValue(true));
        const uint32_t queue0 = cpu->GetSoftirqCore(host->GetRoot());
        Ptr<Packet> tipcFrame = Create<Packet>(60);
        tipcFrame->AddHeader(EthernetFrameHeader(Mac48Address("02:00:00:00:00:01"),
                                                 Mac48Address("02:00:00:00:00:02"),
                                                 0x88CA));
        NS_TEST_EXPECT_MSG_EQ(cpu->GetNicRxCore(tipcFrame), queue0, "TIPC on queue 0");
        std::set<uint32_t> cores;
        for (uint16_t port = 40000; port < 40064; ++port)
        {
            uint32_t core = cpu->GetNicRxCore(TcpFrame(port));
            NS_TEST_EXPECT_MSG_EQ(cpu->GetNicRxCore(TcpFrame(port)), core, "one flow, one core");
            cores.insert(core);
        }
        NS_TEST_EXPECT_MSG_EQ(cores.size(), cpu->GetNCores(), "64 TCP flows use every core");
        cpu->SetAttribute("Rss", BooleanValue(false));
        NS_TEST_EXPECT_MSG_EQ(cpu->GetNicRxCore(TcpFrame(40001)), queue0, "no RSS: queue 0");
        Simulator::Destroy();
        Names::Clear();

        // a rate-limited veth pair is no NIC: its root end pays no driver work
        LinuxHostHelper limited;
        limited.SetVethDeviceAttribute("DataRate", StringValue("10Gbps"));
        Ptr<LinuxHost> one = limited.Install(1, 2).front();
        Ptr<HostCpuModel> oneCpu = one->GetCpu();
        oneCpu->SetAttribute("Enabled", BooleanValue(true));
        TipcHelper tipc;
        tipc.Install(limited.GetNamespaces());
        tipc.AddEthBearers(limited.GetNamespaceDevices());
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        auto dev = DynamicCast<VethNetDevice>(limited.GetNamespaceDevices().Get(0));
        NS_TEST_EXPECT_MSG_GT(dev->GetRxFrames(), 5, "discovery and link set-up crossed the veth");
        NS_TEST_EXPECT_MSG_EQ(oneCpu->GetItems(HostCpuModel::NIC_TX) +
                                  oneCpu->GetItems(HostCpuModel::NIC_RX),
                              0,
                              "no NIC work on a host without NICs");
        Simulator::Destroy();
        Names::Clear();

        // TIPC ping-pong between two hosts, with and without the NIC costs
        auto rtt = [](const std::string& tx, const std::string& rx) {
            TipcScopedDefault txCost("ns3::HostCpuModel", "NicTxCost", StringValue(tx));
            TipcScopedDefault rxCost("ns3::HostCpuModel", "NicRxCost", StringValue(rx));
            TipcCrossoverExperiment::Config c;
            c.scenario = "inter-host";
            c.latency = true;
            c.size = 64;
            c.warmup = MilliSeconds(10);
            c.duration = MilliSeconds(20);
            return TipcCrossoverExperiment::Run(c);
        };
        auto none = rtt("0ns", "0ns");
        auto nic = rtt("300ns", "200ns");
        NS_TEST_EXPECT_MSG_GT(none.rttSamples, 100, "ping-pong ran");
        // each way: NicTxCost on one host, NicRxCost on the other
        NS_TEST_EXPECT_MSG_EQ_TOL(nic.rttUs - none.rttUs,
                                  2 * (0.3 + 0.2),
                                  0.02,
                                  "the NICs' driver work is in the round trip");
    }
};

/**
 * 100 TCP connections of 1 KiB messages between two hosts over 10 Gb/s NICs with
 * 1 000-packet queues: the initial windows overflow the queue, and during the
 * recovery the bytes a sender has sent and not seen acknowledged come to fill
 * its peer's window exactly while some of them are SACKed.
 * ns-3.37's TcpTxBuffer::NextSeg then offers a zero-byte segment, which crashed
 * TcpSocketBase::SendPendingData (TcpRateLinux::SkbSent on a null item) until
 * LinuxTcpSocket::AvailableWindow reported no window in that state.
 */
class TcpFullWindowTestCase : public TestCase
{
  public:
    TcpFullWindowTestCase()
        : TestCase(
              "TCP baseline: a window filled exactly by unacknowledged bytes (ns-3.37 NextSeg)")
    {
    }

  private:
    /// The workaround's actions in one run.
    struct Actions
    {
        uint64_t held{0};   //!< sends held back
        uint64_t resent{0}; //!< heads resent
    };

    /**
     * @param sendAtWrite LinuxTcpSocket's SendAtWrite attribute
     * @return what the workaround did in 200 ms
     */
    Actions Run(bool sendAtWrite)
    {
        TipcScopedDefault mode("ns3::LinuxTcpSocket", "SendAtWrite", BooleanValue(sendAtWrite));
        TipcCrossoverExperiment::Config c;
        c.scenario = "inter-host-tcp";
        c.size = 1024;
        c.nicQueue = "1000p";
        c.warmup = MilliSeconds(100);
        c.duration = MilliSeconds(100);
        // the connections are up 5 ms after the start: count the workaround's actions
        Actions a;
        std::function<void(bool)> count = [&a](bool retransmit) {
            ++(retransmit ? a.resent : a.held);
        };
        Simulator::Schedule(c.start + MilliSeconds(5), [&count]() {
            Config::ConnectWithoutContext(
                "/NodeList/*/$ns3::TcpL4Protocol/SocketList/*/"
                "$ns3::LinuxTcpSocket/FullWindowWorkaround",
                MakeCallback(&std::function<void(bool)>::operator(), &count));
        });
        auto r = TipcCrossoverExperiment::Run(c);
        NS_TEST_EXPECT_MSG_EQ(r.connected, c.connections, "every connection up");
        NS_TEST_EXPECT_MSG_GT(r.mbps, 5000.0, "TCP recovers from the queue's drops");
        std::cout << "  workaround (SendAtWrite " << sendAtWrite << "): " << a.held << " held, "
                  << a.resent << " resent, " << r.mbps << " Mb/s" << std::endl;
        return a;
    }

    void DoRun() override
    {
        // as Linux transmits (the default): the state is reached, sends are held back
        Actions atWrite = Run(true);
        NS_TEST_EXPECT_MSG_GT(atWrite.held, 0, "the zero-byte segment was offered and held back");
        // ns-3's deferred transmit reaches it from a retransmission too
        Actions deferred = Run(false);
        NS_TEST_EXPECT_MSG_GT(deferred.held, 0, "held back");
        NS_TEST_EXPECT_MSG_GT(deferred.resent,
                              0,
                              "and asked of a retransmission, which resent the head");
    }
};

/**
 * LinuxTcpSocket's window update (tcp_cleanup_rbuf) compares the window free
 * after a read with what is left of the window last advertised.  A reader that
 * takes 512 bytes a millisecond from an 8 KiB buffer never doubles the free
 * space with one read, but it doubles the small window the sender was told, so
 * the sender (MSS 1448, waiting for a window of one segment) keeps going.
 */
class TcpWindowUpdateTestCase : public TestCase
{
  public:
    TcpWindowUpdateTestCase()
        : TestCase("TCP baseline: a slow reader's reads reopen the window the sender was told")
    {
    }

  private:
    /// Received bytes, and when the last of 64 KiB arrived.
    struct Outcome
    {
        uint32_t received{0}; //!< bytes read
        Time done;            //!< when the last byte was read (0: never)
    };

    /**
     * @param windowUpdate LinuxTcpSocket's WindowUpdate attribute
     * @return what the reader got within 2 s
     */
    static Outcome Transfer(bool windowUpdate)
    {
        const uint32_t total = 65536;
        NodeContainer n(2);
        CsmaHelper csma;
        NetDeviceContainer d = csma.Install(n);
        InternetStackHelper().Install(n);
        Ipv4AddressHelper ip("10.9.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(d);

        Ptr<LinuxTcpSocket> listener = LinuxTcpSocket::Create(n.Get(1));
        listener->SetAttribute("WindowUpdate", BooleanValue(windowUpdate));
        listener->SetAttribute("RcvBufSize", UintegerValue(8192));
        listener->SetAttribute("SegmentSize", UintegerValue(1448));
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 5001));
        listener->Listen();
        Outcome out;
        Ptr<Socket> conn;
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    Callback<void, Ptr<Socket>, const Address&>(
                                        [&conn](Ptr<Socket> s, const Address&) { conn = s; }));
        // the reader: 512 bytes every millisecond
        std::function<void()> read = [&]() {
            if (conn)
            {
                Ptr<Packet> p = conn->Recv(512, 0);
                out.received += p ? p->GetSize() : 0;
                if (out.received == total && out.done.IsZero())
                {
                    out.done = Simulator::Now();
                }
            }
            Simulator::Schedule(MilliSeconds(1), [&read]() { read(); });
        };
        Simulator::Schedule(MilliSeconds(1), [&read]() { read(); });

        Ptr<Socket> sender = Socket::CreateSocket(n.Get(0), TcpSocketFactory::GetTypeId());
        sender->SetAttribute("SegmentSize", UintegerValue(1448));
        uint32_t sent = 0;
        FillFromCallbacks(sender, total, total, &sent);
        sender->Connect(InetSocketAddress(ifs.GetAddress(1), 5001));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        return out;
    }

    void DoRun() override
    {
        Outcome on = Transfer(true);
        // 128 reads of 512 bytes take 128 ms; the update after each doubling keeps
        // the sender one segment ahead of the reader
        NS_TEST_EXPECT_MSG_EQ(on.received, 65536u, "all data read");
        NS_TEST_EXPECT_MSG_EQ(on.done.IsZero(), false, "finished");
        NS_TEST_EXPECT_MSG_LT(on.done, MilliSeconds(200), "no window stall");
        Outcome off = Transfer(false);
        // plain ns-3: the window the sender saw stays below one segment
        NS_TEST_EXPECT_MSG_LT(off.received, 65536u, "ns-3 TCP without the update stalls");
        std::cout << "  64 KiB read by " << on.done.As(Time::MS) << " with the update; "
                  << off.received << " bytes in 2 s without" << std::endl;
    }
};

/**
 * Where and when LinuxTcpSocket transmits (attributes SendAtWrite, AutoCorking).
 *
 * Placement: one connection streams 64-byte writes between two namespaces of a
 * host with the CPU model on (measured: core 0, the writer's, 100 % and core 1,
 * the reader's, 17 %; with ns-3's deferred send 76 % and 100 %).  Linux runs the softirq a transmit
 * raises on the writer's CPU; ns-3's TcpSocketBase::Send transmits one time step later from an
 * event, outside the writer's work, and the model then charged the segments' IP, veth and bridge
 * work to the sending namespace's softirq core.
 *
 * Autocorking: ten 64-byte writes at one instant between two namespaces of a
 * host (no CPU model: a frame reaches the peer's stack some events later).
 * The first leaves at once; the other nine find it still in the stack and wait
 * (Linux tcp_should_autocork), then leave as one segment when it is released
 * (the TCP small queues tasklet).
 *
 * Released in order: a veth device hands frames on in the order they were
 * sent, so a frame whose work item is served early waits for earlier frames
 * served on a busier core.  It then goes on with the core that served it; when
 * it went on with the releasing core, the ACK clocks of 100 TCP flows at 64 KiB
 * without GSO drifted onto one core (13 %, 13 %, 100 %, 13 %; 2 376 Mb/s).
 *
 * Nested writes: a writer that writes from its send callback, which TcpSocketBase
 * runs while it handles an ACK, must not send at once (it would re-enter
 * SendPendingData, whose loop then resends a segment: 14 of 256 000 bytes).
 */
class TcpTransmitTestCase : public TestCase
{
  public:
    TcpTransmitTestCase()
        : TestCase("TCP baseline: transmit in the writer's context; autocorking of small writes")
    {
    }

  private:
    /// What the autocorking run saw.
    struct Corked
    {
        uint32_t segments{0};   //!< data segments the sender sent
        uint32_t corked{0};     //!< AutoCork trace calls
        uint32_t lastUnsent{0}; //!< unsent bytes at the last of them
        uint32_t received{0};   //!< bytes the receiver got
        uint32_t counted{0};    //!< GetAutoCorkings()
    };

    /**
     * @param autoCorking LinuxTcpSocket's AutoCorking attribute
     * @return the run's counts
     */
    static Corked TenWrites(bool autoCorking)
    {
        Corked out;
        TcpPair pair(&out.received);
        Ptr<LinuxTcpSocket> sender = LinuxTcpSocket::Create(pair.client);
        sender->SetAttribute("TcpNoDelay", BooleanValue(true));
        sender->SetAttribute("SegmentSize", UintegerValue(1448));
        sender->SetAttribute("AutoCorking", BooleanValue(autoCorking));
        sender->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>, const TcpHeader&, Ptr<const TcpSocketBase>>(
                [&out](Ptr<const Packet> p, const TcpHeader&, Ptr<const TcpSocketBase>) {
                    out.segments += p->GetSize() > 0 ? 1 : 0;
                }));
        sender->TraceConnectWithoutContext("AutoCork",
                                           Callback<void, uint32_t>([&out](uint32_t unsent) {
                                               ++out.corked;
                                               out.lastUnsent = unsent;
                                           }));
        // the writes, at one instant 1 ms after the handshake (ARP's request jitter
        // makes its duration vary); the callback holds no pointer to its socket
        // (a cycle would leak it)
        sender->SetConnectCallback(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) {
                                       Simulator::Schedule(MilliSeconds(1), [s]() {
                                           for (int i = 0; i < 10; ++i)
                                           {
                                               s->Send(Create<Packet>(64), 0);
                                           }
                                       });
                                   }),
                                   MakeNullCallback<void, Ptr<Socket>>());
        sender->Bind();
        sender->Connect(pair.server);
        Simulator::Stop(MilliSeconds(500));
        Simulator::Run();
        out.counted = static_cast<uint32_t>(sender->GetAutoCorkings());
        Simulator::Destroy();
        Names::Clear();
        return out;
    }

    /// What the nested-writes run saw.
    struct Nested
    {
        uint32_t received{0}; //!< bytes the reader got
        uint32_t resent{0};   //!< data segments sent again (no loss: none expected)
    };

    /**
     * A writer that writes from its socket's send and connect callbacks, which
     * TcpSocketBase runs in the middle of its own processing (an ACK, the
     * handshake): 256 000 bytes in 1000-byte writes between two namespaces.
     * @return what arrived and what was resent
     */
    static Nested NestedWrites()
    {
        const uint32_t total = 256000;
        Nested out;
        TcpPair pair(&out.received);
        Ptr<LinuxTcpSocket> sender = LinuxTcpSocket::Create(pair.client);
        sender->SetAttribute("SegmentSize", UintegerValue(1448));
        SequenceNumber32 highest(0);
        sender->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>, const TcpHeader&, Ptr<const TcpSocketBase>>(
                [&out,
                 &highest](Ptr<const Packet> p, const TcpHeader& h, Ptr<const TcpSocketBase>) {
                    if (p->GetSize() == 0)
                    {
                        return;
                    }
                    if (h.GetSequenceNumber() < highest)
                    {
                        ++out.resent;
                    }
                    highest = std::max(highest, h.GetSequenceNumber() + p->GetSize());
                }));
        uint32_t written = 0;
        FillFromCallbacks(sender, total, 1000, &written);
        sender->Bind();
        sender->Connect(pair.server);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        Names::Clear();
        return out;
    }

    /**
     * @param sendAtWrite LinuxTcpSocket's SendAtWrite attribute
     * @return per-core utilisation of one 64-byte TCP stream between two namespaces
     */
    static std::vector<double> Placement(bool sendAtWrite)
    {
        TipcScopedDefault mode("ns3::LinuxTcpSocket", "SendAtWrite", BooleanValue(sendAtWrite));
        TipcCrossoverExperiment::Config c;
        c.scenario = "tcp";
        c.size = 64;
        c.connections = 1;
        c.warmup = MilliSeconds(20);
        c.duration = MilliSeconds(10);
        auto r = TipcCrossoverExperiment::Run(c);
        return r.utilisation;
    }

    /** @return per-core utilisation of 100 TCP flows of 64 KiB writes without GSO */
    static std::vector<double> NoGso()
    {
        TipcCrossoverExperiment::Config c;
        c.scenario = "tcp";
        c.size = 65536;
        c.gso = false;
        c.warmup = MilliSeconds(30);
        c.duration = MilliSeconds(20);
        auto r = TipcCrossoverExperiment::Run(c);
        std::cout << "  64 KiB without GSO: " << r.mbps << " Mb/s, cores";
        for (double u : r.utilisation)
        {
            std::cout << " " << u;
        }
        std::cout << std::endl;
        return r.utilisation;
    }

    void DoRun() override
    {
        std::vector<double> atWrite = Placement(true);
        std::vector<double> later = Placement(false);
        for (std::size_t i = 0; i < atWrite.size(); ++i)
        {
            std::cout << "  core " << i << ": " << atWrite[i] << " at write, " << later[i]
                      << " one step later" << std::endl;
        }
        // the writer has core 0, the reader core 1, which is also the sending
        // namespace's softirq core
        NS_TEST_EXPECT_MSG_GT(atWrite[0], 0.99, "the writer's core sends its segments");
        NS_TEST_EXPECT_MSG_LT(atWrite[1], 0.5, "the reader's core only reads");
        NS_TEST_EXPECT_MSG_GT(later[1], 0.99, "ns-3's deferred send loads the softirq core");
        std::vector<double> noGso = NoGso();
        for (std::size_t i = 0; i < noGso.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_GT(noGso[i], 0.9, "core " << i << " shares the flows' work");
        }
        Nested nested = NestedWrites();
        std::cout << "  nested writes: " << nested.received << " bytes, " << nested.resent
                  << " segments resent" << std::endl;
        NS_TEST_EXPECT_MSG_EQ(nested.received, 256000u, "every byte arrives");
        NS_TEST_EXPECT_MSG_EQ(nested.resent, 0u, "a write from a callback resends nothing");
        Corked on = TenWrites(true);
        Corked off = TenWrites(false);
        std::cout << "  autocorking: " << on.segments << " segments, " << on.corked
                  << " held back (last " << on.lastUnsent << " bytes unsent); off: " << off.segments
                  << " segments" << std::endl;
        NS_TEST_EXPECT_MSG_EQ(on.received, 640u, "every byte arrives");
        NS_TEST_EXPECT_MSG_EQ(off.received, 640u, "every byte arrives");
        NS_TEST_EXPECT_MSG_EQ(off.segments, 10u, "without autocorking, one segment a write");
        NS_TEST_EXPECT_MSG_EQ(on.corked, 9u, "nine writes find the first in the stack");
        NS_TEST_EXPECT_MSG_EQ(on.counted, on.corked, "GetAutoCorkings counts them");
        NS_TEST_EXPECT_MSG_EQ(on.lastUnsent, 9u * 64, "and pile up");
        NS_TEST_EXPECT_MSG_EQ(on.segments, 2u, "they leave as one segment on its release");
    }
};

} // namespace

/// The host cost model test suite.
class TipcHostTestSuite : public TestSuite
{
  public:
    TipcHostTestSuite()
        : TestSuite("tipc-host", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new DisabledAndReproducibleTestCase);
        AddTestCase(new TcpWindowUpdateTestCase);
        AddTestCase(new NicTestCase);
        AddTestCase(new TcpFullWindowTestCase);
        AddTestCase(new TcpTransmitTestCase);
    }
};

/// Static instance.
static TipcHostTestSuite g_tipcHostTestSuite;
