// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_GAP_ACK_BLOCKS_H
#define TIPC_GAP_ACK_BLOCKS_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief One gap ACK block: everything up to @c ack in this run was received,
 *        the next @c gap packets are missing (Linux struct tipc_gap_ack).
 */
struct TipcGapAck
{
    uint16_t ack{0}; //!< last received seqno of the run
    uint16_t gap{0}; //!< number of missing packets after it
};

/**
 * @brief Equality.
 * @param a left
 * @param b right
 * @return true if ack and gap are equal
 */
bool operator==(const TipcGapAck& a, const TipcGapAck& b);

/**
 * @ingroup tipc
 * @brief Gap ACK record carried first in a LINK_PROTOCOL STATE message (Linux
 *        struct tipc_gap_ack_blks; reference section 1.5).
 *
 * Wire form: len (BE16, whole record), ugack_cnt (u8), bgack_cnt (u8), then
 * the broadcast blocks followed by the unicast blocks, each {ack, gap} BE16.
 */
struct TipcGapAckBlocks
{
    std::vector<TipcGapAck> bcast; //!< broadcast blocks (first on the wire)
    std::vector<TipcGapAck> ucast; //!< unicast blocks

    /** @return record length in bytes: 4 + 4 x (blocks) */
    uint32_t GetSerializedSize() const;
    /**
     * @brief Write the record.
     * @param out destination of GetSerializedSize() bytes
     */
    void Serialize(uint8_t* out) const;
    /**
     * @brief Parse a record at the start of STATE data.
     * @param in data bytes
     * @param avail number of bytes available
     * @param[out] out the record
     * @return false if the length field is inconsistent with the counts or the data
     */
    static bool Deserialize(const uint8_t* in, uint32_t avail, TipcGapAckBlocks& out);
};

/**
 * @brief Equality of both block lists.
 * @param a left
 * @param b right
 * @return true if equal
 */
bool operator==(const TipcGapAckBlocks& a, const TipcGapAckBlocks& b);

} // namespace ns3

#endif // TIPC_GAP_ACK_BLOCKS_H
