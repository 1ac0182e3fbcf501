// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-crossover-experiment.h"

#include "linux-host-helper.h"
#include "tipc-helper.h"
#include "tipc-scoped-default.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/host-cpu-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/linux-host.h"
#include "ns3/names.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tipc-benchmark-client.h"
#include "ns3/tipc-benchmark-server.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <numeric>
#include <sstream>

namespace ns3
{

TipcCrossoverExperiment::Result
TipcCrossoverExperiment::Run(const Config& cfg)
{
    auto wall0 = std::chrono::steady_clock::now();
    const bool interHost = cfg.InterHost();
    const bool tcp = cfg.scenario == "tcp" || cfg.scenario == "inter-host-tcp";
    const bool local = cfg.scenario == "node-internal";
    if (!tcp && !local && !interHost && cfg.scenario != "crossover" && cfg.scenario != "full-stack")
    {
        NS_FATAL_ERROR("TipcCrossoverExperiment: scenario '"
                       << cfg.scenario
                       << "' is not node-internal, crossover, full-stack, tcp, inter-host or "
                          "inter-host-tcp");
    }
    // 100 connections start at once: ARP must hold their SYNs (default queue: 3)
    TipcScopedDefault arpQueue("ns3::ArpCache", "PendingQueueSize", UintegerValue(1024));
    TipcScopedDefault mss("ns3::TcpSocket",
                          "SegmentSize",
                          UintegerValue(HostCpuModel::TcpMss(cfg.vethMtu)));

    LinuxHostHelper hosts;
    hosts.SetHostAttribute("Crossover", BooleanValue(cfg.scenario != "full-stack"));
    hosts.SetVethDeviceAttribute("Mtu", UintegerValue(cfg.vethMtu));
    if (interHost)
    {
        hosts.SetNicCable("full-duplex");
        hosts.SetNicChannelAttribute("DataRate", DataRateValue(cfg.nicRate));
        hosts.SetNicDeviceAttribute("Mtu", UintegerValue(cfg.vethMtu));
        hosts.SetNicQueueSize(cfg.nicQueue);
    }
    // one host with two namespaces, or two hosts with one each
    std::vector<Ptr<HostCpuModel>> cpus;
    for (Ptr<LinuxHost> host : hosts.Install(interHost ? 2 : 1, interHost ? 1 : 2))
    {
        Ptr<HostCpuModel> cpu = host->GetCpu();
        cpu->SetAttribute("Enabled", BooleanValue(cfg.cpuModel));
        cpu->SetAttribute("NumCores", UintegerValue(cfg.cores));
        cpu->SetAttribute("Gso", BooleanValue(cfg.gso));
        cpus.push_back(cpu);
    }
    NodeContainer ns = hosts.GetNamespaces();

    TipcHelper tipc;
    tipc.Install(ns);
    tipc.AddEthBearers(hosts.GetNamespaceDevices());
    tipc.AssignStreams(ns, 1);

    Address remote;
    if (tcp)
    {
        InternetStackHelper inet;
        inet.Install(ns);
        inet.AssignStreams(ns, 1000); // each point independent of the ones run before
        Ipv4AddressHelper ip("10.1.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(hosts.GetNamespaceDevices());
        remote = InetSocketAddress(ifs.GetAddress(1), 5001);
    }

    Ptr<Node> clientNode = ns.Get(0);
    Ptr<Node> serverNode = local ? ns.Get(0) : ns.Get(1);
    std::string transport = tcp ? "tcp" : (cfg.transport == "rdm" ? "tipc-rdm" : "tipc-stream");
    uint32_t pairs = cfg.latency ? 1 : cfg.connections;
    auto configure = [&](Ptr<TipcBenchmarkBase> app) {
        app->SetAttribute("Transport", StringValue(transport));
        app->SetAttribute("Mode", StringValue(cfg.latency ? "latency" : "throughput"));
        app->SetAttribute("Connections", UintegerValue(pairs));
        app->SetAttribute("MessageSize", UintegerValue(cfg.size));
        app->SetAttribute("NoDelay", BooleanValue(cfg.nodelay));
    };
    Ptr<TipcBenchmarkServer> server = CreateObject<TipcBenchmarkServer>();
    configure(server);
    serverNode->AddApplication(server);
    server->SetStartTime(cfg.start - MilliSeconds(1));
    Ptr<TipcBenchmarkClient> client = CreateObject<TipcBenchmarkClient>();
    configure(client);
    if (!cfg.cpuModel)
    {
        client->SetAttribute("Interval", TimeValue(MicroSeconds(10)));
    }
    if (tcp)
    {
        client->SetAttribute("Remote", AddressValue(remote));
    }
    clientNode->AddApplication(client);
    client->SetStartTime(cfg.start);

    Ptr<TipcBenchmarkBase> rx =
        cfg.latency ? Ptr<TipcBenchmarkBase>(client) : Ptr<TipcBenchmarkBase>(server);
    Time t0 = cfg.start + cfg.warmup;
    Simulator::Schedule(t0, [rx, cpus]() {
        rx->ResetCounters();
        for (const auto& cpu : cpus)
        {
            cpu->ResetStats();
        }
    });
    Result r;
    Simulator::Schedule(t0 + cfg.duration, [&r, rx, cpus, client, &cfg]() {
        double secs = cfg.duration.GetSeconds();
        r.mbps = rx->GetRxBytes() * 8.0 / secs / 1e6;
        r.msgsPerSec = rx->GetRxMessages() / secs;
        const auto& rtts = rx->GetRtts();
        r.rttSamples = rtts.size();
        if (!rtts.empty())
        {
            Time sum = std::accumulate(rtts.begin(), rtts.end(), Time(0));
            r.rttUs = sum.GetSeconds() * 1e6 / rtts.size();
        }
        std::ostringstream os;
        for (std::size_t h = 0; h < cpus.size(); ++h)
        {
            r.linkPacketsPerSec += cpus[h]->GetItems(HostCpuModel::TIPC_TX) / secs;
            for (uint32_t c = 0; c < cpus[h]->GetNCores(); ++c)
            {
                r.utilisation.push_back(cpus[h]->GetUtilisation(c));
            }
            if (cpus.size() > 1)
            {
                os << "host " << h << ":\n";
            }
            cpus[h]->Report(os);
        }
        r.cpuReport = os.str();
        r.connected = client->GetConnected();
        Simulator::Stop();
    });
    Simulator::Stop(t0 + cfg.duration + Seconds(1)); // safety net
    Simulator::Run();
    r.events = Simulator::GetEventCount();
    Simulator::Destroy();
    Names::Clear();
    r.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    return r;
}

} // namespace ns3
