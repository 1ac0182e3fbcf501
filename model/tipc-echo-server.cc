// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-echo-server.h"

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

NS_LOG_COMPONENT_DEFINE("TipcEchoServer");

NS_OBJECT_ENSURE_REGISTERED(TipcEchoServer);

namespace
{
/// Largest read: a whole TIPC message (66000 bytes) or a big stream chunk.
constexpr uint32_t READ_SIZE = 1U << 20;
} // namespace

TypeId
TipcEchoServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcEchoServer")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcEchoServer>()
            .AddAttribute("SocketType",
                          "Socket type: RDM, DGRAM (connectionless), SEQPACKET or STREAM "
                          "(the server listens and echoes on accepted connections).",
                          StringValue("RDM"),
                          MakeStringAccessor(&TipcEchoServer::SetSocketTypeName,
                                             &TipcEchoServer::GetSocketTypeName),
                          MakeStringChecker())
            .AddAttribute("ServiceType",
                          "Service type of the bound range (64 .. 2^32-1; types below 64 "
                          "are reserved).",
                          UintegerValue(18888),
                          MakeUintegerAccessor(&TipcEchoServer::SetServiceType),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Lower",
                          "Lowest instance of the bound range.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoServer::m_lower),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Upper",
                          "Highest instance of the bound range (>= Lower).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoServer::m_upper),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "Scope",
                "Binding scope: node (visible on this node only) or cluster.",
                StringValue("cluster"),
                MakeStringAccessor(&TipcEchoServer::SetScopeName, &TipcEchoServer::GetScopeName),
                MakeStringChecker())
            .AddAttribute("Importance",
                          "Importance of the server socket's messages (TIPC_IMPORTANCE "
                          "0..3); accepted connections take the client's importance.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoServer::SetImportance),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Rx",
                            "A request was read from a socket.",
                            MakeTraceSourceAccessor(&TipcEchoServer::m_rxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("RxWithAddress",
                            "A request was read, with the client's socket address.",
                            MakeTraceSourceAccessor(&TipcEchoServer::m_rxTraceWithAddress),
                            "ns3::Packet::AddressTracedCallback")
            .AddTraceSource("Tx",
                            "Reply bytes were accepted by a socket.",
                            MakeTraceSourceAccessor(&TipcEchoServer::m_txTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

TipcEchoServer::TipcEchoServer()
    : m_socketType(TipcSocketType::RDM),
      m_serviceType(18888),
      m_lower(0),
      m_upper(0),
      m_scope(tipc::TIPC_CLUSTER_SCOPE),
      m_importance(0),
      m_received(0),
      m_receivedBytes(0),
      m_sentBytes(0),
      m_returned(0),
      m_accepted(0)
{
    NS_LOG_FUNCTION(this);
}

TipcEchoServer::~TipcEchoServer()
{
    NS_LOG_FUNCTION(this);
}

void
TipcEchoServer::SetSocketTypeName(std::string name)
{
    m_socketType = tipc::ParseSocketTypeAttribute("ns3::TipcEchoServer",
                                                  name,
                                                  {TipcSocketType::RDM,
                                                   TipcSocketType::DGRAM,
                                                   TipcSocketType::SEQPACKET,
                                                   TipcSocketType::STREAM});
}

std::string
TipcEchoServer::GetSocketTypeName() const
{
    return tipc::SocketTypeName(m_socketType);
}

void
TipcEchoServer::SetScopeName(std::string name)
{
    m_scope = tipc::ParseScopeAttribute("ns3::TipcEchoServer", name);
}

std::string
TipcEchoServer::GetScopeName() const
{
    return tipc::ScopeName(m_scope);
}

void
TipcEchoServer::SetServiceType(uint32_t type)
{
    tipc::CheckAttributeRange("ns3::TipcEchoServer",
                              "ServiceType",
                              type,
                              tipc::TIPC_RESERVED_TYPES,
                              UINT32_MAX);
    m_serviceType = type;
}

void
TipcEchoServer::SetImportance(uint32_t importance)
{
    tipc::CheckAttributeRange("ns3::TipcEchoServer",
                              "Importance",
                              importance,
                              tipc::TIPC_LOW_IMPORTANCE,
                              tipc::TIPC_CRITICAL_IMPORTANCE);
    m_importance = importance;
}

uint64_t
TipcEchoServer::GetReceived() const
{
    return m_received;
}

uint64_t
TipcEchoServer::GetReceivedBytes() const
{
    return m_receivedBytes;
}

uint64_t
TipcEchoServer::GetSentBytes() const
{
    return m_sentBytes;
}

uint64_t
TipcEchoServer::GetReturned() const
{
    return m_returned;
}

uint32_t
TipcEchoServer::GetAccepted() const
{
    return m_accepted;
}

Ptr<TipcSocket>
TipcEchoServer::GetSocket() const
{
    return m_socket;
}

void
TipcEchoServer::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    tipc::CheckAttributeRange("ns3::TipcEchoServer", "Upper", m_upper, m_lower, UINT32_MAX);
    Application::DoInitialize();
}

void
TipcEchoServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    m_connections.clear();
    m_pending.clear();
    Application::DoDispose();
}

void
TipcEchoServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        return;
    }
    m_socket = tipc::CreateAppSocket("ns3::TipcEchoServer", GetNode(), m_socketType);
    m_socket->SetSockOpt(tipc::TIPC_IMPORTANCE, m_importance);
    TipcAddress range = TipcAddress::ServiceRange(m_serviceType, m_lower, m_upper, m_scope);
    if (m_socket->Bind(range) != 0)
    {
        NS_FATAL_ERROR("ns3::TipcEchoServer on node "
                       << GetNode()->GetId() << ": bind to " << range
                       << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
    }
    if (tipc::IsConnectionSocketType(m_socketType))
    {
        if (m_socket->Listen() != 0)
        {
            NS_FATAL_ERROR(
                "ns3::TipcEchoServer: listen failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
        }
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&TipcEchoServer::HandleAccept, this));
    }
    else
    {
        m_socket->SetRecvCallback(MakeCallback(&TipcEchoServer::HandleRead, this));
        m_socket->SetSendCallback(MakeCallback(&TipcEchoServer::HandleSend, this));
    }
    NS_LOG_INFO("echo server on node " << GetNode()->GetId() << " bound to " << range << " ("
                                       << tipc::SocketTypeName(m_socketType) << ")");
}

