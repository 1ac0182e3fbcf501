// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MESSAGE_CODEC_H
#define TIPC_MESSAGE_CODEC_H

#include "tipc-gap-ack-blocks.h"
#include "tipc-header.h"
#include "tipc-media-address.h"
#include "tipc-monitor-record.h"
#include "tipc-name-item.h"
#include "tipc-node-id.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief A whole TIPC message decoded into its parts: header plus the
 *        user-specific payload structures.
 *
 * Which members are meaningful depends on the user and type:
 * | user / type                 | members                                 |
 * |-----------------------------|-----------------------------------------|
 * | LINK_CONFIG                 | mediaAddress (header words 5..12), nodeId |
 * | LINK_PROTOCOL RESET/ACTIVATE| ifName (16 raw bytes)                   |
 * | LINK_PROTOCOL STATE         | hasGapAcks/gapAcks, hasMonitor/monitor, |
 * |                             | data (bytes no record parses from)      |
 * | NAME_DISTRIBUTOR            | items                                   |
 * | MSG_BUNDLER                 | inner (1..n messages)                   |
 * | TUNNEL_PROTOCOL             | inner (0 or 1 message)                  |
 * | all others                  | data (opaque payload bytes)             |
 */
struct TipcDecodedMessage
{
    TipcHeader header;             //!< the header
    std::vector<uint8_t> data;     //!< opaque payload (users without structure; the
                                   //!< LINK_CONFIG payload of a peer without TIPC_NODE_ID128;
                                   //!< STATE bytes that hold no gap ACK or monitor record)
    TipcMediaAddress mediaAddress; //!< LINK_CONFIG media address
    TipcNodeId nodeId;             //!< LINK_CONFIG node identity
    std::array<uint8_t, tipc::TIPC_MAX_IF_NAME> ifName{}; //!< RESET/ACTIVATE interface name
    bool hasGapAcks{false};                               //!< STATE carries a gap ACK record
    TipcGapAckBlocks gapAcks;                             //!< STATE gap ACK record
    bool hasMonitor{false};                               //!< STATE carries a monitor domain record
    TipcMonitorRecord monitor;                            //!< STATE monitor domain record
    std::vector<TipcNameItem> items;                      //!< NAME_DISTRIBUTOR items
    std::vector<TipcDecodedMessage> inner;                //!< bundled or tunnelled messages
    std::vector<uint8_t> padding; //!< inside a bundle: alignment bytes after this message (0..3)
};

/**
 * @ingroup tipc
 * @brief Total decoder and encoder of TIPC messages.
 *
 * Decode() accepts any byte string: it either returns a TipcDecodedMessage or
 * rejects the bytes with a TipcDecodeError.  It checks everything Linux
 * tipc_msg_validate() checks and, per user, the payload structure the receiving
 * Linux code relies on (discovery size, interface names, the gap ACK record's
 * length, name items, bundle and tunnel contents).  STATE records that do not
 * parse are kept as data: Linux ignores them and processes the STATE.  A STATE
 * whose gap ACK length exceeds its data is rejected whatever the sender's
 * capabilities (Linux reads that length only from peers with TIPC_GAP_ACK_BLOCK).  It is stricter
 * than Linux where Linux never sends a form (empty name distributor messages, nested bundles,
 * reserved bits): such frames are counted and dropped by the model.
 */
class TipcMessageCodec
{
  public:
    /// What may follow the message inside the buffer.
    enum class Trailer
    {
        EXACT,            //!< the buffer holds exactly one message
        ETHERNET_PADDING, //!< bytes may follow if the frame payload was padded (<= 46 bytes)
        ANY,              //!< any bytes may follow (e.g. the next message of a bundle)
    };

    /// Deepest nesting of bundles/tunnels accepted (Linux never nests bundles).
    static constexpr uint32_t MAX_DEPTH = 4;

    /**
     * @brief Decode a message.
     * @param data bytes
     * @param len number of bytes
     * @param[out] out the decoded message (valid only on success)
     * @param trailer what may follow the message
     * @return NONE or the reason for rejection
     */
    static TipcDecodeError Decode(const uint8_t* data,
                                  uint32_t len,
                                  TipcDecodedMessage& out,
                                  Trailer trailer = Trailer::EXACT);

    /**
     * @brief Validate without building the structures (no allocation).
     * @param data bytes
     * @param len number of bytes
     * @param[out] header the decoded header (valid only on success)
     * @param trailer what may follow the message
     * @return NONE or the reason for rejection
     */
    static TipcDecodeError Validate(const uint8_t* data,
                                    uint32_t len,
                                    TipcHeader& header,
                                    Trailer trailer = Trailer::EXACT);

    /**
     * @brief Whether Validate reads a message's payload, or only its header.
     *        A receiver may hand Validate just the header bytes (with the
     *        message's full length) when this is false.
     * @param user the message's user (TipcHeader::PeekUser of its first byte)
     * @return true for the users whose payload carries structures
     */
    static bool ValidationReadsPayload(uint32_t user);

    /**
     * @brief Check the payload of a message whose header was decoded already.
     * @param header the decoded header
     * @param payload the data bytes (header.GetDataSize() of them)
     * @param[out] out structures to fill, or nullptr to only validate
     * @param depth nesting depth of this message (0 for the outer message)
     * @return NONE or the reason for rejection
     */
    static TipcDecodeError DecodePayload(const TipcHeader& header,
                                         const uint8_t* payload,
                                         TipcDecodedMessage* out,
                                         uint32_t depth = 0);

    /**
     * @brief Encode a message from its parts (header as given; payload from the
     *        structures that belong to the user, see TipcDecodedMessage).
     * @param msg the message
     * @return the bytes
     */
    static std::vector<uint8_t> Encode(const TipcDecodedMessage& msg);

    /**
     * @brief Set the size fields of a hand-built message from its parts
     *        (recursively), and the message count of bundles.
     * @param msg the message to complete
     */
    static void Finalize(TipcDecodedMessage& msg);

  private:
    /**
     * @brief Decode with a nesting depth.
     * @param data bytes
     * @param len bytes available
     * @param out structures to fill, or nullptr
     * @param header the decoded header
     * @param trailer trailer policy
     * @param depth nesting depth
     * @return NONE or the reason for rejection
     */
    static TipcDecodeError DecodeAt(const uint8_t* data,
                                    uint32_t len,
                                    TipcDecodedMessage* out,
                                    TipcHeader& header,
                                    Trailer trailer,
                                    uint32_t depth);
    /**
     * @brief Append the encoding of a message.
     * @param msg the message
     * @param out destination
     */
    static void EncodeTo(const TipcDecodedMessage& msg, std::vector<uint8_t>& out);
};

} // namespace ns3

#endif // TIPC_MESSAGE_CODEC_H
