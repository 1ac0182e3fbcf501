// SPDX-License-Identifier: GPL-2.0-only

#include "ethernet-switch.h"

#include "ns3/boolean.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EthernetSwitch");
NS_OBJECT_ENSURE_REGISTERED(EthernetSwitch);

TypeId
EthernetSwitch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EthernetSwitch")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddConstructor<EthernetSwitch>()
            .AddAttribute("EnableLearning",
                          "Learn source addresses (false: flood every frame, a hub).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&EthernetSwitch::m_learning),
                          MakeBooleanChecker())
            .AddAttribute("AgeingTime",
                          "How long a learned address is kept (802.1D and Linux bridge: 300 s; "
                          "BridgeNetDevice's ExpirationTime).",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&EthernetSwitch::m_ageing),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Forward",
                            "A frame left through the one port its destination was learned on.",
                            MakeTraceSourceAccessor(&EthernetSwitch::m_forwardTrace),
                            "ns3::EthernetSwitch::ForwardTracedCallback")
            .AddTraceSource("Flood",
                            "A frame (broadcast, multicast or to an unknown address) went to "
                            "every port but its arrival port.",
                            MakeTraceSourceAccessor(&EthernetSwitch::m_floodTrace),
                            "ns3::EthernetSwitch::FloodTracedCallback");
    return tid;
}

EthernetSwitch::EthernetSwitch()
    : m_learning(true),
      m_ageing(Seconds(300))
{
    NS_LOG_FUNCTION(this);
}

EthernetSwitch::~EthernetSwitch()
{
    NS_LOG_FUNCTION(this);
}

void
EthernetSwitch::DoDispose()
{
    m_ports.clear();
    m_in.clear();
    m_learned.clear();
    Object::DoDispose();
}

void
EthernetSwitch::AddPort(Ptr<NetDevice> port)
{
    NS_LOG_FUNCTION(this << port);
    if (!port)
    {
        NS_FATAL_ERROR("EthernetSwitch::AddPort: null device");
    }
    if (!port->SupportsSendFrom())
    {
        NS_FATAL_ERROR("EthernetSwitch::AddPort: " << port->GetInstanceTypeId().GetName()
                                                   << " does not support SendFrom");
    }
    if (!Mac48Address::IsMatchingType(port->GetAddress()))
    {
        NS_FATAL_ERROR("EthernetSwitch::AddPort: the device has no MAC-48 address");
    }
    if (m_in.count(PeekPointer(port)) != 0)
    {
        NS_FATAL_ERROR("EthernetSwitch::AddPort: the device is already a port");
    }
    m_in[PeekPointer(port)] = static_cast<uint32_t>(m_ports.size());
    m_ports.push_back(port);
    port->SetPromiscReceiveCallback(MakeCallback(&EthernetSwitch::Receive, this));
    port->SetReceiveCallback(MakeCallback(&EthernetSwitch::Ignore, this));
}

uint32_t
EthernetSwitch::GetNPorts() const
{
    return static_cast<uint32_t>(m_ports.size());
}

Ptr<NetDevice>
EthernetSwitch::GetPort(uint32_t i) const
{
    return i < m_ports.size() ? m_ports[i] : nullptr;
}

uint64_t
EthernetSwitch::Key(Mac48Address a)
{
    uint8_t b[6];
    a.CopyTo(b);
    uint64_t k = 0;
    for (uint8_t byte : b)
    {
        k = (k << 8) | byte;
    }
    return k;
}

const EthernetSwitch::Learned*
EthernetSwitch::FindLearned(Mac48Address address) const
{
    auto it = m_learned.find(Key(address));
    return it == m_learned.end() || it->second.expiry <= Simulator::Now() ? nullptr : &it->second;
}

Ptr<NetDevice>
EthernetSwitch::GetLearnedPort(Mac48Address address) const
{
    const Learned* l = FindLearned(address);
    return l ? m_ports[l->port] : nullptr;
}

uint64_t
EthernetSwitch::GetForwarded() const
{
    return m_forwarded;
}

uint64_t
EthernetSwitch::GetFlooded() const
{
    return m_flooded;
}

uint64_t
EthernetSwitch::GetFiltered() const
{
    return m_filtered;
}

bool
EthernetSwitch::Ignore(Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&)
{
    return true;
}

bool
EthernetSwitch::Receive(Ptr<NetDevice> port,
                        Ptr<const Packet> packet,
                        uint16_t protocol,
                        const Address& src,
                        const Address& dst,
                        NetDevice::PacketType /* type */)
{
    NS_LOG_FUNCTION(this << port << packet << protocol << src << dst);
    auto in = m_in.find(PeekPointer(port));
    if (in == m_in.end())
    {
        return true; // a callback left on a device that is no longer a port
    }
    const Mac48Address from = Mac48Address::ConvertFrom(src);
    const Mac48Address to = Mac48Address::ConvertFrom(dst);
    if (m_learning && !from.IsGroup())
    {
        m_learned[Key(from)] = Learned{in->second, Simulator::Now() + m_ageing};
    }
    if (m_learning && !to.IsGroup())
    {
        if (const Learned* l = FindLearned(to))
        {
            if (l->port == in->second)
            {
                ++m_filtered; // 802.1D: never sent back out of its arrival port
                return true;
            }
            ++m_forwarded;
            Ptr<NetDevice> out = m_ports[l->port];
            m_forwardTrace(packet, port, out);
            out->SendFrom(packet->Copy(), src, dst, protocol);
            return true;
        }
    }
    ++m_flooded;
    m_floodTrace(packet, port);
    for (uint32_t i = 0; i < m_ports.size(); ++i)
    {
        if (i != in->second)
        {
            m_ports[i]->SendFrom(packet->Copy(), src, dst, protocol);
        }
    }
    return true;
}

} // namespace ns3
