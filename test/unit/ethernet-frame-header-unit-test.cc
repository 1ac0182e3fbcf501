// SPDX-License-Identifier: GPL-2.0-only
//
// EthernetFrameHeader writes exactly the bytes of ns-3's EthernetHeader (EtherType
// mode, no preamble), and each class reads what the other wrote.

#include "ns3/ethernet-frame-header.h"
#include "ns3/ethernet-header.h"
#include "ns3/packet.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using namespace ns3;

namespace
{

std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

} // namespace

TEST_CASE("EthernetFrameHeader is byte-compatible with ns-3's EthernetHeader", "[ethernet]")
{
    const Mac48Address dst("02:00:00:00:00:2a");
    const Mac48Address src("02:00:00:00:00:07");
    const uint16_t tipc = 0x88ca;

    Ptr<Packet> ours = Create<Packet>(50);
    ours->AddHeader(EthernetFrameHeader(dst, src, tipc));
    Ptr<Packet> theirs = Create<Packet>(50);
    EthernetHeader ns3eth(false);
    ns3eth.SetDestination(dst);
    ns3eth.SetSource(src);
    ns3eth.SetLengthType(tipc);
    theirs->AddHeader(ns3eth);
    REQUIRE(Bytes(ours) == Bytes(theirs));
    REQUIRE(Bytes(ours).size() == 64);
    CHECK(Bytes(ours)[12] == 0x88);
    CHECK(Bytes(ours)[13] == 0xca);

    uint8_t dstBytes[EthernetFrameHeader::MAC_SIZE];
    uint8_t srcBytes[EthernetFrameHeader::MAC_SIZE];
    dst.CopyTo(dstBytes);
    src.CopyTo(srcBytes);
    Ptr<Packet> fromBytes = Create<Packet>(50);
    fromBytes->AddHeader(EthernetFrameHeader(dstBytes, srcBytes, tipc));
    CHECK(Bytes(fromBytes) == Bytes(theirs));

    EthernetHeader readByNs3(false);
    ours->PeekHeader(readByNs3);
    CHECK(readByNs3.GetDestination() == dst);
    CHECK(readByNs3.GetSource() == src);
    CHECK(readByNs3.GetLengthType() == tipc);

    EthernetFrameHeader peeked;
    REQUIRE(peeked.PeekFrom(theirs));
    CHECK(peeked.GetDestination() == dst);
    CHECK(peeked.GetSource() == src);
    CHECK(peeked.GetEtherType() == tipc);
    CHECK(std::equal(dstBytes, dstBytes + 6, peeked.GetDestinationBytes()));
    CHECK(std::equal(srcBytes, srcBytes + 6, peeked.GetSourceBytes()));
    CHECK(theirs->GetSize() == 64);
    CHECK_FALSE(EthernetFrameHeader().PeekFrom(Create<Packet>(EthernetFrameHeader::SIZE - 1)));

    EthernetFrameHeader readByUs;
    CHECK(theirs->RemoveHeader(readByUs) == EthernetFrameHeader::SIZE);
    CHECK(readByUs.GetDestination() == dst);
    CHECK(readByUs.GetSource() == src);
    CHECK(readByUs.GetEtherType() == tipc);
    CHECK(theirs->GetSize() == 50);
}

TEST_CASE("EthernetFrameHeader classifies the destination", "[ethernet]")
{
    const Mac48Address src("02:00:00:00:00:07");
    EthernetFrameHeader unicast(Mac48Address("02:00:00:00:00:2a"), src, 0x0800);
    CHECK_FALSE(unicast.IsBroadcast());
    CHECK_FALSE(unicast.IsGroup());
    EthernetFrameHeader bcast(Mac48Address::GetBroadcast(), src, 0x88ca);
    CHECK(bcast.IsBroadcast());
    CHECK(bcast.IsGroup());
    EthernetFrameHeader mcast(Mac48Address("01:00:5e:00:00:01"), src, 0x0800);
    CHECK_FALSE(mcast.IsBroadcast());
    CHECK(mcast.IsGroup());
    EthernetFrameHeader almost(Mac48Address("ff:ff:ff:ff:ff:fe"), src, 0x0800);
    CHECK_FALSE(almost.IsBroadcast());
}
