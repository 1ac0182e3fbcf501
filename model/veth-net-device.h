// SPDX-License-Identifier: GPL-2.0-only

#ifndef VETH_NET_DEVICE_H
#define VETH_NET_DEVICE_H

#include "ethernet-frame-header.h"

#include "ns3/data-rate.h"
#include "ns3/error-model.h"
#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>

namespace ns3
{

class VethChannel;
class HostCpuModel;

/**
 * @ingroup tipc
 * @brief A virtual Ethernet device, one end of a veth pair (Linux
 *        drivers/net/veth.c), usable for any ethertype (IPv4, 0x88CA, ...).
 *
 * Full duplex, point to point, 48-bit MAC addresses, broadcast and multicast,
 * promiscuous mode and SendFrom (so it can be a bridge port).  Frames are
 * Ethernet II without padding or FCS, as tcpdump shows them on a veth.
 *
 * By default it has no wire time (DataRate 0) and no delay, like a real veth;
 * a DataRate and a channel Delay turn the pair into a full-duplex Ethernet
 * link of that speed and length (frames are then serialized: a frame sent
 * while the wire is idle and the queue empty goes out at once, bypassing the
 * queue as Linux's qdisc bypass does; others wait in the transmit queue and
 * leave back to back, one simulator event per queued frame).  The carrier can be switched off and
 * on (SetLinkUp), which notifies link-change listeners as Linux NETDEV_CHANGE does; a
 * new MTU or MAC fires the "DeviceChange" trace (NETDEV_CHANGEMTU, NETDEV_CHANGEADDR).  A
 * ReceiveErrorModel drops frames as a corrupted-FCS drop would.  GsoMaxSize is
 * the largest super-packet the device passes (used by the host model for TCP).
 *
 * On a LinuxHost whose HostCpuModel is enabled, a veth frame costs the
 * transmitting core VethCost (and more, see HostCpuModel::GetFrameCost); a
 * device with a DataRate and HostNic in a host's root namespace is that host's
 * NIC (LinuxHostHelper::SetNicCable("full-duplex") sets it): its driver costs NicTxCost
 * before the transmit queue and the wire, and NicRxCost after the wire, the
 * receive work deferred to the core that receive-side scaling picks
 * (HostCpuModel::GetNicRxCore).  Any other device with a DataRate (a
 * rate-limited veth pair) is not charged.  Frames leave a device in the order they were sent to it,
 * also when their work ran on different cores (so one flow's frame can wait for another flow's on a
 * busier core, where Linux's per-CPU backlogs would not order them), and a frame the full queue
 * drops has paid NicTxCost.
 */
class VethNetDevice : public NetDevice
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    VethNetDevice();
    ~VethNetDevice() override;

    /**
     * @brief Attach to a channel (done by VethHelper).
     * @param channel the channel
     */
    void Attach(Ptr<VethChannel> channel);

    /**
     * @brief Administrative state of this end (`ip link set dev X up|down`).
     *        As with Linux veth, the carrier of both ends is on only while both
     *        ends are up; every carrier change notifies the link-change
     *        listeners (NETDEV_CHANGE).  Without carrier, frames are dropped.
     * @param up new administrative state
     */
    void SetLinkUp(bool up);
    /** @return the administrative state of this end */
    bool IsAdminUp() const;
    /** @brief Recompute the carrier from both ends' administrative states. */
    void UpdateCarrier();

    /**
     * @brief A frame arrives from the channel, which hands over its reference:
     *        when no trace sink keeps the frame either, the device strips
     *        the Ethernet header in place instead of copying the packet.
     * @param frame Ethernet frame (the caller does not use it afterwards)
     */
    void ReceiveOwned(Ptr<Packet>& frame);

    /** @return the largest GSO super-packet this device passes */
    uint32_t GetGsoMaxSize() const;
    /** @return frames accepted for transmission (ip -s link: TX packets) */
    uint64_t GetTxFrames() const;
    /** @return frames received and passed up (RX packets) */
    uint64_t GetRxFrames() const;
    /** @return the transmit queue */
    Ptr<Queue<Packet>> GetQueue() const;

