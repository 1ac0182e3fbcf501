// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-echo-helper.h"

#include "ns3/names.h"
#include "ns3/tipc-echo-client.h"
#include "ns3/tipc-echo-server.h"
#include "ns3/uinteger.h"

namespace ns3
{

// ---------------------------------------------------------------- server

TipcEchoServerHelper::TipcEchoServerHelper(uint32_t serviceType, uint32_t lower, uint32_t upper)
{
    m_factory.SetTypeId(TipcEchoServer::GetTypeId());
    SetAttribute("ServiceType", UintegerValue(serviceType));
    SetAttribute("Lower", UintegerValue(lower));
    SetAttribute("Upper", UintegerValue(upper));
}

TipcEchoServerHelper::TipcEchoServerHelper(uint32_t serviceType, uint32_t instance)
    : TipcEchoServerHelper(serviceType, instance, instance)
{
}

void
TipcEchoServerHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcEchoServerHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcEchoServerHelper::Install(std::string nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcEchoServerHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

Ptr<Application>
TipcEchoServerHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcEchoServer>();
    node->AddApplication(app);
    return app;
}

// ---------------------------------------------------------------- client

TipcEchoClientHelper::TipcEchoClientHelper(uint32_t serviceType, uint32_t instance)
{
    m_factory.SetTypeId(TipcEchoClient::GetTypeId());
    SetAttribute("ServiceType", UintegerValue(serviceType));
    SetAttribute("ServiceInstance", UintegerValue(instance));
}

void
TipcEchoClientHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcEchoClientHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcEchoClientHelper::Install(std::string nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcEchoClientHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

Ptr<Application>
TipcEchoClientHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcEchoClient>();
    node->AddApplication(app);
    return app;
}

} // namespace ns3
