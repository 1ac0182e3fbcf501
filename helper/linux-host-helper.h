// SPDX-License-Identifier: GPL-2.0-only

#ifndef LINUX_HOST_HELPER_H
#define LINUX_HOST_HELPER_H

#include "switched-lan-helper.h"
#include "veth-helper.h"

#include "ns3/bridge-net-device.h"
#include "ns3/csma-helper.h"
#include "ns3/linux-host.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Builds simulated Linux hosts with network namespaces.
 *
 * Every namespace is joined to its host's root namespace by a veth pair whose
 * root end is a port of a bridge in the root namespace; the roots of all
 * hosts share one Ethernet segment (a CSMA NIC that is also a bridge port,
 * with Linux's default transmit queue of 1000 packets; or, with
 * SetNicCable("full-duplex"), a full-duplex NIC cabled to a switch),
 * so every namespace can reach every other one at layer 2, as with
 * `ip link add ... type veth` + a Linux bridge.  Namespaces are named
 * "h<host>-ns<i>" (ns3::Names); their veth ends are "eth0".
 *
 * @code
 * LinuxHostHelper hosts;
 * hosts.Install(2, 3);                       // 2 hosts x 3 namespaces
 * TipcHelper tipc;
 * tipc.Install(hosts.GetNamespaces());
 * tipc.AddEthBearers(hosts.GetNamespaceDevices());
 * @endcode
 */
class LinuxHostHelper
{
  public:
    LinuxHostHelper();

    /**
     * @brief Set an attribute of the hosts to be created (e.g. Crossover).
     * @param name attribute name
     * @param value value
     */
    void SetHostAttribute(std::string name, const AttributeValue& value);
    /**
     * @brief Set an attribute of the veth devices (Mtu, GsoMaxSize, DataRate).
     * @param name attribute name
     * @param value value
     */
    void SetVethDeviceAttribute(std::string name, const AttributeValue& value);
    /**
     * @brief Set an attribute of the segment between the hosts (DataRate,
     *        Delay; with CSMA any CsmaChannel attribute).
     * @param name attribute name
     * @param value value
     */
    void SetNicChannelAttribute(std::string name, const AttributeValue& value);
    /**
     * @brief Set an attribute of the hosts' NICs (and the switch's ports with
     *        full-duplex cables), e.g. Mtu: a CsmaNetDevice or VethNetDevice
     *        attribute, after the cable chosen when Install runs.
     * @param name attribute name
     * @param value value
     */
    void SetNicDeviceAttribute(std::string name, const AttributeValue& value);
    /**
     * @brief Set the NICs' (and the switch ports') transmit queue limit
     *        (default "1000p", Linux's txqueuelen for pfifo_fast; Debian's
     *        default qdisc fq_codel holds up to "10240p").
     * @param maxSize a QueueSize
     */
    void SetNicQueueSize(const std::string& maxSize);
    /**
     * @brief Choose how the hosts' NICs meet: "csma" (default: one shared,
     *        half-duplex CSMA segment; the NICs cost no CPU) or "full-duplex"
     *        (each NIC a VethNetDevice with a DataRate, cabled to one
     *        EthernetSwitch, SwitchedLanHelper, whose cables default to
     *        1 Gb/s and 1 us; the host's HostCpuModel charges the NIC's driver
     *        work, NicTxCost and NicRxCost, with receive-side scaling).  Call it
     *        before Install.
     * @param type "csma" or "full-duplex"
     */
    void SetNicCable(const std::string& type);

    /**
     * @brief Build @p hosts hosts with @p namespaces namespaces each.
     * @param hosts number of hosts (>= 1)
     * @param namespaces namespaces per host
     * @return the hosts
     */
    std::vector<Ptr<LinuxHost>> Install(uint32_t hosts, uint32_t namespaces);
    /**
     * @brief Add a namespace to a host (also at run time): a veth pair to the
     *        host's bridge.  TIPC must be installed on it by the caller.
     * @param host the host
     * @param name namespace name
     * @return the namespace's node (its veth end is device 0, "eth0")
     */
    Ptr<Node> AddNamespace(Ptr<LinuxHost> host, const std::string& name);

    /** @return all namespaces created by this helper (roots excluded), in order */
    NodeContainer GetNamespaces() const;
    /** @return their veth ends, in the same order */
    NetDeviceContainer GetNamespaceDevices() const;
    /** @return the NICs of the hosts' roots (one per host) */
    NetDeviceContainer GetNics() const;
    /**
     * @brief Write pcap files of the namespaces' veth ends.
     * @param prefix file name prefix
     */
    void EnablePcap(const std::string& prefix);

    /**
     * @brief Fix the random streams of the hosts created from now on.
     * @param stream first stream index
     */
    void AssignStreams(int64_t stream);

  private:
    ObjectFactory m_hostFactory; //!< hosts
    VethHelper m_veth;           //!< veth pairs
    CsmaHelper m_csma;           //!< the segment between hosts
    SwitchedLanHelper m_lan;     //!< or a switch, full duplex
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_nicDeviceAttributes; //!< SetNicDeviceAttribute, applied in Install
    std::map<Ptr<LinuxHost>, Ptr<BridgeNetDevice>> m_bridges; //!< bridge per host
    NodeContainer m_namespaces;                               //!< created namespaces
    NetDeviceContainer m_nsDevices;                           //!< their veth ends
    NetDeviceContainer m_nics;                                //!< host NICs
    int64_t m_stream;                                         //!< next random stream
};

} // namespace ns3

#endif // LINUX_HOST_HELPER_H
