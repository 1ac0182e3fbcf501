// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-media-address.h"

#include "tipc-bytes.h"

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"

#include <algorithm>

namespace ns3
{

namespace
{
/// Ethertype of IPv4, written in UDP media addresses.
constexpr uint16_t ETH_P_IP = 0x0800;
/// Ethertype of IPv6.
constexpr uint16_t ETH_P_IPV6 = 0x86DD;
} // namespace

TipcMediaAddress::TipcMediaAddress()
    : m_info{}
{
}

TipcMediaAddress
TipcMediaAddress::FromMediaInfo(const uint8_t* info)
{
    TipcMediaAddress a;
    std::copy(info, info + tipc::TIPC_MEDIA_INFO_SIZE, a.m_info.begin());
    a.DeriveBroadcast();
    return a;
}

TipcMediaAddress
TipcMediaAddress::FromMac(const Mac48Address& mac)
{
    TipcMediaAddress a;
    a.m_info[tipc::TIPC_MEDIA_TYPE_OFFSET] = tipc::TIPC_MEDIA_TYPE_ETH;
    mac.CopyTo(&a.m_info[tipc::TIPC_MEDIA_ADDR_OFFSET]);
    a.DeriveBroadcast();
    return a;
}

TipcMediaAddress
TipcMediaAddress::FromUdpIpv4(uint32_t ipv4HostOrder, uint16_t port)
{
    TipcMediaAddress a;
    a.m_info[tipc::TIPC_MEDIA_TYPE_OFFSET] = tipc::TIPC_MEDIA_TYPE_UDP;
    uint8_t* p = &a.m_info[tipc::TIPC_MEDIA_ADDR_OFFSET];
    tipc::WriteBe16(p, ETH_P_IP);
    tipc::WriteBe16(p + 2, port);
    tipc::WriteBe32(p + 4, ipv4HostOrder);
    a.DeriveBroadcast();
    return a;
}

void
TipcMediaAddress::DeriveBroadcast()
{
    bool all = false;
    switch (GetMediaType())
    {
    case tipc::TIPC_MEDIA_TYPE_ETH:
        all = GetMac().IsBroadcast(); // tipc_eth_raw2addr
        break;
    case tipc::TIPC_MEDIA_TYPE_UDP: // tipc_udp_media_addr_set: a multicast group
        switch (tipc::ReadBe16(&m_info[tipc::TIPC_MEDIA_ADDR_OFFSET]))
        {
        case ETH_P_IP:
            all = Ipv4Address(GetUdpIpv4()).IsMulticast();
            break;
        case ETH_P_IPV6:
            all = m_info[tipc::TIPC_MEDIA_ADDR_OFFSET + 4] == 0xff; // ff00::/8
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    m_broadcast = all ? tipc::TIPC_BROADCAST_SUPPORT : 0;
}

uint8_t
TipcMediaAddress::GetMediaType() const
{
    return m_info[tipc::TIPC_MEDIA_TYPE_OFFSET];
}

bool
TipcMediaAddress::IsValid() const
{
    uint8_t t = GetMediaType();
    return t >= tipc::TIPC_MEDIA_TYPE_ETH && t <= tipc::TIPC_MEDIA_TYPE_UDP;
}

Mac48Address
TipcMediaAddress::GetMac() const
{
    Mac48Address mac;
    mac.CopyFrom(&m_info[tipc::TIPC_MEDIA_ADDR_OFFSET]);
    return mac;
}

uint8_t
TipcMediaAddress::GetBroadcast() const
{
    return m_broadcast;
}

void
TipcMediaAddress::SetBroadcast(uint8_t flag)
{
    m_broadcast = flag;
}

bool
TipcMediaAddress::IsBroadcast() const
{
    return m_broadcast != 0;
}

uint32_t
TipcMediaAddress::GetUdpIpv4() const
{
    return tipc::ReadBe32(&m_info[tipc::TIPC_MEDIA_ADDR_OFFSET + 4]);
}

uint16_t
TipcMediaAddress::GetUdpPort() const
{
    return tipc::ReadBe16(&m_info[tipc::TIPC_MEDIA_ADDR_OFFSET + 2]);
}

const TipcMediaAddress::Bytes&
TipcMediaAddress::GetBytes() const
{
    return m_info;
}

bool
TipcMediaAddress::operator==(const TipcMediaAddress& other) const
{
    return m_info == other.m_info;
}

bool
TipcMediaAddress::operator!=(const TipcMediaAddress& other) const
{
    return m_info != other.m_info;
}

std::ostream&
operator<<(std::ostream& os, const TipcMediaAddress& a)
{
    switch (a.GetMediaType())
    {
    case tipc::TIPC_MEDIA_TYPE_ETH:
        return os << "eth:" << a.GetMac();
    case tipc::TIPC_MEDIA_TYPE_UDP:
        return os << "udp:" << Ipv4Address(a.GetUdpIpv4()) << ":" << a.GetUdpPort();
    default:
        return os << "media" << unsigned(a.GetMediaType());
    }
}

} // namespace ns3
