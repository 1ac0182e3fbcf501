// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-echo-client.h"

#include "tipc-address.h"
#include "tipc-ancillary-tag.h"
#include "tipc-app-util.h"
#include "tipc-attribute-check.h"
#include "tipc-bytes.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcEchoClient");

NS_OBJECT_ENSURE_REGISTERED(TipcEchoClient);

namespace
{
/// Largest read: a whole TIPC message (66000 bytes) or a big stream chunk.
constexpr uint32_t READ_SIZE = 1U << 20;
/// Largest STREAM request (a stream write may be larger than one message).
constexpr uint32_t MAX_STREAM_REQUEST = 1U << 24;
/// Bytes of the sequence number at the start of a request.
constexpr uint32_t SEQ_BYTES = 4;
} // namespace

TypeId
TipcEchoClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcEchoClient")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcEchoClient>()
            .AddAttribute("SocketType",
                          "Socket type: RDM, DGRAM (sendto the service), SEQPACKET or STREAM "
                          "(connect to the service).",
                          StringValue("RDM"),
                          MakeStringAccessor(&TipcEchoClient::SetSocketTypeName,
                                             &TipcEchoClient::GetSocketTypeName),
                          MakeStringChecker())
            .AddAttribute("ServiceType",
                          "Service type of the destination (64 .. 2^32-1).",
                          UintegerValue(18888),
                          MakeUintegerAccessor(&TipcEchoClient::SetServiceType),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ServiceInstance",
                          "Service instance of the destination.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoClient::m_serviceInstance),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Domain",
                          "Lookup node of the service address (0: any node, anycast over the "
                          "cluster).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoClient::m_domain),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PacketSize",
                          "Request size in bytes: 1 .. 66000 (RDM, DGRAM, SEQPACKET), "
                          "1 .. 16777216 (STREAM).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&TipcEchoClient::SetPacketSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval",
                          "Time between requests; 0: ping-pong (the next request leaves when "
                          "the reply to the previous one is complete).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&TipcEchoClient::SetInterval),
                          MakeTimeChecker())
            .AddAttribute("MaxPackets",
                          "Requests to send (0: until the application stops).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&TipcEchoClient::m_maxPackets),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Importance",
                          "Message importance (TIPC_IMPORTANCE): 0 low .. 3 critical.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcEchoClient::SetImportance),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RetryInterval",
                          "Delay before reconnecting after a refused, timed-out or closed "
                          "connection, and before the next ping-pong request after a lost "
                          "one.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&TipcEchoClient::SetRetryInterval),
                          MakeTimeChecker())
            .AddTraceSource("Rtt",
                            "A round trip completed: its round-trip time.",
                            MakeTraceSourceAccessor(&TipcEchoClient::m_rttTrace),
                            "ns3::TipcEchoClient::RttTracedCallback")
            .AddTraceSource("Tx",
                            "A request was accepted by the socket.",
                            MakeTraceSourceAccessor(&TipcEchoClient::m_txTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Rx",
                            "A complete reply was read.",
                            MakeTraceSourceAccessor(&TipcEchoClient::m_rxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

TipcEchoClient::TipcEchoClient()
    : m_socketType(TipcSocketType::RDM),
      m_serviceType(18888),
      m_serviceInstance(0),
      m_domain(0),
      m_packetSize(64),
      m_interval(Seconds(1)),
      m_maxPackets(100),
      m_importance(0),
      m_retryInterval(MilliSeconds(10)),
      m_connected(false),
      m_rxAssembly(Create<Packet>()),
      m_made(0),
      m_sent(0),
      m_errors(0),
      m_unexpected(0)
{
    NS_LOG_FUNCTION(this);
}

TipcEchoClient::~TipcEchoClient()
{
    NS_LOG_FUNCTION(this);
}

// ---------------------------------------------------------------- attributes

void
TipcEchoClient::SetSocketTypeName(std::string name)
{
    m_socketType = tipc::ParseSocketTypeAttribute("ns3::TipcEchoClient",
                                                  name,
                                                  {TipcSocketType::RDM,
                                                   TipcSocketType::DGRAM,
                                                   TipcSocketType::SEQPACKET,
                                                   TipcSocketType::STREAM});
}

std::string
TipcEchoClient::GetSocketTypeName() const
{
    return tipc::SocketTypeName(m_socketType);
}

void
TipcEchoClient::SetServiceType(uint32_t type)
{
    tipc::CheckAttributeRange("ns3::TipcEchoClient",
                              "ServiceType",
                              type,
                              tipc::TIPC_RESERVED_TYPES,
                              UINT32_MAX);
    m_serviceType = type;
}

void
TipcEchoClient::SetPacketSize(uint32_t size)
{
    tipc::CheckAttributeRange("ns3::TipcEchoClient", "PacketSize", size, 1, MAX_STREAM_REQUEST);
    m_packetSize = size;
}

void
TipcEchoClient::SetImportance(uint32_t importance)
{
    tipc::CheckAttributeRange("ns3::TipcEchoClient",
                              "Importance",
                              importance,
                              tipc::TIPC_LOW_IMPORTANCE,
                              tipc::TIPC_CRITICAL_IMPORTANCE);
    m_importance = importance;
}

void
TipcEchoClient::SetInterval(Time interval)
{
    tipc::CheckAttributeRange("ns3::TipcEchoClient",
                              "Interval",
                              interval,
                              Seconds(0),
                              Seconds(86400));
    m_interval = interval;
}

void
TipcEchoClient::SetRetryInterval(Time interval)
{
    tipc::CheckAttributeRange("ns3::TipcEchoClient",
                              "RetryInterval",
                              interval,
                              NanoSeconds(1),
                              Seconds(86400));
    m_retryInterval = interval;
}

// ---------------------------------------------------------------- statistics

const std::vector<Time>&
TipcEchoClient::GetRtts() const
{
    return m_rtts;
}

uint32_t
TipcEchoClient::GetRttCount() const
{
    return static_cast<uint32_t>(m_rtts.size());
}

Time
TipcEchoClient::GetRttMin() const
{
    return m_rtts.empty() ? Time(0) : *std::min_element(m_rtts.begin(), m_rtts.end());
}

Time
TipcEchoClient::GetRttMax() const
{
    return m_rtts.empty() ? Time(0) : *std::max_element(m_rtts.begin(), m_rtts.end());
}

Time
TipcEchoClient::GetRttMean() const
{
    if (m_rtts.empty())
    {
        return Time(0);
    }
    int64_t sum = 0;
    for (const auto& t : m_rtts)
    {
        sum += t.GetTimeStep();
    }
    return TimeStep(sum / static_cast<int64_t>(m_rtts.size()));
}

uint32_t
TipcEchoClient::GetSent() const
{
    return m_sent;
}

uint32_t
TipcEchoClient::GetReceived() const
{
    return static_cast<uint32_t>(m_rtts.size());
}

uint32_t
TipcEchoClient::GetErrors() const
{
    return m_errors;
}

uint32_t
TipcEchoClient::GetUnexpectedReplies() const
{
    return m_unexpected;
}

Ptr<TipcSocket>
TipcEchoClient::GetSocket() const
{
    return m_socket;
}

// ---------------------------------------------------------------- life cycle

void
TipcEchoClient::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    if (m_socketType != TipcSocketType::STREAM)
    {
        tipc::CheckAttributeRange("ns3::TipcEchoClient",
                                  "PacketSize",
                                  m_packetSize,
                                  1,
                                  tipc::TIPC_MAX_USER_MSG_SIZE);
    }
    Application::DoInitialize();
}

void
TipcEchoClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    m_retryEvent.Cancel();
    m_socket = nullptr;
    m_txQueue.clear();
    m_inFlight.clear();
    m_streamInFlight.clear();
    Application::DoDispose();
}

void
TipcEchoClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Open();
}

