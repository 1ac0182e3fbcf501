// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-udp-routers: a TIPC link over UDP bearers between two IP subnets
// joined by routers, and the round-trip time of an echo service across it.
//
//      LAN 1: 10.1.1.0/24         WAN: 10.1.3.0/24            LAN 2: 10.1.2.0/24
//   A ==== CSMA ==== R1 ------- full duplex -------- R2 ==== CSMA ==== B
//   .1      1 us      .2  .1   --wanRate,           .2  .2     1 us     .1
//   echo client               --routerDelay                     echo server
//
// R1 and R2 are IPv4 routers (Ipv4GlobalRoutingHelper::PopulateRoutingTables);
// only A and B run TIPC.  Multicast discovery does not cross routers, so each
// node's UDP bearer (udp_media.c, port 6118) is configured with the peer's
// unicast address as its replicast remote (TipcHelper::AddUdpBearer(node,
// local, remote)): discovery, link protocol and data go as unicast UDP
// datagrams through the routers.  --routerDelay is the one-way delay between
// the routers, a full-duplex point-to-point link (SimpleNetDevice, MTU 1500)
// rather than a longer CSMA segment: an ns-3 CSMA channel stays busy for the
// whole propagation delay, so a delayed CSMA segment would also throttle
// every back-to-back frame, e.g. the IP fragments of one datagram.
//
// B runs a TipcEchoServer bound to {18888, 0, 99}; once A's name table holds
// that binding (polled every 1 ms), A's TipcEchoClient sends --count requests
// of --size bytes to {18888, 1}, ping-pong (--interval=0, the default) or one
// every --interval.
// Messages larger than the UDP bearer MTU (14000) are fragmented by TIPC;
// datagrams larger than the Ethernet MTU are fragmented by IP.
//
// Result (one CSV row): size,count,socket,router_delay_us,replies,
// rtt_mean_us,rtt_min_us,rtt_max_us,link_up_s (A's node-up time).  Sanity
// check (exit status 1 if it fails): the link comes up and every request is
// answered before --duration.  --pcap writes R1's two interfaces: LAN 1 as
// Ethernet (tipc-udp-routers-1-1.pcap) and the WAN as raw IPv4
// (tipc-udp-routers-n1-i2.pcap).
//
//   ./tipc-udp-routers [--routerDelay=100us] [--rate=1Gbps] [--wanRate=1Gbps]
//       [--count=100] [--size=1000] [--interval=0ms] [--type=RDM]
//       [--tolerance=1500ms] [--duration=10s] [--pcap=0]
//       [--output=tipc-udp-routers.csv]
//   ./tipc-udp-routers --size=60000 --routerDelay=5ms --pcap=1
//   ./tipc-udp-routers --routerDelay=1s --count=10 --duration=60s
//
// A sweep of the RTT over message size and router delay:
//
//   scripts/tipc-sweep.py --program build/examples/tipc-udp-routers
//       --param size=64,1400,14000,66000 --param routerDelay=10us,1ms,10ms
//       --runs 1 --dir results/udp-routers
//   scripts/tipc-plot.py results/udp-routers/results.csv --x size
//       --y rtt_mean_us --hue routerDelay --logx

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    Time routerDelay = MicroSeconds(100);
    std::string rate = "1Gbps";
    std::string wanRate = "1Gbps";
    uint32_t count = 100;
    uint32_t size = 1000;
    Time interval = Seconds(0);
    std::string type = "RDM";
    Time tolerance = MilliSeconds(1500);
    Time duration = Seconds(10);
    bool pcap = false;
    std::string output = "tipc-udp-routers.csv";
    CommandLine cmd(__FILE__);
    cmd.AddValue("routerDelay",
                 "One-way delay of the point-to-point link between the routers, 0 .. 1 s",
                 routerDelay);
    cmd.AddValue("rate", "Data rate of both LANs", rate);
    cmd.AddValue("wanRate", "Data rate of the link between the routers", wanRate);
    cmd.AddValue("count", "Echo requests, 1 .. 1000000", count);
    cmd.AddValue("size", "Request size in bytes, 1 .. 66000", size);
    cmd.AddValue("interval", "Time between requests, 0 (ping-pong) .. 10 s", interval);
    cmd.AddValue("type", "Socket type: RDM, DGRAM, SEQPACKET or STREAM", type);
    cmd.AddValue("tolerance", "Link tolerance of the UDP bearers, 50 ms .. 30 s", tolerance);
    cmd.AddValue("duration", "Simulated time limit, 1 s .. 3600 s", duration);
    cmd.AddValue("pcap", "Write pcap files of R1's interfaces (LAN 1 and WAN)", pcap);
    cmd.AddValue("output",
                 "Result CSV (relative to the working directory; - for stdout only)",
                 output);
    cmd.Parse(argc, argv);

    if (routerDelay.IsStrictlyNegative() || routerDelay > Seconds(1))
    {
        NS_FATAL_ERROR("--routerDelay=" << routerDelay.As(Time::MS) << " outside 0 .. 1 s");
    }
    if (count < 1 || count > 1000000)
    {
        NS_FATAL_ERROR("--count=" << count << " outside 1 .. 1000000");
    }
    if (size < 1 || size > 66000)
    {
        NS_FATAL_ERROR("--size=" << size << " outside 1 .. 66000");
    }
    if (interval.IsStrictlyNegative() || interval > Seconds(10))
    {
        NS_FATAL_ERROR("--interval=" << interval.As(Time::MS) << " outside 0 .. 10 s");
    }
    if (type != "RDM" && type != "DGRAM" && type != "SEQPACKET" && type != "STREAM")
    {
        NS_FATAL_ERROR("--type=" << type << ": use RDM, DGRAM, SEQPACKET or STREAM");
    }
    if (tolerance < MilliSeconds(50) || tolerance > Seconds(30))
    {
        NS_FATAL_ERROR("--tolerance=" << tolerance.As(Time::MS) << " outside 50 ms .. 30 s");
    }
    if (duration < Seconds(1) || duration > Seconds(3600))
    {
        NS_FATAL_ERROR("--duration=" << duration.As(Time::S) << " outside 1 s .. 3600 s");
    }

    NodeContainer nodes;
    nodes.Create(4);
    Ptr<Node> a = nodes.Get(0);
    Ptr<Node> r1 = nodes.Get(1);
    Ptr<Node> r2 = nodes.Get(2);
    Ptr<Node> b = nodes.Get(3);
    InternetStackHelper internet;
    internet.Install(nodes);

    CsmaHelper lan;
    lan.SetChannelAttribute("DataRate", StringValue(rate));
    lan.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NetDeviceContainer d1 = lan.Install(NodeContainer(a, r1));
    NetDeviceContainer d2 = lan.Install(NodeContainer(b, r2));
    SimpleNetDeviceHelper wan;
    wan.SetNetDevicePointToPointMode(true);
    wan.SetDeviceAttribute("DataRate", DataRateValue(DataRate(wanRate)));
    wan.SetChannelAttribute("Delay", TimeValue(routerDelay));
    NetDeviceContainer d3 = wan.Install(NodeContainer(r1, r2));
    d3.Get(0)->SetMtu(1500);
    d3.Get(1)->SetMtu(1500);

    Ipv4AddressHelper ip;
    ip.SetBase("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer if1 = ip.Assign(d1);
    ip.SetBase("10.1.2.0", "255.255.255.0");
    Ipv4InterfaceContainer if2 = ip.Assign(d2);
    ip.SetBase("10.1.3.0", "255.255.255.0");
    ip.Assign(d3);
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    Ipv4Address addrA = if1.GetAddress(0);
    Ipv4Address addrB = if2.GetAddress(0);

    NodeContainer tipcNodes(a, b);
    TipcHelper tipc;
    tipc.SetUdpBearerAttributes("Tolerance", TimeValue(tolerance));
    tipc.Install(tipcNodes);
    tipc.AddUdpBearer(a, addrA, addrB); // replicast: the peer's unicast address
    tipc.AddUdpBearer(b, addrB, addrA);
    int64_t stream = 1;
    stream += tipc.AssignStreams(tipcNodes, stream);
    stream += internet.AssignStreams(nodes, stream);
    stream += lan.AssignStreams(d1, stream);
    lan.AssignStreams(d2, stream);

    TipcEchoServerHelper server(18888, 0, 99);
    server.SetAttribute("SocketType", StringValue(type));
    ApplicationContainer serverApp = server.Install(b);
    serverApp.Start(Seconds(0.5));

    // the client starts as soon as A's name table knows the server's binding
    // (it comes with the name table bulk once B's end of the link is up too)
    TipcEchoClientHelper client(18888, 1);
    client.SetAttribute("SocketType", StringValue(type));
    client.SetAttribute("PacketSize", UintegerValue(size));
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    Ptr<TipcEchoClient> c;
    Time linkUp = Seconds(-1);
    TipcHelper::GetStack(a)->TraceConnectWithoutContext(
        "NodeUp",
        Callback<void, uint32_t>([&](uint32_t peer) {
            if (linkUp.IsStrictlyNegative())
            {
                linkUp = Simulator::Now();
                std::cerr << "# " << std::fixed << std::setprecision(6) << linkUp.GetSeconds()
                          << " s A: node " << std::hex << peer << std::dec << " up over UDP"
                          << std::endl;
            }
        }));
    std::function<void()> waitForServer = [&]() {
        if (TipcHelper::GetStack(a)->GetNameTable().GetOverlapping(18888, 1, 1).empty())
        {
            Simulator::Schedule(MilliSeconds(1), waitForServer);
            return;
        }
        std::cerr << "# " << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds()
                  << " s A: {18888, 1} known, the client starts" << std::endl;
        ApplicationContainer app = client.Install(a);
        app.Start(Seconds(0));
        c = DynamicCast<TipcEchoClient>(app.Get(0));
        c->TraceConnectWithoutContext("Rtt", Callback<void, Time>([&](Time) {
                                          if (c->GetRttCount() == count)
                                          {
                                              Simulator::Stop();
                                          }
                                      }));
    };
    Simulator::Schedule(Seconds(1), waitForServer);

    if (pcap)
    {
        lan.EnablePcap("tipc-udp-routers", d1.Get(1), false);
        internet.EnablePcapIpv4("tipc-udp-routers",
                                r1->GetObject<Ipv4>(),
                                2,
                                false); // the WAN interface
    }

    Simulator::Stop(duration);
    Simulator::Run();

    uint32_t replies = c ? c->GetRttCount() : 0;
    auto us = [](Time t) { return TipcCsvWriter::Num(t.GetNanoSeconds() / 1e3); };
    TipcCsvWriter csv(output,
                      {"size",
                       "count",
                       "socket",
                       "router_delay_us",
                       "replies",
                       "rtt_mean_us",
                       "rtt_min_us",
                       "rtt_max_us",
                       "link_up_s"});
    csv.Row({std::to_string(size),
             std::to_string(count),
             type,
             us(routerDelay),
             std::to_string(replies),
             replies ? us(c->GetRttMean()) : "",
             replies ? us(c->GetRttMin()) : "",
             replies ? us(c->GetRttMax()) : "",
             linkUp.IsStrictlyNegative() ? "" : TipcCsvWriter::Num(linkUp.GetSeconds(), 9)});
    bool ok = !linkUp.IsStrictlyNegative() && replies == count;
    if (!ok)
    {
        std::cerr << "tipc-udp-routers: sanity check failed: "
                  << (linkUp.IsStrictlyNegative()
                          ? "the link never came up"
                          : std::to_string(replies) + " replies of " + std::to_string(count) +
                                " (" + std::to_string(c->GetSent()) + " requests sent, " +
                                std::to_string(c->GetErrors()) + " errors)")
                  << std::endl;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
