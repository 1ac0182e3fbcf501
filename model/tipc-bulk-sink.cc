// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-bulk-sink.h"

#include "tipc-address.h"
#include "tipc-ancillary-tag.h"
#include "tipc-app-util.h"
#include "tipc-attribute-check.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBulkSink");

NS_OBJECT_ENSURE_REGISTERED(TipcBulkSink);

namespace
{
/// Largest read: a whole TIPC message (66000 bytes) or a big stream chunk.
constexpr uint32_t READ_SIZE = 1U << 20;
} // namespace

TypeId
TipcBulkSink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcBulkSink")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcBulkSink>()
            .AddAttribute("SocketType",
                          "Socket type: STREAM or SEQPACKET (listen and accept) or RDM.",
                          StringValue("STREAM"),
                          MakeStringAccessor(&TipcBulkSink::SetSocketTypeName,
                                             &TipcBulkSink::GetSocketTypeName),
                          MakeStringChecker())
            .AddAttribute("ServiceType",
                          "Service type of the bound range (64 .. 2^32-1).",
                          UintegerValue(18889),
                          MakeUintegerAccessor(&TipcBulkSink::SetServiceType),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Lower",
                          "Lowest instance of the bound range.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSink::m_lower),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Upper",
                          "Highest instance of the bound range (>= Lower).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSink::m_upper),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "Scope",
                "Binding scope: node or cluster.",
                StringValue("cluster"),
                MakeStringAccessor(&TipcBulkSink::SetScopeName, &TipcBulkSink::GetScopeName),
                MakeStringChecker())
            .AddTraceSource("Rx",
                            "Data was read, with the sender's socket address.",
                            MakeTraceSourceAccessor(&TipcBulkSink::m_rxTrace),
                            "ns3::Packet::AddressTracedCallback");
    return tid;
}

TipcBulkSink::TipcBulkSink()
    : m_socketType(TipcSocketType::STREAM),
      m_serviceType(18889),
      m_lower(0),
      m_upper(0),
      m_scope(tipc::TIPC_CLUSTER_SCOPE),
      m_totalRx(0),
      m_rxCount(0),
      m_accepted(0),
      m_closed(0)
{
    NS_LOG_FUNCTION(this);
}

TipcBulkSink::~TipcBulkSink()
{
    NS_LOG_FUNCTION(this);
}

void
TipcBulkSink::SetSocketTypeName(std::string name)
{
    m_socketType = tipc::ParseSocketTypeAttribute(
        "ns3::TipcBulkSink",
        name,
        {TipcSocketType::RDM, TipcSocketType::SEQPACKET, TipcSocketType::STREAM});
}

std::string
TipcBulkSink::GetSocketTypeName() const
{
    return tipc::SocketTypeName(m_socketType);
}

void
TipcBulkSink::SetScopeName(std::string name)
{
    m_scope = tipc::ParseScopeAttribute("ns3::TipcBulkSink", name);
}

std::string
TipcBulkSink::GetScopeName() const
{
    return tipc::ScopeName(m_scope);
}

void
TipcBulkSink::SetServiceType(uint32_t type)
{
    tipc::CheckAttributeRange("ns3::TipcBulkSink",
                              "ServiceType",
                              type,
                              tipc::TIPC_RESERVED_TYPES,
                              UINT32_MAX);
    m_serviceType = type;
}

uint64_t
TipcBulkSink::GetTotalRx() const
{
    return m_totalRx;
}

uint64_t
TipcBulkSink::GetRxCount() const
{
    return m_rxCount;
}

Time
TipcBulkSink::GetFirstRxTime() const
{
    return m_firstRx;
}

Time
TipcBulkSink::GetLastRxTime() const
{
    return m_lastRx;
}

double
TipcBulkSink::GetGoodput() const
{
    if (m_lastRx <= m_firstRx)
    {
        return 0;
    }
    return m_totalRx * 8.0 / (m_lastRx - m_firstRx).GetSeconds();
}

uint32_t
TipcBulkSink::GetAccepted() const
{
    return m_accepted;
}

uint32_t
TipcBulkSink::GetClosed() const
{
    return m_closed;
}

Ptr<TipcSocket>
TipcBulkSink::GetListeningSocket() const
{
    return m_socket;
}

std::list<Ptr<Socket>>
TipcBulkSink::GetAcceptedSockets() const
{
    return m_connections;
}

void
TipcBulkSink::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    tipc::CheckAttributeRange("ns3::TipcBulkSink", "Upper", m_upper, m_lower, UINT32_MAX);
    Application::DoInitialize();
}

void
TipcBulkSink::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    m_connections.clear();
    Application::DoDispose();
}

void
TipcBulkSink::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        return;
    }
    m_socket = tipc::CreateAppSocket("ns3::TipcBulkSink", GetNode(), m_socketType);
    TipcAddress range = TipcAddress::ServiceRange(m_serviceType, m_lower, m_upper, m_scope);
    if (m_socket->Bind(range) != 0)
    {
        NS_FATAL_ERROR("ns3::TipcBulkSink on node "
                       << GetNode()->GetId() << ": bind to " << range
                       << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
    }
    if (tipc::IsConnectionSocketType(m_socketType))
    {
        if (m_socket->Listen() != 0)
        {
            NS_FATAL_ERROR(
                "ns3::TipcBulkSink: listen failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
        }
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&TipcBulkSink::HandleAccept, this));
    }
    else
    {
        m_socket->SetRecvCallback(MakeCallback(&TipcBulkSink::HandleRead, this));
    }
}

void
TipcBulkSink::StopApplication()
{
    NS_LOG_FUNCTION(this);
    std::list<Ptr<Socket>> connections;
    connections.swap(m_connections);
    for (const auto& s : connections)
    {
        s->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                             MakeNullCallback<void, Ptr<Socket>>());
        s->Close();
    }
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
TipcBulkSink::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    ++m_accepted;
    m_connections.push_back(socket);
    socket->SetRecvCallback(MakeCallback(&TipcBulkSink::HandleRead, this));
    socket->SetCloseCallbacks(MakeCallback(&TipcBulkSink::HandleClose, this),
                              MakeCallback(&TipcBulkSink::HandleClose, this));
}

void
TipcBulkSink::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(READ_SIZE, 0, from))
    {
        TipcAncillaryTag tag;
        if ((p->PeekPacketTag(tag) && tag.HasErrInfo()) || p->GetSize() == 0)
        {
            if (connection)
            {
                Simulator::ScheduleNow(&TipcBulkSink::CloseConnection, this, socket);
                return; // end of the connection
            }
            continue; // not data for us
        }
        if (m_totalRx == 0)
        {
            m_firstRx = Simulator::Now();
        }
        m_lastRx = Simulator::Now();
        m_totalRx += p->GetSize();
        ++m_rxCount;
        m_rxTrace(p, from);
    }
}

void
TipcBulkSink::HandleClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    // data queued before the end is still read (HandleRead follows); close after it
    Simulator::ScheduleNow(&TipcBulkSink::CloseConnection, this, socket);
}

void
TipcBulkSink::CloseConnection(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = std::find(m_connections.begin(), m_connections.end(), socket);
    if (it == m_connections.end())
    {
        return;
    }
    HandleRead(socket); // anything still queued
    it = std::find(m_connections.begin(), m_connections.end(), socket);
    if (it == m_connections.end())
    {
        return;
    }
    m_connections.erase(it);
    ++m_closed;
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    socket->Close();
}

} // namespace ns3
