// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-cluster-discovery: how long a cold cluster of N TIPC nodes on one
// Ethernet LAN takes to become a full mesh, how long until every name table
// is complete, what supervision costs in steady state, how many peers each
// node supervises actively (neighbour monitoring above 32 nodes), and
// (optionally) how long the survivors take to notice a node that disappears.
//
//   --lan=segment (default)              --lan=switch or switch-fd (large N)
//   node0   node1  ...  nodeN-1          node0  node1 ... nodeN-1
//     |       |            |               |      |          |
//   ==+=======+=====...====+==             +------+-- switch --+
//   one CSMA segment (--rate, --delay)   a learning switch (EthernetSwitch), one CSMA cable
//                                        per node (switch) or one full-duplex
//                                        Ethernet cable per node (switch-fd,
//                                        a third fewer simulator events)
//
// On a segment every frame reaches every device (cost N^2 per frame); the
// switch floods only broadcasts (discovery) and forwards unicast frames
// (links) to one port, so it scales to 1000 nodes.
//
// Every node enables its Ethernet bearer at t = 0, or at a uniformly random
// time in [0, --jitter) (one draw per node from the ns-3 RNG, so --RngRun
// changes it), runs the 1 s duplicate-address trial, discovers the others
// (DSC_REQ every 125 ms, backing off) and sets up one link per peer.  Each
// node publishes the service {1000, node index} (TipcServicePublisher,
// cluster scope) when its bearer is enabled; the name distributor spreads the
// bindings once the links are up.
//
// Measured (one CSV row):
//   link_mesh_s            first time every node has N-1 peers up (NodeUp /
//                          NodeDown traces), from t = 0
//   name_tables_s          first time every node's name table holds the N
//                          bindings of type 1000 (polled every --poll)
//   frames_per_node_per_s  frames all bearers sent (TipcStatsHelper host
//                          frames_tx) per node and second in the steady-state
//                          window: the last --steady seconds of the run, or
//                          the --steady seconds before --kill
//   bytes_per_node_per_s   the same in bytes
//   detect_first_s, detect_s  with --kill=T: node 0 is silenced at T (its
//                          device neither sends nor receives, a crash or cable
//                          cut; --killMode=stop disables its bearer instead,
//                          which tells the peers with a RESET); time from T to
//                          the first / the last NodeDown of node 0 at the
//                          other nodes.  Empty without --kill.
//
//   monitored_mean/min/max peers each node supervises actively at the end of
//                          the window (TipcMonitor::GetMonitored; N-1 at or
//                          below --threshold)
//
// --window=fixed models Linux 5.4's supervision: idle links are probed only
// after a silent interval, and only those the monitor names.  The default
// variable window (Linux >= 5.7) also probes every link that sent nothing
// since the previous timer tick, so every idle link carries a probe and a
// reply per tick whatever the monitor says (steady-state frames grow as N,
// not 2 sqrt(N)); this is Linux's behaviour, not a model artefact.
//
// From 300 nodes on the program restarts itself once with transparent huge
// pages for the heap (TipcHugePages; --hugePagesFrom=0 keeps small pages).
//
// Wall-clock time on a segment grows with the cube of --nodes: about 0.4 s
// for 16 nodes, 17 s for 64, a minute for 100.  See tipc-sim-benchmark for
// switched clusters of 100 .. 1000 nodes.
//
// Sanity check (exit status 1 if it fails): the mesh and the name tables
// complete, and with --kill every other node declares node 0 down, before
// the end of the run.  Progress lines go to stderr.
//
//   ./tipc-cluster-discovery [--nodes=16] [--jitter=0s] [--duration=10s]
//       [--steady=5s] [--kill=0s] [--killMode=crash] [--tolerance=1500ms]
//       [--rate=1Gbps] [--delay=1us] [--poll=10ms] [--stats=FILE]
//       [--lan=segment] [--window=variable] [--threshold=32]
//       [--verbose=0] [--output=tipc-cluster-discovery.csv]
//   ./tipc-cluster-discovery --nodes=64 --jitter=500ms --kill=7s
//   ./tipc-cluster-discovery --nodes=400 --lan=switch --window=fixed
//       --duration=200s --steady=10s --kill=190s --poll=100ms
//
// A sweep over the cluster size, 3 runs each:
//
//   scripts/tipc-sweep.py --program build/examples/tipc-cluster-discovery
//       --param nodes=2,4,8,16,32,64 --fixed kill=7s --runs 3
//       --dir results/cluster-discovery
//   scripts/tipc-plot.py results/cluster-discovery/results.csv --x nodes
//       --y frames_per_node_per_s

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <vector>

