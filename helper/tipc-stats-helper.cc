// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-stats-helper.h"

#include "ns3/node-list.h"
#include "ns3/tipc-stack.h"

namespace ns3
{

TipcStatsHelper::TipcStatsHelper()
{
    m_factory.SetTypeId(TipcStatsCollector::GetTypeId());
}

Ptr<TipcStatsCollector>
TipcStatsHelper::GetCollector()
{
    if (!m_collector)
    {
        m_collector = m_factory.Create<TipcStatsCollector>();
    }
    return m_collector;
}

Ptr<TipcStatsCollector>
TipcStatsHelper::Install(Ptr<Node> node)
{
    GetCollector()->Install(node);
    return m_collector;
}

Ptr<TipcStatsCollector>
TipcStatsHelper::Install(NodeContainer nodes)
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
    return GetCollector();
}

Ptr<TipcStatsCollector>
TipcStatsHelper::InstallAll()
{
    for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
    {
        if ((*it)->GetObject<TipcStack>())
        {
            Install(*it);
        }
    }
    return GetCollector();
}

void
TipcStatsHelper::Write(const std::string& fileName)
{
    GetCollector()->WriteFile(fileName);
}

} // namespace ns3
