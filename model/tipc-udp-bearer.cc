// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-udp-bearer.h"

#include "tipc-header.h"
#include "tipc-stack.h"

#include "ns3/boolean.h"
#include "ns3/fatal-error.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcUdpBearer");

NS_OBJECT_ENSURE_REGISTERED(TipcUdpBearer);

using namespace tipc;

TypeId
TipcUdpBearer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcUdpBearer")
            .SetParent<TipcBearer>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcUdpBearer>()
            .AddAttribute("LocalAddress",
                          "Local IPv4 address the bearer binds to.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&TipcUdpBearer::m_local),
                          MakeIpv4AddressChecker())
            .AddAttribute("LocalPort",
                          "Local UDP port (IANA TIPC port 6118).",
                          UintegerValue(UDP_PORT_DEFAULT),
                          MakeUintegerAccessor(&TipcUdpBearer::m_localPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("RemoteAddress",
                          "IPv4 multicast group for discovery, or the first replicast peer; "
                          "0.0.0.0: the group the tipc tool derives from the cluster id, "
                          "228.0.<id / 256>.<id % 256> (228.0.18.103 for 4711).",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&TipcUdpBearer::m_remote),
                          MakeIpv4AddressChecker())
            .AddAttribute("RemotePort",
                          "Remote UDP port.",
                          UintegerValue(UDP_PORT_DEFAULT),
                          MakeUintegerAccessor(&TipcUdpBearer::m_remotePort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Mtu",
                          "Bearer MTU: the largest TIPC message per datagram (Linux 14000 for "
                          "IPv4; larger than the device MTU, IP fragments).",
                          UintegerValue(TIPC_DEF_LINK_UDP_MTU),
                          MakeUintegerAccessor(&TipcUdpBearer::m_mtu),
                          MakeUintegerChecker<uint32_t>(TIPC_MIN_BEARER_MTU + 28, 65507))
            .AddAttribute("LearnPeers",
                          "Replicast mode: add the senders of discovery datagrams to the "
                          "replicast peers.  Not Linux: tipc_udp_recv calls "
                          "tipc_udp_rcast_disc only while the bearer is not up, so a Linux "
                          "bearer has just its configured peers (false).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TipcUdpBearer::m_learn),
                          MakeBooleanChecker());
    return tid;
}

TipcUdpBearer::TipcUdpBearer()
    : m_localPort(UDP_PORT_DEFAULT),
      m_remotePort(UDP_PORT_DEFAULT),
      m_mtu(TIPC_DEF_LINK_UDP_MTU),
      m_learn(false)
{
}

void
TipcUdpBearer::DoDispose()
{
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
    m_node = nullptr;
    TipcBearer::DoDispose();
}

void
TipcUdpBearer::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
TipcUdpBearer::AddRemote(Ipv4Address addr, uint16_t port)
{
    m_remotes.insert({addr.Get(), port});
    if (IsEnabled())
    {
        CheckRemotes();
    }
}

void
TipcUdpBearer::ForEachRemote(
    const std::function<void(const std::pair<uint32_t, uint16_t>&)>& f) const
{
    std::for_each(m_remotes.begin(), m_remotes.end(), f);
    for (const auto& peer : m_learned)
    {
        if (m_remotes.count(peer) == 0)
        {
            f(peer);
        }
    }
}

void
TipcUdpBearer::CheckRemotes() const
{
    if (IsMulticast() && !m_remotes.empty())
    {
        NS_FATAL_ERROR("TipcUdpBearer " << GetName() << ": replicast peers (AddRemote) need a "
                                        << "unicast ns3::TipcUdpBearer attribute RemoteAddress, "
                                        << "not the multicast group " << m_remote
                                        << " (Linux: can't add remote ip to a UDP multicast "
                                           "bearer)");
    }
}

std::set<std::pair<uint32_t, uint16_t>>
TipcUdpBearer::GetRemotes() const
{
    std::set<std::pair<uint32_t, uint16_t>> all;
    ForEachRemote([&all](const std::pair<uint32_t, uint16_t>& peer) { all.insert(peer); });
    return all;
}

bool
TipcUdpBearer::CanBroadcast() const
{
    return IsMulticast();
}

bool
TipcUdpBearer::IsMulticast() const
{
    return m_remote.IsMulticast();
}

std::string
TipcUdpBearer::GetMediaName() const
{
    return "udp";
}

uint8_t
TipcUdpBearer::GetMediaType() const
{
    return TIPC_MEDIA_TYPE_UDP;
}

uint32_t
TipcUdpBearer::GetMtu() const
{
    return m_mtu;
}

uint32_t
TipcUdpBearer::GetMediaMaxWindow() const
{
    return TIPC_DEF_LINK_WIN; // UDP links do not grow their window
}

TipcMediaAddress
TipcUdpBearer::GetMediaAddress() const
{
    return TipcMediaAddress::FromUdpIpv4(m_local.Get(), m_localPort);
}

TipcMediaAddress
TipcUdpBearer::GetBroadcastAddress() const
{
    TipcMediaAddress a = TipcMediaAddress::FromUdpIpv4(m_remote.Get(), m_remotePort);
    if (!a.IsBroadcast())
    {
        a.SetBroadcast(TIPC_REPLICAST_SUPPORT); // tipc_udp_rcast_add
    }
    return a;
}

bool
TipcUdpBearer::MsgToAddr(const TipcMediaAddress& info, TipcMediaAddress& addr) const
{
    if (info.GetMediaType() != TIPC_MEDIA_TYPE_UDP)
    {
        return false; // tipc_udp_msg2addr: -EINVAL
    }
    // tipc_udp_media_addr_set: the 20-byte udp_media_addr, the rest zero
    TipcMediaAddress::Bytes b{};
    b[TIPC_MEDIA_TYPE_OFFSET] = TIPC_MEDIA_TYPE_UDP;
    const auto& in = info.GetBytes();
    std::copy(in.begin() + TIPC_MEDIA_ADDR_OFFSET,
              in.begin() + TIPC_MEDIA_ADDR_OFFSET + UDP_MEDIA_ADDR_SIZE,
              b.begin() + TIPC_MEDIA_ADDR_OFFSET);
    addr = TipcMediaAddress::FromMediaInfo(b.data()); // flags a multicast group
    return true;
}

Ptr<Node>
TipcUdpBearer::GetNode() const
{
    return m_node;
}

void
TipcUdpBearer::DoEnable()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        NS_FATAL_ERROR("TipcUdpBearer " << GetName() << ": no node set");
    }
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    if (!ipv4)
    {
        NS_FATAL_ERROR("TipcUdpBearer " << GetName() << ": node " << m_node->GetId()
                                        << " has no Internet stack");
    }
    int32_t ifIndex = ipv4->GetInterfaceForAddress(m_local);
    if (ifIndex < 0)
    {
        NS_FATAL_ERROR("ns3::TipcUdpBearer attribute LocalAddress="
                       << m_local << " is not an address of node " << m_node->GetId());
    }
    if (m_remote == Ipv4Address::GetAny())
    {
        // iproute2 tipc generate_multicast(): 228.0.(netid >> 8).(netid & 0xff)
        uint32_t id = m_stack->GetClusterId();
        m_remote = Ipv4Address((228U << 24) | (((id >> 8) & 0xffU) << 8) | (id & 0xffU));
    }
    CheckRemotes();
    m_socket = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    if (IsMulticast())
    {
        // Linux binds the wildcard address and joins the group
        m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_localPort));
        Ptr<Ipv4StaticRouting> sr =
            Ipv4RoutingHelper::GetRouting<Ipv4StaticRouting>(ipv4->GetRoutingProtocol());
        if (sr)
        {
            sr->AddNetworkRouteTo(Ipv4Address("224.0.0.0"),
                                  Ipv4Mask("240.0.0.0"),
                                  static_cast<uint32_t>(ifIndex));
        }
    }
    else
    {
        m_socket->Bind(InetSocketAddress(m_local, m_localPort));
        // the RemoteAddress is the first replicast peer (tipc_udp_enable)
        std::pair<uint32_t, uint16_t> peer{m_remote.Get(), m_remotePort};
        if (m_remotes.insert(peer).second)
        {
            m_enablePeer = peer;
        }
    }
    m_socket->SetRecvCallback(MakeCallback(&TipcUdpBearer::Receive, this));
}

