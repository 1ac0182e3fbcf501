// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-gap-ack-blocks.h"

#include "tipc-bytes.h"
#include "tipc-constants.h"

namespace ns3
{

namespace
{
/// Bytes of the record header: len, ugack_cnt, bgack_cnt.
constexpr uint32_t GAP_ACK_HDR = 4;
/// Bytes of one block.
constexpr uint32_t GAP_ACK_BLK = 4;
} // namespace

bool
operator==(const TipcGapAck& a, const TipcGapAck& b)
{
    return a.ack == b.ack && a.gap == b.gap;
}

uint32_t
TipcGapAckBlocks::GetSerializedSize() const
{
    return GAP_ACK_HDR + GAP_ACK_BLK * static_cast<uint32_t>(bcast.size() + ucast.size());
}

void
TipcGapAckBlocks::Serialize(uint8_t* out) const
{
    tipc::WriteBe16(out, static_cast<uint16_t>(GetSerializedSize()));
    out[2] = static_cast<uint8_t>(ucast.size());
    out[3] = static_cast<uint8_t>(bcast.size());
    uint8_t* p = out + GAP_ACK_HDR;
    for (const auto* list : {&bcast, &ucast})
    {
        for (const auto& b : *list)
        {
            tipc::WriteBe16(p, b.ack);
            tipc::WriteBe16(p + 2, b.gap);
            p += GAP_ACK_BLK;
        }
    }
}

bool
TipcGapAckBlocks::Deserialize(const uint8_t* in, uint32_t avail, TipcGapAckBlocks& out)
{
    if (avail < GAP_ACK_HDR)
    {
        return false;
    }
    uint32_t len = tipc::ReadBe16(in);
    uint32_t ucnt = in[2];
    uint32_t bcnt = in[3];
    if (ucnt + bcnt > tipc::MAX_GAP_ACK_BLKS || len != GAP_ACK_HDR + GAP_ACK_BLK * (ucnt + bcnt) ||
        len > avail)
    {
        return false;
    }
    out.bcast.clear();
    out.ucast.clear();
    const uint8_t* p = in + GAP_ACK_HDR;
    for (uint32_t i = 0; i < bcnt + ucnt; ++i, p += GAP_ACK_BLK)
    {
        TipcGapAck b{tipc::ReadBe16(p), tipc::ReadBe16(p + 2)};
        (i < bcnt ? out.bcast : out.ucast).push_back(b);
    }
    return true;
}

bool
operator==(const TipcGapAckBlocks& a, const TipcGapAckBlocks& b)
{
    return a.bcast == b.bcast && a.ucast == b.ucast;
}

} // namespace ns3
