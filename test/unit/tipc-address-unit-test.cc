// SPDX-License-Identifier: GPL-2.0-only
//
// TipcAddress <-> ns3::Address conversion (the model's sockaddr_tipc).

#include "ns3/mac48-address.h"
#include "ns3/tipc-address.h"
#include "ns3/tipc-eth-bearer.h"
#include "ns3/tipc-media-address.h"
#include "ns3/tipc-udp-bearer.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace ns3;
using namespace ns3::tipc;

TEST_CASE("every address kind survives conversion to ns3::Address", "[address]")
{
    const TipcAddress samples[] = {
        TipcAddress::ServiceRange(1000, 900, 1100, TIPC_NODE_SCOPE),
        TipcAddress::Service(18888, 17, 0x2f425565),
        TipcAddress::Service(4711, 0xffffffff, 0, -TIPC_CLUSTER_SCOPE),
        TipcAddress::Socket(0x80001234, 0x766d4100),
    };
    for (const auto& a : samples)
    {
        Address generic = a;
        REQUIRE(TipcAddress::IsMatchingType(generic));
        TipcAddress back = TipcAddress::ConvertFrom(generic);
        CHECK(back == a);
    }
    CHECK_FALSE(TipcAddress::IsMatchingType(Mac48Address("00:00:00:00:00:01")));
}

TEST_CASE("address accessors", "[address]")
{
    TipcAddress s = TipcAddress::Service(18888, 17, 5);
    CHECK(s.IsService());
    CHECK(s.GetServiceRange() == TipcServiceRange{18888, 17, 17});
    CHECK(s.GetDomain() == 5);
    CHECK(s.GetScope() == TIPC_CLUSTER_SCOPE);
    TipcAddress r = TipcAddress::ServiceRange(1000, 900, 1100);
    CHECK(r.IsServiceRange());
    CHECK(r.GetServiceRange().Contains(1000));
    CHECK_FALSE(r.GetServiceRange().Contains(1101));
    CHECK(r.GetServiceRange().Overlaps(TipcServiceRange{1000, 1100, 2000}));
    CHECK_FALSE(r.GetServiceRange().Overlaps(TipcServiceRange{1001, 900, 1100}));
    TipcAddress k = TipcAddress::Socket(7, 9);
    CHECK(k.IsSocket());
    CHECK(k.GetSocketAddr() == TipcSocketAddr{7, 9});
    std::ostringstream os;
    os << r << " " << s << " " << k;
    CHECK(os.str() == "{1000,900,1100} {18888,17}@5 <9:7>");
}

TEST_CASE("media addresses in discovery form", "[address]")
{
    TipcMediaAddress eth = TipcMediaAddress::FromMac(Mac48Address("52:54:00:00:00:0a"));
    CHECK(eth.GetBytes()[3] == TIPC_MEDIA_TYPE_ETH);
    CHECK(eth.GetBytes()[4] == 0x52);
    CHECK(eth.GetBytes()[9] == 0x0a);
    CHECK(eth.GetMac() == Mac48Address("52:54:00:00:00:0a"));
    CHECK_FALSE(eth.IsBroadcast());
    CHECK(TipcMediaAddress::FromMac(Mac48Address::GetBroadcast()).IsBroadcast());
    TipcMediaAddress udp = TipcMediaAddress::FromUdpIpv4(0xc0a80101, 6118);
    CHECK(udp.GetBytes()[3] == TIPC_MEDIA_TYPE_UDP);
    CHECK(udp.GetBytes()[4] == 0x08); // ETH_P_IP
    CHECK(udp.GetUdpPort() == 6118);
    CHECK(udp.GetUdpIpv4() == 0xc0a80101);
    CHECK_FALSE(TipcMediaAddress().IsValid());
}

TEST_CASE("media address broadcast flag as Linux's msg2addr sets it", "[address]")
{
    // tipc_udp_media_addr_set: a multicast group reaches all; a unicast IP does not
    TipcMediaAddress group = TipcMediaAddress::FromUdpIpv4(0xe4001267, 6118); // 228.0.18.103
    CHECK(group.GetBroadcast() == TIPC_BROADCAST_SUPPORT);
    TipcMediaAddress peer = TipcMediaAddress::FromUdpIpv4(0x0a010102, 6118);
    CHECK(peer.GetBroadcast() == 0);
    // the flag is not on the wire: decoding the bytes gives it back
    CHECK(TipcMediaAddress::FromMediaInfo(group.GetBytes().data()).IsBroadcast());
    CHECK_FALSE(TipcMediaAddress::FromMediaInfo(peer.GetBytes().data()).IsBroadcast());
    CHECK(TipcMediaAddress::FromMediaInfo(
              TipcMediaAddress::FromMac(Mac48Address::GetBroadcast()).GetBytes().data())
              .GetBroadcast() == TIPC_BROADCAST_SUPPORT);
    // a replicast bearer's broadcast address: same bytes as its first peer, another flag
    TipcMediaAddress rcast = peer;
    rcast.SetBroadcast(TIPC_REPLICAST_SUPPORT);
    CHECK(rcast == peer);
    CHECK(rcast.GetBroadcast() == TIPC_REPLICAST_SUPPORT);
    CHECK(rcast.IsBroadcast());
}

TEST_CASE("each medium reads a discovery message's media info as its msg2addr", "[address]")
{
    // UDP (tipc_udp_msg2addr): type 3 required; only the 20-byte udp_media_addr is kept
    Ptr<TipcUdpBearer> udp = CreateObject<TipcUdpBearer>();
    TipcMediaAddress::Bytes b = TipcMediaAddress::FromUdpIpv4(0x0a010102, 6118).GetBytes();
    b[30] = 0x5a; // beyond udp_media_addr
    TipcMediaAddress a;
    REQUIRE(udp->MsgToAddr(TipcMediaAddress::FromMediaInfo(b.data()), a));
    CHECK(a == TipcMediaAddress::FromUdpIpv4(0x0a010102, 6118));
    CHECK_FALSE(a.IsBroadcast());
    TipcMediaAddress group;
    REQUIRE(udp->MsgToAddr(TipcMediaAddress::FromUdpIpv4(0xe4001267, 6118), group));
    CHECK(group.IsBroadcast()); // the receive check drops it as corrupt
    b[TIPC_MEDIA_TYPE_OFFSET] = TIPC_MEDIA_TYPE_ETH;
    CHECK_FALSE(udp->MsgToAddr(TipcMediaAddress::FromMediaInfo(b.data()), a));
    // Ethernet (tipc_eth_msg2addr): the MAC at offset 4, whatever the type byte says
    Ptr<TipcEthBearer> eth = CreateObject<TipcEthBearer>();
    TipcMediaAddress::Bytes e =
        TipcMediaAddress::FromMac(Mac48Address("02:00:00:00:00:07")).GetBytes();
    e[TIPC_MEDIA_TYPE_OFFSET] = 0;
    REQUIRE(eth->MsgToAddr(TipcMediaAddress::FromMediaInfo(e.data()), a));
    CHECK(a == TipcMediaAddress::FromMac(Mac48Address("02:00:00:00:00:07")));
    REQUIRE(eth->MsgToAddr(TipcMediaAddress::FromMac(Mac48Address::GetBroadcast()), a));
    CHECK(a.IsBroadcast());
}
