// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-bulk-sender.h"

#include "tipc-address.h"
#include "tipc-app-util.h"
#include "tipc-attribute-check.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBulkSender");

NS_OBJECT_ENSURE_REGISTERED(TipcBulkSender);

namespace
{
/// Largest STREAM write.
constexpr uint32_t MAX_STREAM_WRITE = 1U << 24;
/// Largest read (the sender only drains what the socket may deliver).
constexpr uint32_t READ_SIZE = 1U << 20;
} // namespace

TypeId
TipcBulkSender::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcBulkSender")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcBulkSender>()
            .AddAttribute("SocketType",
                          "Socket type: STREAM or SEQPACKET (connect to the service) or RDM "
                          "(sendto the service).",
                          StringValue("STREAM"),
                          MakeStringAccessor(&TipcBulkSender::SetSocketTypeName,
                                             &TipcBulkSender::GetSocketTypeName),
                          MakeStringChecker())
            .AddAttribute("ServiceType",
                          "Service type of the destination (64 .. 2^32-1).",
                          UintegerValue(18889),
                          MakeUintegerAccessor(&TipcBulkSender::SetServiceType),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ServiceInstance",
                          "Service instance of the destination.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSender::m_serviceInstance),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Domain",
                          "Lookup node of the service address (0: any node).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSender::m_domain),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MessageSize",
                          "Bytes per write: 1 .. 66000 (RDM, SEQPACKET: one message each), "
                          "1 .. 16777216 (STREAM).",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&TipcBulkSender::SetMessageSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxBytes",
                          "Bytes to send (0: until the application stops).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSender::m_maxBytes),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("Importance",
                          "Message importance (TIPC_IMPORTANCE): 0 low .. 3 critical.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBulkSender::SetImportance),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RetryInterval",
                          "Delay before retrying a failed connect, or an RDM send for which "
                          "no binding is known.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&TipcBulkSender::SetRetryInterval),
                          MakeTimeChecker())
            .AddTraceSource("Tx",
                            "Bytes were accepted by the socket.",
                            MakeTraceSourceAccessor(&TipcBulkSender::m_txTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

TipcBulkSender::TipcBulkSender()
    : m_socketType(TipcSocketType::STREAM),
      m_serviceType(18889),
      m_serviceInstance(0),
      m_domain(0),
      m_messageSize(65536),
      m_maxBytes(0),
      m_importance(0),
      m_retryInterval(MilliSeconds(10)),
      m_connected(false),
      m_finishing(false),
      m_finished(false),
      m_totalTx(0),
      m_stalls(0)
{
    NS_LOG_FUNCTION(this);
}

TipcBulkSender::~TipcBulkSender()
{
    NS_LOG_FUNCTION(this);
}

// ---------------------------------------------------------------- attributes

void
TipcBulkSender::SetSocketTypeName(std::string name)
{
    m_socketType = tipc::ParseSocketTypeAttribute(
        "ns3::TipcBulkSender",
        name,
        {TipcSocketType::RDM, TipcSocketType::SEQPACKET, TipcSocketType::STREAM});
}

std::string
TipcBulkSender::GetSocketTypeName() const
{
    return tipc::SocketTypeName(m_socketType);
}

void
TipcBulkSender::SetServiceType(uint32_t type)
{
    tipc::CheckAttributeRange("ns3::TipcBulkSender",
                              "ServiceType",
                              type,
                              tipc::TIPC_RESERVED_TYPES,
                              UINT32_MAX);
    m_serviceType = type;
}

void
TipcBulkSender::SetMessageSize(uint32_t size)
{
    tipc::CheckAttributeRange("ns3::TipcBulkSender", "MessageSize", size, 1, MAX_STREAM_WRITE);
    m_messageSize = size;
}

void
TipcBulkSender::SetImportance(uint32_t importance)
{
    tipc::CheckAttributeRange("ns3::TipcBulkSender",
                              "Importance",
                              importance,
                              tipc::TIPC_LOW_IMPORTANCE,
                              tipc::TIPC_CRITICAL_IMPORTANCE);
    m_importance = importance;
}

void
TipcBulkSender::SetRetryInterval(Time interval)
{
    tipc::CheckAttributeRange("ns3::TipcBulkSender",
                              "RetryInterval",
                              interval,
                              NanoSeconds(1),
                              Seconds(86400));
    m_retryInterval = interval;
}

// ---------------------------------------------------------------- statistics

uint64_t
TipcBulkSender::GetTotalTx() const
{
    return m_totalTx;
}

Time
TipcBulkSender::GetFirstTxTime() const
{
    return m_firstTx;
}

Time
TipcBulkSender::GetLastTxTime() const
{
    return m_lastTx;
}

bool
TipcBulkSender::IsDone() const
{
    return m_maxBytes != 0 && m_totalTx >= m_maxBytes;
}

uint64_t
TipcBulkSender::GetStalls() const
{
    return m_stalls;
}

Ptr<TipcSocket>
TipcBulkSender::GetSocket() const
{
    return m_socket;
}

// ---------------------------------------------------------------- life cycle

void
TipcBulkSender::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    if (m_socketType != TipcSocketType::STREAM)
    {
        tipc::CheckAttributeRange("ns3::TipcBulkSender",
                                  "MessageSize",
                                  m_messageSize,
                                  1,
                                  tipc::TIPC_MAX_USER_MSG_SIZE);
    }
    Application::DoInitialize();
}

void
TipcBulkSender::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_retryEvent.Cancel();
    m_socket = nullptr;
    m_rest = nullptr;
    Application::DoDispose();
}

