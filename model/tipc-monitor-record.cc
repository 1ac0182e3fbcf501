// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-monitor-record.h"

#include "tipc-bytes.h"
#include "tipc-constants.h"

namespace ns3
{

uint32_t
TipcMonitorRecord::GetSerializedSize() const
{
    return HEADER_SIZE + 4 * static_cast<uint32_t>(members.size());
}

void
TipcMonitorRecord::Serialize(uint8_t* out) const
{
    tipc::WriteBe16(out, static_cast<uint16_t>(GetSerializedSize()));
    tipc::WriteBe16(out + 2, gen);
    tipc::WriteBe16(out + 4, ackGen);
    tipc::WriteBe16(out + 6, static_cast<uint16_t>(members.size()));
    tipc::WriteBe64(out + 8, upMap);
    uint8_t* p = out + HEADER_SIZE;
    for (uint32_t m : members)
    {
        tipc::WriteBe32(p, m);
        p += 4;
    }
}

bool
TipcMonitorRecord::Deserialize(const uint8_t* in, uint32_t avail, TipcMonitorRecord& out)
{
    if (avail < HEADER_SIZE)
    {
        return false;
    }
    uint32_t len = tipc::ReadBe16(in);
    uint32_t cnt = tipc::ReadBe16(in + 6);
    if (cnt > tipc::MAX_MON_DOMAIN || len != HEADER_SIZE + 4 * cnt || len != avail)
    {
        return false;
    }
    out.gen = tipc::ReadBe16(in + 2);
    out.ackGen = tipc::ReadBe16(in + 4);
    out.upMap = tipc::ReadBe64(in + 8);
    out.members.resize(cnt);
    for (uint32_t i = 0; i < cnt; ++i)
    {
        out.members[i] = tipc::ReadBe32(in + HEADER_SIZE + 4 * i);
    }
    return true;
}

bool
operator==(const TipcMonitorRecord& a, const TipcMonitorRecord& b)
{
    return a.gen == b.gen && a.ackGen == b.ackGen && a.upMap == b.upMap && a.members == b.members;
}

} // namespace ns3
