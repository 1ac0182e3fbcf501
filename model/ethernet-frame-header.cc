// SPDX-License-Identifier: GPL-2.0-only

#include "ethernet-frame-header.h"

#include "tipc-bytes.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(EthernetFrameHeader);

namespace
{
constexpr uint32_t DST_OFFSET = 0;   //!< destination address
constexpr uint32_t SRC_OFFSET = 6;   //!< source address
constexpr uint32_t TYPE_OFFSET = 12; //!< EtherType
} // namespace

TypeId
EthernetFrameHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EthernetFrameHeader")
                            .SetParent<Header>()
                            .SetGroupName("Tipc")
                            .AddConstructor<EthernetFrameHeader>();
    return tid;
}

EthernetFrameHeader::EthernetFrameHeader()
    : m_bytes{}
{
}

EthernetFrameHeader::EthernetFrameHeader(Mac48Address destination,
                                         Mac48Address source,
                                         uint16_t etherType)
{
    destination.CopyTo(m_bytes.data() + DST_OFFSET);
    source.CopyTo(m_bytes.data() + SRC_OFFSET);
    tipc::WriteBe16(m_bytes.data() + TYPE_OFFSET, etherType);
}

EthernetFrameHeader::EthernetFrameHeader(const uint8_t* destination,
                                         const uint8_t* source,
                                         uint16_t etherType)
{
    std::copy(destination, destination + MAC_SIZE, m_bytes.begin() + DST_OFFSET);
    std::copy(source, source + MAC_SIZE, m_bytes.begin() + SRC_OFFSET);
    tipc::WriteBe16(m_bytes.data() + TYPE_OFFSET, etherType);
}

bool
EthernetFrameHeader::PeekFrom(Ptr<const Packet> frame)
{
    // Packet::CopyData is a memcpy; Deserialize goes through the buffer iterator
    return frame->CopyData(m_bytes.data(), SIZE) == SIZE;
}

Mac48Address
EthernetFrameHeader::GetDestination() const
{
    Mac48Address a;
    a.CopyFrom(m_bytes.data() + DST_OFFSET);
    return a;
}

Mac48Address
EthernetFrameHeader::GetSource() const
{
    Mac48Address a;
    a.CopyFrom(m_bytes.data() + SRC_OFFSET);
    return a;
}

const uint8_t*
EthernetFrameHeader::GetDestinationBytes() const
{
    return m_bytes.data() + DST_OFFSET;
}

const uint8_t*
EthernetFrameHeader::GetSourceBytes() const
{
    return m_bytes.data() + SRC_OFFSET;
}

uint16_t
EthernetFrameHeader::GetEtherType() const
{
    return tipc::ReadBe16(m_bytes.data() + TYPE_OFFSET);
}

bool
EthernetFrameHeader::IsBroadcast() const
{
    return std::all_of(m_bytes.begin() + DST_OFFSET,
                       m_bytes.begin() + DST_OFFSET + MAC_SIZE,
                       [](uint8_t b) { return b == 0xff; });
}

bool
EthernetFrameHeader::IsGroup() const
{
    return (m_bytes[DST_OFFSET] & 0x01) != 0;
}

TypeId
EthernetFrameHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
EthernetFrameHeader::Print(std::ostream& os) const
{
    std::ios_base::fmtflags flags = os.flags();
    os << GetSource() << " > " << GetDestination() << ", ethertype 0x" << std::hex << std::setw(4)
       << std::setfill('0') << GetEtherType();
    os.flags(flags);
}

uint32_t
EthernetFrameHeader::GetSerializedSize() const
{
    return SIZE;
}

void
EthernetFrameHeader::Serialize(Buffer::Iterator start) const
{
    start.Write(m_bytes.data(), SIZE);
}

uint32_t
EthernetFrameHeader::Deserialize(Buffer::Iterator start)
{
    // word reads: Buffer::Iterator::Read(uint8_t*, n) goes byte by byte
    for (uint32_t i = 0; i < TYPE_OFFSET; i += 4)
    {
        tipc::WriteBe32(m_bytes.data() + i, start.ReadNtohU32());
    }
    tipc::WriteBe16(m_bytes.data() + TYPE_OFFSET, start.ReadNtohU16());
    return SIZE;
}

} // namespace ns3
