// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MEDIA_ADDRESS_H
#define TIPC_MEDIA_ADDRESS_H

#include "tipc-constants.h"

#include <array>
#include <cstdint>
#include <ostream>

namespace ns3
{

class Mac48Address;

/**
 * @ingroup tipc
 * @brief A bearer media address in its 32-byte discovery form (Linux
 *        struct tipc_media_addr as written by media addr2msg; reference 4.1).
 *
 * Byte 3 is the media type (1 Ethernet, 2 InfiniBand, 3 UDP); the address
 * starts at byte 4: a 6-byte MAC for Ethernet, {proto, port, IPv4|IPv6} in
 * network order for UDP.  Beside the bytes, as in Linux, a broadcast flag
 * that is not on the wire: TIPC_BROADCAST_SUPPORT for an address that
 * reaches every node (Ethernet ff:ff:ff:ff:ff:ff, an IP multicast group),
 * TIPC_REPLICAST_SUPPORT for a UDP bearer's replicast broadcast address.
 */
class TipcMediaAddress
{
  public:
    /// The 32 media-info bytes.
    using Bytes = std::array<uint8_t, tipc::TIPC_MEDIA_INFO_SIZE>;

    /** @brief An all-zero (invalid) address. */
    TipcMediaAddress();

    /**
     * @brief From the 32 media-info bytes of a discovery message.
     * @param info 32 bytes
     * @return the address
     */
    static TipcMediaAddress FromMediaInfo(const uint8_t* info);

    /**
     * @brief Ethernet media address.
     * @param mac the MAC address
     * @return the address
     */
    static TipcMediaAddress FromMac(const Mac48Address& mac);

    /**
     * @brief UDP/IPv4 media address.
     * @param ipv4HostOrder IPv4 address in host byte order
     * @param port UDP port
     * @return the address
     */
    static TipcMediaAddress FromUdpIpv4(uint32_t ipv4HostOrder, uint16_t port);

    /** @return the media type byte */
    uint8_t GetMediaType() const;
    /** @return true if the media type is one Linux knows (1..3) */
    bool IsValid() const;
    /** @return the MAC of an Ethernet address */
    Mac48Address GetMac() const;
    /**
     * @return the broadcast flag: 0, tipc::TIPC_BROADCAST_SUPPORT or
     *         tipc::TIPC_REPLICAST_SUPPORT (set by the constructors from the
     *         bytes as the media's msg2addr does, or by SetBroadcast)
     */
    uint8_t GetBroadcast() const;
    /**
     * @brief Set the broadcast flag (a UDP replicast bearer's broadcast address).
     * @param flag 0, tipc::TIPC_BROADCAST_SUPPORT or tipc::TIPC_REPLICAST_SUPPORT
     */
    void SetBroadcast(uint8_t flag);
    /** @return true if the broadcast flag is set (Linux maddr.broadcast) */
    bool IsBroadcast() const;
    /** @return the IPv4 address (host order) of a UDP address */
    uint32_t GetUdpIpv4() const;
    /** @return the port of a UDP address */
    uint16_t GetUdpPort() const;
    /** @return the 32 bytes */
    const Bytes& GetBytes() const;

    /**
     * @brief Equality of the 32 bytes (the flag follows from them, except
     *        for a replicast broadcast address).
     * @param other the other address
     * @return true if equal
     */
    bool operator==(const TipcMediaAddress& other) const;
    /**
     * @brief Inequality.
     * @param other the other address
     * @return true if different
     */
    bool operator!=(const TipcMediaAddress& other) const;

  private:
    /// @brief Set the broadcast flag from the bytes (Ethernet ff:.., IPv4 multicast).
    void DeriveBroadcast();

    Bytes m_info;           //!< media info bytes
    uint8_t m_broadcast{0}; //!< Linux tipc_media_addr.broadcast (not on the wire)
};

/**
 * @brief Print "eth:aa:bb:..", "udp:a.b.c.d:port" or "media<N>".
 * @param os stream
 * @param a address
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcMediaAddress& a);

} // namespace ns3

#endif // TIPC_MEDIA_ADDRESS_H
