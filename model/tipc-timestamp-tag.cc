// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-timestamp-tag.h"

#include "ns3/packet.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(TipcTimestampTag);

TypeId
TipcTimestampTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcTimestampTag")
                            .SetParent<Tag>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcTimestampTag>();
    return tid;
}

TypeId
TipcTimestampTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

TipcTimestampTag::TipcTimestampTag()
    : m_sent(0)
{
}

TipcTimestampTag::TipcTimestampTag(Time sent)
    : m_sent(sent.GetTimeStep())
{
}

uint32_t
TipcTimestampTag::GetSerializedSize() const
{
    return 8;
}

void
TipcTimestampTag::Serialize(TagBuffer i) const
{
    i.WriteU64(static_cast<uint64_t>(m_sent));
}

void
TipcTimestampTag::Deserialize(TagBuffer i)
{
    m_sent = static_cast<int64_t>(i.ReadU64());
}

void
TipcTimestampTag::Print(std::ostream& os) const
{
    os << "sent=" << TimeStep(m_sent).As(Time::US);
}

Time
TipcTimestampTag::GetSent() const
{
    return TimeStep(m_sent);
}

bool
TipcTimestampTag::FindEarliest(Ptr<const Packet> p, Time& sent)
{
    if (!p)
    {
        return false;
    }
    bool found = false;
    ByteTagIterator it = p->GetByteTagIterator();
    while (it.HasNext())
    {
        ByteTagIterator::Item item = it.Next();
        if (item.GetTypeId() != GetTypeId())
        {
            continue;
        }
        TipcTimestampTag tag;
        item.GetTag(tag);
        if (!found || tag.GetSent() < sent)
        {
            sent = tag.GetSent();
            found = true;
        }
    }
    return found;
}

} // namespace ns3