    // NetDevice
    /**
     * @brief Set the interface index (done by Node::AddDevice).
     * @param index the index
     */
    void SetIfIndex(const uint32_t index) override;
    /** @return the interface index */
    uint32_t GetIfIndex() const override;
    /** @return the VethChannel this end is attached to (null before Attach) */
    Ptr<Channel> GetChannel() const override;
    /**
     * @brief Set the MAC address.
     * @param address a Mac48Address; a new one fires "DeviceChange"
     */
    void SetAddress(Address address) override;
    /** @return the MAC address (a Mac48Address) */
    Address GetAddress() const override;
    /**
     * @brief Set the largest payload of a frame (attribute "Mtu").
     * @param mtu the MTU in bytes; a new one fires "DeviceChange"
     * @return true (always accepted)
     */
    bool SetMtu(const uint16_t mtu) override;
    /** @return the MTU in bytes */
    uint16_t GetMtu() const override;
    /** @return true while the carrier is on (both ends administratively up) */
    bool IsLinkUp() const override;
    /**
     * @brief Add a listener called at every carrier change.
     * @param callback the listener
     */
    void AddLinkChangeCallback(Callback<void> callback) override;
    /** @return true (the device supports broadcast) */
    bool IsBroadcast() const override;
    /** @return the Ethernet broadcast address ff:ff:ff:ff:ff:ff */
    Address GetBroadcast() const override;
    /** @return true (the device supports multicast) */
    bool IsMulticast() const override;
    /**
     * @brief Map an IPv4 multicast group to its Ethernet multicast address.
     * @param multicastGroup the IPv4 group
     * @return the MAC address (Mac48Address::GetMulticast)
     */
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    /**
     * @brief Map an IPv6 multicast address to its Ethernet multicast address.
     * @param addr the IPv6 address
     * @return the MAC address (Mac48Address::GetMulticast)
     */
    Address GetMulticast(Ipv6Address addr) const override;
    /** @return false (the device is not a bridge; it can be a bridge port) */
    bool IsBridge() const override;
    /** @return false (an Ethernet device with MAC addresses, not a point-to-point link) */
    bool IsPointToPoint() const override;
    /**
     * @brief Send a frame from this device's own address; see SendFrom.
     * @param packet the payload
     * @param dest destination MAC address
     * @param protocolNumber the ethertype
     * @return true if the frame was accepted for transmission
     */
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    /**
     * @brief Add an Ethernet II header and transmit the frame.
     *
     * Without DataRate the frame goes to the peer at once (through the host's
     * CPU model if the node has one); with a DataRate it goes on the wire now
     * if the device is idle, else it enters the transmit queue.  The device
     * owns @p packet from here on (the header is added to it in place).  The frame is dropped
     * ("MacTxDrop") if the carrier is off, there is no channel, the payload exceeds the MTU or the
     * queue is full.
     * @param packet the payload
     * @param source source MAC address
     * @param dest destination MAC address
     * @param protocolNumber the ethertype
     * @return true if the frame was accepted for transmission
     */
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    /** @return the node this device is on */
    Ptr<Node> GetNode() const override;
    /**
     * @brief Set the node this device is on.
     * @param node the node
     */
    void SetNode(Ptr<Node> node) override;
    /** @return true (neighbours are resolved with ARP / NDP, as on Ethernet) */
    bool NeedsArp() const override;
    /**
     * @brief Set the protocol handler for frames to this host, broadcast and multicast.
     * @param cb the callback
     */
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    /**
     * @brief Set the handler that receives every frame, including those for
     *        other hosts (bridge, packet sockets).
     * @param cb the callback
     */
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    /** @return true (SendFrom with any source address is supported) */
    bool SupportsSendFrom() const override;

  protected:
    /** @brief Drop the references to the node, channel, queue, error model and callbacks. */
    void DoDispose() override;

  private:
    /**
     * @brief A frame is dropped: fire the drop trace and release its socket's
     *        segment (SkbOwnerTag).
     * @param trace the drop trace (MacTxDrop or PhyRxDrop)
     * @param frame the frame
     */
    void Dropped(const TracedCallback<Ptr<const Packet>>& trace, Ptr<Packet> frame);

