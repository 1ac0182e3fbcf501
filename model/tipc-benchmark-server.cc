// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-benchmark-server.h"

#include "tipc-address.h"
#include "tipc-constants.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBenchmarkServer");

NS_OBJECT_ENSURE_REGISTERED(TipcBenchmarkServer);

TypeId
TipcBenchmarkServer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcBenchmarkServer")
                            .SetParent<TipcBenchmarkBase>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcBenchmarkServer>();
    return tid;
}

TipcBenchmarkServer::TipcBenchmarkServer()
{
    m_isServer = true;
}

TipcBenchmarkServer::~TipcBenchmarkServer()
{
}

void
TipcBenchmarkServer::StartApplication()
{
    Configure();
    if (m_transport == Transport::TIPC_RDM)
    {
        for (uint32_t i = 0; i < m_connections; ++i)
        {
            Ptr<Socket> s = CreateTransportSocket();
            s->Bind(TipcAddress::Service(m_serviceType, i));
            AddProc(s, i);
        }
        return;
    }
    m_listener = CreateTransportSocket();
    if (m_transport == Transport::TCP)
    {
        m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port));
    }
    else
    {
        m_listener->Bind(TipcAddress::Service(m_serviceType, 1));
    }
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&TipcBenchmarkServer::Accepted, this));
}

void
TipcBenchmarkServer::StopApplication()
{
    if (m_listener)
    {
        m_listener->Close();
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
    }
    for (auto& p : m_procs)
    {
        p->sock->Close();
    }
}

void
TipcBenchmarkServer::Accepted(Ptr<Socket> sock, const Address& /* from */)
{
    AddProc(sock, m_accepted++);
}

void
TipcBenchmarkServer::MessageReceived(Proc* p)
{
    if (m_latency)
    {
        SendMessage(p); // echo
    }
}

void
TipcBenchmarkServer::MessageSent(Proc* /* p */)
{
}

} // namespace ns3
