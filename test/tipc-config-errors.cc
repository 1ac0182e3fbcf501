// SPDX-License-Identifier: GPL-2.0-only
//
// Configuration errors that no example can be told to make: each --case builds a
// small scenario that must stop with NS_FATAL_ERROR (run by scripts/expect-fatal.sh
// from CTest, which checks the exit status and the message).

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string which;
    CommandLine cmd(__FILE__);
    cmd.AddValue("case", "udp-remote-enabled, udp-remote-before-enable or eth-loopback", which);
    cmd.Parse(argc, argv);

    NodeContainer nodes(2);
    CsmaHelper csma;
    NetDeviceContainer devices = csma.Install(nodes);
    InternetStackHelper internet;
    internet.Install(nodes);
    Ipv4AddressHelper ipv4("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer addresses = ipv4.Assign(devices);
    TipcHelper tipc;
    tipc.Install(nodes);

    if (which == "udp-remote-enabled")
    {
        // "tipc bearer add ... remoteip" on an enabled multicast bearer
        Ptr<TipcUdpBearer> b =
            DynamicCast<TipcUdpBearer>(tipc.AddUdpBearer(nodes.Get(0), addresses.GetAddress(0)));
        Simulator::Schedule(Seconds(1),
                            [b, &addresses]() { b->AddRemote(addresses.GetAddress(1), 6118); });
    }
    else if (which == "udp-remote-before-enable")
    {
        // peers configured on a bearer that will be a multicast one
        Ptr<TipcUdpBearer> b =
            DynamicCast<TipcUdpBearer>(tipc.AddUdpBearer(nodes.Get(0), addresses.GetAddress(0)));
        b->AddRemote(addresses.GetAddress(1), 6118);
    }
    else if (which == "eth-loopback")
    {
        Ptr<Node> n = nodes.Get(0);
        for (uint32_t i = 0; i < n->GetNDevices(); ++i)
        {
            if (DynamicCast<LoopbackNetDevice>(n->GetDevice(i)))
            {
                tipc.AddEthBearer(n->GetDevice(i));
            }
        }
    }
    else
    {
        std::cerr << "--case: '" << which << "' is not a known case" << std::endl;
        return 2;
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    Simulator::Destroy();
    return 0; // expect-fatal.sh fails the test: the case was expected to stop
}