    /**
     * @brief The wire is free: send the head of the queue, and come back
     *        when it has left if more frames wait (DataRate > 0).
     */
    void StartTransmission();
    /** @brief Run StartTransmission when the wire is free again. */
    void ScheduleTransmission();
    /**
     * @brief Put a frame on the wire now (DataRate > 0).
     * @param frame the frame
     */
    void Transmit(Ptr<Packet> frame);
    /**
     * @brief SendFrom's work once the source address is known.
     * @param packet the packet (owned by the device from here on)
     * @param source the 6 source MAC address bytes
     * @param dest destination address
     * @param protocolNumber EtherType
     * @return false if the frame was dropped
     */
    bool SendFrame(Ptr<Packet> packet,
                   const uint8_t* source,
                   const Address& dest,
                   uint16_t protocolNumber);
    /**
     * @brief The Address attribute's setter.
     * @param address the MAC address
     */
    void SetMac(Mac48Address address);
    /** @return the MAC address (the Address attribute's getter) */
    Mac48Address GetMac() const;
    /**
     * @brief Wire time of a frame at the device's DataRate (the last result is
     *        cached: consecutive frames mostly have the same size).
     * @param bytes frame size
     * @return transmission time
     */
    Time TxTime(uint32_t bytes);
    /**
     * @brief Hand a frame to the peer through the host's CPU model (a NIC, with
     *        a DataRate: to the wire once the driver has sent it).
     * @param cpu the enabled model
     * @param frame the frame
     */
    void ChargedTransmit(Ptr<HostCpuModel> cpu, Ptr<Packet> frame);
    /**
     * @brief Whether this device is a host's NIC whose driver work is charged.
     * @param cpu the enabled CPU model of the device's host, or null
     * @return true with a model, HostNic, a DataRate and the host's root namespace
     */
    bool IsChargedNic(Ptr<HostCpuModel> cpu) const;
    /**
     * @brief Send a frame now if the wire is idle, else queue it (DataRate > 0).
     * @param frame the frame
     * @return false if the queue dropped it
     */
    bool WireSend(Ptr<Packet> frame);
    /**
     * @brief Hand a received frame to the stack or the bridge (after a NIC's
     *        receive work when the host's CPU model charges it).
     * @param frame the frame (the device takes it)
     */
    void Deliver(Ptr<Packet>& frame);

    Ptr<Node> m_node;                                             //!< node
    Ptr<VethChannel> m_channel;                                   //!< channel
    uint32_t m_ifIndex;                                           //!< interface index
    std::array<uint8_t, EthernetFrameHeader::MAC_SIZE> m_address; //!< MAC, as on the wire
    Address m_addressValue; //!< m_address as an Address: Node asks for it on every frame
    std::array<uint8_t, EthernetFrameHeader::MAC_SIZE> m_lastSrcBytes; //!< last frame's source
    Address m_lastSrc;                       //!< it as an ns-3 Address (invalid: none yet)
    uint16_t m_mtu;                          //!< MTU
    uint32_t m_gsoMaxSize;                   //!< GSO super-packet limit
    DataRate m_rate;                         //!< 0: no wire time
    bool m_hostNic{false};                   //!< a host's NIC (driver work charged)
    bool m_adminUp;                          //!< administrative state
    bool m_linkUp;                           //!< carrier
    Time m_busyUntil;                        //!< the wire is busy until then
    EventId m_txEvent;                       //!< next StartTransmission
    bool m_txPending;                        //!< m_txEvent is scheduled
    uint64_t m_txTimeRate;                   //!< cache: bit rate
    uint32_t m_txTimeBytes;                  //!< cache: frame size
    Time m_txTime;                           //!< cache: its wire time
    Ptr<Queue<Packet>> m_queue;              //!< transmit queue
    Ptr<ErrorModel> m_receiveErrorModel;     //!< receive errors
    NetDevice::ReceiveCallback m_rxCallback; //!< protocol stack
    NetDevice::PromiscReceiveCallback m_promiscCallback;     //!< bridge / packet sockets
    TracedCallback<> m_linkChangeCallbacks;                  //!< carrier listeners
    TracedCallback<> m_deviceChangeTrace;                    //!< "DeviceChange": MTU or MAC
    TracedCallback<Ptr<const Packet>> m_macTxTrace;          //!< "MacTx"
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;      //!< "MacTxDrop"
    TracedCallback<Ptr<const Packet>> m_macRxTrace;          //!< "MacRx"
    TracedCallback<Ptr<const Packet>> m_phyRxDropTrace;      //!< "PhyRxDrop"
    TracedCallback<Ptr<const Packet>> m_snifferTrace;        //!< "Sniffer"
    TracedCallback<Ptr<const Packet>> m_promiscSnifferTrace; //!< "PromiscSniffer"
    uint64_t m_txFrames{0};                                  //!< frames transmitted
    uint64_t m_rxFrames{0};                                  //!< frames received
    uint64_t m_chargedTx{0};                                 //!< frames given to the CPU model
    uint64_t m_chargedDelivered{0};                          //!< of those, delivered
    /// served, waiting for order: the frame and the core that served it
    std::map<uint64_t, std::pair<Ptr<Packet>, uint32_t>> m_charged;
};

} // namespace ns3

#endif // VETH_NET_DEVICE_H
