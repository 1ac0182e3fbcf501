// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-benchmark-client.h"

#include "tipc-address.h"

#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBenchmarkClient");

NS_OBJECT_ENSURE_REGISTERED(TipcBenchmarkClient);

TypeId
TipcBenchmarkClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcBenchmarkClient")
            .SetParent<TipcBenchmarkBase>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcBenchmarkClient>()
            .AddAttribute("Remote",
                          "TCP: the server's InetSocketAddress (TIPC finds the server by "
                          "service name).",
                          AddressValue(),
                          MakeAddressAccessor(&TipcBenchmarkClient::m_remote),
                          MakeAddressChecker())
            .AddAttribute("Interval",
                          "Gap between a process's messages.  0: as fast as the host CPU "
                          "model lets it (requires an enabled HostCpuModel).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&TipcBenchmarkClient::m_interval),
                          MakeTimeChecker(Time(0)));
    return tid;
}

TipcBenchmarkClient::TipcBenchmarkClient()
{
}

TipcBenchmarkClient::~TipcBenchmarkClient()
{
}

uint32_t
TipcBenchmarkClient::GetConnected() const
{
    return m_connected;
}

void
TipcBenchmarkClient::StartApplication()
{
    m_stopped = false;
    Configure();
    if (!m_latency && m_interval.IsZero() && !GetCpu())
    {
        NS_FATAL_ERROR("ns3::TipcBenchmarkClient::Interval: 0 (saturate) needs an enabled "
                       "ns3::HostCpuModel on the node's host; set Interval > 0 otherwise");
    }
    for (uint32_t i = 0; i < m_connections; ++i)
    {
        Ptr<Socket> s = CreateTransportSocket();
        Proc* p = AddProc(s, i);
        switch (m_transport)
        {
        case Transport::TIPC_RDM:
            p->dest = TipcAddress::Service(m_serviceType, i);
            p->hasDest = true;
            ++m_connected;
            Begin(p);
            break;
        case Transport::TIPC_STREAM:
            s->SetConnectCallback(
                Callback<void, Ptr<Socket>>([this, p](Ptr<Socket>) { Connected(p); }),
                MakeCallback(&TipcBenchmarkClient::ConnectFailed, this));
            s->Connect(TipcAddress::Service(m_serviceType, 1));
            break;
        case Transport::TCP:
            if (m_remote.IsInvalid())
            {
                NS_FATAL_ERROR("ns3::TipcBenchmarkClient::Remote: a TCP client needs the "
                               "server's InetSocketAddress");
            }
            s->SetConnectCallback(
                Callback<void, Ptr<Socket>>([this, p](Ptr<Socket>) { Connected(p); }),
                MakeCallback(&TipcBenchmarkClient::ConnectFailed, this));
            s->Bind();
            s->Connect(m_remote);
            break;
        }
    }
}

void
TipcBenchmarkClient::StopApplication()
{
    m_stopped = true;
    for (auto& p : m_procs)
    {
        p->toSend = 0;
        if (p->sock)
        {
            p->sock->Close();
        }
    }
}

void
TipcBenchmarkClient::Connected(Proc* p)
{
    ++m_connected;
    Begin(p);
}

void
TipcBenchmarkClient::ConnectFailed(Ptr<Socket> /* sock */)
{
    NS_LOG_WARN("benchmark connection failed on node " << GetNode()->GetId());
}

void
TipcBenchmarkClient::Begin(Proc* p)
{
    if (!m_stopped)
    {
        SendMessage(p);
    }
}

void
TipcBenchmarkClient::MessageSent(Proc* p)
{
    if (m_latency || m_stopped)
    {
        return; // waits for the echo
    }
    if (m_interval.IsZero())
    {
        SendMessage(p);
        return;
    }
    Simulator::Schedule(m_interval, &TipcBenchmarkClient::Begin, this, p);
}

void
TipcBenchmarkClient::MessageReceived(Proc* p)
{
    if (!m_latency)
    {
        return;
    }
    m_rtts.push_back(Simulator::Now() - p->sentAt);
    if (m_interval.IsZero())
    {
        Begin(p);
        return;
    }
    Simulator::Schedule(m_interval, &TipcBenchmarkClient::Begin, this, p);
}

} // namespace ns3
