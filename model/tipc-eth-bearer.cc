// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-eth-bearer.h"

#include "tipc-stack.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/node.h"
#include "ns3/pointer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcEthBearer");

NS_OBJECT_ENSURE_REGISTERED(TipcEthBearer);

using namespace tipc;

TypeId
TipcEthBearer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcEthBearer")
                            .SetParent<TipcBearer>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcEthBearer>();
    return tid;
}

TipcEthBearer::TipcEthBearer()
    : m_mtu(0),
      m_registered(false)
{
}

void
TipcEthBearer::DoDispose()
{
    m_device = nullptr;
    TipcBearer::DoDispose();
}

void
TipcEthBearer::SetDevice(Ptr<NetDevice> device)
{
    NS_ASSERT(!IsEnabled());
    if (!device)
    {
        NS_FATAL_ERROR("TipcEthBearer: no device");
    }
    if (!Mac48Address::IsMatchingType(device->GetAddress()) || !device->IsBroadcast())
    {
        NS_FATAL_ERROR("TipcEthBearer: device " << device->GetInstanceTypeId().GetName()
                                                << " needs 48-bit MAC addresses and broadcast");
    }
    if (DynamicCast<LoopbackNetDevice>(device))
    {
        // tipc_enable_l2_media: "Enabling <bearer> not permitted"
        NS_FATAL_ERROR("TipcEthBearer: enabling a bearer on the loopback device (node "
                       << device->GetNode()->GetId() << ", device " << device->GetIfIndex()
                       << ") is not permitted");
    }
    m_device = device;
}

Ptr<NetDevice>
TipcEthBearer::GetDevice() const
{
    return m_device;
}

std::string
TipcEthBearer::GetMediaName() const
{
    return "eth";
}

uint8_t
TipcEthBearer::GetMediaType() const
{
    return TIPC_MEDIA_TYPE_ETH;
}

uint32_t
TipcEthBearer::GetMtu() const
{
    if (!IsEnabled())
    {
        return m_device ? m_device->GetMtu() : 0; // tipc_enable_bearer checks the device's
    }
    return m_mtu;
}

TipcMediaAddress
TipcEthBearer::GetMediaAddress() const
{
    if (!IsEnabled() && m_device)
    {
        return DeviceAddress();
    }
    return m_addr;
}

TipcMediaAddress
TipcEthBearer::DeviceAddress() const
{
    return TipcMediaAddress::FromMac(Mac48Address::ConvertFrom(m_device->GetAddress()));
}

TipcMediaAddress
TipcEthBearer::GetBroadcastAddress() const
{
    return TipcMediaAddress::FromMac(Mac48Address::GetBroadcast());
}

Ptr<Node>
TipcEthBearer::GetNode() const
{
    return m_device ? m_device->GetNode() : nullptr;
}

bool
TipcEthBearer::MayPad() const
{
    return true;
}

void
TipcEthBearer::DoEnable()
{
    NS_LOG_FUNCTION(this);
    if (!m_device)
    {
        NS_FATAL_ERROR("TipcEthBearer " << GetName() << ": no device set");
    }
    // tipc_enable_media: b->mtu = dev->mtu, b->addr from dev->dev_addr
    m_mtu = m_device->GetMtu();
    m_addr = DeviceAddress();
    // dev_add_pack: the handler is registered while the bearer is enabled
    m_handler = MakeCallback(&TipcEthBearer::Receive, this);
    m_device->GetNode()->RegisterProtocolHandler(m_handler, ETH_P_TIPC, m_device, false);
    if (!m_registered)
    {
        // Added once and ignored while disabled: ns-3 cannot remove a link-change
        // callback, and a device change may disable the bearer from inside the trace.
        m_device->AddLinkChangeCallback(MakeCallback(&TipcEthBearer::DeviceChanged, this));
        // MTU and MAC changes, from devices that report them (the veth)
        m_device->TraceConnectWithoutContext("DeviceChange",
                                             MakeCallback(&TipcEthBearer::DeviceChanged, this));
        m_registered = true;
    }
}

void
TipcEthBearer::DoDisable()
{
    NS_LOG_FUNCTION(this);
    if (m_device && !m_handler.IsNull())
    {
        if (Ptr<Node> node = m_device->GetNode())
        {
            node->UnregisterProtocolHandler(m_handler); // dev_remove_pack
        }
        m_handler = Node::ProtocolHandler();
    }
}

bool
TipcEthBearer::MsgToAddr(const TipcMediaAddress& info, TipcMediaAddress& addr) const
{
    addr = TipcMediaAddress::FromMac(info.GetMac()); // tipc_eth_msg2addr: no type check
    return true;
}

bool
TipcEthBearer::DoSend(Ptr<Packet> wire, const TipcMediaAddress& dest)
{
    // building an Address from the media bytes costs more than the comparison
    if (m_lastDestMac.IsInvalid() || !(dest == m_lastDest))
    {
        m_lastDest = dest;
        m_lastDestMac = dest.GetMac();
    }
    return m_device->Send(wire, m_lastDestMac, ETH_P_TIPC);
}

void
TipcEthBearer::Receive(Ptr<NetDevice> /* device */,
                       Ptr<const Packet> packet,
                       uint16_t /* protocol */,
                       const Address& /* from */,
                       const Address& /* to */,
                       NetDevice::PacketType type)
{
    if (type == NetDevice::PACKET_OTHERHOST)
    {
        return;
    }
    DeliverUp(packet->Copy());
}

void
TipcEthBearer::DeviceChanged()
{
    if (!IsEnabled() || !m_device || !m_stack)
    {
        return; // enabling takes the device's values; a disposed bearer ignores it
    }
    const uint32_t mtu = m_device->GetMtu();
    if (mtu != m_mtu)
    {
        if (mtu < TIPC_MIN_BEARER_MTU)
        {
            // tipc_mtu_bad: the bearer goes
            NS_LOG_WARN("bearer " << GetName() << ": MTU " << mtu << " below "
                                  << TIPC_MIN_BEARER_MTU << ", disabled");
            m_stack->DisableBearer(GetId());
            return;
        }
        m_mtu = mtu; // NETDEV_CHANGEMTU: new links get it
        m_stack->ResetBearer(GetId());
    }
    TipcMediaAddress addr = DeviceAddress();
    if (addr != m_addr)
    {
        m_addr = addr; // NETDEV_CHANGEADDR
        m_stack->ResetBearer(GetId());
    }
    NotifyMediumState(m_device->IsLinkUp());
}

} // namespace ns3
