// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_STATS_HELPER_H
#define TIPC_STATS_HELPER_H

#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/tipc-stats-collector.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs a TipcStatsCollector on TIPC nodes: counters and latency
 *        histograms per host, link, socket and service, in the style of
 *        FlowMonitorHelper.
 *
 * @code
 * TipcStatsHelper stats;
 * stats.SetCollectorAttributes("SampleInterval", TimeValue(MilliSeconds(100)));
 * stats.InstallAll();                      // after TipcHelper and the bearers
 * Simulator::Schedule(Seconds(1), [&]() { stats.GetCollector()->Reset(); }); // warm-up
 * Simulator::Run();
 * stats.Write("tipc-stats.csv");           // tidy CSV: time_s,scope,entity,metric,value
 * stats.Write("tipc-stats-hist.csv");      // latency histograms
 * stats.Write("tipc-stats.json");          // one JSON object
 * double rx = stats.GetCollector()->Get("service", "1000", "rx_bytes");
 * @endcode
 *
 * Install after the bearers exist (frames of bearers added later are not
 * counted) and before the applications start (sockets created later are
 * watched automatically, through TipcStack's SocketCreated trace).
 */
class TipcStatsHelper
{
  public:
    TipcStatsHelper();

    /**
     * @brief Set attributes of the collector (SampleInterval, BinsPerDecade)
     *        before the first Install().
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetCollectorAttributes(Args&&... args)
    {
        m_factory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Watch the TIPC instances of some nodes.
     * @param nodes nodes with a TipcStack
     * @return the collector
     */
    Ptr<TipcStatsCollector> Install(NodeContainer nodes);
    /**
     * @brief Watch one node's TIPC instance.
     * @param node a node with a TipcStack
     * @return the collector
     */
    Ptr<TipcStatsCollector> Install(Ptr<Node> node);
    /**
     * @brief Watch every node that has a TipcStack.
     * @return the collector
     */
    Ptr<TipcStatsCollector> InstallAll();
    /** @return the collector (created on first use) */
    Ptr<TipcStatsCollector> GetCollector();
    /**
     * @brief Write the statistics to a file: `*.json` JSON, `*-hist.csv` the
     *        latency histograms, any other name the tidy CSV with the kept
     *        samples and the current values.
     * @param fileName the path, relative to the working directory
     */
    void Write(const std::string& fileName);

  private:
    ObjectFactory m_factory;             //!< creates the collector
    Ptr<TipcStatsCollector> m_collector; //!< the collector
};

} // namespace ns3

#endif // TIPC_STATS_HELPER_H