void
TipcEchoServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    std::list<Ptr<Socket>> connections;
    connections.swap(m_connections);
    for (const auto& s : connections)
    {
        s->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                             MakeNullCallback<void, Ptr<Socket>>());
        s->Close();
    }
    m_pending.clear();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
TipcEchoServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    ++m_accepted;
    m_connections.push_back(socket);
    socket->SetRecvCallback(MakeCallback(&TipcEchoServer::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&TipcEchoServer::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&TipcEchoServer::HandleClose, this),
                              MakeCallback(&TipcEchoServer::HandleClose, this));
}

void
TipcEchoServer::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(READ_SIZE, 0, from))
    {
        TipcAncillaryTag tag;
        bool hasTag = p->PeekPacketTag(tag);
        if (hasTag && tag.HasErrInfo())
        {
            if (connection)
            {
                // the peer shut down or is gone: nothing more to echo
                Simulator::ScheduleNow(&TipcEchoServer::CloseConnection, this, socket);
                return;
            }
            ++m_returned; // one of our replies could not be delivered
            NS_LOG_LOGIC("reply returned with error " << tag.GetErrorCode());
            continue;
        }
        if (p->GetSize() == 0)
        {
            if (connection)
            {
                Simulator::ScheduleNow(&TipcEchoServer::CloseConnection, this, socket);
                return;
            }
            continue;
        }
        ++m_received;
        m_receivedBytes += p->GetSize();
        m_rxTrace(p);
        m_rxTraceWithAddress(p, from);
        Ptr<Packet> reply = p->Copy();
        reply->RemoveAllPacketTags();
        reply->RemoveAllByteTags();
        m_pending[socket].push_back({reply, from});
    }
    // reply from a fresh event, not from inside the stack's receive path (see the class doc)
    Simulator::ScheduleNow(&TipcEchoServer::Flush, this, socket);
}

void
TipcEchoServer::Flush(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_pending.find(socket);
    if (it == m_pending.end())
    {
        return;
    }
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    std::deque<Pending>& q = it->second;
    while (!q.empty())
    {
        Pending& front = q.front();
        uint32_t size = front.packet->GetSize();
        int rc = connection ? socket->Send(front.packet->Copy(), 0)
                            : socket->SendTo(front.packet->Copy(), 0, front.to);
        if (rc < 0)
        {
            if (socket->GetErrno() == Socket::ERROR_AGAIN)
            {
                NS_LOG_LOGIC("congested: " << q.size() << " replies wait for write space");
                return; // HandleSend resumes
            }
            Ptr<TipcSocket> ts = DynamicCast<TipcSocket>(socket);
            NS_LOG_WARN("echo reply of " << size << " bytes dropped: "
                                         << (ts ? TipcErrnoName(ts->GetTipcErrno()) : "?"));
            q.pop_front();
            continue;
        }
        uint32_t accepted = static_cast<uint32_t>(rc);
        m_sentBytes += accepted;
        if (accepted < size)
        {
            // a stream write took part of the reply: keep the rest
            m_txTrace(front.packet->CreateFragment(0, accepted));
            front.packet = front.packet->CreateFragment(accepted, size - accepted);
            continue;
        }
        m_txTrace(front.packet);
        q.pop_front();
    }
    m_pending.erase(it);
}

void
TipcEchoServer::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    NS_LOG_FUNCTION(this << socket << available);
    Simulator::ScheduleNow(&TipcEchoServer::Flush, this, socket);
}

void
TipcEchoServer::HandleClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Simulator::ScheduleNow(&TipcEchoServer::CloseConnection, this, socket);
}

void
TipcEchoServer::CloseConnection(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = std::find(m_connections.begin(), m_connections.end(), socket);
    if (it == m_connections.end())
    {
        return;
    }
    m_connections.erase(it);
    m_pending.erase(socket);
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    socket->Close();
}

} // namespace ns3
