// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_NODE_ID_H
#define TIPC_NODE_ID_H

#include "tipc-constants.h"

#include <array>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

class Mac48Address;

/**
 * @ingroup tipc
 * @brief 128-bit TIPC node identity (Linux tipc_net.node_id, reference section 2).
 *
 * The identity is 16 raw bytes.  It can be set from a string (the bytes of the
 * string, NUL padded, as `tipc node set identity nodeA-1` does), from 32 hex
 * digits, or derived from a bearer's media address (MAC: 6 bytes then zeros;
 * IPv4: 4 bytes then zeros).  The 32-bit node address (node number, "hash")
 * is derived with Linux's hash128to32().
 */
class TipcNodeId
{
  public:
    /// Raw identity bytes.
    using Bytes = std::array<uint8_t, tipc::NODE_ID_LEN>;

    /** @brief An all-zero (unset) identity. */
    TipcNodeId();

    /**
     * @brief From raw bytes.
     * @param bytes the 16 identity bytes
     */
    explicit TipcNodeId(const Bytes& bytes);

    /**
     * @brief From 16 raw bytes in a buffer.
     * @param buffer at least 16 bytes
     * @return the identity
     */
    static TipcNodeId FromBuffer(const uint8_t* buffer);

    /**
     * @brief Parse an identity the way the `tipc` tool does.
     *
     * A string of at most 16 characters from [0-9A-Za-z.:_-@] is taken as raw
     * bytes (NUL padded); otherwise a string of at most 32 hex digits is read
     * as hex bytes (an odd count gets a trailing zero nibble).
     * @param text the identity text
     * @param[out] id the parsed identity
     * @return false if the text is empty or too long
     */
    static bool Parse(const std::string& text, TipcNodeId& id);

    /**
     * @brief Like Parse(), but aborts the simulation with a message on bad input.
     * @param text the identity text
     * @return the identity
     */
    static TipcNodeId FromString(const std::string& text);

    /**
     * @brief Identity derived from an Ethernet MAC address (Linux auto-configuration).
     * @param mac the MAC address
     * @return MAC bytes followed by zeros
     */
    static TipcNodeId FromMac(const Mac48Address& mac);

    /**
     * @brief Identity derived from an IPv4 address (UDP bearer auto-configuration).
     * @param ipv4HostOrder the IPv4 address in host byte order
     * @return address bytes followed by zeros
     */
    static TipcNodeId FromIpv4(uint32_t ipv4HostOrder);

    /**
     * @brief Identity a node gets when only a 32-bit address was configured
     *        (Linux tipc_set_node_addr: the address printed as lowercase hex).
     * @param addr node address
     * @return the identity
     */
    static TipcNodeId FromAddress(uint32_t addr);

    /** @return the raw bytes */
    const Bytes& GetBytes() const;

    /**
     * @brief Copy the 16 bytes out.
     * @param buffer destination of at least 16 bytes
     */
    void CopyTo(uint8_t* buffer) const;

    /** @return true if every byte is zero (identity not set) */
    bool IsZero() const;

    /**
     * @brief Linux hash128to32(): XOR of the four big-endian words, or their
     *        OR if the XOR is zero.  This is the node's (trial) address.
     * @return the 32-bit node address
     */
    uint32_t Hash() const;

    /**
     * @brief Printable form as Linux tipc_nodeid2string(): the string itself if
     *        all bytes are [0-9A-Za-z.:_-@] or NUL, else hex without trailing zeros.
     * @return printable identity
     */
    std::string ToString() const;

    /**
     * @brief Compare identities.
     * @param other the other identity
     * @return true if all bytes are equal
     */
    bool operator==(const TipcNodeId& other) const;
    /**
     * @brief Compare identities.
     * @param other the other identity
     * @return true if any byte differs
     */
    bool operator!=(const TipcNodeId& other) const;
    /**
     * @brief Byte-wise order, for use as a map key.
     * @param other the other identity
     * @return true if this sorts first
     */
    bool operator<(const TipcNodeId& other) const;

  private:
    Bytes m_bytes; //!< the identity
};

/**
 * @brief Print the printable form of an identity.
 * @param os output stream
 * @param id identity
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcNodeId& id);

/**
 * @ingroup tipc
 * @brief Legacy <Z.C.N> rendering of a 32-bit node address (as Wireshark prints it).
 * @param addr node address
 * @return "Z.C.N"
 */
std::string TipcAddrToZcn(uint32_t addr);

/**
 * @ingroup tipc
 * @brief Linux tipc_in_scope(): domain 0 or domain == addr; with the legacy
 *        address format (an address was configured) also the address's
 *        cluster <Z.C.0> and zone <Z.0.0>.
 * @param legacy the node uses the legacy address format
 * @param domain lookup domain
 * @param addr node address
 * @return true if addr lies in domain
 */
bool TipcInScope(bool legacy, uint32_t domain, uint32_t addr);

} // namespace ns3

#endif // TIPC_NODE_ID_H
