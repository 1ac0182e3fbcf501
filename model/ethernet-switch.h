// SPDX-License-Identifier: GPL-2.0-only

#ifndef ETHERNET_SWITCH_H
#define ETHERNET_SWITCH_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief A learning Ethernet switch (IEEE 802.1D transparent bridging)
 *        joining the NetDevices of one node, built for switches with
 *        hundreds or thousands of ports.
 *
 * It forwards as ns-3's BridgeNetDevice does: it learns each source address
 * on its arrival port, floods broadcast, multicast and unknown destinations
 * to every other port, and sends a frame to a learned destination through
 * that port only.  Unlike BridgeNetDevice it also filters a frame whose
 * destination was learned on its arrival port, as 802.1D requires, and it
 * costs O(1) per frame whatever the number of ports: the ports hand frames
 * straight to the switch (their promiscuous receive callback) instead of
 * through the node's protocol-handler list, and the address table is
 * hashed.  The switch is not a NetDevice and has no address of its own:
 * the node it is aggregated to is a pure layer-2 switch.
 *
 * Each port must support SendFrom (CsmaNetDevice, VethNetDevice, ...).
 * Output queueing is the ports' own: each port transmits at its own rate
 * from its own transmit queue.
 */
class EthernetSwitch : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    EthernetSwitch();
    ~EthernetSwitch() override;

    /**
     * @brief TracedCallback signature of "Forward".
     * @param frame the frame's payload
     * @param in the arrival port
     * @param out the departure port
     */
    typedef void (*ForwardTracedCallback)(Ptr<const Packet> frame,
                                          Ptr<NetDevice> in,
                                          Ptr<NetDevice> out);
    /**
     * @brief TracedCallback signature of "Flood".
     * @param frame the frame's payload
     * @param in the arrival port
     */
    typedef void (*FloodTracedCallback)(Ptr<const Packet> frame, Ptr<NetDevice> in);

    /**
     * @brief Add a port.  The switch takes over the device's receive
     *        callbacks.
     * @param port the device (of the switch's node; must support SendFrom)
     */
    void AddPort(Ptr<NetDevice> port);

    /**
     * @brief Number of ports.
     * @return The count.
     */
    uint32_t GetNPorts() const;

    /**
     * @brief One port.
     * @param i index (0 .. GetNPorts() - 1)
     * @return The device.
     */
    Ptr<NetDevice> GetPort(uint32_t i) const;

    /**
     * @brief The port an address was learned on and has not expired.
     * @param address a unicast MAC address
     * @return The port, or nullptr when unknown (frames to it are flooded).
     */
    Ptr<NetDevice> GetLearnedPort(Mac48Address address) const;

    /**
     * @brief Frames forwarded to one port, flooded, and filtered.
     * @return The counts.
     */
    uint64_t GetForwarded() const;
    /** @copydoc GetForwarded */
    uint64_t GetFlooded() const;
    /** @copydoc GetForwarded */
    uint64_t GetFiltered() const;

  protected:
    /** @brief Drop the ports and the address table. */
    void DoDispose() override;

  private:
    /** @brief A learned address. */
    struct Learned
    {
        uint32_t port; //!< port index
        Time expiry;   //!< forgotten after this time
    };

    /**
     * @brief A frame arrived on a port (promiscuous receive callback).
     * @param port the arrival port
     * @param packet the frame's payload
     * @param protocol EtherType
     * @param src source address
     * @param dst destination address
     * @param type how the port classified the frame
     * @return true
     */
    bool Receive(Ptr<NetDevice> port,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 const Address& src,
                 const Address& dst,
                 NetDevice::PacketType type);

    /**
     * @brief The non-promiscuous receive callback of a port: the switch has
     *        no protocol stack, so frames addressed to the port are ignored
     *        here (Receive has already forwarded them).
     * @return true
     */
    bool Ignore(Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&);

    /**
     * @brief A MAC address as a hash key.
     * @param a the address
     * @return Its 48 bits.
     */
    static uint64_t Key(Mac48Address a);

    /**
     * @brief Look up an address that was learned and has not expired.
     * @param address a unicast MAC address
     * @return Its entry, or nullptr.
     */
    const Learned* FindLearned(Mac48Address address) const;

    std::vector<Ptr<NetDevice>> m_ports;                 //!< ports
    std::unordered_map<const NetDevice*, uint32_t> m_in; //!< port index by device
    std::unordered_map<uint64_t, Learned> m_learned;     //!< address table
    bool m_learning;                                     //!< learn source addresses
    Time m_ageing;                                       //!< address ageing time
    uint64_t m_forwarded{0};                             //!< frames sent to one port
    uint64_t m_flooded{0};                               //!< frames flooded
    uint64_t m_filtered{0};                              //!< frames dropped (same port)
    /// "Forward": a frame left through one port (frame, arrival, departure).
    TracedCallback<Ptr<const Packet>, Ptr<NetDevice>, Ptr<NetDevice>> m_forwardTrace;
    /// "Flood": a frame went to every other port (frame, arrival port).
    TracedCallback<Ptr<const Packet>, Ptr<NetDevice>> m_floodTrace;
};

} // namespace ns3

#endif // ETHERNET_SWITCH_H
