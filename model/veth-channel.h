// SPDX-License-Identifier: GPL-2.0-only

#ifndef VETH_CHANNEL_H
#define VETH_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <array>
#include <deque>

namespace ns3
{

class VethNetDevice;

/**
 * @ingroup tipc
 * @brief The channel of a veth pair: delivers each frame to the other end
 *        after the sender's serialization time plus the propagation Delay
 *        (default 0: a real veth).  Full duplex.
 *
 * A cable cannot reorder frames, so the frames in flight towards each end
 * wait in a FIFO and the arrival event carries no packet: the receiving
 * device then holds the only reference to a frame nobody traced, and strips
 * the Ethernet header in place instead of copying the packet.
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
    /**
     * @brief The oldest frame in flight towards end @p i arrives.
     * @param i index of the receiving end
     */
    void Arrive(std::size_t i);

    std::array<Ptr<VethNetDevice>, 2> m_ends;          //!< the two ends
    std::array<std::deque<Ptr<Packet>>, 2> m_inFlight; //!< frames on the way to each end
    std::size_t m_n;                                   //!< ends attached
    Time m_delay;                                      //!< propagation delay
};

} // namespace ns3

#endif // VETH_CHANNEL_H
