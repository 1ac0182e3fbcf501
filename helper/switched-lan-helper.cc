// SPDX-License-Identifier: GPL-2.0-only

#include "switched-lan-helper.h"

#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SwitchedLanHelper");

SwitchedLanHelper::SwitchedLanHelper()
    : m_fullDuplex(false)
{
    m_csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    m_csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    m_veth.SetDeviceAttributes("DataRate", StringValue("1Gbps"));
    m_veth.SetChannelAttributes("Delay", TimeValue(MicroSeconds(1)));
    SetQueueSize("1000p");
}

void
SwitchedLanHelper::SetQueueSize(const std::string& maxSize)
{
    m_csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue(maxSize));
    m_veth.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue(maxSize));
}

void
SwitchedLanHelper::SetCable(const std::string& type)
{
    if (type != "csma" && type != "full-duplex")
    {
        NS_FATAL_ERROR("SwitchedLanHelper::SetCable: \"" << type << "\"; use csma or full-duplex");
    }
    m_fullDuplex = type == "full-duplex";
}

bool
SwitchedLanHelper::IsFullDuplex() const
{
    return m_fullDuplex;
}

void
SwitchedLanHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_csma.SetChannelAttribute(name, value);
    // a full-duplex cable's rate is its devices' (VethNetDevice::DataRate)
    if (name == "DataRate")
    {
        m_veth.SetDeviceAttributes(name, value);
    }
    else
    {
        m_veth.SetChannelAttributes(name, value);
    }
}

void
SwitchedLanHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    if (m_fullDuplex)
    {
        m_veth.SetDeviceAttributes(name, value);
    }
    else
    {
        m_csma.SetDeviceAttribute(name, value);
    }
}

NetDeviceContainer
SwitchedLanHelper::Install(const NodeContainer& nodes)
{
    NS_LOG_FUNCTION(this << nodes.GetN());
    m_switch = CreateObject<Node>();
    m_hosts = NetDeviceContainer();
    m_ports = NetDeviceContainer();
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        NetDeviceContainer cable = m_fullDuplex ? m_veth.Install(*it, m_switch)
                                                : m_csma.Install(NodeContainer(*it, m_switch));
        m_hosts.Add(cable.Get(0));
        m_ports.Add(cable.Get(1));
    }
    m_bridge = CreateObject<EthernetSwitch>();
    m_switch->AggregateObject(m_bridge);
    for (auto it = m_ports.Begin(); it != m_ports.End(); ++it)
    {
        m_bridge->AddPort(*it);
    }
    return m_hosts;
}

Ptr<EthernetSwitch>
SwitchedLanHelper::GetEthernetSwitch() const
{
    return m_bridge;
}

Ptr<Node>
SwitchedLanHelper::GetSwitch() const
{
    return m_switch;
}

NetDeviceContainer
SwitchedLanHelper::GetSwitchPorts() const
{
    return m_ports;
}

int64_t
SwitchedLanHelper::AssignStreams(int64_t stream)
{
    if (m_fullDuplex)
    {
        return 0; // full-duplex cables draw no random numbers
    }
    NetDeviceContainer all(m_hosts, m_ports);
    return m_csma.AssignStreams(all, stream);
}

} // namespace ns3
