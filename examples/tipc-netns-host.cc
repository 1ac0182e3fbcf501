// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-netns-host: two simulated Linux hosts with three network namespaces
// each; every namespace runs TIPC on its veth device, the veth pairs meet in a
// bridge in the host's root namespace, and the two hosts share an Ethernet
// segment.
//
//   host 0: h0-ns1 h0-ns2 h0-ns3      host 1: h1-ns1 h1-ns2 h1-ns3
//              \   |   /                          \   |   /
//             bridge (root) ------ CSMA ------ bridge (root)
//
// Each namespace runs an echo server for service {18888, <its index>}; clients
// in h0-ns1 talk to a server in the same host (h0-ns2, RDM and STREAM) and to
// one on the other host (h1-ns1).  Traffic between namespaces of one kernel
// takes TIPC's crossover fast path once discovery has proven the peer local;
// traffic between hosts goes through links, veth, bridge and NICs.  The
// program prints, per flow, the round-trip time and the path the data took.
//
// With --cpu the hosts' CPU cost model is on (4 cores each), so the round
// trips include processing time; --nics=full-duplex joins the hosts by
// full-duplex NICs of --nicRate on a switch, whose driver work the model
// charges (receive-side scaling included).
//
//   ./tipc-netns-host [--crossover=1] [--pcap=0] [--cpu=0] [--nics=csma]
//       [--nicRate=10Gbps]

#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/// One client-server flow of the example.
struct Flow
{
    std::string name;        //!< description
    uint32_t client;         //!< namespace index of the client
    uint32_t server;         //!< namespace index of the server
    std::string type;        //!< socket type
    Ptr<TipcEchoClient> app; //!< the client
};

} // namespace

int
main(int argc, char* argv[])
{
    bool crossover = true;
    bool pcap = false;
    bool cpu = false;
    std::string nics = "csma";
    DataRate nicRate("10Gbps");
    CommandLine cmd(__FILE__);
    cmd.AddValue("crossover", "Enable the crossover fast path on both hosts", crossover);
    cmd.AddValue("pcap", "Write pcaps of the namespaces' veth devices", pcap);
    cmd.AddValue("cpu", "Enable the hosts' CPU cost model", cpu);
    cmd.AddValue("nics", "How the hosts meet: csma or full-duplex", nics);
    cmd.AddValue("nicRate", "NIC speed (full-duplex NICs)", nicRate);
    cmd.Parse(argc, argv);

    LinuxHostHelper hostHelper;
    hostHelper.SetHostAttribute("Crossover", BooleanValue(crossover));
    hostHelper.SetNicCable(nics);
    if (nics == "full-duplex")
    {
        hostHelper.SetNicChannelAttribute("DataRate", DataRateValue(nicRate));
    }
    std::vector<Ptr<LinuxHost>> hosts = hostHelper.Install(2, 3);
    for (const auto& h : hosts)
    {
        h->GetCpu()->SetAttribute("Enabled", BooleanValue(cpu));
    }
    NodeContainer ns = hostHelper.GetNamespaces(); // h0-ns1..3, h1-ns1..3
    TipcHelper tipc;
    tipc.Install(ns);
    tipc.AddEthBearers(hostHelper.GetNamespaceDevices());
    tipc.AssignStreams(ns, 1);
    if (pcap)
    {
        hostHelper.EnablePcap("tipc-netns-host");
    }

    // an echo server in every namespace: RDM on instance 2i, STREAM on 2i+1
    for (uint32_t i = 0; i < ns.GetN(); ++i)
    {
        for (const std::string t : {"RDM", "STREAM"})
        {
            TipcEchoServerHelper server(18888, 2 * i + (t == "RDM" ? 0 : 1));
            server.SetAttribute("SocketType", StringValue(t));
            server.Install(ns.Get(i)).Start(Seconds(1));
        }
    }
    std::vector<Flow> flows = {{"h0-ns1 -> h0-ns2 (same host)", 0, 1, "RDM", nullptr},
                               {"h0-ns1 -> h0-ns2 (same host)", 0, 1, "STREAM", nullptr},
                               {"h0-ns3 -> h0-ns2 (same host)", 2, 1, "RDM", nullptr},
                               {"h0-ns1 -> h1-ns1 (other host)", 0, 3, "RDM", nullptr},
                               {"h0-ns1 -> h1-ns1 (other host)", 0, 3, "STREAM", nullptr}};
    for (auto& f : flows)
    {
        uint32_t instance = 2 * f.server + (f.type == "RDM" ? 0 : 1);
        TipcEchoClientHelper client(18888, instance);
        client.SetAttribute("SocketType", StringValue(f.type));
        client.SetAttribute("PacketSize", UintegerValue(1000));
        client.SetAttribute("MaxPackets", UintegerValue(100));
        client.SetAttribute("Interval", TimeValue(Seconds(0)));
        ApplicationContainer a = client.Install(ns.Get(f.client));
        a.Start(Seconds(3));
        f.app = DynamicCast<TipcEchoClient>(a.Get(0));
    }

    Simulator::Stop(Seconds(5));
    Simulator::Run();

    std::cout << "crossover " << (crossover ? "on" : "off") << ", CPU model "
              << (cpu ? "on" : "off") << ", NICs " << nics << std::endl;
    std::cout << std::left << std::setw(32) << "flow" << std::setw(8) << "type" << std::setw(9)
              << "replies" << std::setw(14) << "mean RTT (us)" << std::setw(11) << "path"
              << "messages to that peer: crossover / link" << std::endl;
    bool ok = true;
    for (const auto& f : flows)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(ns.Get(f.client));
        Ptr<TipcPeer> peer = s->GetPeer(TipcHelper::GetStack(ns.Get(f.server))->GetOwnAddress());
        bool lxc = peer && peer->GetPeerNet() && crossover;
        std::cout << std::left << std::setw(32) << f.name << std::setw(8) << f.type << std::setw(9)
                  << f.app->GetReceived() << std::setw(14) << std::fixed << std::setprecision(3)
                  << f.app->GetRttMean().GetNanoSeconds() / 1000.0 << std::setw(11)
                  << (lxc ? "crossover" : "link");
        if (peer)
        {
            std::cout << peer->GetCrossoverMessages() << " / " << peer->GetLinkMessages();
        }
        std::cout << std::endl;
        ok = ok && f.app->GetReceived() == 100;
    }
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<NetDevice> d = hostHelper.GetNamespaceDevices().Get(i);
        std::cout << Names::FindName(ns.Get(i)) << " veth frames sent "
                  << DynamicCast<VethNetDevice>(d)->GetTxFrames() << std::endl;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