using namespace ns3;

namespace
{

/// Progress line on stderr, prefixed with the simulation time.
std::ostream&
Progress()
{
    return std::cerr << "# " << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds()
                     << " s ";
}

/**
 * @brief --verbose: a discovery event other than a sent message.
 * @param context trace path
 * @param event event
 * @param bearer bearer id
 * @param peer peer address
 */
void
OnDiscovery(std::string context, const std::string& event, uint32_t bearer, uint32_t peer)
{
    if (event.rfind("DSC_", 0) != 0)
    {
        Progress() << context.substr(10, context.find('/', 10) - 10) << " " << event << " bearer "
                   << bearer << " peer " << std::hex << peer << std::dec << std::endl;
    }
}

/**
 * @brief --verbose: a link changed state.
 * @param context trace path
 * @param link link name
 * @param from old state
 * @param to new state
 */
void
OnLinkState(std::string context, const std::string& link, uint32_t from, uint32_t to)
{
    Progress() << context.substr(10, context.find('/', 10) - 10) << " " << link << " "
               << TipcLinkFsm::StateName(from) << " -> " << TipcLinkFsm::StateName(to) << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t n = 16;
    Time jitter = Seconds(0);
    Time duration = Seconds(10);
    Time steady = Seconds(5);
    Time kill = Seconds(0);
    std::string killMode = "crash";
    Time tolerance = MilliSeconds(1500);
    std::string rate = "1Gbps";
    Time delay = MicroSeconds(1);
    Time poll = MilliSeconds(10);
    std::string statsFile;
    bool verbose = false;
    std::string output = "tipc-cluster-discovery.csv";
    std::string lan = "segment";
    std::string window = "variable";
    uint32_t threshold = tipc::TIPC_DEF_MON_THRESHOLD;
    uint32_t hugePagesFrom = TipcHugePages::LARGE_CLUSTER;
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Nodes on the LAN, 2 .. 2000", n);
    cmd.AddValue("lan",
                 "segment (one CSMA segment), switch (a learning switch, CSMA cables) or "
                 "switch-fd (a learning switch, full-duplex Ethernet cables)",
                 lan);
    cmd.AddValue("window",
                 "variable (Linux >= 5.7, probes every idle link each tick) or fixed "
                 "(Linux 5.4 supervision)",
                 window);
    cmd.AddValue("threshold",
                 "TipcStack::MonitorThreshold: full-mesh supervision up to this cluster size",
                 threshold);
    cmd.AddValue("jitter",
                 "Each node enables its bearer at a random time in [0, jitter); 0 .. 10 s",
                 jitter);
    cmd.AddValue("duration", "Simulated time, 1 s .. 600 s", duration);
    cmd.AddValue("steady",
                 "Steady-state window for the frame rate: the last STEADY of the run (or "
                 "before --kill); > 0, after the last bearer start",
                 steady);
    cmd.AddValue("kill", "Silence node 0 at this time (0: never); < duration", kill);
    cmd.AddValue("killMode",
                 "crash (node 0's device stops sending and receiving) or stop (node 0 "
                 "disables its bearer: RESET to the peers)",
                 killMode);
    cmd.AddValue("tolerance", "Link tolerance, 50 ms .. 30 s", tolerance);
    cmd.AddValue("rate", "CSMA data rate", rate);
    cmd.AddValue("delay", "CSMA propagation delay, 0 .. 1 ms", delay);
    cmd.AddValue("poll", "Name-table polling interval, 1 ms .. 1 s", poll);
    cmd.AddValue("verbose", "Print discovery and link events on stderr", verbose);
    cmd.AddValue("stats", "Also write the TipcStatsHelper counters of the window here", statsFile);
    cmd.AddValue("hugePagesFrom",
                 "Restart with transparent huge pages for the heap (TipcHugePages) when a "
                 "cluster has at least this many nodes; 0: never",
                 hugePagesFrom);
    cmd.AddValue("output",
                 "Result CSV (relative to the working directory; - for stdout only)",
                 output);
    cmd.Parse(argc, argv);

    if (n < 2 || n > 2000)
    {
        NS_FATAL_ERROR("--nodes=" << n << " outside 2 .. 2000");
    }
    if (lan != "segment" && lan != "switch" && lan != "switch-fd")
    {
        NS_FATAL_ERROR("--lan=" << lan << ": use segment, switch or switch-fd");
    }
    const TypeId windowType = TipcWindowControl::LookupByName(window, "--window");
    if (duration < Seconds(1) || duration > Seconds(600))
    {
        NS_FATAL_ERROR("--duration=" << duration.As(Time::S) << " outside 1 s .. 600 s");
    }
    if (jitter.IsStrictlyNegative() || jitter > Seconds(10))
    {
        NS_FATAL_ERROR("--jitter=" << jitter.As(Time::S) << " outside 0 .. 10 s");
    }
    if (kill.IsStrictlyNegative() || kill >= duration)
    {
        NS_FATAL_ERROR("--kill=" << kill.As(Time::S) << " outside 0 (never) .. duration ("
                                 << duration.As(Time::S) << ")");
    }
    if (killMode != "crash" && killMode != "stop")
    {
        NS_FATAL_ERROR("--killMode=" << killMode << ": use crash or stop");
    }
    const Time windowEnd = kill.IsStrictlyPositive() ? kill : duration;
    const Time windowStart = windowEnd - steady;
    if (!steady.IsStrictlyPositive() || windowStart < jitter)
    {
        NS_FATAL_ERROR("--steady=" << steady.As(Time::S) << " outside (0, "
                                   << (windowEnd - jitter).As(Time::S)
                                   << "]: the window must end at --kill or --duration and "
                                      "start after --jitter");
    }
    if (tolerance < MilliSeconds(50) || tolerance > Seconds(30))
    {
        NS_FATAL_ERROR("--tolerance=" << tolerance.As(Time::MS) << " outside 50 ms .. 30 s");
    }
    if (delay.IsStrictlyNegative() || delay > MilliSeconds(1))
    {
        NS_FATAL_ERROR("--delay=" << delay.As(Time::US) << " outside 0 .. 1 ms");
    }
    if (poll < MilliSeconds(1) || poll > Seconds(1))
    {
        NS_FATAL_ERROR("--poll=" << poll.As(Time::MS) << " outside 1 ms .. 1 s");
    }
    if (hugePagesFrom > 0 && n >= hugePagesFrom)
    {
        TipcHugePages::Restart(argv); // returns if already restarted or not possible
        std::cerr << TipcHugePages::Describe() << std::endl;
    }

    NodeContainer nodes;
    nodes.Create(n);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(rate));
    csma.SetChannelAttribute("Delay", TimeValue(delay));
    csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
    NetDeviceContainer devs; // node i's device is devs.Get(i)
    SwitchedLanHelper sw;
    if (lan == "segment")
    {
        devs = csma.Install(nodes);
    }
    else
    {
        sw.SetCable(lan == "switch-fd" ? "full-duplex" : "csma");
        sw.SetChannelAttribute("DataRate", StringValue(rate));
        sw.SetChannelAttribute("Delay", TimeValue(delay));
        devs = sw.Install(nodes);
    }

