// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SUBSCR_H
#define TIPC_SUBSCR_H

#include "tipc-address.h"

#include <array>
#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief struct tipc_subscr (28 bytes): what a user sends to the topology
 *        server, and the events it gets back (struct tipc_event, 48 bytes).
 *
 * There is no network byte order: the kernel reads every field in its own CPU
 * order (the model emulates a little-endian x86-64 host) and treats a
 * subscription whose filter has none of TIPC_SUB_PORTS, TIPC_SUB_SERVICE,
 * TIPC_SUB_CANCEL set as coming from a host of the other byte order, whose
 * fields (and events) are byte-swapped.  The user handle and the copy of the
 * subscription inside an event are raw bytes, never converted.
 */
struct TipcSubscr
{
    static constexpr uint32_t SIZE = 28; //!< bytes on the socket

    TipcServiceRange seq;               //!< {type, lower, upper}
    uint32_t timeout{0xffffffff};       //!< ms, TIPC_WAIT_FOREVER = never
    uint32_t filter{0};                 //!< TIPC_SUB_* bits
    std::array<uint8_t, 8> usrHandle{}; //!< opaque user handle

    /**
     * @brief Bytes as a subscriber of the given byte order sends them.
     * @param bigEndian the subscriber's byte order (false: little-endian, as x86-64)
     * @return 28 bytes
     */
    std::array<uint8_t, SIZE> Serialize(bool bigEndian = false) const;
    /**
     * @brief Read a subscription as the server does (tipc_sub_read): fields in
     *        little-endian order unless the filter says the other order.
     * @param raw 28 bytes
     * @param[out] swapped the subscriber uses the other byte order
     * @return the subscription in host values
     */
    static TipcSubscr Deserialize(const uint8_t* raw, bool& swapped);
};

/**
 * @ingroup tipc
 * @brief struct tipc_event (48 bytes): a topology event.
 */
struct TipcEvent
{
    static constexpr uint32_t SIZE = 48; //!< bytes on the socket

    uint32_t event{0};      //!< TIPC_PUBLISHED, TIPC_WITHDRAWN, TIPC_SUBSCR_TIMEOUT
    uint32_t foundLower{0}; //!< the binding's lower
    uint32_t foundUpper{0}; //!< the binding's upper
    TipcSocketAddr port;    //!< the bound socket {ref, node}
    std::array<uint8_t, TipcSubscr::SIZE> s{}; //!< the subscription as the user sent it

    /**
     * @brief Bytes as the server sends them.
     * @param swap the subscriber uses the other byte order
     * @return 48 bytes
     */
    std::array<uint8_t, SIZE> Serialize(bool swap) const;
    /**
     * @brief Read an event (as a subscriber of the given byte order does).
     * @param raw 48 bytes
     * @param bigEndian the subscriber's byte order
     * @return the event
     */
    static TipcEvent Deserialize(const uint8_t* raw, bool bigEndian = false);
};

/**
 * @brief Print an event ("PUBLISHED {18888,17,17} port 123@1001001").
 * @param os stream
 * @param e event
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcEvent& e);

} // namespace ns3

#endif // TIPC_SUBSCR_H
