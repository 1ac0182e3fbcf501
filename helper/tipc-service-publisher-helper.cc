// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-service-publisher-helper.h"

#include "ns3/names.h"
#include "ns3/tipc-service-publisher.h"
#include "ns3/uinteger.h"

namespace ns3
{

TipcServicePublisherHelper::TipcServicePublisherHelper(uint32_t serviceType,
                                                       uint32_t lower,
                                                       uint32_t upper)
{
    m_factory.SetTypeId(TipcServicePublisher::GetTypeId());
    SetAttribute("ServiceType", UintegerValue(serviceType));
    SetAttribute("Lower", UintegerValue(lower));
    SetAttribute("Upper", UintegerValue(upper));
}

void
TipcServicePublisherHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcServicePublisherHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcServicePublisherHelper::Install(std::string nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
TipcServicePublisherHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto i = c.Begin(); i != c.End(); ++i)
    {
        apps.Add(InstallPriv(*i));
    }
    return apps;
}

Ptr<Application>
TipcServicePublisherHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcServicePublisher>();
    node->AddApplication(app);
    return app;
}

} // namespace ns3
