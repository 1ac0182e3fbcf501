// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ETH_BEARER_H
#define TIPC_ETH_BEARER_H

#include "tipc-bearer.h"

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Ethernet bearer: TIPC directly on a broadcast-capable ns3::NetDevice
 *        with Ethertype 0x88CA (Linux eth_media.c).
 *
 * Works on any device with 48-bit MAC addresses and broadcast (CSMA, bridge
 * ports, the veth device).  Media address = the device MAC, broadcast =
 * ff:ff:ff:ff:ff:ff, MTU = device MTU, both taken when the bearer is enabled.
 * Frames addressed to other hosts are ignored (Linux accepts
 * PACKET_HOST/BROADCAST/MULTICAST only).  Device changes (carrier, MTU, MAC)
 * are handled as Linux does, see DeviceChanged().
 */
class TipcEthBearer : public TipcBearer
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcEthBearer();

    /**
     * @brief Choose the device (before enabling).
     * @param device a device with Mac48 addresses that supports broadcast
     */
    void SetDevice(Ptr<NetDevice> device);
    /** @return the device */
    Ptr<NetDevice> GetDevice() const;

    std::string GetMediaName() const override;
    uint8_t GetMediaType() const override;
    uint32_t GetMtu() const override;
    TipcMediaAddress GetMediaAddress() const override;
    TipcMediaAddress GetBroadcastAddress() const override;
    bool MsgToAddr(const TipcMediaAddress& info, TipcMediaAddress& addr) const override;
    Ptr<Node> GetNode() const override;
    bool MayPad() const override;

    /**
     * @brief The device changed (Linux tipc_l2_device_event): a carrier change
     *        resets the bearer when the carrier goes; a new MTU (NETDEV_CHANGEMTU)
     *        resets it with that MTU, or disables it below 100 bytes; a new MAC
     *        (NETDEV_CHANGEADDR) resets it with that address.  The veth device
     *        reports all three; call this after changing the MTU or address of a
     *        device that does not (ns-3 has no such notification).
     */
    void DeviceChanged();

  protected:
    /** @brief Drop the device, then TipcBearer::DoDispose. */
    void DoDispose() override;
    void DoEnable() override;
    void DoDisable() override;
    bool DoSend(Ptr<Packet> wire, const TipcMediaAddress& dest) override;

  private:
    /**
     * @brief Protocol handler for Ethertype 0x88CA.
     * @param device receiving device
     * @param packet frame payload
     * @param protocol Ethertype
     * @param from source MAC
     * @param to destination MAC
     * @param type packet type
     */
    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType type);
    /** @return the device's MAC as a media address (now, not as cached at enable) */
    TipcMediaAddress DeviceAddress() const;

    Ptr<NetDevice> m_device;         //!< the device
    uint32_t m_mtu;                  //!< bearer MTU: the device's at enable (Linux b->mtu)
    TipcMediaAddress m_addr;         //!< own media address: the device's at enable (b->addr)
    bool m_registered;               //!< device-change callbacks installed (once)
    Node::ProtocolHandler m_handler; //!< the protocol handler while enabled
    TipcMediaAddress m_lastDest;     //!< last destination (a link sends to one peer in a row)
    Address m_lastDestMac;           //!< its MAC as an ns-3 Address
};

} // namespace ns3

#endif // TIPC_ETH_BEARER_H
