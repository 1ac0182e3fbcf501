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
//   ./tipc-hello [--duration=5s] [--tolerance=1500ms] [--startB=0s] [--pcap=1]

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>

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

void
OnNodeUp(std::string node, uint32_t peer)
{
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
    Time startB = Seconds(0);
    bool pcap = true;
    CommandLine cmd(__FILE__);
    cmd.AddValue("duration", "Simulated time", duration);
    cmd.AddValue("tolerance", "Link tolerance of both bearers (50ms..30s)", tolerance);
    cmd.AddValue("startB", "When node B enables its bearer", startB);
    cmd.AddValue("pcap", "Write pcap files", pcap);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NetDeviceContainer devs = csma.Install(nodes);

    TipcHelper tipc;
    tipc.SetBearerAttributes("Tolerance", TimeValue(tolerance));
    tipc.Install(nodes);
    TipcHelper::SetNodeIdentity(nodes.Get(0), "nodeA-1");
    TipcHelper::SetNodeIdentity(nodes.Get(1), "nodeB-2");
    tipc.AddEthBearer(devs.Get(0), "eth0");
    if (startB.IsZero())
    {
        tipc.AddEthBearer(devs.Get(1), "eth0");
    }
    else
    {
        Simulator::Schedule(startB, [&tipc, &devs]() { tipc.AddEthBearer(devs.Get(1), "eth0"); });
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
        csma.EnablePcap("tipc-hello", devs, false);
    }

    Simulator::Stop(duration);
    Simulator::Run();

    bool ok = true;
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(i));
        for (const auto& peer : s->GetPeers())
        {
            Ptr<TipcLink> l = peer->GetLink(0);
            std::cout << "link " << (l ? l->GetName() : "-") << ": "
                      << (l ? TipcLinkFsm::StateName(l->GetState()) : "none");
            if (l)
            {
                const TipcLinkStats& st = l->GetStats();
                std::cout << ", states sent/recv " << st.sentStates << "/" << st.recvStates
                          << ", probes sent/recv " << st.sentProbes << "/" << st.recvProbes;
            }
            std::cout << std::endl;
        }
        ok = ok && s->GetNUpPeers() == 1;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
