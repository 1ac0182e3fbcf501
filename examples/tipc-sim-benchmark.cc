// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-sim-benchmark: how fast the simulator runs the TIPC model, with a plain
// ns-3 TCP bulk transfer as the reference measured in the same process.
//
// Scenarios (each a fresh simulation; --scenarios picks a subset):
//  - link:   two nodes on a 1 Gb/s medium (--medium: a CSMA segment, or a
//            full-duplex Ethernet cable), a saturated TIPC stream
//            connection (TipcBulkSender/TipcBulkSink, --size-byte messages;
//            --socketType=RDM or SEQPACKET for the other socket types);
//  - tcp:    the same two nodes and medium, ns-3 TCP (InternetStack, one
//            connection writing --size-byte chunks as fast as it can);
//  - device: the same two nodes and medium with no protocol at all: node 0
//            keeps its device's queue full of 1 500-byte frames, node 1
//            counts them.  Its frame rate per wall second is the ceiling any
//            protocol model can reach on this device in this ns-3 build;
//  - crossover: one point of the main experiment (64 KiB, crossover path,
//            100 connection pairs, CPU model on);
//  - cluster: N nodes (--clusters) on a switched LAN (SwitchedLanHelper,
//            cables per --medium)
//            starting cold, for --clusterTime simulated seconds (discovery,
//            full link mesh, name distribution, steady-state supervision with
//            neighbour monitoring above 32 nodes; --clusterWindow).
//
// Printed per scenario and run (and written to --output): simulated seconds, wall
// seconds, simulator events, events per wall second, link packets (TIPC link
// packets sent, both directions, all links; IP packets sent by the devices for
// tcp) and their rate per wall second, and the process's peak resident memory
// so far.  --repeat=N runs every scenario N times (interleaved rounds) and
// ends with a summary: fastest and median wall time per scenario, and the
// link/tcp and link/device packet-rate ratios of the fastest and of the
// median runs.  The link/tcp ratio is the model's speed relative to ns-3's own
// TCP.  The runs of one scenario must execute the same events and packets;
// if they do not, the summary says so and the program exits with status 1.
// Wall-clock figures vary between machines and runs: this program is a
// benchmark, not a test.
//
//   ./tipc-sim-benchmark [--duration=2s] [--clusters=50,100] [--clusterTime=20s]
//       [--clusterWindow=variable]
//   ./tipc-sim-benchmark --scenarios=cluster --clusters=100,400,1000
//       --clusterTime=60s --clusterWindow=fixed --medium=ethernet
//
// For clusters of 300 nodes or more the program restarts itself once with
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (TipcHugePages), which gives the heap
// transparent huge pages: a cluster of hundreds of nodes, touching gigabytes
// peer by peer, runs faster with them (1 000 nodes, 60 s: 450-471 s instead
// of 643-693 s on one day).  --hugePagesFrom=0 keeps small pages.

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <sys/resource.h>

using namespace ns3;

namespace
{

/// One scenario's measurement.
struct Measure
{
    std::string scenario;  //!< name
    uint32_t nodes{0};     //!< nodes simulated
    double simSeconds{0};  //!< simulated time
    double wallSeconds{0}; //!< wall-clock time of Simulator::Run
    uint64_t events{0};    //!< simulator events executed
    uint64_t packets{0};   //!< link packets (TIPC) or device packets (TCP)
};

/// Peak resident set size of this process so far, in MiB.
double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

/// Run the simulation until @p stop; fill wall time and events.
void
RunTimed(Measure& m, Time stop)
{
    Simulator::Stop(stop);
    auto t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    m.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    m.events = Simulator::GetEventCount();
    m.simSeconds = stop.GetSeconds();
}

/// TIPC link packets sent by all links of some nodes (unicast and broadcast).
uint64_t
LinkPackets(NodeContainer nodes)
{
    uint64_t n = 0;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(*it);
        for (const Ptr<TipcPeer>& p : s->GetPeers())
        {
            for (uint32_t b = 0; b < tipc::MAX_BEARERS; ++b)
            {
                if (Ptr<TipcLink> l = p->GetLink(b))
                {
                    n += l->GetStats().sentPkts;
                }
            }
        }
        n += s->GetBcLink()->GetStats().sentPkts;
    }
    return n;
}

/// The medium of the two-node scenarios (--medium).
std::string g_medium = "csma";
/// The socket type of the link scenario (--socketType).
std::string g_socketType = "STREAM";

/**
 * The two nodes' medium at 1 Gb/s, 1 us, 1 000-packet queues: a CSMA segment
 * (half duplex, shared channel, Ethernet header and trailer), or a full-duplex
 * Ethernet cable (a VethNetDevice pair with a DataRate).
 */
