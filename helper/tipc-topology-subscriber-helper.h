// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TOPOLOGY_SUBSCRIBER_HELPER_H
#define TIPC_TOPOLOGY_SUBSCRIBER_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs TipcTopologySubscriber applications.
 *
 * @code
 * TipcTopologySubscriberHelper nodesWatch(tipc::TIPC_NODE_STATE, 0, 0xffffffff);
 * ApplicationContainer apps = nodesWatch.Install(nodes.Get(0));
 * @endcode
 */
class TipcTopologySubscriberHelper
{
  public:
    /**
     * @brief Subscribe to a service range.
     * @param serviceType service type (0: node state, 2: link state)
     * @param lower lowest instance
     * @param upper highest instance
     */
    TipcTopologySubscriberHelper(uint32_t serviceType, uint32_t lower, uint32_t upper);

    /**
     * @brief Set an attribute of the applications to be created.
     * @param name attribute name (Filter, Timeout, ...)
     * @param value attribute value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Install one subscriber on a node.
     * @param node the node
     * @return the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Install one subscriber on each node.
     * @param c the nodes
     * @return the applications
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    ObjectFactory m_factory; //!< creates TipcTopologySubscriber
};

} // namespace ns3

#endif // TIPC_TOPOLOGY_SUBSCRIBER_HELPER_H
