// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-subscr.h"

#include "tipc-constants.h"

namespace ns3
{

using namespace tipc;

namespace
{

void
PutU32(uint8_t* p, uint32_t v, bool bigEndian)
{
    for (int i = 0; i < 4; ++i)
    {
        int shift = bigEndian ? 24 - 8 * i : 8 * i;
        p[i] = static_cast<uint8_t>(v >> shift);
    }
}

uint32_t
GetU32(const uint8_t* p, bool bigEndian)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
    {
        int shift = bigEndian ? 24 - 8 * i : 8 * i;
        v |= uint32_t(p[i]) << shift;
    }
    return v;
}

} // namespace

std::array<uint8_t, TipcSubscr::SIZE>
TipcSubscr::Serialize(bool bigEndian) const
{
    std::array<uint8_t, SIZE> b{};
    PutU32(&b[0], seq.type, bigEndian);
    PutU32(&b[4], seq.lower, bigEndian);
    PutU32(&b[8], seq.upper, bigEndian);
    PutU32(&b[12], timeout, bigEndian);
    PutU32(&b[16], filter, bigEndian);
    for (size_t i = 0; i < usrHandle.size(); ++i)
    {
        b[20 + i] = usrHandle[i];
    }
    return b;
}

TipcSubscr
TipcSubscr::Deserialize(const uint8_t* raw, bool& swapped)
{
    // the server's CPU is little-endian; a filter without any of the three
    // defined low bits means the subscriber uses the other byte order
    swapped =
        (GetU32(raw + 16, false) & (TIPC_SUB_PORTS | TIPC_SUB_SERVICE | TIPC_SUB_CANCEL)) == 0;
    TipcSubscr s;
    s.seq.type = GetU32(raw, swapped);
    s.seq.lower = GetU32(raw + 4, swapped);
    s.seq.upper = GetU32(raw + 8, swapped);
    s.timeout = GetU32(raw + 12, swapped);
    s.filter = GetU32(raw + 16, swapped);
    for (size_t i = 0; i < s.usrHandle.size(); ++i)
    {
        s.usrHandle[i] = raw[20 + i];
    }
    return s;
}

std::array<uint8_t, TipcEvent::SIZE>
TipcEvent::Serialize(bool swap) const
{
    std::array<uint8_t, SIZE> b{};
    PutU32(&b[0], event, swap);
    PutU32(&b[4], foundLower, swap);
    PutU32(&b[8], foundUpper, swap);
    PutU32(&b[12], port.ref, swap);
    PutU32(&b[16], port.node, swap);
    for (size_t i = 0; i < s.size(); ++i)
    {
        b[20 + i] = s[i];
    }
    return b;
}

TipcEvent
TipcEvent::Deserialize(const uint8_t* raw, bool bigEndian)
{
    TipcEvent e;
    e.event = GetU32(raw, bigEndian);
    e.foundLower = GetU32(raw + 4, bigEndian);
    e.foundUpper = GetU32(raw + 8, bigEndian);
    e.port.ref = GetU32(raw + 12, bigEndian);
    e.port.node = GetU32(raw + 16, bigEndian);
    for (size_t i = 0; i < e.s.size(); ++i)
    {
        e.s[i] = raw[20 + i];
    }
    return e;
}

std::ostream&
operator<<(std::ostream& os, const TipcEvent& e)
{
    const char* name = e.event == TIPC_PUBLISHED        ? "PUBLISHED"
                       : e.event == TIPC_WITHDRAWN      ? "WITHDRAWN"
                       : e.event == TIPC_SUBSCR_TIMEOUT ? "TIMEOUT"
                                                        : "?";
    os << name << " {" << e.foundLower << "," << e.foundUpper << "} port " << e.port.ref << "@"
       << std::hex << e.port.node << std::dec;
    return os;
}

} // namespace ns3