NetDeviceContainer
Segment(NodeContainer nodes)
{
    if (g_medium == "ethernet")
    {
        VethHelper veth;
        veth.SetDeviceAttributes("DataRate", DataRateValue(DataRate("1Gbps")));
        veth.SetChannelAttributes("Delay", TimeValue(MicroSeconds(1)));
        veth.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
        return veth.Install(nodes.Get(0), nodes.Get(1));
    }
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
    NetDeviceContainer devs = csma.Install(nodes);
    csma.AssignStreams(devs, 100); // backoff: the same events in every run of one process
    return devs;
}

Measure
SaturatedLink(Time duration, uint32_t size)
{
    Measure m{"link", 2};
    NodeContainer nodes(2);
    NetDeviceContainer devs = Segment(nodes);
    TipcHelper tipc;
    tipc.Install(nodes);
    tipc.AddEthBearers(devs);
    tipc.AssignStreams(nodes, 1);
    TipcBulkSinkHelper sink(1000, 1);
    sink.SetAttribute("SocketType", StringValue(g_socketType));
    sink.Install(nodes.Get(1)).Start(Seconds(0.5));
    TipcBulkSenderHelper sender(1000, 1);
    sender.SetAttribute("SocketType", StringValue(g_socketType));
    sender.SetAttribute("MessageSize", UintegerValue(size));
    sender.Install(nodes.Get(0)).Start(Seconds(1));
    RunTimed(m, Seconds(1) + duration);
    m.packets = LinkPackets(nodes);
    Simulator::Destroy();
    return m;
}

/// Keeps a device's transmit queue topped up with frames of one size.
class FramePump
{
  public:
    FramePump(Ptr<NetDevice> dev, Address dest, uint32_t size)
        : m_dev(dev),
          m_dest(dest),
          m_size(size)
    {
    }

    /// Queue @p n frames.
    void Send(uint32_t n)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            m_dev->Send(Create<Packet>(m_size), m_dest, 0x88B5); // IEEE local experimental
        }
    }

    /// A frame was sent: queue the next one.
    void TxDone(Ptr<const Packet>)
    {
        Send(1);
    }

  private:
    Ptr<NetDevice> m_dev; //!< sending device
    Address m_dest;       //!< destination MAC
    uint32_t m_size;      //!< frame payload bytes
};

Measure
Device(Time duration)
{
    Measure m{"device", 2};
    NodeContainer nodes(2);
    NetDeviceContainer devs = Segment(nodes);
    uint64_t received = 0;
    nodes.Get(1)->RegisterProtocolHandler(MakeBoundCallback(
                                              +[](uint64_t* n,
                                                  Ptr<NetDevice>,
                                                  Ptr<const Packet>,
                                                  uint16_t,
                                                  const Address&,
                                                  const Address&,
                                                  NetDevice::PacketType) { ++*n; },
                                              &received),
                                          0x88B5,
                                          devs.Get(1));
    FramePump pump(devs.Get(0), devs.Get(1)->GetAddress(), 1500 - 14 - 4);
    // the next frame is queued when one ends (CSMA) or starts (cable) on the wire
    devs.Get(0)->TraceConnectWithoutContext(g_medium == "csma" ? "PhyTxEnd" : "Sniffer",
                                            MakeCallback(&FramePump::TxDone, &pump));
    Simulator::Schedule(Seconds(1), &FramePump::Send, &pump, 100);
    RunTimed(m, Seconds(1) + duration);
    m.packets = received;
    Simulator::Destroy();
    return m;
}

/// Writes chunks into a TCP socket whenever it has room.
void
TcpPump(uint32_t size, Ptr<Socket> s, uint32_t /* available */)
{
    while (s->GetTxAvailable() >= size)
    {
        if (s->Send(Create<Packet>(size)) < 0)
        {
            break;
        }
    }
}

/// Drains a TCP socket.
void
TcpDrain(Ptr<Socket> s)
{
    while (s->Recv())
    {
    }
}

Measure
Tcp(Time duration, uint32_t size)
{
    Measure m{"tcp", 2};
    NodeContainer nodes(2);
    NetDeviceContainer devs = Segment(nodes);
    InternetStackHelper inet;
    inet.Install(nodes);
    inet.AssignStreams(nodes, 1); // the same events in every run of one process
    Ipv4AddressHelper ip("10.0.0.0", "255.255.255.0");
    Ipv4InterfaceContainer ifs = ip.Assign(devs);
    uint64_t sent = 0;
    for (uint32_t i = 0; i < 2; ++i)
    {
        devs.Get(i)->TraceConnectWithoutContext("MacTx",
                                                MakeBoundCallback(
                                                    +[](uint64_t* n, Ptr<const Packet>) { ++*n; },
                                                    &sent));
    }
    Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 5001));
    listener->Listen();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeCallback(+[](Ptr<Socket> s, const Address&) {
                                    s->SetRecvCallback(MakeCallback(&TcpDrain));
                                }));
    Ptr<Socket> client = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
    Simulator::Schedule(Seconds(1), [=]() {
        client->Bind();
        client->SetSendCallback(MakeBoundCallback(&TcpPump, size));
        client->SetConnectCallback(
            MakeCallback(+[](Ptr<Socket> s) { TcpPump(s->GetTxAvailable(), s, 0); }),
            MakeNullCallback<void, Ptr<Socket>>());
        client->Connect(InetSocketAddress(ifs.GetAddress(1), 5001));
    });
    RunTimed(m, Seconds(1) + duration);
    m.packets = sent;
    Simulator::Destroy();
    return m;
}

