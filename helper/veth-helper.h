// SPDX-License-Identifier: GPL-2.0-only

#ifndef VETH_HELPER_H
#define VETH_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/trace-helper.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Creates veth pairs (VethNetDevice + VethChannel) and their pcap and
 *        ASCII traces.
 *
 * @code
 * VethHelper veth;
 * veth.SetDeviceAttributes("Mtu", UintegerValue(9000));
 * NetDeviceContainer pair = veth.Install(nsA, nsB);   // pair.Get(0) on nsA
 * veth.EnablePcap("veth", pair.Get(0));               // Ethernet (DLT_EN10MB)
 * @endcode
 */
class VethHelper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
{
  public:
    VethHelper();

    /**
     * @brief Attributes of the devices to create.
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetDeviceAttributes(Args&&... args)
    {
        m_deviceFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Attributes of the channels to create.
     * @tparam Args name/value pairs
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetChannelAttributes(Args&&... args)
    {
        m_channelFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Transmit queue of the devices (used when a DataRate is set).
     * @tparam Args name/value pairs
     * @param type queue TypeId name, e.g. "ns3::DropTailQueue<Packet>"
     * @param args attribute name, AttributeValue, ...
     */
    template <typename... Args>
    void SetQueue(std::string type, Args&&... args)
    {
        m_queueFactory.SetTypeId(type);
        m_queueFactory.Set(std::forward<Args>(args)...);
    }

    /**
     * @brief Create a veth pair between two nodes.
     * @param a node of the first end
     * @param b node of the second end
     * @return the two devices (first on @p a)
     */
    NetDeviceContainer Install(Ptr<Node> a, Ptr<Node> b) const;

  private:
    /**
     * @brief Write an Ethernet (DLT_EN10MB) pcap file of a VethNetDevice's "Sniffer"
     *        trace, or "PromiscSniffer" when promiscuous; other devices are ignored.
     * @param prefix file name prefix (the whole name if explicitFilename)
     * @param nd the device
     * @param promiscuous capture all frames the device sees
     * @param explicitFilename use prefix as the file name
     */
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;
    /**
     * @brief Write ASCII traces of a VethNetDevice's MacTx (enqueue), MacRx (receive),
     *        MacTxDrop and PhyRxDrop (drop) traces; other devices are ignored.
     * @param stream the output stream (null: create a file from prefix)
     * @param prefix file name prefix (the whole name if explicitFilename)
     * @param nd the device
     * @param explicitFilename use prefix as the file name
     */
    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;

    ObjectFactory m_deviceFactory;  //!< devices
    ObjectFactory m_channelFactory; //!< channels
    ObjectFactory m_queueFactory;   //!< transmit queues
};

} // namespace ns3

#endif // VETH_HELPER_H
