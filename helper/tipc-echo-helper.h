// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ECHO_HELPER_H
#define TIPC_ECHO_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs TipcEchoServer applications, in the style of
 *        UdpEchoServerHelper.
 *
 * @code
 * TipcEchoServerHelper server(18888, 0, 9);        // binds {18888, 0, 9}
 * server.SetAttribute("SocketType", StringValue("STREAM"));
 * ApplicationContainer apps = server.Install(nodes.Get(1));
 * apps.Start(Seconds(2));
 * @endcode
 */
class TipcEchoServerHelper
{
  public:
    /**
     * @brief A helper for servers bound to {serviceType, lower, upper}.
     * @param serviceType service type
     * @param lower lowest instance
     * @param upper highest instance
     */
    TipcEchoServerHelper(uint32_t serviceType, uint32_t lower, uint32_t upper);
    /**
     * @brief A helper for servers bound to {serviceType, instance, instance}.
     * @param serviceType service type
     * @param instance the instance
     */
    TipcEchoServerHelper(uint32_t serviceType, uint32_t instance);

    /**
     * @brief Record an attribute to be set in each application created.
     * @param name the attribute name
     * @param value the value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Create a TipcEchoServer on a node.
     * @param node the node (with a TIPC stack)
     * @return a container with the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Create a TipcEchoServer on a node known by name.
     * @param nodeName the node's name (ns3::Names)
     * @return a container with the application
     */
    ApplicationContainer Install(std::string nodeName) const;
    /**
     * @brief Create a TipcEchoServer on each node.
     * @param c the nodes
     * @return the applications, one per node
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    /**
     * @brief Create one server.
     * @param node the node
     * @return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates TipcEchoServer
};

/**
 * @ingroup tipc
 * @brief Installs TipcEchoClient applications, in the style of
 *        UdpEchoClientHelper.
 *
 * @code
 * TipcEchoClientHelper client(18888, 5);           // requests to {18888, 5}
 * client.SetAttribute("Interval", TimeValue(Seconds(0)));   // ping-pong
 * client.SetAttribute("MaxPackets", UintegerValue(100));
 * ApplicationContainer apps = client.Install(nodes.Get(0));
 * apps.Start(Seconds(2));
 * @endcode
 */
class TipcEchoClientHelper
{
  public:
    /**
     * @brief A helper for clients of the service address {serviceType, instance}.
     * @param serviceType service type
     * @param instance service instance
     */
    TipcEchoClientHelper(uint32_t serviceType, uint32_t instance);

    /**
     * @brief Record an attribute to be set in each application created.
     * @param name the attribute name
     * @param value the value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * @brief Create a TipcEchoClient on a node.
     * @param node the node (with a TIPC stack)
     * @return a container with the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * @brief Create a TipcEchoClient on a node known by name.
     * @param nodeName the node's name (ns3::Names)
     * @return a container with the application
     */
    ApplicationContainer Install(std::string nodeName) const;
    /**
     * @brief Create a TipcEchoClient on each node.
     * @param c the nodes
     * @return the applications, one per node
     */
    ApplicationContainer Install(NodeContainer c) const;

  private:
    /**
     * @brief Create one client.
     * @param node the node
     * @return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates TipcEchoClient
};

} // namespace ns3

#endif // TIPC_ECHO_HELPER_H