Measure
Crossover()
{
    Measure m{"crossover", 2};
    TipcCrossoverExperiment::Config cfg;
    cfg.size = 65536;
    auto t0 = std::chrono::steady_clock::now();
    TipcCrossoverExperiment::Result r = TipcCrossoverExperiment::Run(cfg);
    m.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    m.events = r.events;
    m.simSeconds = (cfg.start + cfg.warmup + cfg.duration).GetSeconds();
    m.packets = static_cast<uint64_t>(r.msgsPerSec * cfg.duration.GetSeconds());
    return m;
}

Measure
Cluster(uint32_t n, Time duration, TypeId window)
{
    Measure m{"cluster", n};
    NodeContainer nodes(n);
    SwitchedLanHelper lan;
    lan.SetCable(g_medium == "ethernet" ? "full-duplex" : "csma");
    NetDeviceContainer devs = lan.Install(nodes);
    TipcHelper tipc;
    tipc.SetStackAttributes("WindowControl", TypeIdValue(window));
    tipc.Install(nodes);
    tipc.AddEthBearers(devs);
    int64_t stream = 1;
    stream += tipc.AssignStreams(nodes, stream);
    lan.AssignStreams(stream);
    RunTimed(m, duration);
    m.packets = LinkPackets(nodes);
    uint32_t complete = 0;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        complete += TipcHelper::GetStack(*it)->GetNUpPeers() == n - 1 ? 1 : 0;
    }
    std::cerr << "cluster of " << n << ": " << complete << " nodes see all " << n - 1 << " peers up"
              << std::endl;
    Simulator::Destroy();
    return m;
}

} // namespace