    TipcHelper tipc;
    tipc.SetBearerAttributes("Tolerance", TimeValue(tolerance));
    tipc.SetStackAttributes("MonitorThreshold", UintegerValue(threshold));
    tipc.SetStackAttributes("WindowControl", TypeIdValue(windowType));
    tipc.Install(nodes);
    int64_t stream = 1;
    stream += tipc.AssignStreams(nodes, stream);
    stream += lan == "segment" ? csma.AssignStreams(devs, stream) : sw.AssignStreams(stream);
    Ptr<UniformRandomVariable> startRng = CreateObject<UniformRandomVariable>();
    startRng->SetStream(stream);

    // bearers and publications: at 0, or at a random time in [0, jitter)
    Time lastStart = Seconds(0);
    for (uint32_t i = 0; i < n; ++i)
    {
        Time start = jitter.IsStrictlyPositive()
                         ? NanoSeconds(static_cast<int64_t>(
                               startRng->GetValue(0, static_cast<double>(jitter.GetNanoSeconds()))))
                         : Seconds(0);
        lastStart = std::max(lastStart, start);
        Ptr<NetDevice> dev = devs.Get(i);
        if (start.IsZero())
        {
            tipc.AddEthBearer(dev, "eth0");
        }
        else
        {
            Simulator::Schedule(start, [&tipc, dev]() { tipc.AddEthBearer(dev, "eth0"); });
        }
        TipcServicePublisherHelper publisher(1000, i, i);
        ApplicationContainer app = publisher.Install(nodes.Get(i));
        app.Start(start);
    }

