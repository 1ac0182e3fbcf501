// SPDX-License-Identifier: GPL-2.0-only

#ifndef SWITCHED_LAN_HELPER_H
#define SWITCHED_LAN_HELPER_H

#include "ns3/attribute.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-switch.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/veth-helper.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Builds an Ethernet LAN of N hosts on one learning switch: every host
 *        gets a cable to its own switch port, and an EthernetSwitch (a
 *        learning switch whose cost per frame does not grow with the number
 *        of ports) joins the ports.  A cable is a CSMA link (default) or a full-duplex Ethernet
 *        cable (a VethNetDevice pair with a DataRate, SetCable("full-duplex")),
 *        which is how switched Ethernet runs and costs one simulator event
 *        per frame less.
 *
 * Unlike one shared CSMA segment, where every frame reaches every device
 * (cost N^2 per frame), the switch floods only broadcasts and frames to
 * unknown addresses and forwards unicast frames to one port, so clusters of
 * a thousand TIPC nodes can be simulated.  Cables default to 1 Gb/s, 1 us,
 * and a 1000-packet queue (Linux's txqueuelen).
 *
 * @code
 *   SwitchedLanHelper lan;
 *   NetDeviceContainer devs = lan.Install(nodes); // devs.Get(i) belongs to nodes.Get(i)
 *   TipcHelper tipc;
 *   tipc.Install(nodes);
 *   tipc.AddEthBearers(devs);
 *   lan.AssignStreams(stream);
 * @endcode
 */
class SwitchedLanHelper
{
  public:
    SwitchedLanHelper();

    /**
     * @brief Choose the cable: "csma" (CsmaNetDevice pairs, half duplex) or
     *        "full-duplex" (VethNetDevice pairs with a DataRate).
     * @param type the cable type
     */
    void SetCable(const std::string& type);
    /** @return true if the cables are full duplex (SetCable("full-duplex")) */
    bool IsFullDuplex() const;

    /**
     * @brief Set an attribute of every cable (DataRate, Delay; for CSMA
     *        cables any CsmaChannel attribute).
     * @param name attribute name
     * @param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);
    /**
     * @brief Set an attribute of every device, host and switch side
     *        (CsmaNetDevice or VethNetDevice, after the cable choice).
     * @param name attribute name
     * @param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Set the transmit queue limit of every device, host and switch side
     *        (default "1000p", Linux's txqueuelen).
     * @param maxSize a QueueSize ("1000p", "10240p", "1MB")
     */
    void SetQueueSize(const std::string& maxSize);

    /**
     * @brief Create the switch and connect every node to it.
     * @param nodes the hosts
     * @return the hosts' devices, in the order of @p nodes
     */
    NetDeviceContainer Install(const NodeContainer& nodes);

    /** @return the switch node of the last Install */
    Ptr<Node> GetSwitch() const;
    /** @return the switch of the last Install (also aggregated to its node) */
    Ptr<EthernetSwitch> GetEthernetSwitch() const;
    /** @return the switch's ports of the last Install */
    NetDeviceContainer GetSwitchPorts() const;

    /**
     * @brief Fix the random streams of every device (hosts and switch ports).
     * @param stream first stream number
     * @return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    CsmaHelper m_csma;            //!< cable factory (CSMA)
    VethHelper m_veth;            //!< cable factory (full duplex)
    bool m_fullDuplex;            //!< full-duplex cables
    Ptr<Node> m_switch;           //!< the switch's node
    Ptr<EthernetSwitch> m_bridge; //!< the switch
    NetDeviceContainer m_hosts;   //!< host devices
    NetDeviceContainer m_ports;   //!< switch ports
};

} // namespace ns3

#endif // SWITCHED_LAN_HELPER_H
