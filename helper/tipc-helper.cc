// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-helper.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/string.h"
#include "ns3/tipc-discoverer.h"
#include "ns3/tipc-eth-bearer.h"
#include "ns3/tipc-link.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-socket-factory.h"
#include "ns3/tipc-udp-bearer.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcHelper");

TipcHelper::TipcHelper()
{
    m_stackFactory.SetTypeId(TipcStack::GetTypeId());
    m_ethFactory.SetTypeId(TipcEthBearer::GetTypeId());
    m_udpFactory.SetTypeId(TipcUdpBearer::GetTypeId());
}

void
TipcHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

Ptr<TipcStack>
TipcHelper::Install(Ptr<Node> node) const
{
    if (node->GetObject<TipcStack>())
    {
        NS_FATAL_ERROR("TipcHelper::Install: node " << node->GetId() << " already has a TipcStack");
    }
    Ptr<TipcStack> stack = m_stackFactory.Create<TipcStack>();
    node->AggregateObject(stack);
    node->AggregateObject(CreateObject<TipcSocketFactory>());
    ValidateDefaults(stack);
    return stack;
}

void
TipcHelper::ValidateDefaults(Ptr<TipcStack> stack)
{
    // Peers, links, discoverers and the node's window policy are created
    // during the simulation, with the attribute defaults of that moment.
    // Creating one of each now makes a bad default (Config::SetDefault,
    // --ns3::...) fail at configuration time, naming the attribute and its range.
    CreateObject<TipcDiscoverer>()->Dispose();
    CreateObject<TipcPeer>()->Dispose();
    CreateObject<TipcLink>()->Dispose();
    stack->CreateWindowControl()->Dispose(); // not the shared one: that is made with the first link
}

Ptr<TipcStack>
TipcHelper::GetStack(Ptr<Node> node)
{
    Ptr<TipcStack> stack = node->GetObject<TipcStack>();
    if (!stack)
    {
        NS_FATAL_ERROR("node " << node->GetId() << " has no TipcStack: call TipcHelper::Install");
    }
    return stack;
}

Ptr<TipcBearer>
TipcHelper::AddEthBearer(Ptr<NetDevice> device, const std::string& ifName) const
{
    if (!device)
    {
        NS_FATAL_ERROR("TipcHelper::AddEthBearer: no device");
    }
    Ptr<TipcStack> stack = GetStack(device->GetNode());
    Ptr<TipcEthBearer> bearer = m_ethFactory.Create<TipcEthBearer>();
    bearer->SetDevice(device);
    std::string name = ifName;
    if (name.empty())
    {
        name = Names::FindName(device);
    }
    if (name.empty())
    {
        name = "eth" + std::to_string(device->GetIfIndex());
    }
    bearer->SetInterfaceName(name);
    stack->AddBearer(bearer);
    return bearer;
}

Ptr<TipcBearer>
TipcHelper::AddEthBearer(Ptr<Node> node, const std::string& deviceName) const
{
    Ptr<NetDevice> dev = Names::Find<NetDevice>(deviceName);
    if (!dev || dev->GetNode() != node)
    {
        NS_FATAL_ERROR("TipcHelper::AddEthBearer: unknown device \""
                       << deviceName << "\" on node " << node->GetId()
                       << " (name it with Names::Add)");
    }
    return AddEthBearer(dev, deviceName.substr(deviceName.find_last_of('/') + 1));
}

void
TipcHelper::AddEthBearers(NetDeviceContainer devices) const
{
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        AddEthBearer(*it);
    }
}

void
TipcHelper::AddUdpBearers(NodeContainer nodes,
                          const Ipv4InterfaceContainer& addresses,
                          bool replicast) const
{
    const uint32_t n = nodes.GetN();
    if (addresses.GetN() != n)
    {
        NS_FATAL_ERROR("TipcHelper::AddUdpBearers: " << n << " nodes but " << addresses.GetN()
                                                     << " addresses");
    }
    for (uint32_t i = 0; i < n; ++i)
    {
        Ipv4Address local = addresses.GetAddress(i);
        if (!replicast || n < 2)
        {
            AddUdpBearer(nodes.Get(i), local);
            continue;
        }
        Ptr<TipcUdpBearer> b = DynamicCast<TipcUdpBearer>(
            AddUdpBearer(nodes.Get(i), local, addresses.GetAddress((i + 1) % n)));
        UintegerValue port;
        b->GetAttribute("RemotePort", port);
        for (uint32_t j = 2; j < n; ++j)
        {
            b->AddRemote(addresses.GetAddress((i + j) % n), static_cast<uint16_t>(port.Get()));
        }
    }
}

Ptr<TipcBearer>
TipcHelper::AddUdpBearer(Ptr<Node> node,
                         Ipv4Address local,
                         Ipv4Address remote,
                         const std::string& ifName) const
{
    Ptr<TipcStack> stack = GetStack(node);
    Ptr<TipcUdpBearer> bearer = m_udpFactory.Create<TipcUdpBearer>();
    bearer->SetNode(node);
    bearer->SetAttribute("LocalAddress", Ipv4AddressValue(local));
    if (remote != Ipv4Address::GetAny())
    {
        bearer->SetAttribute("RemoteAddress", Ipv4AddressValue(remote));
    }
    if (!ifName.empty())
    {
        bearer->SetInterfaceName(ifName);
    }
    else
    {
        // the lowest udpN no bearer of the node has (a freed slot keeps its old name)
        auto nameTaken = [&stack, &bearer]() {
            for (uint32_t i = 0; i < stack->GetNBearers(); ++i)
            {
                if (stack->GetBearer(i)->GetName() == bearer->GetName())
                {
                    return true;
                }
            }
            return false;
        };
        uint32_t n = 0;
        do
        {
            bearer->SetInterfaceName("udp" + std::to_string(n++));
        } while (nameTaken());
    }
    stack->AddBearer(bearer);
    return bearer;
}

void
TipcHelper::SetNodeIdentity(Ptr<Node> node, const std::string& identity)
{
    GetStack(node)->SetAttribute("NodeIdentity", StringValue(identity));
}

int64_t
TipcHelper::AssignStreams(NodeContainer nodes, int64_t stream) const
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        current += GetStack(*it)->AssignStreams(current);
    }
    return current - stream;
}

} // namespace ns3
