// SPDX-License-Identifier: GPL-2.0-only
// The 20-line example of README.md (kept identical by scripts/check-readme-example.py).
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/tipc-module.h"
using namespace ns3;

int
main()
{
    NodeContainer nodes(2);
    NetDeviceContainer devices = CsmaHelper().Install(nodes); // one Ethernet segment
    TipcHelper tipc;
    tipc.Install(nodes);
    tipc.AddEthBearers(devices); // neighbour discovery; the link is up after 1.6 s
    Ptr<Socket> server = Socket::CreateSocket(nodes.Get(1), TipcSocketFactory::GetTypeId());
    server->Bind(TipcAddress::Service(18888, 17)); // publish service {18888, 17} cluster-wide
    server->SetRecvCallback(MakeCallback(+[](Ptr<Socket> s) {
        Address from;
        Ptr<Packet> p = s->RecvFrom(from);
        std::cout << Simulator::Now().As(Time::S) << ": " << p->GetSize() << " bytes from "
                  << TipcAddress::ConvertFrom(from) << std::endl;
    }));
    Ptr<Socket> client = Socket::CreateSocket(nodes.Get(0), TipcSocketFactory::GetTypeId());
    Simulator::Schedule(Seconds(2), [client]() {
        client->SendTo(Create<Packet>(100), 0, TipcAddress::Service(18888, 17)); // anycast
    });
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    Simulator::Destroy();
}
