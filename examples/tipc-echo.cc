// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-echo: round-trip times of a TIPC echo service between two nodes.
//
//   client (node0) ==== CSMA 1 Gb/s, 1 us ==== server (node1)
//
// The server binds {18888, 0, 99} (TipcEchoServer); the client sends --count
// requests of --size bytes to the service address {18888, --instance}
// (TipcEchoClient), one every --interval, or ping-pong with --interval=0 (the
// next request leaves when the reply is complete).  --type selects the socket
// type: RDM and DGRAM send each request with sendto, SEQPACKET and STREAM
// connect to the service first.  The links come up at about 1.5 s; the
// applications start at 2 s.  Prints the RTT statistics and exits with status
// 1 if a reply is missing.
//
//   ./tipc-echo [--type=RDM] [--size=64] [--count=100] [--interval=0ms]
//               [--instance=5] [--importance=0] [--verbose=0]
//
// Invalid settings stop the program with a message naming the attribute and
// its range (e.g. --size=70000 with an RDM socket).

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <algorithm>
#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/**
 * @brief Print one round trip.
 * @param rtt the round-trip time
 */
void
OnRtt(Time rtt)
{
    std::cout << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds() << " s rtt "
              << std::setprecision(3) << rtt.GetNanoSeconds() / 1e3 << " us" << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string type = "RDM";
    uint32_t size = 64;
    uint32_t count = 100;
    Time interval = MilliSeconds(0);
    uint32_t instance = 5;
    uint32_t importance = 0;
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("type", "Socket type: RDM, DGRAM, SEQPACKET or STREAM", type);
    cmd.AddValue("size", "Request size in bytes", size);
    cmd.AddValue("count", "Requests to send", count);
    cmd.AddValue("interval", "Time between requests (0: ping-pong)", interval);
    cmd.AddValue("instance",
                 "Service instance the client addresses (server binds 0..99)",
                 instance);
    cmd.AddValue("importance", "Message importance 0..3", importance);
    cmd.AddValue("verbose", "Print every round trip", verbose);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NetDeviceContainer devices = csma.Install(nodes);

    TipcHelper tipc;
    tipc.Install(nodes);
    TipcHelper::SetNodeIdentity(nodes.Get(0), "client");
    TipcHelper::SetNodeIdentity(nodes.Get(1), "server");
    tipc.AddEthBearers(devices);
    tipc.AssignStreams(nodes, 1);
    csma.AssignStreams(devices, 1000);

    TipcEchoServerHelper server(18888, 0, 99);
    server.SetAttribute("SocketType", StringValue(type));
    ApplicationContainer serverApps = server.Install(nodes.Get(1));
    serverApps.Start(Seconds(2));

    TipcEchoClientHelper client(18888, instance);
    client.SetAttribute("SocketType", StringValue(type));
    client.SetAttribute("PacketSize", UintegerValue(size));
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("Importance", UintegerValue(importance));
    ApplicationContainer clientApps = client.Install(nodes.Get(0));
    clientApps.Start(Seconds(2.001));
    Ptr<TipcEchoClient> c = DynamicCast<TipcEchoClient>(clientApps.Get(0));
    if (verbose)
    {
        c->TraceConnectWithoutContext("Rtt", MakeCallback(&OnRtt));
    }

    Time stop = Seconds(2.5) + interval * count;
    Simulator::Stop(stop);
    Simulator::Run();

    Ptr<TipcEchoServer> s = DynamicCast<TipcEchoServer>(serverApps.Get(0));
    std::vector<Time> rtts = c->GetRtts();
    std::sort(rtts.begin(), rtts.end());
    std::cout << "tipc-echo " << type << ", " << size << "-byte requests, "
              << (interval.IsZero()
                      ? std::string("ping-pong")
                      : "interval " + std::to_string(interval.GetMicroSeconds()) + " us")
              << std::endl;
    std::cout << "  requests sent " << c->GetSent() << ", served " << s->GetReceived()
              << ", replies " << c->GetRttCount() << ", errors " << c->GetErrors() << std::endl;
    if (!rtts.empty())
    {
        std::cout << std::fixed << std::setprecision(3) << "  rtt min "
                  << c->GetRttMin().GetNanoSeconds() / 1e3 << " us, mean "
                  << c->GetRttMean().GetNanoSeconds() / 1e3 << " us, median "
                  << rtts[rtts.size() / 2].GetNanoSeconds() / 1e3 << " us, p99 "
                  << rtts[(rtts.size() * 99) / 100].GetNanoSeconds() / 1e3 << " us, max "
                  << c->GetRttMax().GetNanoSeconds() / 1e3 << " us" << std::endl;
    }
    bool ok = c->GetRttCount() == count;
    Simulator::Destroy();
    return ok ? 0 : 1;
}
