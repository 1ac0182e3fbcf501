// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MONITOR_RECORD_H
#define TIPC_MONITOR_RECORD_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Neighbour-monitor domain record carried in STATE messages after the
 *        gap ACK record (Linux struct tipc_mon_domain; reference section 11).
 *
 * Wire form (network order): len u16, gen u16, ack_gen u16, member_cnt u16,
 * up_map u64, members[member_cnt] u32.  len = 16 + 4 x member_cnt.
 */
struct TipcMonitorRecord
{
    uint16_t gen{0};               //!< generation of the sender's domain
    uint16_t ackGen{0};            //!< last generation of the receiver's domain seen
    uint64_t upMap{0};             //!< bit i: member i is up
    std::vector<uint32_t> members; //!< member node addresses

    /** Bytes of the fixed part. */
    static constexpr uint32_t HEADER_SIZE = 16;

    /** @return record length: 16 + 4 x members */
    uint32_t GetSerializedSize() const;
    /**
     * @brief Write the record.
     * @param out destination of GetSerializedSize() bytes
     */
    void Serialize(uint8_t* out) const;
    /**
     * @brief Parse a record that occupies exactly @p avail bytes (as Linux
     *        tipc_mon_rcv checks it).
     * @param in record bytes
     * @param avail bytes of the record
     * @param[out] out the record
     * @return false if shorter than 16 bytes, more than 64 members, or the
     *         length field, member count and @p avail disagree
     */
    static bool Deserialize(const uint8_t* in, uint32_t avail, TipcMonitorRecord& out);
};

/**
 * @brief Equality of all fields.
 * @param a left
 * @param b right
 * @return true if equal
 */
bool operator==(const TipcMonitorRecord& a, const TipcMonitorRecord& b);

} // namespace ns3

#endif // TIPC_MONITOR_RECORD_H