void
TipcEchoClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    m_retryEvent.Cancel();
    CloseSocket();
}

void
TipcEchoClient::Open()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        return;
    }
    m_socket = tipc::CreateAppSocket("ns3::TipcEchoClient", GetNode(), m_socketType);
    m_socket->SetSockOpt(tipc::TIPC_IMPORTANCE, m_importance);
    m_socket->SetRecvCallback(MakeCallback(&TipcEchoClient::HandleRead, this));
    m_socket->SetSendCallback(MakeCallback(&TipcEchoClient::HandleSend, this));
    m_rxAssembly = Create<Packet>();
    if (!tipc::IsConnectionSocketType(m_socketType))
    {
        m_connected = true;
        ScheduleRequest(Seconds(0));
        return;
    }
    m_socket->SetConnectCallback(MakeCallback(&TipcEchoClient::HandleConnected, this),
                                 MakeCallback(&TipcEchoClient::HandleConnectFailed, this));
    m_socket->SetCloseCallbacks(MakeCallback(&TipcEchoClient::HandleClose, this),
                                MakeCallback(&TipcEchoClient::HandleClose, this));
    TipcAddress service = TipcAddress::Service(m_serviceType, m_serviceInstance, m_domain);
    if (m_socket->Connect(service) != 0)
    {
        NS_LOG_INFO("connect to " << service
                                  << " failed: " << TipcErrnoName(m_socket->GetTipcErrno())
                                  << "; retry in " << m_retryInterval.As(Time::MS));
        CloseSocket();
        m_retryEvent = Simulator::Schedule(m_retryInterval, &TipcEchoClient::Open, this);
    }
}

