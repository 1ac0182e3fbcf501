// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-service-publisher.h"

#include "tipc-address.h"
#include "tipc-app-util.h"
#include "tipc-attribute-check.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcServicePublisher");

NS_OBJECT_ENSURE_REGISTERED(TipcServicePublisher);

TypeId
TipcServicePublisher::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcServicePublisher")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcServicePublisher>()
            .AddAttribute("ServiceType",
                          "Service type of the bound range (64 .. 2^32-1).",
                          UintegerValue(18890),
                          MakeUintegerAccessor(&TipcServicePublisher::SetServiceType),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Lower",
                          "Lowest instance of the bound range.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcServicePublisher::m_lower),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Upper",
                          "Highest instance of the bound range (>= Lower).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcServicePublisher::m_upper),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Scope",
                          "Binding scope: node or cluster.",
                          StringValue("cluster"),
                          MakeStringAccessor(&TipcServicePublisher::SetScopeName,
                                             &TipcServicePublisher::GetScopeName),
                          MakeStringChecker())
            .AddAttribute("Toggle",
                          "Withdraw and bind again alternately at this interval (0: stay "
                          "bound from start to stop).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TipcServicePublisher::SetToggle),
                          MakeTimeChecker())
            .AddTraceSource("Bound",
                            "The range was bound (true) or withdrawn (false).",
                            MakeTraceSourceAccessor(&TipcServicePublisher::m_boundTrace),
                            "ns3::TipcServicePublisher::BoundTracedCallback");
    return tid;
}

TipcServicePublisher::TipcServicePublisher()
    : m_serviceType(18890),
      m_lower(0),
      m_upper(0),
      m_scope(tipc::TIPC_CLUSTER_SCOPE),
      m_toggle(Seconds(0)),
      m_bound(false),
      m_binds(0),
      m_withdrawals(0)
{
    NS_LOG_FUNCTION(this);
}

TipcServicePublisher::~TipcServicePublisher()
{
    NS_LOG_FUNCTION(this);
}

void
TipcServicePublisher::SetScopeName(std::string name)
{
    m_scope = tipc::ParseScopeAttribute("ns3::TipcServicePublisher", name);
}

std::string
TipcServicePublisher::GetScopeName() const
{
    return tipc::ScopeName(m_scope);
}

void
TipcServicePublisher::SetServiceType(uint32_t type)
{
    tipc::CheckAttributeRange("ns3::TipcServicePublisher",
                              "ServiceType",
                              type,
                              tipc::TIPC_RESERVED_TYPES,
                              UINT32_MAX);
    m_serviceType = type;
}

void
TipcServicePublisher::SetToggle(Time interval)
{
    tipc::CheckAttributeRange("ns3::TipcServicePublisher",
                              "Toggle",
                              interval,
                              Seconds(0),
                              Seconds(86400));
    m_toggle = interval;
}

bool
TipcServicePublisher::IsBound() const
{
    return m_bound;
}

uint32_t
TipcServicePublisher::GetBindCount() const
{
    return m_binds;
}

uint32_t
TipcServicePublisher::GetWithdrawCount() const
{
    return m_withdrawals;
}

Ptr<TipcSocket>
TipcServicePublisher::GetSocket() const
{
    return m_socket;
}

TipcAddress
TipcServicePublisher::GetRange() const
{
    return TipcAddress::ServiceRange(m_serviceType, m_lower, m_upper, m_scope);
}

void
TipcServicePublisher::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    tipc::CheckAttributeRange("ns3::TipcServicePublisher", "Upper", m_upper, m_lower, UINT32_MAX);
    Application::DoInitialize();
}

void
TipcServicePublisher::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_toggleEvent.Cancel();
    m_socket = nullptr;
    Application::DoDispose();
}

void
TipcServicePublisher::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        return;
    }
    m_socket = tipc::CreateAppSocket("ns3::TipcServicePublisher", GetNode(), TipcSocketType::RDM);
    DoBind();
    if (m_toggle.IsStrictlyPositive())
    {
        m_toggleEvent = Simulator::Schedule(m_toggle, &TipcServicePublisher::Toggle, this);
    }
}

void
TipcServicePublisher::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_toggleEvent.Cancel();
    if (!m_socket)
    {
        return;
    }
    DoUnbind();
    m_socket->Close();
    m_socket = nullptr;
}

void
TipcServicePublisher::DoBind()
{
    NS_LOG_FUNCTION(this);
    if (m_bound)
    {
        return;
    }
    if (m_socket->Bind(GetRange()) != 0)
    {
        NS_FATAL_ERROR("ns3::TipcServicePublisher on node "
                       << GetNode()->GetId() << ": bind to " << GetRange()
                       << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
    }
    m_bound = true;
    ++m_binds;
    NS_LOG_INFO("node " << GetNode()->GetId() << " bound " << GetRange());
    m_boundTrace(true);
}

void
TipcServicePublisher::DoUnbind()
{
    NS_LOG_FUNCTION(this);
    if (!m_bound)
    {
        return;
    }
    if (m_socket->Unbind(GetRange()) != 0)
    {
        NS_FATAL_ERROR("ns3::TipcServicePublisher on node "
                       << GetNode()->GetId() << ": withdrawing " << GetRange()
                       << " failed: " << TipcErrnoName(m_socket->GetTipcErrno()));
    }
    m_bound = false;
    ++m_withdrawals;
    NS_LOG_INFO("node " << GetNode()->GetId() << " withdrew " << GetRange());
    m_boundTrace(false);
}

void
TipcServicePublisher::Toggle()
{
    NS_LOG_FUNCTION(this);
    if (m_bound)
    {
        DoUnbind();
    }
    else
    {
        DoBind();
    }
    m_toggleEvent = Simulator::Schedule(m_toggle, &TipcServicePublisher::Toggle, this);
}

} // namespace ns3
