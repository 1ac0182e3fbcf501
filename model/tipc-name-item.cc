// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-name-item.h"

#include "tipc-bytes.h"

namespace ns3
{

void
TipcNameItem::Serialize(uint8_t* out) const
{
    tipc::WriteBe32(out, type);
    tipc::WriteBe32(out + 4, lower);
    tipc::WriteBe32(out + 8, upper);
    tipc::WriteBe32(out + 12, port);
    tipc::WriteBe32(out + 16, key);
}

TipcNameItem
TipcNameItem::Deserialize(const uint8_t* in)
{
    TipcNameItem item;
    item.type = tipc::ReadBe32(in);
    item.lower = tipc::ReadBe32(in + 4);
    item.upper = tipc::ReadBe32(in + 8);
    item.port = tipc::ReadBe32(in + 12);
    item.key = tipc::ReadBe32(in + 16);
    return item;
}

bool
operator==(const TipcNameItem& a, const TipcNameItem& b)
{
    return a.type == b.type && a.lower == b.lower && a.upper == b.upper && a.port == b.port &&
           a.key == b.key;
}

std::ostream&
operator<<(std::ostream& os, const TipcNameItem& item)
{
    return os << "{" << item.type << "," << item.lower << "," << item.upper << "} port "
              << item.port << " key " << item.key;
}

} // namespace ns3
