// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-ancillary-tag.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(TipcAncillaryTag);

TypeId
TipcAncillaryTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcAncillaryTag")
                            .SetParent<Tag>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcAncillaryTag>();
    return tid;
}

TypeId
TipcAncillaryTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
TipcAncillaryTag::GetSerializedSize() const
{
    return 2 + 5 * 4;
}

void
TipcAncillaryTag::Serialize(TagBuffer i) const
{
    i.WriteU8(m_hasErrInfo ? 1 : 0);
    i.WriteU32(m_errorCode);
    i.WriteU32(m_dataLength);
    i.WriteU8(m_hasDestName ? 1 : 0);
    i.WriteU32(m_type);
    i.WriteU32(m_lower);
    i.WriteU32(m_upper);
}

void
TipcAncillaryTag::Deserialize(TagBuffer i)
{
    m_hasErrInfo = i.ReadU8() != 0;
    m_errorCode = i.ReadU32();
    m_dataLength = i.ReadU32();
    m_hasDestName = i.ReadU8() != 0;
    m_type = i.ReadU32();
    m_lower = i.ReadU32();
    m_upper = i.ReadU32();
}

void
TipcAncillaryTag::Print(std::ostream& os) const
{
    if (m_hasErrInfo)
    {
        os << "errinfo=" << m_errorCode << "/" << m_dataLength << " ";
    }
    if (m_hasDestName)
    {
        os << "destname={" << m_type << "," << m_lower << "," << m_upper << "}";
    }
}

void
TipcAncillaryTag::SetErrInfo(uint32_t errorCode, uint32_t dataLength)
{
    m_hasErrInfo = true;
    m_errorCode = errorCode;
    m_dataLength = dataLength;
}

bool
TipcAncillaryTag::HasErrInfo() const
{
    return m_hasErrInfo;
}

uint32_t
TipcAncillaryTag::GetErrorCode() const
{
    return m_errorCode;
}

uint32_t
TipcAncillaryTag::GetReturnedDataLength() const
{
    return m_dataLength;
}

void
TipcAncillaryTag::SetDestName(uint32_t type, uint32_t lower, uint32_t upper)
{
    m_hasDestName = true;
    m_type = type;
    m_lower = lower;
    m_upper = upper;
}

bool
TipcAncillaryTag::HasDestName() const
{
    return m_hasDestName;
}

uint32_t
TipcAncillaryTag::GetDestType() const
{
    return m_type;
}

uint32_t
TipcAncillaryTag::GetDestLower() const
{
    return m_lower;
}

uint32_t
TipcAncillaryTag::GetDestUpper() const
{
    return m_upper;
}

} // namespace ns3
