// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_HELPER_H
#define TIPC_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/tipc-bearer.h"
#include "ns3/tipc-stack.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Installs TIPC on nodes and enables bearers, in the style of
 *        InternetStackHelper.
 *
 * @code
 * TipcHelper tipc;
 * tipc.SetStackAttributes("ClusterId", UintegerValue(4711));
 * tipc.Install(nodes);                       // one TipcStack per node
 * tipc.AddEthBearers(csmaDevices);           // an Ethernet bearer on each device
 * tipc.AssignStreams(nodes, 100);
 * @endcode
 *
 * Stack attributes (ns3::TipcStack) and bearer attributes (ns3::TipcBearer:
 * Priority, Tolerance, MinWindow, MaxWindow, Domain) are set with the variadic
 * setters before Install / AddEthBearer.  The node identity of each node is
 * derived from its first bearer's MAC unless set with SetNodeIdentity().
 */
class TipcHelper
{
  public:
    TipcHelper();

    /**
     * @brief Attributes for the TipcStack objects created by Install().
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetStackAttributes(Args&&... args)
    {
        m_stackFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Attributes for the bearers created by AddEthBearer().
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetBearerAttributes(Args&&... args)
    {
        m_ethFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Aggregate a TipcStack to each node (fails if one is present).
     * @param nodes the nodes
     */
    void Install(NodeContainer nodes) const;
    /**
     * @brief Aggregate a TipcStack to a node.
     * @param node the node
     * @return the stack
     */
    Ptr<TipcStack> Install(Ptr<Node> node) const;

    /**
     * @brief Enable an Ethernet bearer on a device of a node with TIPC.
     * @param device the device (its node must have a TipcStack)
     * @param ifName interface name for the bearer ("eth:<ifName>"); default: the
     *        device's ns3::Names name, else "eth<device index>"
     * @return the bearer
     */
    Ptr<TipcBearer> AddEthBearer(Ptr<NetDevice> device, const std::string& ifName = "") const;
    /**
     * @brief Enable an Ethernet bearer on a device found by ns3::Names.
     * @param node the node
     * @param deviceName the device's name (Names::Add)
     * @return the bearer
     */
    Ptr<TipcBearer> AddEthBearer(Ptr<Node> node, const std::string& deviceName) const;
    /**
     * @brief Enable an Ethernet bearer on every device of a container.
     * @param devices the devices
     */
    void AddEthBearers(NetDeviceContainer devices) const;

    /**
     * @brief Attributes for the bearers created by AddUdpBearer() (ns3::TipcUdpBearer
     *        and ns3::TipcBearer attributes).
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetUdpBearerAttributes(Args&&... args)
    {
        m_udpFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Enable a UDP bearer on a node with TIPC and an Internet stack.
     * @param node the node
     * @param local local IPv4 address (must belong to the node)
     * @param remote IPv4 multicast group for discovery, or the first replicast peer
     *        (default 0.0.0.0: the bearer attribute RemoteAddress, by default the
     *        group the tipc tool derives from the cluster id)
     * @param ifName interface part of the bearer name (default: "udp" + index)
     * @return the bearer
     */
    Ptr<TipcBearer> AddUdpBearer(Ptr<Node> node,
                                 Ipv4Address local,
                                 Ipv4Address remote = Ipv4Address::GetAny(),
                                 const std::string& ifName = "") const;
    /**
     * @brief Enable a UDP bearer on each node with the address of the interface
     *        of the same index: multicast discovery on the cluster's group, or
     *        replicast with every other node configured as a peer (Linux 6.1
     *        learns none: "tipc bearer enable media udp ... remoteip" names the
     *        next node, "tipc bearer add ... remoteip" the others).
     * @param nodes the nodes (with TIPC and an Internet stack)
     * @param addresses one interface address per node, in the same order
     * @param replicast replicast instead of multicast
     */
    void AddUdpBearers(NodeContainer nodes,
                       const Ipv4InterfaceContainer& addresses,
                       bool replicast = false) const;

    /**
     * @brief Set a node's identity (before the simulation starts).
     * @param node the node
     * @param identity up to 16 characters, or up to 32 hex digits
     */
    static void SetNodeIdentity(Ptr<Node> node, const std::string& identity);

    /**
     * @brief Fix the random streams of the stacks on @p nodes.
     * @param nodes the nodes
     * @param stream first stream index
     * @return number of streams used
     */
    int64_t AssignStreams(NodeContainer nodes, int64_t stream) const;

    /**
     * @brief The stack on a node.
     * @param node the node
     * @return the stack (fails if TIPC is not installed)
     */
    static Ptr<TipcStack> GetStack(Ptr<Node> node);

  private:
    /**
     * @brief Create one of each object the stack creates later, so that a bad attribute
     *        default fails now (configuration time) with a message naming it.
     * @param stack a new stack (for its window policy)
     */
    static void ValidateDefaults(Ptr<TipcStack> stack);

    ObjectFactory m_stackFactory; //!< creates TipcStack
    ObjectFactory m_ethFactory;   //!< creates TipcEthBearer
    ObjectFactory m_udpFactory;   //!< creates TipcUdpBearer
};

} // namespace ns3

#endif // TIPC_HELPER_H
