// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-benchmark-helper.h"

#include "ns3/tipc-benchmark-client.h"
#include "ns3/tipc-benchmark-server.h"

namespace ns3
{

TipcBenchmarkHelper::TipcBenchmarkHelper(Role role)
{
    m_factory.SetTypeId(role == CLIENT ? TipcBenchmarkClient::GetTypeId()
                                       : TipcBenchmarkServer::GetTypeId());
}

void
TipcBenchmarkHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
TipcBenchmarkHelper::Install(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<Application>();
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
TipcBenchmarkHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