void
TipcEchoClient::CloseSocket()
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
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                         MakeNullCallback<void, Ptr<Socket>>());
    s->Close();
}

void
TipcEchoClient::HandleConnected(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    m_connected = true;
    NS_LOG_INFO("connected to {" << m_serviceType << "," << m_serviceInstance << "}");
    ScheduleRequest(Seconds(0));
}

void
TipcEchoClient::HandleConnectFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    NS_LOG_INFO("connect failed: " << TipcErrnoName(m_socket->GetTipcErrno()) << "; retry in "
                                   << m_retryInterval.As(Time::MS));
    // closing inside the socket's own callback is safe: it holds a reference
    CloseSocket();
    m_retryEvent = Simulator::Schedule(m_retryInterval, &TipcEchoClient::Open, this);
}

void
TipcEchoClient::HandleClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    uint32_t lost = static_cast<uint32_t>(m_inFlight.size() + m_streamInFlight.size());
    for (const auto& q : m_txQueue)
    {
        lost += q.started ? 0 : 1;
    }
    NS_LOG_INFO("connection closed by the server; " << lost << " requests lost");
    m_errors += lost;
    m_connected = false;
    m_inFlight.clear();
    m_streamInFlight.clear();
    m_txQueue.clear();
    m_sendEvent.Cancel();
    // the close callback runs inside the socket's receive path: close it from a fresh event
    Simulator::ScheduleNow(&TipcEchoClient::CloseSocket, this);
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    if (!AllMade())
    {
        m_retryEvent = Simulator::Schedule(m_retryInterval, &TipcEchoClient::Open, this);
    }
}

// ---------------------------------------------------------------- sending

bool
TipcEchoClient::AllMade() const
{
    return m_maxPackets != 0 && m_made >= m_maxPackets;
}

void
TipcEchoClient::ScheduleRequest(Time delay)
{
    m_sendEvent.Cancel();
    m_sendEvent = Simulator::Schedule(delay, &TipcEchoClient::SendRequest, this);
}

void
TipcEchoClient::SendRequest()
{
    NS_LOG_FUNCTION(this);
    if (AllMade() || !m_socket || !m_connected)
    {
        return;
    }
    uint32_t seq = m_made++;
    std::vector<uint8_t> b(m_packetSize);
    for (uint32_t i = 0; i < m_packetSize; ++i)
    {
        b[i] = static_cast<uint8_t>(seq + i);
    }
    if (m_packetSize >= SEQ_BYTES)
    {
        tipc::WriteBe32(b.data(), seq);
    }
    m_txQueue.push_back({Create<Packet>(b.data(), m_packetSize), seq, false});
    if (!m_interval.IsZero() && !AllMade())
    {
        ScheduleRequest(m_interval);
    }
    Flush();
}

