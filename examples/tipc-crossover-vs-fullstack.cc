// SPDX-License-Identifier: GPL-2.0-only
//
// The main experiment: throughput of node-internal TIPC, the crossover fast
// path, full-stack TIPC (crossover off) and TCP between two network namespaces
// of one simulated Linux host, across message sizes, with the calibrated host
// CPU model; plus ping-pong round trips (latency mode).  Writes a tidy CSV
// (one row per scenario, mode and size) to the current directory and prints the
// ratios that calibration.md targets, and the simulation speed.  The
// inter-host and inter-host-tcp scenarios (--scenarios) run the same traffic
// between namespaces of two hosts joined by full-duplex NICs of --nicRate.
//
//   ./tipc-crossover-vs-fullstack [--sizes=64,256,...] [--scenarios=...]
//       [--connections=100] [--cores=4] [--vethMtu=1500] [--gso=1] [--nicRate=10Gbps]
//       [--nicQueue=10240p]
//       [--latencySizes=64,65536] [--nagleSizes=64,256,1024] [--warmup=100ms] [--duration=250ms]
//       [--output=FILE]
//
// Plots: python3 scripts/plot-crossover.py tipc-crossover-vs-fullstack.csv

#include "ns3/core-module.h"
#include "ns3/tipc-module.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string sizes = "64,256,1024,4096,16384,65536";
    std::string latencySizes = "64,65536";
    std::string nagleSizes = "64,256,1024";
    std::string scenarios = "node-internal,crossover,full-stack,tcp,inter-host,inter-host-tcp";
    std::string csv = "tipc-crossover-vs-fullstack.csv";
    TipcCrossoverExperiment::Config base;
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("sizes", "Message sizes for throughput (comma list, bytes)", sizes);
    cmd.AddValue("latencySizes", "Message sizes for ping-pong (comma list, or none)", latencySizes);
    cmd.AddValue("nagleSizes",
                 "Message sizes for full stack with smart Nagle on, scenario full-stack-nagle "
                 "(comma list, or none; run when --scenarios has full-stack)",
                 nagleSizes);
    cmd.AddValue(
        "scenarios",
        "node-internal, crossover, full-stack, tcp, inter-host, inter-host-tcp (comma list)",
        scenarios);
    cmd.AddValue("connections", "Client/server pairs", base.connections);
    cmd.AddValue("transport", "TIPC socket type: stream or rdm", base.transport);
    cmd.AddValue("cores", "CPU cores of the host", base.cores);
    cmd.AddValue("vethMtu", "MTU of the veth devices", base.vethMtu);
    cmd.AddValue("gso", "GSO/GRO (and TSO) for TCP", base.gso);
    cmd.AddValue("nicRate", "NIC speed of the inter-host scenarios", base.nicRate);
    cmd.AddValue("nicQueue",
                 "NIC transmit queue of the inter-host scenarios (default: fq_codel's limit)",
                 base.nicQueue);
    cmd.AddValue("duration", "Measured interval per point", base.duration);
    cmd.AddValue("warmup", "Discarded interval before it", base.warmup);
    cmd.AddValue("output", "Result CSV (relative to the working directory)", csv);
    cmd.AddValue("verbose", "Print the per-core and per-stage CPU report of every point", verbose);
    cmd.Parse(argc, argv);
    const std::vector<uint32_t> sizeList =
        TipcListArgument::Numbers(sizes, "--sizes", 1, tipc::TIPC_MAX_USER_MSG_SIZE);
    const std::vector<uint32_t> latencySizeList =
        TipcListArgument::Numbers(latencySizes, "--latencySizes", 1, tipc::TIPC_MAX_USER_MSG_SIZE);
    const std::vector<uint32_t> nagleSizeList =
        TipcListArgument::Numbers(nagleSizes, "--nagleSizes", 1, tipc::TIPC_MAX_USER_MSG_SIZE);

    std::ofstream out(csv);
    out << "scenario,mode,size,connections,cores,veth_mtu,gso,nodelay,throughput_mbps,msgs_per_s,"
           "rtt_us,link_pkts_per_s,cpu_util_mean,events,nic_mbps\n";
    std::map<std::pair<std::string, uint32_t>, double> tput;
    std::map<std::pair<std::string, uint32_t>, double> rtt;
    uint64_t events = 0;
    double wall = 0;
    double simMsgs = 0;
    auto row = [&](const TipcCrossoverExperiment::Config& c,
                   const TipcCrossoverExperiment::Result& r) {
        double util = 0;
        for (double u : r.utilisation)
        {
            util += u / r.utilisation.size();
        }
        // full stack with TIPC's smart Nagle on is a scenario of its own in the CSV
        const std::string label = c.nodelay ? c.scenario : c.scenario + "-nagle";
        out << label << "," << (c.latency ? "latency" : "throughput") << "," << c.size << ","
            << (c.latency ? 1 : c.connections) << "," << c.cores << "," << c.vethMtu << "," << c.gso
            << "," << c.nodelay << "," << std::fixed << std::setprecision(3) << r.mbps << ","
            << std::setprecision(1) << r.msgsPerSec << "," << std::setprecision(3) << r.rttUs << ","
            << std::setprecision(0) << r.linkPacketsPerSec << "," << std::setprecision(3) << util
            << "," << r.events << "," << (c.InterHost() ? c.nicRate.GetBitRate() / 1000000 : 0)
            << "\n";
        out.unsetf(std::ios::floatfield);
        events += r.events;
        wall += r.wallSeconds;
        simMsgs += r.msgsPerSec * c.duration.GetSeconds();
        std::cout << std::left << std::setw(17) << label << std::setw(11)
                  << (c.latency ? "latency" : "throughput") << std::right << std::setw(7) << c.size
                  << std::fixed << std::setprecision(1) << std::setw(12) << r.mbps << std::setw(12)
                  << std::setprecision(0) << r.msgsPerSec << std::setw(10) << std::setprecision(2)
                  << r.rttUs << std::setw(12) << std::setprecision(0) << r.linkPacketsPerSec
                  << "   cpu";
        for (double u : r.utilisation)
        {
            std::cout << " " << std::setprecision(0) << u * 100 << "%";
        }
        std::cout << std::endl;
        std::cout.unsetf(std::ios::floatfield);
        if (verbose)
        {
            std::cout << r.cpuReport;
        }
        if (r.connected < (c.latency ? 1 : c.connections))
        {
            std::cerr << "warning: " << c.scenario << " " << c.size << ": only " << r.connected
                      << " pairs connected" << std::endl;
        }
    };

    std::cout << std::left << std::setw(17) << "scenario" << std::setw(11) << "mode" << std::right
              << std::setw(7) << "size" << std::setw(12) << "Mb/s" << std::setw(12) << "msg/s"
              << std::setw(10) << "RTT us" << std::setw(12) << "link pkt/s" << std::endl;
    const std::vector<std::string> scenarioList = TipcListArgument::Split(scenarios);
    // the Nagle points need the full-stack ones for their ratio
    const std::vector<uint32_t> nagleRuns =
        std::find(scenarioList.begin(), scenarioList.end(), "full-stack") != scenarioList.end()
            ? nagleSizeList
            : std::vector<uint32_t>{};
    for (const auto& s : scenarioList)
    {
        for (uint32_t size : sizeList)
        {
            TipcCrossoverExperiment::Config c = base;
            c.scenario = s;
            c.size = size;
            auto r = TipcCrossoverExperiment::Run(c);
            tput[{s, size}] = r.mbps;
            row(c, r);
        }
        for (uint32_t size : latencySizeList)
        {
            TipcCrossoverExperiment::Config c = base;
            c.scenario = s;
            c.size = size;
            c.latency = true;
            auto r = TipcCrossoverExperiment::Run(c);
            rtt[{s, size}] = r.rttUs;
            row(c, r);
        }
    }
    for (uint32_t size : nagleRuns)
    {
        TipcCrossoverExperiment::Config c = base;
        c.scenario = "full-stack";
        c.size = size;
        c.nodelay = false;
        auto r = TipcCrossoverExperiment::Run(c);
        tput[{"full-stack-nagle", size}] = r.mbps;
        row(c, r);
    }
    out.close();

    auto ratio = [](const std::map<std::pair<std::string, uint32_t>, double>& m,
                    const std::string& a,
                    const std::string& b,
                    uint32_t size) {
        auto ia = m.find({a, size});
        auto ib = m.find({b, size});
        return (ia == m.end() || ib == m.end() || ib->second == 0) ? 0.0 : ia->second / ib->second;
    };
    std::cout << "\nratios (calibration.md targets in brackets)\n";
    for (uint32_t size : sizeList)
    {
        std::cout << "  " << std::setw(6) << size << " B: crossover/full-stack " << std::fixed
                  << std::setprecision(2) << ratio(tput, "crossover", "full-stack", size)
                  << (size == 64 ? " [1.66 +-35%]" : (size == 65536 ? " [12.9 +-25%]" : ""))
                  << ", crossover/node-internal " << ratio(tput, "crossover", "node-internal", size)
                  << " [0.85-1.15], crossover/tcp " << ratio(tput, "crossover", "tcp", size)
                  << (size == 65536 ? " [3-5]" : "") << std::endl;
    }
    for (uint32_t size : nagleRuns)
    {
        std::cout << "  full stack " << size << " B: smart Nagle on / off "
                  << ratio(tput, "full-stack-nagle", "full-stack", size) << " [1.5-2.0]"
                  << std::endl;
    }
    for (uint32_t size : latencySizeList)
    {
        std::cout << "  ping-pong " << size << " B: tcp RTT / node-internal TIPC RTT "
                  << ratio(rtt, "tcp", "node-internal", size)
                  << (size == 64 ? " [2]" : (size == 65536 ? " [7]" : "")) << std::endl;
    }
    for (uint32_t size : sizeList)
    {
        std::cout << "  inter-host " << size << " B: tipc/tcp "
                  << ratio(tput, "inter-host", "inter-host-tcp", size)
                  << (size == 65536 ? " [0.65-0.90]" : "") << std::endl;
    }
    for (uint32_t size : latencySizeList)
    {
        std::cout << "  inter-host ping-pong " << size << " B: tcp RTT / TIPC RTT "
                  << ratio(rtt, "inter-host-tcp", "inter-host", size)
                  << (size == 64 ? " [1.33]" : "") << std::endl;
    }
    std::cout.unsetf(std::ios::floatfield);
    std::cout << "\nsimulation speed: " << std::setprecision(3) << wall << " wall s, "
              << std::setprecision(0) << std::fixed << events / std::max(wall, 1e-9)
              << " events/s, " << simMsgs / std::max(wall, 1e-9)
              << " simulated messages per wall second\n";
    std::cout << "CSV: " << csv << std::endl;
    return 0;
}
