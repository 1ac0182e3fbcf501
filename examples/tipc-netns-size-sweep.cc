// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-netns-size-sweep: the tutorial script of doc/tipc.rst ("Usage: a first
// experiment").  Two simulated Linux hosts with three network namespaces
// each, a TIPC stream flow inside one host and one between the hosts, and a
// sweep over the message size; the result is one tidy CSV for the plot tool.
//
//   host h0: h0-ns1 h0-ns2 h0-ns3       host h1: h1-ns1 h1-ns2 h1-ns3
//              \     |     /                       \     |     /
//             bridge (root ns) ----- NIC, CSMA ----- bridge (root ns)
//
//   flow "same-host":  h0-ns1 -> h0-ns2   (crossover fast path: socket to socket)
//   flow "two-hosts":  h0-ns3 -> h1-ns1   (links, veth, bridge, NICs)
//
// Each flow is a tipcutils-style benchmark client and server (TipcBenchmarkHelper)
// with --connections stream connections.  The hosts' CPU cost model is on
// (HostCpuModel, 4 cores) and the benchmark applications charge their system
// calls and copies to it, so the crossover flow is limited by the CPU like on
// a real kernel rather than being free.
// For each size the scenario is built, run for --warmup + --duration, and torn
// down; goodput is user bytes delivered during --duration, latency is from
// send call to delivery into the receiving socket (TipcStatsHelper).
//
//   ./tipc-netns-size-sweep --sizes=64,1024,8192,65536
//   /usr/bin/python3 scripts/tipc-plot.py tipc-netns-size-sweep.csv
//       --x size --y goodput_mbps --hue flow --logx --logy
//
// With --RngRun=1,2,3 (or scripts/tipc-sweep.py --runs 3) the repetitions give
// error bars.  Output: --output (default tipc-netns-size-sweep.csv), also on stdout.

#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

using namespace ns3;

namespace
{

/// One flow of the tutorial: a benchmark client in one namespace, its server in another.
struct Flow
{
    std::string name;                //!< flow label in the CSV
    uint32_t from;                   //!< client namespace (index into the namespaces)
    uint32_t to;                     //!< server namespace
    uint32_t service;                //!< service type the server binds
    Ptr<TipcBenchmarkServer> server; //!< the receiving side
};

} // namespace

int
main(int argc, char* argv[])
{
    std::string sizes = "64,256,1024,4096,16384,65536";
    Time warmup = MilliSeconds(20);
    Time duration = MilliSeconds(100);
    bool crossover = true;
    uint32_t connections = 4;
    std::string output = "tipc-netns-size-sweep.csv";
    std::string statsFile;
    CommandLine cmd(__FILE__);
    cmd.AddValue("sizes", "Comma-separated message sizes in bytes (1 .. 66000)", sizes);
    cmd.AddValue("warmup", "Time from the first message to the start of the measurement", warmup);
    cmd.AddValue("duration", "Measurement interval", duration);
    cmd.AddValue("crossover", "Crossover fast path between namespaces of one host", crossover);
    cmd.AddValue("connections", "Stream connections per flow (1 .. 100)", connections);
    cmd.AddValue("output", "Result CSV (relative to the working directory; - for stdout)", output);
    cmd.AddValue("stats",
                 "Also write every TipcStatsHelper counter to <size>-<this name> (.csv/.json)",
                 statsFile);
    cmd.Parse(argc, argv);

    TipcCsvWriter csv(
        output,
        {"size", "flow", "goodput_mbps", "messages", "latency_p50_us", "latency_p99_us"});
    if (connections < 1 || connections > 100)
    {
        NS_FATAL_ERROR("--connections=" << connections << " outside 1 .. 100");
    }
    for (uint32_t size :
         TipcListArgument::Numbers(sizes, "--sizes", 1, tipc::TIPC_MAX_USER_MSG_SIZE))
    {
        // 1. two hosts, three namespaces each, CPU model on
        Config::SetDefault("ns3::HostCpuModel::Enabled", BooleanValue(true));
        LinuxHostHelper hostHelper;
        hostHelper.SetHostAttribute("Crossover", BooleanValue(crossover));
        hostHelper.Install(2, 3);
        NodeContainer ns = hostHelper.GetNamespaces(); // h0-ns1..3, h1-ns1..3

        // 2. TIPC in every namespace, an Ethernet bearer on its veth device
        TipcHelper tipc;
        tipc.Install(ns);
        tipc.AddEthBearers(hostHelper.GetNamespaceDevices());
        int64_t stream = tipc.AssignStreams(ns, 0);
        hostHelper.AssignStreams(stream);

        // 3. statistics, before the applications create their sockets
        TipcStatsHelper stats;
        Ptr<TipcStatsCollector> collector = stats.Install(ns);

        // 4. the flows: a tipcutils-style benchmark server and client per flow (stream
        //    connections; the applications charge their work to the host's CPU model)
        std::vector<Flow> flows = {{"same-host", 0, 1, 2001, nullptr},
                                   {"two-hosts", 2, 3, 2002, nullptr}};
        const Time start = Seconds(2); // discovery and link set-up take about 1 s
        for (Flow& f : flows)
        {
            for (auto role : {TipcBenchmarkHelper::SERVER, TipcBenchmarkHelper::CLIENT})
            {
                TipcBenchmarkHelper app(role);
                app.SetAttribute("Transport", StringValue("tipc-stream"));
                app.SetAttribute("Connections", UintegerValue(connections));
                app.SetAttribute("MessageSize", UintegerValue(size));
                app.SetAttribute("ServiceType", UintegerValue(f.service));
                bool server = role == TipcBenchmarkHelper::SERVER;
                ApplicationContainer a = app.Install(ns.Get(server ? f.to : f.from));
                a.Start(server ? start - MilliSeconds(1) : start);
                if (server)
                {
                    f.server = DynamicCast<TipcBenchmarkServer>(a.Get(0));
                }
            }
        }

        // 5. measure between start + warmup and start + warmup + duration
        Simulator::Schedule(start + warmup, [&]() {
            collector->Reset();
            for (Flow& f : flows)
            {
                f.server->ResetCounters();
            }
        });
        Simulator::Stop(start + warmup + duration);
        Simulator::Run();

        for (const Flow& f : flows)
        {
            const TipcLatencyHistogram* lat =
                collector->GetLatency("service", std::to_string(f.service));
            double mbps = f.server->GetRxBytes() * 8.0 / duration.GetSeconds() / 1e6;
            auto us = [&](double q) {
                return lat ? TipcCsvWriter::Num(lat->GetPercentile(q).GetNanoSeconds() / 1e3)
                           : std::string();
            };
            csv.Row({std::to_string(size),
                     f.name,
                     TipcCsvWriter::Num(mbps),
                     lat ? std::to_string(lat->GetCount()) : "0",
                     us(0.5),
                     us(0.99)});
        }
        if (!statsFile.empty())
        {
            stats.Write(std::to_string(size) + "-" + statsFile);
        }
        Simulator::Destroy();
        Names::Clear(); // the next size names its hosts and namespaces again
    }
    return 0;
}
