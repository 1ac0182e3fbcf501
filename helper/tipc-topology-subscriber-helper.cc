// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-topology-subscriber-helper.h"

#include "ns3/tipc-topology-subscriber.h"
#include "ns3/uinteger.h"

namespace ns3
{

TipcTopologySubscriberHelper::TipcTopologySubscriberHelper(uint32_t serviceType,
                                                           uint32_t lower,
                                                           uint32_t upper)
{
    m_factory.SetTypeId(TipcTopologySubscriber::GetTypeId());
    m_factory.Set("ServiceType", UintegerValue(serviceType));
    m_factory.Set("Lower", UintegerValue(lower));
    m_factory.Set("Upper", UintegerValue(upper));
}

void
TipcTopologySubscriberHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcTopologySubscriberHelper::Install(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<TipcTopologySubscriber>();
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
TipcTopologySubscriberHelper::Install(NodeContainer c) const
{
    ApplicationContainer apps;
    for (auto it = c.Begin(); it != c.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
