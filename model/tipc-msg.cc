// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-msg.h"

namespace ns3
{

TipcMsg::TipcMsg()
    : data(Create<Packet>()),
      retrCnt(0),
      ackers(0)
{
}

TipcMsg::TipcMsg(const TipcHeader& header, Ptr<Packet> payload)
    : hdr(header),
      data(payload ? payload : Create<Packet>()),
      retrCnt(0),
      ackers(0)
{
}

Ptr<TipcMsg>
TipcMsg::Clone() const
{
    Ptr<TipcMsg> m = Create<TipcMsg>(hdr, data->Copy());
    m->nxtRetr = nxtRetr;
    m->retrStamp = retrStamp;
    m->retrCnt = retrCnt;
    m->ackers = ackers;
    m->enqueued = enqueued;
    return m;
}

Ptr<Packet>
TipcMsg::ToPacket() const
{
    Ptr<Packet> p = data->Copy();
    p->AddHeader(hdr);
    return p;
}

std::vector<uint8_t>
TipcMsg::PayloadBytes() const
{
    std::vector<uint8_t> b(data->GetSize());
    data->CopyData(b.data(), b.size());
    return b;
}

uint32_t
TipcMsg::GetSize() const
{
    return hdr.GetSize();
}

} // namespace ns3