void
TipcBulkSender::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Open();
}

void
TipcBulkSender::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_retryEvent.Cancel();
    CloseSocket();
}

void
TipcBulkSender::Open()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        return;
    }
    m_socket = tipc::CreateAppSocket("ns3::TipcBulkSender", GetNode(), m_socketType);
    m_socket->SetSockOpt(tipc::TIPC_IMPORTANCE, m_importance);
    m_socket->SetSendCallback(MakeCallback(&TipcBulkSender::HandleSend, this));
    m_socket->SetRecvCallback(MakeCallback(&TipcBulkSender::HandleRead, this));
    m_rest = nullptr;
    if (!tipc::IsConnectionSocketType(m_socketType))
    {
        m_connected = true;
        SendData();
        return;
    }
    m_socket->SetConnectCallback(MakeCallback(&TipcBulkSender::HandleConnected, this),
                                 MakeCallback(&TipcBulkSender::HandleConnectFailed, this));
    TipcAddress service = TipcAddress::Service(m_serviceType, m_serviceInstance, m_domain);
    if (m_socket->Connect(service) != 0)
    {
        NS_LOG_INFO("connect to " << service
                                  << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
        CloseSocket();
        m_retryEvent = Simulator::Schedule(m_retryInterval, &TipcBulkSender::Open, this);
    }
}

void
TipcBulkSender::CloseSocket()
{
    NS_LOG_FUNCTION(this);
    m_connected = false;
    if (!m_socket)
    {
        return;
    }
    Ptr<TipcSocket> s = m_socket;
    m_socket = nullptr;
    s->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    s->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                          MakeNullCallback<void, Ptr<Socket>>());
    s->Close();
}

void
TipcBulkSender::HandleConnected(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    m_connected = true;
    // not from inside the socket's receive path: write from a fresh event
    Simulator::ScheduleNow(&TipcBulkSender::SendData, this);
}

void
TipcBulkSender::HandleConnectFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    NS_LOG_INFO("connect failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
    CloseSocket();
    m_retryEvent = Simulator::Schedule(m_retryInterval, &TipcBulkSender::Open, this);
}

void
TipcBulkSender::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    NS_LOG_FUNCTION(this << socket << available);
    if (socket != m_socket)
    {
        return;
    }
    // write from a fresh event, not from inside the stack's receive path (see the class doc)
    Simulator::ScheduleNow(&TipcBulkSender::Resume, this);
}

void
TipcBulkSender::Resume()
{
    NS_LOG_FUNCTION(this);
    if (m_finishing)
    {
        Finish();
        return;
    }
    SendData();
}

void
TipcBulkSender::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    while (Ptr<Packet> p = socket->Recv(READ_SIZE, 0))
    {
        NS_LOG_LOGIC("sender read " << p->GetSize()
                                    << " bytes (end of connection or returned "
                                       "message)");
    }
}

void
TipcBulkSender::SendData()
{
    NS_LOG_FUNCTION(this);
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    while (m_socket && m_connected && !m_finished && !m_finishing)
    {
        Ptr<Packet> p = m_rest;
        if (!p)
        {
            if (IsDone())
            {
                Finish();
                return;
            }
            uint64_t size = m_messageSize;
            if (m_maxBytes != 0)
            {
                size = std::min<uint64_t>(size, m_maxBytes - m_totalTx);
            }
            p = Create<Packet>(static_cast<uint32_t>(size));
        }
        uint32_t size = p->GetSize();
        int rc = connection ? m_socket->Send(p->Copy(), 0)
                            : m_socket->SendTo(
                                  p->Copy(),
                                  0,
                                  TipcAddress::Service(m_serviceType, m_serviceInstance, m_domain));
        if (rc < 0)
        {
            m_rest = p;
            if (m_socket->GetErrno() == Socket::ERROR_AGAIN)
            {
                ++m_stalls;
                return; // HandleSend resumes
            }
            NS_LOG_INFO("send failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
            if (!connection && m_socket->GetTipcErrno() == TipcErrno::EHOSTUNREACH_)
            {
                m_retryEvent =
                    Simulator::Schedule(m_retryInterval, &TipcBulkSender::SendData, this);
            }
            return; // a broken connection: nothing more to do
        }
        uint32_t accepted = static_cast<uint32_t>(rc);
        if (m_totalTx == 0)
        {
            m_firstTx = Simulator::Now();
        }
        m_totalTx += accepted;
        m_lastTx = Simulator::Now();
        if (accepted < size)
        {
            m_txTrace(p->CreateFragment(0, accepted));
            m_rest = p->CreateFragment(accepted, size - accepted);
        }
        else
        {
            m_txTrace(p);
            m_rest = nullptr;
        }
    }
}

void
TipcBulkSender::Finish()
{
    NS_LOG_FUNCTION(this);
    m_finishing = false;
    if (m_finished || !m_socket)
    {
        return;
    }
    if (!tipc::IsConnectionSocketType(m_socketType))
    {
        m_finished = true;
        return;
    }
    if (m_socket->GetTxAvailable() == 0)
    {
        m_finishing = true; // Linux's shutdown() waits for the congestion to end
        return;
    }
    m_finished = true;
    NS_LOG_INFO("all " << m_totalTx << " bytes sent; shutdown");
    m_socket->Shutdown();
}

} // namespace ns3