int
main(int argc, char* argv[])
{
    Time duration = Seconds(2);
    uint32_t size = 65536;
    std::string scenarios = "link,tcp,device,crossover,cluster";
    std::string clusters = "50,100";
    Time clusterTime = Seconds(20);
    std::string clusterWindow = "variable";
    std::string output = "tipc-sim-benchmark.csv";
    uint32_t repeat = 1;
    uint32_t hugePagesFrom = TipcHugePages::LARGE_CLUSTER;
    CommandLine cmd(__FILE__);
    cmd.AddValue("duration", "Simulated transfer time of the link and tcp scenarios", duration);
    cmd.AddValue("size", "Message (TIPC) or write (TCP) size in bytes", size);
    cmd.AddValue("medium",
                 "Medium: csma (two-node scenarios: a shared CSMA segment; clusters: CSMA cables "
                 "to the switch) or ethernet (full-duplex cables, VethNetDevice with a DataRate)",
                 g_medium);
    cmd.AddValue("socketType",
                 "Socket type of the link scenario: STREAM, SEQPACKET or RDM",
                 g_socketType);
    cmd.AddValue("scenarios", "Comma list of link, tcp, device, crossover, cluster", scenarios);
    cmd.AddValue("clusters", "Comma list of cluster sizes (2 .. 1000 nodes)", clusters);
    cmd.AddValue("clusterTime", "Simulated time of each cluster scenario", clusterTime);
    cmd.AddValue("clusterWindow",
                 "variable (Linux >= 5.7: every idle link probed each tick) or fixed (Linux 5.4 "
                 "supervision: only the links the neighbour monitor names)",
                 clusterWindow);
    cmd.AddValue("repeat",
                 "Runs of each scenario, in interleaved rounds (1 .. 100); the summary gives "
                 "the fastest and the median run, since the machine's other load only ever "
                 "adds wall time",
                 repeat);
    cmd.AddValue("hugePagesFrom",
                 "Restart with transparent huge pages for the heap (TipcHugePages) when a "
                 "cluster has at least this many nodes; 0: never",
                 hugePagesFrom);
    cmd.AddValue("output", "Result CSV (relative to the working directory; - for stdout)", output);
    cmd.Parse(argc, argv);
    const TypeId windowType = TipcWindowControl::LookupByName(clusterWindow, "--clusterWindow");
    if (g_medium != "csma" && g_medium != "ethernet")
    {
        NS_FATAL_ERROR("--medium=" << g_medium << ": use csma or ethernet");
    }

    if (repeat < 1 || repeat > 100)
    {
        NS_FATAL_ERROR("--repeat=" << repeat << ": use 1 .. 100");
    }
    const std::vector<std::string> scenarioList = TipcListArgument::Split(scenarios);
    auto wanted = [&scenarioList](const std::string& s) {
        return std::find(scenarioList.begin(), scenarioList.end(), s) != scenarioList.end();
    };
    std::vector<uint32_t> clusterSizes;
    if (wanted("cluster"))
    {
        clusterSizes = TipcListArgument::Numbers(clusters, "--clusters", 2, 1000);
    }
    if (!clusterSizes.empty())
    {
        if (hugePagesFrom > 0 &&
            *std::max_element(clusterSizes.begin(), clusterSizes.end()) >= hugePagesFrom)
        {
            TipcHugePages::Restart(argv); // returns if already restarted or not possible
        }
        std::cerr << TipcHugePages::Describe() << std::endl;
    }

    TipcCsvWriter csv(output,
                      {"scenario",
                       "nodes",
                       "run",
                       "sim_s",
                       "wall_s",
                       "events",
                       "events_per_wall_s",
                       "packets",
                       "packets_per_wall_s",
                       "peak_rss_mib"});
    std::vector<std::string> order;                  // scenario keys, first-run order
    std::map<std::string, std::vector<Measure>> all; // every run of each scenario
    auto report = [&](const Measure& m, uint32_t run) {
        double w = std::max(m.wallSeconds, 1e-9);
        csv.Row({m.scenario,
                 std::to_string(m.nodes),
                 std::to_string(run),
                 TipcCsvWriter::Num(m.simSeconds),
                 TipcCsvWriter::Num(m.wallSeconds, 4),
                 std::to_string(m.events),
                 TipcCsvWriter::Num(m.events / w, 4),
                 std::to_string(m.packets),
                 TipcCsvWriter::Num(m.packets / w, 4),
                 TipcCsvWriter::Num(PeakRssMiB(), 4)});
        std::string key = m.scenario + " (" + std::to_string(m.nodes) + " nodes)";
        if (all.count(key) == 0)
        {
            order.push_back(key);
        }
        all[key].push_back(m);
    };
    // Rounds interleave the scenarios, so that a slow phase of the machine
    // touches all of them alike.
    for (uint32_t run = 0; run < repeat; ++run)
    {
        if (wanted("link"))
        {
            report(SaturatedLink(duration, size), run);
        }
        if (wanted("tcp"))
        {
            report(Tcp(duration, size), run);
        }
        if (wanted("device"))
        {
            report(Device(duration), run);
        }
        if (wanted("crossover"))
        {
            report(Crossover(), run);
        }
        for (uint32_t n : clusterSizes)
        {
            report(Cluster(n, clusterTime, windowType), run);
        }
    }

    // Summary.  The runs of a scenario simulate exactly the same events: the
    // fastest run is the one the machine disturbed least.
    std::map<std::string, std::pair<double, double>> rates; // best and median packets/wall-s
    bool reproducible = true;
    for (const std::string& key : order)
    {
        const std::vector<Measure>& ms = all[key];
        std::vector<double> walls;
        bool same = true;
        for (const Measure& m : ms)
        {
            walls.push_back(std::max(m.wallSeconds, 1e-9));
            same = same && m.events == ms.front().events && m.packets == ms.front().packets;
        }
        std::sort(walls.begin(), walls.end());
        double median = walls.size() % 2 == 1
                            ? walls[walls.size() / 2]
                            : (walls[walls.size() / 2 - 1] + walls[walls.size() / 2]) / 2;
        double packets = static_cast<double>(ms.front().packets);
        rates[ms.front().scenario] = {packets / walls.front(), packets / median};
        std::cerr << key << ", " << ms.size() << " run(s): wall s fastest " << walls.front()
                  << ", median " << median << ", slowest " << walls.back()
                  << "; packets per wall second fastest " << packets / walls.front() << ", median "
                  << packets / median << std::endl;
        if (!same)
        {
            std::cerr << "  NOT REPRODUCIBLE: the runs of " << key << " differ in events or packets"
                      << std::endl;
            reproducible = false;
        }
    }
    auto ratio = [&rates](const std::string& a, const std::string& b, const std::string& what) {
        if (rates.count(a) != 0 && rates.count(b) != 0 && rates[a].first > 0 && rates[b].first > 0)
        {
            std::cerr << what << ": fastest runs " << rates[a].first / rates[b].first
                      << ", median runs " << rates[a].second / rates[b].second << std::endl;
        }
    };
    ratio("link", "tcp", "TIPC link packets per wall second / ns-3 TCP packets per wall second");
    ratio("link",
          "device",
          "TIPC link packets per wall second / bare device frames per wall second");
    return reproducible ? 0 : 1;
}
