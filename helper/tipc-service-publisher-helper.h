// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SERVICE_PUBLISHER_HELPER_H
#define TIPC_SERVICE_PUBLISHER_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs TipcServicePublisher applications.
 *
 * @code
 * TipcServicePublisherHelper publisher(18890, 0, 99);
 * publisher.SetAttribute("Toggle", TimeValue(MilliSeconds(100)));
 * ApplicationContainer apps = publisher.Install(nodes.Get(1));
 * apps.Start(Seconds(2));
 * apps.Stop(Seconds(3));
 * @endcode
 */
class TipcServicePublisherHelper
{
  public:
    /**
     * @brief A helper for publishers of {serviceType, lower, upper}.
     * @param serviceType service type
     * @param lower lowest instance
     * @param upper highest instance
     */
    TipcServicePublisherHelper(uint32_t serviceType, uint32_t lower, uint32_t upper);

    /**
     * @brief Record an attribute to be set in each application created.
     * @param name the attribute name
     * @param value the value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Create a TipcServicePublisher on a node.
     * @param node the node (with a TIPC stack)
     * @return a container with the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Create a TipcServicePublisher on a node known by name.
     * @param nodeName the node's name (ns3::Names)
     * @return a container with the application
     */
    ApplicationContainer Install(std::string nodeName) const;
    /**
     * @brief Create a TipcServicePublisher on each node.
     * @param c the nodes
     * @return the applications, one per node
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    /**
     * @brief Create one publisher.
     * @param node the node
     * @return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates TipcServicePublisher
};

} // namespace ns3

#endif // TIPC_SERVICE_PUBLISHER_HELPER_H
