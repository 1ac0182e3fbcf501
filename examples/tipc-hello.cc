// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-hello: two TIPC nodes on one Ethernet (CSMA) segment find each other
// and bring up a supervised link, as two Linux hosts do.
//
//   nodeA-1 ==== CSMA 1 Gb/s ==== nodeB-2
//
// Prints discovery, link and node events with their times, and the link
// statistics at the end.  pcap: tipc-hello-<node>-<dev>.pcap.
//
// Each bearer is one CSMA segment between the nodes; the devices are named
// A/eth0, B/eth0, ... (ns3::Names).  Invalid settings stop the program with a
// message naming the attribute and its range (e.g. --tolerance=10ms).
//
//   ./tipc-hello [--duration=5s] [--tolerance=1500ms] [--priority=10] [--bearers=1]
//                [--startB=0s] [--device=A/eth0] [--pcap=1] [--output=tipc-hello.csv]

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{

void
OnDiscovery(std::string node, const std::string& event, uint32_t bearer, uint32_t peer)
{
    if (event.rfind("DSC_", 0) != 0)
    {
        std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds() << " s "
                  << node << " discovery " << event << " bearer " << bearer << " peer " << std::hex
                  << peer << std::dec << std::endl;
    }
}

void
OnLinkState(std::string node, const std::string& link, uint32_t from, uint32_t to)
{
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds() << " s "
              << node << " link " << link << " " << TipcLinkFsm::StateName(from) << " -> "
              << TipcLinkFsm::StateName(to) << std::endl;
}

std::map<std::string, double> g_nodeUp; //!< first NodeUp time per node (s)

void
OnNodeUp(std::string node, uint32_t peer)
{
    g_nodeUp.emplace(node, Simulator::Now().GetSeconds());
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds() << " s "
              << node << " node up " << std::hex << peer << std::dec << std::endl;
}

void
OnNodeDown(std::string node, uint32_t peer)
{
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds() << " s "
              << node << " node down " << std::hex << peer << std::dec << std::endl;
}

void
OnAddress(std::string node, uint32_t addr)
{
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds() << " s "
              << node << " address " << std::hex << addr << std::dec << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    Time duration = Seconds(5);
    Time tolerance = MilliSeconds(1500);
    uint32_t priority = 10;
    uint32_t bearers = 1;
    Time startB = Seconds(0);
    std::string device;
    bool pcap = true;
    std::string output = "tipc-hello.csv";
    CommandLine cmd(__FILE__);
    cmd.AddValue("duration", "Simulated time", duration);
    cmd.AddValue("tolerance", "Link tolerance of the bearers (50ms..30s)", tolerance);
    cmd.AddValue("priority", "Link priority of the bearers (0..31)", priority);
    cmd.AddValue("bearers", "Bearers (CSMA segments) between the nodes (at most 3)", bearers);
    cmd.AddValue("startB", "When node B enables its bearers", startB);
    cmd.AddValue("device", "Enable node A's bearers by device name instead (e.g. A/eth0)", device);
    cmd.AddValue("pcap", "Write pcap files", pcap);
    cmd.AddValue("output",
                 "Result CSV: per node its address, node-up time and links up (relative to the "
                 "working directory; - for stdout)",
                 output);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    Names::Add("A", nodes.Get(0));
    Names::Add("B", nodes.Get(1));
    std::vector<NetDeviceContainer> segments;
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    for (uint32_t b = 0; b < bearers; ++b)
    {
        segments.push_back(csma.Install(nodes));
        Names::Add("A/eth" + std::to_string(b), segments.back().Get(0));
        Names::Add("B/eth" + std::to_string(b), segments.back().Get(1));
    }

    TipcHelper tipc;
    tipc.SetBearerAttributes("Tolerance",
                             TimeValue(tolerance),
                             "Priority",
                             UintegerValue(priority));
    tipc.Install(nodes);
    TipcHelper::SetNodeIdentity(nodes.Get(0), "nodeA-1");
    TipcHelper::SetNodeIdentity(nodes.Get(1), "nodeB-2");
    for (uint32_t b = 0; b < bearers; ++b)
    {
        std::string name = "eth" + std::to_string(b);
        if (device.empty())
        {
            tipc.AddEthBearer(segments[b].Get(0), name);
        }
        else
        {
            tipc.AddEthBearer(nodes.Get(0), device);
        }
        Ptr<NetDevice> devB = segments[b].Get(1);
        if (startB.IsZero())
        {
            tipc.AddEthBearer(devB, name);
        }
        else
        {
            Simulator::Schedule(startB, [&tipc, devB, name]() { tipc.AddEthBearer(devB, name); });
        }
    }
    tipc.AssignStreams(nodes, 1);

    for (uint32_t i = 0; i < 2; ++i)
    {
        std::string name = i == 0 ? "A" : "B";
        Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(i));
        s->TraceConnect("Discovery", name, MakeCallback(&OnDiscovery));
        s->TraceConnect("LinkState", name, MakeCallback(&OnLinkState));
        s->TraceConnect("NodeUp", name, MakeCallback(&OnNodeUp));
        s->TraceConnect("NodeDown", name, MakeCallback(&OnNodeDown));
        s->TraceConnect("AddressSet", name, MakeCallback(&OnAddress));
    }
    if (pcap)
    {
        for (const auto& seg : segments)
        {
            csma.EnablePcap("tipc-hello", seg, false);
        }
    }

    Simulator::Stop(duration);
    Simulator::Run();

    bool ok = true;
    std::vector<std::vector<std::string>> rows;
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(i));
        std::string name = i == 0 ? "A" : "B";
        uint32_t linksUp = 0;
        for (const auto& peer : s->GetPeers())
        {
            for (uint32_t b = 0; b < bearers; ++b)
            {
                linksUp += peer->GetLink(b) && peer->GetLink(b)->IsUp() ? 1 : 0;
            }
        }
        std::ostringstream addr;
        addr << std::hex << s->GetOwnAddress();
        auto up = g_nodeUp.find(name);
        rows.push_back({name,
                        addr.str(),
                        up == g_nodeUp.end() ? "" : TipcCsvWriter::Num(up->second, 9),
                        std::to_string(linksUp)});
        for (const auto& peer : s->GetPeers())
        {
            for (uint32_t b = 0; b < bearers; ++b)
            {
                Ptr<TipcLink> l = peer->GetLink(b);
                if (l)
                {
                    l->PrintStats(std::cout); // like `tipc link stat show`
                }
            }
        }
        s->GetBcLink()->PrintStats(std::cout);
        ok = ok && s->GetNUpPeers() == 1;
    }
    TipcCsvWriter csv(output, {"node", "address", "node_up_s", "links_up"});
    for (const auto& r : rows)
    {
        csv.Row(r);
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
