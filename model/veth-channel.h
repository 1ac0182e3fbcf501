// SPDX-License-Identifier: GPL-2.0-only

#ifndef VETH_CHANNEL_H
#define VETH_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <array>

namespace ns3
{

class VethNetDevice;

/**
 * @ingroup tipc
 * @brief The channel of a veth pair: delivers each frame to the other end
 *        after the sender's serialization time plus the propagation Delay
 *        (default 0: a real veth).  Full duplex.
 */
class VethChannel : public Channel
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    VethChannel();

    /**
     * @brief Attach one end (at most two).
     * @param device the device
     */
    void Add(Ptr<VethNetDevice> device);
    /**
     * @brief Carry a frame to the other end.
     * @param frame Ethernet frame
     * @param src sending device
     * @param txTime serialization time of the frame
     */
    void Transmit(Ptr<Packet> frame, Ptr<VethNetDevice> src, Time txTime);

    /** @return the number of ends attached (0..2) */
    std::size_t GetNDevices() const override;
    /**
     * @brief An end of the pair.
     * @param i index in attach order (0 or 1)
     * @return the device, or null if fewer than i + 1 ends are attached
     */
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    /** @brief Drop the references to both ends. */
    void DoDispose() override;

  private:
    std::array<Ptr<VethNetDevice>, 2> m_ends; //!< the two ends
    std::size_t m_n;                          //!< ends attached
    Time m_delay;                             //!< propagation delay
};

} // namespace ns3

#endif // VETH_CHANNEL_H
