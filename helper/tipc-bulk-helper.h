// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BULK_HELPER_H
#define TIPC_BULK_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs TipcBulkSender applications, in the style of BulkSendHelper.
 *
 * @code
 * TipcBulkSenderHelper sender(18889, 0);            // to {18889, 0}
 * sender.SetAttribute("MaxBytes", UintegerValue(10000000));
 * ApplicationContainer apps = sender.Install(nodes.Get(0));
 * apps.Start(Seconds(2));
 * @endcode
 */
class TipcBulkSenderHelper
{
  public:
    /**
     * @brief A helper for senders to the service address {serviceType, instance}.
     * @param serviceType service type
     * @param instance service instance
     */
    TipcBulkSenderHelper(uint32_t serviceType, uint32_t instance);

    /**
     * @brief Record an attribute to be set in each application created.
     * @param name the attribute name
     * @param value the value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Create a TipcBulkSender on a node.
     * @param node the node (with a TIPC stack)
     * @return a container with the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Create a TipcBulkSender on a node known by name.
     * @param nodeName the node's name (ns3::Names)
     * @return a container with the application
     */
    ApplicationContainer Install(std::string nodeName) const;
    /**
     * @brief Create a TipcBulkSender on each node.
     * @param c the nodes
     * @return the applications, one per node
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    /**
     * @brief Create one sender.
     * @param node the node
     * @return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates TipcBulkSender
};

/**
 * @ingroup tipc
 * @brief Installs TipcBulkSink applications, in the style of PacketSinkHelper.
 *
 * @code
 * TipcBulkSinkHelper sink(18889, 0, 0);             // binds {18889, 0, 0}
 * ApplicationContainer apps = sink.Install(nodes.Get(1));
 * apps.Start(Seconds(2));
 * @endcode
 */
class TipcBulkSinkHelper
{
  public:
    /**
     * @brief A helper for sinks bound to {serviceType, lower, upper}.
     * @param serviceType service type
     * @param lower lowest instance
     * @param upper highest instance
     */
    TipcBulkSinkHelper(uint32_t serviceType, uint32_t lower, uint32_t upper);
    /**
     * @brief A helper for sinks bound to {serviceType, instance, instance}.
     * @param serviceType service type
     * @param instance the instance
     */
    TipcBulkSinkHelper(uint32_t serviceType, uint32_t instance);

    /**
     * @brief Record an attribute to be set in each application created.
     * @param name the attribute name
     * @param value the value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Create a TipcBulkSink on a node.
     * @param node the node (with a TIPC stack)
     * @return a container with the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Create a TipcBulkSink on a node known by name.
     * @param nodeName the node's name (ns3::Names)
     * @return a container with the application
     */
    ApplicationContainer Install(std::string nodeName) const;
    /**
     * @brief Create a TipcBulkSink on each node.
     * @param c the nodes
     * @return the applications, one per node
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    /**
     * @brief Create one sink.
     * @param node the node
     * @return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates TipcBulkSink
};

} // namespace ns3

#endif // TIPC_BULK_HELPER_H
