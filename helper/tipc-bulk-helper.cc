// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-bulk-helper.h"

#include "ns3/names.h"
#include "ns3/tipc-bulk-sender.h"
#include "ns3/tipc-bulk-sink.h"
#include "ns3/uinteger.h"

namespace ns3
{

// ---------------------------------------------------------------- sender

TipcBulkSenderHelper::TipcBulkSenderHelper(uint32_t serviceType, uint32_t instance)
{
    m_factory.SetTypeId(TipcBulkSender::GetTypeId());
    SetAttribute("ServiceType", UintegerValue(serviceType));
    SetAttribute("ServiceInstance", UintegerValue(instance));
}

void
TipcBulkSenderHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcBulkSenderHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcBulkSenderHelper::Install(std::string nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcBulkSenderHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

Ptr<Application>
TipcBulkSenderHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcBulkSender>();
    node->AddApplication(app);
    return app;
}

// ---------------------------------------------------------------- sink

TipcBulkSinkHelper::TipcBulkSinkHelper(uint32_t serviceType, uint32_t lower, uint32_t upper)
{
    m_factory.SetTypeId(TipcBulkSink::GetTypeId());
    SetAttribute("ServiceType", UintegerValue(serviceType));
    SetAttribute("Lower", UintegerValue(lower));
    SetAttribute("Upper", UintegerValue(upper));
}

TipcBulkSinkHelper::TipcBulkSinkHelper(uint32_t serviceType, uint32_t instance)
    : TipcBulkSinkHelper(serviceType, instance, instance)
{
}

void
TipcBulkSinkHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcBulkSinkHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcBulkSinkHelper::Install(std::string nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcBulkSinkHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

Ptr<Application>
TipcBulkSinkHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcBulkSink>();
    node->AddApplication(app);
    return app;
}

} // namespace ns3
