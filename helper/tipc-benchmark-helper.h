// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BENCHMARK_HELPER_H
#define TIPC_BENCHMARK_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs the tipcutils-style benchmark applications
 *        (TipcBenchmarkClient, TipcBenchmarkServer) on nodes.
 *
 * The benchmark applications charge their send and receive work to the
 * host's HostCpuModel, so their throughput and latency include the CPU cost
 * of the processes (unlike TipcBulkSender/TipcBulkSink, which send as fast as
 * the socket accepts).  Client and server must agree on Transport, Mode,
 * Connections, MessageSize and ServiceType (TIPC) or Port (TCP).
 *
 * @code
 * TipcBenchmarkHelper server(TipcBenchmarkHelper::SERVER);
 * server.SetAttribute("ServiceType", UintegerValue(2001));
 * server.SetAttribute("MessageSize", UintegerValue(size));
 * server.Install(receiverNode).Start(Seconds(1));
 * TipcBenchmarkHelper client(TipcBenchmarkHelper::CLIENT);
 * client.SetAttribute("ServiceType", UintegerValue(2001));
 * client.SetAttribute("MessageSize", UintegerValue(size));
 * client.Install(senderNode).Start(Seconds(2));
 * @endcode
 */
class TipcBenchmarkHelper
{
  public:
    /// Which application the helper installs.
    enum Role
    {
        CLIENT, //!< TipcBenchmarkClient (sends; measures round trips in latency mode)
        SERVER, //!< TipcBenchmarkServer (receives; counts delivered bytes)
    };

    /**
     * @brief A helper for one role.
     * @param role client or server
     */
    explicit TipcBenchmarkHelper(Role role);
    /**
     * @brief Set an attribute of the applications to be installed.
     * @param name attribute name (see TipcBenchmarkBase, TipcBenchmarkClient)
     * @param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /**
     * @brief Install the application on a node.
     * @param node the node (a namespace of a LinuxHost for the CPU model)
     * @return the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Install the application on each node.
     * @param nodes the nodes
     * @return the applications
     */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory; //!< creates the application
};

} // namespace ns3

#endif // TIPC_BENCHMARK_HELPER_H
