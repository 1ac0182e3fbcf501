// SPDX-License-Identifier: GPL-2.0-only
//
// Ground truth: every TIPC frame captured from Linux 6.1 decodes with the
// model's codec and re-serializes to identical bytes; decoded fields match the
// known facts of those runs (shared/data/README.md).

#include "../tipc-test-utils.h"

#include "ns3/tipc-constants.h"
#include "ns3/tipc-message-codec.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

using namespace ns3;
using namespace ns3::tipc;

namespace
{

std::string
Capture(const std::string& name)
{
    return tipctest::SharedDir() + "/data/linux-6.1-captures/" + name;
}

struct Decoded
{
    tipctest::CapturedTipc frame;
    TipcDecodedMessage msg;
};

std::vector<Decoded>
DecodeAll(const std::string& path)
{
    std::vector<Decoded> out;
    for (auto& c : tipctest::ReadTipcFrames(path))
    {
        INFO(path << " frame " << c.frame << " bytes " << tipctest::Hex(c.bytes));
        Decoded d{c, {}};
        TipcDecodeError e = TipcMessageCodec::Decode(c.bytes.data(),
                                                     static_cast<uint32_t>(c.bytes.size()),
                                                     d.msg,
                                                     c.Trailer());
        REQUIRE(TipcDecodeErrorToString(e) == "ok");
        std::vector<uint8_t> again = TipcMessageCodec::Encode(d.msg);
        REQUIRE(again.size() <= c.bytes.size());
        CHECK(std::equal(again.begin(), again.end(), c.bytes.begin()));
        CHECK(std::all_of(c.bytes.begin() + again.size(), c.bytes.end(), [](uint8_t x) {
            return x == 0;
        }));
        out.push_back(std::move(d));
    }
    return out;
}

std::string
IfName(const TipcDecodedMessage& m)
{
    return std::string(reinterpret_cast<const char*>(m.ifName.data()));
}

} // namespace

TEST_CASE("ns-veth-setup.pcap: every frame decodes and re-encodes identically", "[linux]")
{
    auto all = DecodeAll(Capture("ns-veth-setup.pcap"));
    REQUIRE(all.size() == 124); // 132 frames, 8 of them ICMPv6
    const uint32_t hashA = TipcNodeId::FromString("nodeA-1").Hash();
    const uint32_t hashB = TipcNodeId::FromString("nodeB-2").Hash();
    std::map<uint32_t, int> users;
    for (const auto& d : all)
    {
        const TipcHeader& h = d.msg.header;
        ++users[h.GetUser()];
        if (h.GetUser() == LINK_CONFIG)
        {
            CHECK(h.GetBcNetId() == TIPC_DEF_NET_ID);
            CHECK(h.GetNodeCapabilities() == TIPC_NODE_CAPABILITIES);
            CHECK(h.IsNonSeq());
            // the address in prevnode is the hash of the identity carried in the payload
            CHECK(h.GetPrevNode() == d.msg.nodeId.Hash());
            CHECK((d.msg.nodeId.ToString() == "nodeA-1" || d.msg.nodeId.ToString() == "nodeB-2"));
            CHECK(d.msg.mediaAddress.GetMediaType() == TIPC_MEDIA_TYPE_ETH);
            CHECK_FALSE(d.msg.mediaAddress.IsBroadcast());
        }
        if (h.GetUser() == LINK_PROTOCOL && h.GetType() != STATE_MSG)
        {
            CHECK(h.GetMaxPkt() == 1500);
            CHECK(h.GetLinkTolerance() == 0); // 0 = "not changing" in RESET/ACTIVATE
            CHECK(h.GetSize() == INT_H_SIZE + TIPC_MAX_IF_NAME);
            CHECK((IfName(d.msg) == "vethA" || IfName(d.msg) == "vethB"));
        }
        if (h.GetUser() == LINK_PROTOCOL && h.GetType() == STATE_MSG)
        {
            CHECK(h.GetSize() == 44); // empty gap ACK record, no monitor record
            CHECK(d.msg.hasGapAcks);
            CHECK_FALSE(d.msg.hasMonitor);
        }
    }
    CHECK(users[LINK_CONFIG] > 20);
    CHECK(users[LINK_PROTOCOL] > 80);
    CHECK(users[BCAST_PROTOCOL] == 2);
    CHECK(users[NAME_DISTRIBUTOR] == 6);
    // bulk publication of the node state name {0, hash, hash} with key = hash
    bool seenA = false;
    bool seenB = false;
    for (const auto& d : all)
    {
        if (d.msg.header.GetUser() == NAME_DISTRIBUTOR && d.msg.header.IsBulk())
        {
            CHECK(d.msg.header.IsLastBulk());
            REQUIRE(d.msg.items.size() == 1);
            const TipcNameItem& it = d.msg.items[0];
            CHECK(it.type == TIPC_NODE_STATE);
            CHECK(it.lower == it.upper);
            CHECK(it.key == it.lower);
            seenA = seenA || it.lower == hashA;
            seenB = seenB || it.lower == hashB;
        }
    }
    CHECK(seenA);
    CHECK(seenB);
}

TEST_CASE("vm-wire-setup.pcap: every frame decodes and re-encodes identically", "[linux]")
{
    auto all = DecodeAll(Capture("vm-wire-setup.pcap"));
    REQUIRE(all.size() >= 240);
    // 64 KiB stream writes: one 65560-byte message as FIRST + 46 FRAGMENT + LAST,
    // 1428-byte fragments (MSS of a 1500-byte MTU), last one 364 bytes.
    std::vector<uint8_t> reasm;
    uint32_t trains = 0;
    uint32_t fragsInTrain = 0;
    for (const auto& d : all)
    {
        const TipcHeader& h = d.msg.header;
        if (h.GetUser() != MSG_FRAGMENTER)
        {
            continue;
        }
        ++fragsInTrain;
        CHECK(h.GetFragmNo() == fragsInTrain);
        if (h.GetType() == FIRST_FRAGMENT)
        {
            reasm.clear();
            CHECK(fragsInTrain == 1);
        }
        if (h.GetType() != LAST_FRAGMENT)
        {
            CHECK(h.GetSize() == 1428);
        }
        reasm.insert(reasm.end(), d.msg.data.begin(), d.msg.data.end());
        if (h.GetType() == LAST_FRAGMENT)
        {
            CHECK(h.GetSize() == 364);
            CHECK(fragsInTrain == 48);
            TipcDecodedMessage inner;
            REQUIRE(TipcMessageCodec::Decode(reasm.data(),
                                             static_cast<uint32_t>(reasm.size()),
                                             inner) == TipcDecodeError::NONE);
            CHECK(inner.header.GetSize() == 65560);
            CHECK(inner.header.GetUser() == TIPC_LOW_IMPORTANCE);
            CHECK(inner.header.GetType() == TIPC_CONN_MSG);
            ++trains;
            fragsInTrain = 0;
        }
    }
    CHECK(trains == 3);
    // link endpoints: vmA / vmB identities, 1500-byte MTU, eth0 interfaces
    for (const auto& d : all)
    {
        const TipcHeader& h = d.msg.header;
        if (h.GetUser() == LINK_CONFIG)
        {
            CHECK((d.msg.nodeId.ToString() == "vmA" || d.msg.nodeId.ToString() == "vmB"));
            CHECK(h.GetPrevNode() == d.msg.nodeId.Hash());
        }
        if (h.GetUser() == LINK_PROTOCOL && h.GetType() != STATE_MSG)
        {
            CHECK(IfName(d.msg) == "eth0");
            CHECK(h.GetMaxPkt() == 1500);
        }
    }
}