void
TipcUdpBearer::DoDisable()
{
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    if (m_enablePeer)
    {
        m_remotes.erase(*m_enablePeer); // RemoteAddress may differ at the next enable
        m_enablePeer.reset();
    }
    m_learned.clear(); // cleanup_bearer frees the replicast list
}

bool
TipcUdpBearer::DoSend(Ptr<Packet> wire, const TipcMediaAddress& dest)
{
    if (!m_socket)
    {
        return false;
    }
    Ipv4Address ip(dest.GetUdpIpv4());
    uint16_t port = dest.GetUdpPort();
    if (dest.GetBroadcast() == TIPC_REPLICAST_SUPPORT)
    {
        // tipc_udp_send_msg: one copy per replicast peer; any other address, even
        // one with the first peer's bytes, is one datagram
        bool ok = true;
        ForEachRemote([&](const std::pair<uint32_t, uint16_t>& peer) {
            InetSocketAddress to(Ipv4Address(peer.first), peer.second);
            ok = m_socket->SendTo(wire->Copy(), 0, to) >= 0 && ok;
        });
        return ok;
    }
    return m_socket->SendTo(wire, 0, InetSocketAddress(ip, port)) >= 0;
}

void
TipcUdpBearer::Receive(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        InetSocketAddress src = InetSocketAddress::ConvertFrom(from);
        if (m_learn && !IsMulticast() && p->GetSize() >= 4)
        {
            uint8_t w0[4];
            p->CopyData(w0, 4);
            uint32_t user = TipcHeader::PeekUser(w0[0]);
            if (user == LINK_CONFIG && src.GetIpv4() != m_local)
            {
                m_learned.insert({src.GetIpv4().Get(), src.GetPort()});
            }
        }
        DeliverUp(p);
    }
}

} // namespace ns3
