// SPDX-License-Identifier: GPL-2.0-only

#include "skb-owner-tag.h"

#include "ns3/packet.h"

#include <unordered_map>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(SkbOwnerTag);

namespace
{

/// The registered owners (simulation-wide, as skb->sk points anywhere).
struct Owners
{
    std::unordered_map<uint64_t, SkbOwnerTag::ReleaseCallback> callbacks; //!< by owner id
    uint64_t next{1};                                                     //!< next owner id
};

Owners&
GetOwners()
{
    static Owners owners;
    return owners;
}

} // namespace

TypeId
SkbOwnerTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SkbOwnerTag")
                            .SetParent<Tag>()
                            .SetGroupName("Tipc")
                            .AddConstructor<SkbOwnerTag>();
    return tid;
}

TypeId
SkbOwnerTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

SkbOwnerTag::SkbOwnerTag()
{
}

SkbOwnerTag::SkbOwnerTag(uint64_t owner, uint64_t serial)
    : m_owner(owner),
      m_serial(serial)
{
}

uint32_t
SkbOwnerTag::GetSerializedSize() const
{
    return 16;
}

void
SkbOwnerTag::Serialize(TagBuffer i) const
{
    i.WriteU64(m_owner);
    i.WriteU64(m_serial);
}

void
SkbOwnerTag::Deserialize(TagBuffer i)
{
    m_owner = i.ReadU64();
    m_serial = i.ReadU64();
}

void
SkbOwnerTag::Print(std::ostream& os) const
{
    os << "owner=" << m_owner << " serial=" << m_serial;
}

uint64_t
SkbOwnerTag::Register(ReleaseCallback release)
{
    Owners& o = GetOwners();
    uint64_t id = o.next++;
    o.callbacks[id] = release;
    return id;
}

void
SkbOwnerTag::Unregister(uint64_t owner)
{
    GetOwners().callbacks.erase(owner);
}

void
SkbOwnerTag::Release(Ptr<Packet> frame)
{
    Owners& o = GetOwners();
    if (o.callbacks.empty() || !frame)
    {
        return;
    }
    SkbOwnerTag tag;
    if (!frame->RemovePacketTag(tag))
    {
        return;
    }
    auto it = o.callbacks.find(tag.m_owner);
    if (it != o.callbacks.end())
    {
        // a copy: the owner may unregister from its callback
        ReleaseCallback cb = it->second;
        cb(tag.m_serial);
    }
}

} // namespace ns3
