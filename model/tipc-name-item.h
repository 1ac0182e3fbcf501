// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_NAME_ITEM_H
#define TIPC_NAME_ITEM_H

#include "tipc-constants.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief One NAME_DISTRIBUTOR item (Linux struct distr_item, 20 bytes, all
 *        big-endian words; reference section 8.5).
 *
 * The publishing node is not in the item: it is the message's originating node.
 */
struct TipcNameItem
{
    uint32_t type{0};  //!< service type
    uint32_t lower{0}; //!< lowest instance
    uint32_t upper{0}; //!< highest instance
    uint32_t port{0};  //!< publishing socket's port id
    uint32_t key{0};   //!< binding key

    /**
     * @brief Write the 20 bytes.
     * @param out destination of tipc::ITEM_SIZE bytes
     */
    void Serialize(uint8_t* out) const;
    /**
     * @brief Read the 20 bytes.
     * @param in tipc::ITEM_SIZE bytes
     * @return the item
     */
    static TipcNameItem Deserialize(const uint8_t* in);
};

/**
 * @brief Equality of all five fields.
 * @param a left
 * @param b right
 * @return true if equal
 */
bool operator==(const TipcNameItem& a, const TipcNameItem& b);

/**
 * @brief Print "{type,lower,upper} port key".
 * @param os stream
 * @param item item
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcNameItem& item);

} // namespace ns3

#endif // TIPC_NAME_ITEM_H
