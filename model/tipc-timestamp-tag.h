// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TIMESTAMP_TAG_H
#define TIPC_TIMESTAMP_TAG_H

#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/tag.h"

namespace ns3
{
class Packet;
}

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Send time of user data, a byte tag TipcSocket puts on every message
 *        when its attribute TimestampMessages is true (TipcStatsHelper turns
 *        it on).
 *
 * As a byte tag it follows the bytes through fragmentation, bundling,
 * reassembly, the crossover path and stream segmentation, so the receiving
 * side can compute one-way message latency.  It does not exist in Linux and
 * adds nothing to the wire format.
 */
class TipcTimestampTag : public Tag
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    /** @return the TypeId of this tag (GetTypeId()) */
    TypeId GetInstanceTypeId() const override;
    /** @return 8: the send time as a 64-bit integer */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write the send time (time-resolution units).
     * @param i the tag buffer
     */
    void Serialize(TagBuffer i) const override;
    /**
     * @brief Read what Serialize wrote.
     * @param i the tag buffer
     */
    void Deserialize(TagBuffer i) override;
    /**
     * @brief Print "sent=<time>" in microseconds.
     * @param os output stream
     */
    void Print(std::ostream& os) const override;

    /** @brief A tag with send time zero. */
    TipcTimestampTag();
    /**
     * @brief A tag carrying a send time.
     * @param sent the send time
     */
    explicit TipcTimestampTag(Time sent);
    /** @return the send time */
    Time GetSent() const;

    /**
     * @brief The earliest send time among the TipcTimestampTag byte tags of
     *        a packet.
     * @param p the packet
     * @param sent set to the earliest send time if one was found
     * @return true if the packet carries at least one timestamp tag
     */
    static bool FindEarliest(Ptr<const Packet> p, Time& sent);

  private:
    int64_t m_sent; //!< send time in time-resolution units
};

} // namespace ns3

#endif // TIPC_TIMESTAMP_TAG_H