    // full mesh: every node has n-1 peers up
    std::vector<uint32_t> up(n, 0);
    uint32_t complete = 0; // nodes with n-1 peers up
    uint64_t nodeDowns = 0;
    Time meshAt = Seconds(-1);
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(i));
        s->TraceConnectWithoutContext("NodeUp", Callback<void, uint32_t>([&, i](uint32_t) {
                                          if (++up[i] == n - 1)
                                          {
                                              ++complete;
                                          }
                                          if (complete == n && meshAt.IsStrictlyNegative())
                                          {
                                              meshAt = Simulator::Now();
                                              Progress() << "link mesh complete" << std::endl;
                                          }
                                      }));
        s->TraceConnectWithoutContext("NodeDown", Callback<void, uint32_t>([&, i](uint32_t) {
                                          ++nodeDowns;
                                          if (up[i]-- == n - 1)
                                          {
                                              --complete;
                                          }
                                      }));
    }

    if (verbose)
    {
        Config::Connect("/NodeList/*/$ns3::TipcStack/Discovery", MakeCallback(&OnDiscovery));
        Config::Connect("/NodeList/*/$ns3::TipcStack/LinkState", MakeCallback(&OnLinkState));
    }

    // complete name tables: poll
    Time namesAt = Seconds(-1);
    uint32_t namesDone = 0; // nodes 0 .. namesDone-1 have complete tables (no withdrawals yet)
    std::function<void()> pollNames = [&]() {
        for (; namesDone < n; ++namesDone)
        {
            TipcNameTable& t = TipcHelper::GetStack(nodes.Get(namesDone))->GetNameTable();
            if (t.GetOverlapping(1000, 0, 0xffffffff).size() != n)
            {
                Simulator::Schedule(poll, pollNames);
                return;
            }
        }
        namesAt = Simulator::Now();
        Progress() << "name tables complete" << std::endl;
    };
    Simulator::Schedule(poll, pollNames);

    // steady-state window: the collector is installed when every bearer exists
    TipcStatsHelper stats;
    double framesTx = 0;
    double bytesTx = 0;
    double monitoredSum = 0;
    uint32_t monitoredMin = n;
    uint32_t monitoredMax = 0;
    Simulator::Schedule(windowStart, [&]() {
        stats.Install(nodes);
        Progress() << "steady-state window starts" << std::endl;
    });
    Simulator::Schedule(windowEnd - NanoSeconds(1), [&]() {
        Ptr<TipcStatsCollector> c = stats.GetCollector();
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string name = "node" + std::to_string(nodes.Get(i)->GetId());
            framesTx += c->Get("host", name, "frames_tx");
            bytesTx += c->Get("host", name, "bytes_tx");
            const TipcMonitor* m = TipcHelper::GetStack(nodes.Get(i))->PeekMonitor(0);
            uint32_t k = m ? static_cast<uint32_t>(m->GetMonitored().size()) : 0;
            monitoredSum += k;
            monitoredMin = std::min(monitoredMin, k);
            monitoredMax = std::max(monitoredMax, k);
        }
        if (!statsFile.empty())
        {
            stats.Write(statsFile);
        }
    });

    // node 0 disappears
    std::vector<Time> downAt; // NodeDown of node 0 at the others
    if (kill.IsStrictlyPositive())
    {
        for (uint32_t i = 1; i < n; ++i)
        {
            TipcHelper::GetStack(nodes.Get(i))
                ->TraceConnectWithoutContext(
                    "NodeDown",
                    Callback<void, uint32_t>([&](uint32_t peer) {
                        if (Simulator::Now() >= kill &&
                            peer == TipcHelper::GetStack(nodes.Get(0))->GetOwnAddress())
                        {
                            downAt.push_back(Simulator::Now());
                            if (downAt.size() == n - 1)
                            {
                                Progress() << "node 0 down everywhere" << std::endl;
                            }
                        }
                    }));
        }
        Simulator::Schedule(kill, [&]() {
            Progress() << "node 0 " << (killMode == "crash" ? "crashes" : "stops its bearer")
                       << std::endl;
            if (killMode == "crash")
            {
                if (Ptr<CsmaNetDevice> d = DynamicCast<CsmaNetDevice>(devs.Get(0)))
                {
                    d->SetSendEnable(false);
                    d->SetReceiveEnable(false);
                }
                else
                {
                    // full-duplex cable: both of its ends stop receiving
                    for (Ptr<NetDevice> end : {devs.Get(0), sw.GetSwitchPorts().Get(0)})
                    {
                        Ptr<RateErrorModel> all = CreateObject<RateErrorModel>();
                        all->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                        all->SetRate(1.0);
                        end->SetAttribute("ReceiveErrorModel", PointerValue(all));
                    }
                }
            }
            else
            {
                TipcHelper::GetStack(nodes.Get(0))->DisableBearer(0);
            }
        });
    }

    Simulator::Stop(duration);
    Simulator::Run();

    const double windowS = steady.GetSeconds();
    auto secs = [](Time t) {
        return t.IsStrictlyNegative() ? std::string() : TipcCsvWriter::Num(t.GetSeconds(), 9);
    };
    bool killed = kill.IsStrictlyPositive();
    bool detected = killed && downAt.size() == n - 1;
    TipcCsvWriter csv(output,
                      {"nodes",
                       "jitter_s",
                       "last_start_s",
                       "link_mesh_s",
                       "name_tables_s",
                       "frames_per_node_per_s",
                       "bytes_per_node_per_s",
                       "monitored_mean",
                       "monitored_min",
                       "monitored_max",
                       "kill_s",
                       "detect_first_s",
                       "detect_s"});
    csv.Row({std::to_string(n),
             TipcCsvWriter::Num(jitter.GetSeconds()),
             TipcCsvWriter::Num(lastStart.GetSeconds(), 9),
             secs(meshAt),
             secs(namesAt),
             TipcCsvWriter::Num(framesTx / n / windowS),
             TipcCsvWriter::Num(bytesTx / n / windowS),
             TipcCsvWriter::Num(monitoredSum / n),
             std::to_string(monitoredMin),
             std::to_string(monitoredMax),
             killed ? TipcCsvWriter::Num(kill.GetSeconds()) : "",
             killed && !downAt.empty() ? secs(downAt.front() - kill) : "",
             detected ? secs(downAt.back() - kill) : ""});
    bool ok =
        !meshAt.IsStrictlyNegative() && !namesAt.IsStrictlyNegative() && (!killed || detected);
    if (namesAt.IsStrictlyNegative())
    {
        size_t lo = n;
        size_t hi = 0;
        uint32_t complete = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            size_t k = TipcHelper::GetStack(nodes.Get(i))
                           ->GetNameTable()
                           .GetOverlapping(1000, 0, 0xffffffff)
                           .size();
            lo = std::min(lo, k);
            hi = std::max(hi, k);
            complete += k == n ? 1 : 0;
        }
        std::map<std::string, uint64_t> drops;
        for (uint32_t i = 0; i < n; ++i)
        {
            for (const auto& [reason, k] : TipcHelper::GetStack(nodes.Get(i))->GetDropCounts())
            {
                drops[reason] += k;
            }
        }
        for (const auto& [reason, k] : drops)
        {
            std::cerr << "# drops: " << reason << ": " << k << std::endl;
        }
        TipcNameDistributor::Stats sum;
        for (uint32_t i = 0; i < n; ++i)
        {
            const auto& st = TipcHelper::GetStack(nodes.Get(i))->GetNameDistributor()->GetStats();
            sum.sentUpdates += st.sentUpdates;
            sum.sentBulk += st.sentBulk;
            sum.recvMessages += st.recvMessages;
            sum.applied += st.applied;
            sum.rejectedItems += st.rejectedItems;
            sum.oldDropped += st.oldDropped;
        }
        std::cerr << "# name distribution: " << sum.sentBulk << " bulk and " << sum.sentUpdates
                  << " single messages sent, " << sum.recvMessages << " received, " << sum.applied
                  << " items applied, " << sum.rejectedItems << " rejected, " << sum.oldDropped
                  << " stale; " << nodeDowns << " node-down events" << std::endl;
        std::cerr << "# name tables at the end: " << complete << " of " << n
                  << " complete, bindings of type 1000 per node " << lo << " .. " << hi
                  << std::endl;
    }
    if (!ok)
    {
        std::cerr << "tipc-cluster-discovery: sanity check failed:"
                  << (meshAt.IsStrictlyNegative() ? " link mesh incomplete;" : "")
                  << (namesAt.IsStrictlyNegative() ? " name tables incomplete;" : "")
                  << (killed && !detected ? " node 0 not declared down everywhere;" : "")
                  << std::endl;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
