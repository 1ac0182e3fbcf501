// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-topology-subscriber.h"

#include "tipc-attribute-check.h"
#include "tipc-socket-factory.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcTopologySubscriber");

NS_OBJECT_ENSURE_REGISTERED(TipcTopologySubscriber);

using namespace tipc;

TypeId
TipcTopologySubscriber::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcTopologySubscriber")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcTopologySubscriber>()
            .AddAttribute("ServiceType",
                          "Service type to watch (0: node state, 2: link state).",
                          UintegerValue(TIPC_NODE_STATE),
                          MakeUintegerAccessor(&TipcTopologySubscriber::m_type),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Lower",
                          "Lowest instance of the watched range.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcTopologySubscriber::m_lower),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Upper",
                          "Highest instance of the watched range.",
                          UintegerValue(0xffffffff),
                          MakeUintegerAccessor(&TipcTopologySubscriber::m_upper),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Filter",
                          "PORTS (an event per binding) or SERVICE (first and last binding of "
                          "each range).",
                          StringValue("PORTS"),
                          MakeStringAccessor(&TipcTopologySubscriber::SetFilterName,
                                             &TipcTopologySubscriber::GetFilterName),
                          MakeStringChecker())
            .AddAttribute("Timeout",
                          "Subscription timeout; 0 means TIPC_WAIT_FOREVER.  0 .. 4294967 s.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TipcTopologySubscriber::m_timeout),
                          MakeTimeChecker(Seconds(0), MilliSeconds(0xfffffffe)))
            .AddTraceSource("Event",
                            "A topology event arrived.",
                            MakeTraceSourceAccessor(&TipcTopologySubscriber::m_eventTrace),
                            "ns3::TipcTopologySubscriber::EventTracedCallback");
    return tid;
}

TipcTopologySubscriber::TipcTopologySubscriber()
    : m_type(TIPC_NODE_STATE),
      m_lower(0),
      m_upper(0xffffffff),
      m_filter(TIPC_SUB_PORTS)
{
}

TipcTopologySubscriber::~TipcTopologySubscriber()
{
}

void
TipcTopologySubscriber::DoDispose()
{
    m_socket = nullptr;
    Application::DoDispose();
}

void
TipcTopologySubscriber::SetFilterName(std::string name)
{
    if (name == "PORTS")
    {
        m_filter = TIPC_SUB_PORTS;
    }
    else if (name == "SERVICE")
    {
        m_filter = TIPC_SUB_SERVICE;
    }
    else
    {
        NS_FATAL_ERROR("ns3::TipcTopologySubscriber attribute Filter=" << name
                                                                       << " is not PORTS or "
                                                                          "SERVICE");
    }
}

std::string
TipcTopologySubscriber::GetFilterName() const
{
    return m_filter == TIPC_SUB_SERVICE ? "SERVICE" : "PORTS";
}

void
TipcTopologySubscriber::AddSubscription(const TipcSubscr& s)
{
    m_extra.push_back(s);
}

const std::vector<TipcEvent>&
TipcTopologySubscriber::GetEvents() const
{
    return m_events;
}

const std::vector<Time>&
TipcTopologySubscriber::GetEventTimes() const
{
    return m_times;
}

void
TipcTopologySubscriber::StartApplication()
{
    Ptr<TipcSocketFactory> f = GetNode()->GetObject<TipcSocketFactory>();
    if (!f)
    {
        NS_FATAL_ERROR("TipcTopologySubscriber: node " << GetNode()->GetId()
                                                       << " has no TIPC (TipcHelper::Install)");
    }
    m_socket = f->CreateSocket(TipcSocketType::SEQPACKET);
    m_socket->SetConnectCallback(MakeCallback(&TipcTopologySubscriber::OnConnected, this),
                                 MakeCallback(&TipcTopologySubscriber::OnConnectFailed, this));
    m_socket->SetRecvCallback(MakeCallback(&TipcTopologySubscriber::OnRecv, this));
    m_socket->Connect(TipcAddress::Service(TIPC_TOP_SRV, TIPC_TOP_SRV));
}

void
TipcTopologySubscriber::StopApplication()
{
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
TipcTopologySubscriber::OnConnected(Ptr<Socket> s)
{
    std::vector<TipcSubscr> subs;
    TipcSubscr own;
    own.seq = {m_type, m_lower, m_upper};
    own.filter = m_filter;
    own.timeout =
        m_timeout.IsZero() ? TIPC_WAIT_FOREVER : static_cast<uint32_t>(m_timeout.GetMilliSeconds());
    subs.push_back(own);
    subs.insert(subs.end(), m_extra.begin(), m_extra.end());
    for (const auto& sub : subs)
    {
        auto b = sub.Serialize();
        s->Send(Create<Packet>(b.data(), b.size()), 0);
    }
}

void
TipcTopologySubscriber::OnConnectFailed(Ptr<Socket>)
{
    NS_LOG_WARN("TipcTopologySubscriber: cannot reach the topology server");
}

void
TipcTopologySubscriber::OnRecv(Ptr<Socket> s)
{
    while (Ptr<Packet> p = s->Recv(TipcEvent::SIZE, 0))
    {
        if (p->GetSize() != TipcEvent::SIZE)
        {
            continue;
        }
        uint8_t b[TipcEvent::SIZE];
        p->CopyData(b, sizeof(b));
        TipcEvent e = TipcEvent::Deserialize(b);
        NS_LOG_INFO("node " << GetNode()->GetId() << ": " << e);
        m_events.push_back(e);
        m_times.push_back(Simulator::Now());
        m_eventTrace(e);
    }
}

} // namespace ns3
