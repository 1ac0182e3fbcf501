// SPDX-License-Identifier: GPL-2.0-only

#ifndef ETHERNET_FRAME_HEADER_H
#define ETHERNET_FRAME_HEADER_H

#include "ns3/header.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief An Ethernet II header (destination, source, EtherType: 14 bytes)
 *        kept as its wire bytes.
 *
 * The bytes are those ns-3's EthernetHeader writes in its EtherType mode
 * without preamble, so either class reads what the other wrote.  This one
 * serializes and deserializes with a single buffer access, which matters on
 * a device's per-frame path (VethNetDevice): ns-3's EthernetHeader reads and
 * writes its fields one by one through Mac48Address conversions.
 */
class EthernetFrameHeader : public Header
{
  public:
    /// Serialized size in bytes.
    static constexpr uint32_t SIZE = 14;
    /// Size of a MAC address in bytes.
    static constexpr uint32_t MAC_SIZE = 6;

    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief All-zero header. */
    EthernetFrameHeader();
    /**
     * @brief A header with all its fields.
     * @param destination destination MAC address
     * @param source source MAC address
     * @param etherType EtherType (protocol number)
     */
    EthernetFrameHeader(Mac48Address destination, Mac48Address source, uint16_t etherType);
    /**
     * @brief A header from raw addresses (a device's per-frame path: no
     *        Mac48Address objects).
     * @param destination 6 bytes
     * @param source 6 bytes
     * @param etherType EtherType (protocol number)
     */
    EthernetFrameHeader(const uint8_t* destination, const uint8_t* source, uint16_t etherType);

    /**
     * @brief Read the header at the start of a frame, leaving the frame as it is
     *        (a cheaper PeekHeader that also checks the length).
     * @param frame an Ethernet frame
     * @return false (and the header unspecified) if the frame is shorter than SIZE
     */
    bool PeekFrom(Ptr<const Packet> frame);

    /** @return the destination address */
    Mac48Address GetDestination() const;
    /** @return the source address */
    Mac48Address GetSource() const;
    /** @return the 6 destination address bytes */
    const uint8_t* GetDestinationBytes() const;
    /** @return the 6 source address bytes */
    const uint8_t* GetSourceBytes() const;
    /** @return the EtherType */
    uint16_t GetEtherType() const;
    /** @return true if the destination is the broadcast address */
    bool IsBroadcast() const;
    /** @return true if the destination is a group (multicast or broadcast) address */
    bool IsGroup() const;

    /** @return the TypeId of this header (GetTypeId()) */
    TypeId GetInstanceTypeId() const override;
    /**
     * @brief Print source, destination and EtherType.
     * @param os output stream
     */
    void Print(std::ostream& os) const override;
    /** @return SIZE */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write the 14 header bytes.
     * @param start where to write
     */
    void Serialize(Buffer::Iterator start) const override;
    /**
     * @brief Read the 14 header bytes.
     * @param start where to read (at least SIZE bytes must follow)
     * @return SIZE
     */
    uint32_t Deserialize(Buffer::Iterator start) override;

  private:
    std::array<uint8_t, SIZE> m_bytes; //!< the header as on the wire
};

} // namespace ns3

#endif // ETHERNET_FRAME_HEADER_H
