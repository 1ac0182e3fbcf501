// SPDX-License-Identifier: GPL-2.0-only
//
// Node identities and 32-bit node addresses (reference section 2), checked
// against values seen in the Linux 6.1 captures.

#include "ns3/mac48-address.h"
#include "ns3/tipc-node-id.h"

#include <catch2/catch.hpp>

using namespace ns3;

TEST_CASE("string identities hash like Linux hash128to32", "[nodeid]")
{
    // ns-veth-setup.pcap: nodeA-1 has prevnode 47.1061.1381, nodeB-2 44.1061.1637
    CHECK(TipcNodeId::FromString("nodeA-1").Hash() == 0x2f425565);
    CHECK(TipcAddrToZcn(0x2f425565) == "47.1061.1381");
    CHECK(TipcNodeId::FromString("nodeB-2").Hash() == 0x2c425665);
    // vm-wire-setup.pcap: node hashes 766d4100 / 766d4200
    CHECK(TipcNodeId::FromString("vmA").Hash() == 0x766d4100);
    CHECK(TipcNodeId::FromString("vmB").Hash() == 0x766d4200);
}

TEST_CASE("hash falls back to OR when XOR is zero", "[nodeid]")
{
    TipcNodeId::Bytes b{};
    b[0] = 0x12;
    b[4] = 0x12; // word0 == word1 -> XOR is 0
    TipcNodeId id(b);
    CHECK(id.Hash() == 0x12000000);
    CHECK(TipcNodeId().Hash() == 0);
    CHECK(TipcNodeId().IsZero());
}

TEST_CASE("printable form follows tipc_nodeid2string", "[nodeid]")
{
    CHECK(TipcNodeId::FromString("nodeA-1").ToString() == "nodeA-1");
    TipcNodeId mac = TipcNodeId::FromMac(Mac48Address("02:00:00:00:00:0a"));
    CHECK(mac.ToString() == "02000000000a");
    CHECK(mac.Hash() == (0x02000000U ^ 0x000a0000U));
    CHECK(TipcNodeId::FromIpv4(0xc0a80101).ToString() == "c0a80101");
    CHECK(TipcNodeId::FromAddress(0x1001001).ToString() == "1001001");
}

TEST_CASE("identity text is parsed like the tipc tool", "[nodeid]")
{
    TipcNodeId id;
    REQUIRE(TipcNodeId::Parse("0123456789abcdef0123456789abcdef", id));
    CHECK(id.GetBytes()[0] == 0x01);
    CHECK(id.GetBytes()[15] == 0xef);
    REQUIRE(TipcNodeId::Parse("node@host:1", id)); // name characters -> raw bytes
    CHECK(id.GetBytes()[0] == 'n');
    REQUIRE(TipcNodeId::Parse("abc", id)); // valid name wins over hex
    CHECK(id.GetBytes()[0] == 'a');
    REQUIRE(TipcNodeId::Parse("0123456789abcdef0", id)); // 17 hex digits: odd, padded
    CHECK(id.GetBytes()[8] == 0x00);
    CHECK_FALSE(TipcNodeId::Parse("", id));
    CHECK_FALSE(TipcNodeId::Parse("has space", id));
    CHECK_FALSE(TipcNodeId::Parse("this-name-is-too-long", id));
    CHECK_FALSE(TipcNodeId::Parse(std::string(33, 'a'), id));
}

TEST_CASE("scope test without legacy addressing", "[nodeid]")
{
    CHECK(TipcInScope(false, 0, 0x1234));
    CHECK(TipcInScope(false, 0x1234, 0x1234));
    CHECK_FALSE(TipcInScope(false, 0x1235, 0x1234));
    CHECK_FALSE(TipcInScope(false, 0x01001000, 0x01001002)); // no cluster domains
}

TEST_CASE("scope test with legacy addressing: node, cluster and zone domains", "[nodeid]")
{
    const uint32_t addr = 0x01001002; // <1.1.2>
    CHECK(TipcInScope(true, 0, addr));
    CHECK(TipcInScope(true, addr, addr));
    CHECK(TipcInScope(true, 0x01001000, addr)); // <1.1.0>
    CHECK(TipcInScope(true, 0x01000000, addr)); // <1.0.0>
    CHECK_FALSE(TipcInScope(true, 0x01002000, addr));
    CHECK_FALSE(TipcInScope(true, 0x02000000, addr));
    CHECK_FALSE(TipcInScope(true, 0x01001003, addr));
}