void
TipcEchoClient::Flush()
{
    NS_LOG_FUNCTION(this);
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    bool byteMatch = m_socketType == TipcSocketType::STREAM || m_packetSize < SEQ_BYTES;
    while (m_socket && !m_txQueue.empty())
    {
        Queued& q = m_txQueue.front();
        uint32_t size = q.packet->GetSize();
        int rc = connection ? m_socket->Send(q.packet->Copy(), 0)
                            : m_socket->SendTo(
                                  q.packet->Copy(),
                                  0,
                                  TipcAddress::Service(m_serviceType, m_serviceInstance, m_domain));
        if (rc < 0)
        {
            if (m_socket->GetErrno() == Socket::ERROR_AGAIN)
            {
                NS_LOG_LOGIC("congested: " << m_txQueue.size() << " requests wait");
                return; // HandleSend resumes
            }
            NS_LOG_INFO("request " << q.seq
                                   << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
            if (!q.started)
            {
                ++m_errors;
                m_txQueue.pop_front();
                RequestLost();
            }
            else
            {
                m_txQueue.pop_front(); // the connection broke mid-request; the close handler counts
            }
            continue;
        }
        uint32_t accepted = static_cast<uint32_t>(rc);
        if (!q.started)
        {
            q.started = true;
            ++m_sent;
            if (byteMatch)
            {
                m_streamInFlight.push_back(Simulator::Now());
            }
            else
            {
                m_inFlight[q.seq] = Simulator::Now();
            }
            m_txTrace(q.packet);
        }
        if (accepted < size)
        {
            q.packet = q.packet->CreateFragment(accepted, size - accepted);
            continue; // the next call reports EAGAIN or takes more
        }
        m_txQueue.pop_front();
    }
}

void
TipcEchoClient::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    NS_LOG_FUNCTION(this << socket << available);
    if (socket == m_socket)
    {
        // send from a fresh event, not from inside the stack's receive path
        Simulator::ScheduleNow(&TipcEchoClient::Flush, this);
    }
}

void
TipcEchoClient::RequestLost()
{
    if (m_interval.IsZero() && !AllMade())
    {
        ScheduleRequest(m_retryInterval);
    }
}

// ---------------------------------------------------------------- receiving

void
TipcEchoClient::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_socket)
    {
        return;
    }
    bool connection = tipc::IsConnectionSocketType(m_socketType);
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(READ_SIZE, 0, from))
    {
        TipcAncillaryTag tag;
        if (p->PeekPacketTag(tag) && tag.HasErrInfo())
        {
            if (connection)
            {
                return; // end of the connection: the close callback handles it
            }
            // a request came back rejected (e.g. TIPC_ERR_NO_NAME)
            NS_LOG_INFO("request returned with error " << tag.GetErrorCode());
            ++m_errors;
            bool found = false;
            if (m_packetSize >= SEQ_BYTES && p->GetSize() >= SEQ_BYTES)
            {
                uint8_t b[SEQ_BYTES];
                p->CopyData(b, SEQ_BYTES);
                uint32_t seq = tipc::ReadBe32(b);
                found = m_inFlight.erase(seq) > 0;
            }
            if (!found && !m_streamInFlight.empty())
            {
                m_streamInFlight.pop_front();
            }
            RequestLost();
            continue;
        }
        if (p->GetSize() == 0)
        {
            if (connection)
            {
                return; // end of stream
            }
            continue;
        }
        if (m_socketType == TipcSocketType::STREAM)
        {
            p->RemoveAllPacketTags();
            m_rxAssembly->AddAtEnd(p);
            while (m_rxAssembly->GetSize() >= m_packetSize)
            {
                Ptr<Packet> reply = m_rxAssembly->CreateFragment(0, m_packetSize);
                m_rxAssembly->RemoveAtStart(m_packetSize);
                CompleteReply(reply);
            }
        }
        else
        {
            CompleteReply(p);
        }
        if (socket != m_socket)
        {
            return; // stopped from a trace sink
        }
    }
}

void
TipcEchoClient::CompleteReply(Ptr<Packet> reply)
{
    NS_LOG_FUNCTION(this << reply);
    Time sent;
    if (m_socketType == TipcSocketType::STREAM || m_packetSize < SEQ_BYTES)
    {
        if (reply->GetSize() != m_packetSize || m_streamInFlight.empty())
        {
            ++m_unexpected;
            return;
        }
        sent = m_streamInFlight.front();
        m_streamInFlight.pop_front();
    }
    else
    {
        if (reply->GetSize() != m_packetSize)
        {
            ++m_unexpected;
            return;
        }
        uint8_t b[SEQ_BYTES];
        reply->CopyData(b, SEQ_BYTES);
        uint32_t seq = tipc::ReadBe32(b);
        auto it = m_inFlight.find(seq);
        if (it == m_inFlight.end())
        {
            ++m_unexpected;
            return;
        }
        sent = it->second;
        m_inFlight.erase(it);
    }
    Time rtt = Simulator::Now() - sent;
    m_rtts.push_back(rtt);
    NS_LOG_INFO("reply " << m_rtts.size() << " rtt " << rtt.As(Time::US));
    m_rttTrace(rtt);
    m_rxTrace(reply);
    if (m_interval.IsZero() && !AllMade())
    {
        ScheduleRequest(Seconds(0));
    }
}

} // namespace ns3
