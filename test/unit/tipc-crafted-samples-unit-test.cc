// SPDX-License-Identifier: GPL-2.0-only
//
// Golden bytes: the hand-crafted samples in shared/data/crafted-samples/ (built
// from the Linux msg.h layout and checked with Wireshark).  Valid frames decode
// and re-encode to identical bytes; every deliberately broken frame is rejected
// with its specific reason.

#include "../tipc-test-utils.h"

#include "ns3/tipc-constants.h"
#include "ns3/tipc-message-codec.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace ns3;
using namespace ns3::tipc;
using tipctest::CapturedTipc;

namespace
{

std::string
Sample(const std::string& name)
{
    return tipctest::SharedDir() + "/data/crafted-samples/" + name;
}

/// Decode, re-encode, compare with the captured bytes (padding must be zeros).
void
CheckRoundTrip(const CapturedTipc& c, TipcDecodedMessage& d)
{
    INFO("frame " << c.frame << " bytes " << tipctest::Hex(c.bytes));
    TipcDecodeError e = TipcMessageCodec::Decode(c.bytes.data(),
                                                 static_cast<uint32_t>(c.bytes.size()),
                                                 d,
                                                 c.Trailer());
    REQUIRE(TipcDecodeErrorToString(e) == "ok");
    std::vector<uint8_t> again = TipcMessageCodec::Encode(d);
    REQUIRE(again.size() == d.header.GetSize());
    CHECK(std::equal(again.begin(), again.end(), c.bytes.begin()));
    CHECK(std::all_of(c.bytes.begin() + again.size(), c.bytes.end(), [](uint8_t x) {
        return x == 0;
    }));
}

} // namespace

TEST_CASE("crafted valid Ethernet frames decode and re-encode identically", "[golden]")
{
    auto frames = tipctest::ReadTipcFrames(Sample("tipc-eth-valid.pcap"));
    REQUIRE(frames.size() == 29);
    std::vector<TipcDecodedMessage> d(frames.size());
    for (size_t i = 0; i < frames.size(); ++i)
    {
        CheckRoundTrip(frames[i], d[i]);
    }
    // spot checks of decoded structure against the generator's parameters
    CHECK(d[0].header.GetUser() == LINK_CONFIG);
    CHECK(d[0].header.GetBcNetId() == TIPC_DEF_NET_ID);
    CHECK(d[0].header.GetNodeCapabilities() == TIPC_NODE_CAPABILITIES);
    CHECK(d[0].header.GetPeerNetHash() == 0xa5a5a5a5);
    CHECK(d[0].nodeId.GetBytes()[0] == 0x10);
    CHECK(d[0].mediaAddress.GetMediaType() == TIPC_MEDIA_TYPE_ETH);
    CHECK(d[2].header.GetType() == RESET_MSG);
    CHECK(std::string(reinterpret_cast<const char*>(d[2].ifName.data())) == "eth0");
    CHECK(d[2].header.GetMaxPkt() == 1500);
    CHECK(d[3].header.GetDestSession() == 0x0202);
    CHECK(d[6].header.GetSeqGap() == 2);
    REQUIRE(d[6].gapAcks.ucast.size() == 1);
    CHECK(d[6].gapAcks.ucast[0].ack == 40);
    CHECK(d[8].items.size() == 2);
    CHECK(d[8].header.IsBulk());
    CHECK(d[8].header.IsLastBulk());
    CHECK(d[14].inner.size() == 2); // bundle
    CHECK(d[20].inner.size() == 1); // tunnel FAILOVER
    CHECK(d[20].inner[0].header.GetType() == TIPC_DIRECT_MSG);
    CHECK(d[24].header.GetErrorCode() == TIPC_ERR_NO_PORT);
    CHECK(d[25].hasMonitor);
    CHECK(d[26].header.GetType() == DSC_TRIAL_MSG);
    CHECK(d[27].inner.empty()); // SYNCH without inner message
    CHECK(d[28].gapAcks.ucast.size() == 64);
}

TEST_CASE("crafted UDP, raw and ns-3 CSMA frames decode and re-encode identically", "[golden]")
{
    auto udp = tipctest::ReadTipcFrames(Sample("tipc-udp-valid.pcap"));
    REQUIRE(udp.size() == 6);
    for (const auto& c : udp)
    {
        TipcDecodedMessage d;
        CheckRoundTrip(c, d);
    }
    TipcDecodedMessage disc;
    CheckRoundTrip(udp[0], disc);
    CHECK(disc.mediaAddress.GetMediaType() == TIPC_MEDIA_TYPE_UDP);
    CHECK(disc.mediaAddress.GetUdpPort() == UDP_PORT_DEFAULT);
    CHECK(disc.mediaAddress.GetUdpIpv4() == 0xc0a80101);

    auto raw = tipctest::ReadTipcFrames(Sample("tipc-raw-user0.pcap"));
    REQUIRE(raw.size() == 4);
    for (const auto& c : raw)
    {
        TipcDecodedMessage d;
        CheckRoundTrip(c, d);
    }

    auto csma = tipctest::ReadTipcFrames(Sample("tipc-eth-ns3csma-fcs.pcap"), 4);
    REQUIRE(csma.size() == 7);
    for (const auto& c : csma)
    {
        TipcDecodedMessage d;
        CheckRoundTrip(c, d);
    }
}

TEST_CASE("valid Linux messages the dissector mishandles still decode", "[golden]")
{
    auto frames = tipctest::ReadTipcFrames(Sample("tipc-eth-dissector-gaps.pcap"));
    REQUIRE(frames.size() == 9);
    for (const auto& c : frames)
    {
        TipcDecodedMessage d;
        CheckRoundTrip(c, d);
    }
}

TEST_CASE("every broken frame is rejected with its specific reason", "[golden]")
{
    using E = TipcDecodeError;
    const E expected[] = {
        E::SIZE_EXCEEDS_BUFFER, // 1 msg_size 200, frame carries 50
        E::SIZE_BELOW_HEADER,   // 2 size 20 < header 40
        E::BAD_VERSION,         // 3 version 3
        E::BAD_VERSION,         // 4 version 1
        E::HEADER_TOO_SMALL,    // 5 header size 0
        E::TRUNCATED_HEADER,    // 6 two bytes
        E::TRUNCATED_INNER,     // 7 bundle with a 4-byte inner message
        E::TRUNCATED_INNER,     // 8 inner size larger than the bundle
        E::EMPTY_NAME_DISTR,    // 9 name distributor without items
        E::SIZE_EXCEEDS_BUFFER, // 10 item truncated: size claims 8 more bytes
        E::BAD_GAP_ACK_RECORD,  // 11 STATE data "abcdef"
        E::TRUNCATED_HEADER,    // 12 discovery cut to 40 bytes (header is 60)
        E::UNKNOWN_USER,        // 13 user 4
        E::BAD_FRAGMENT_NUMBER, // 14 fragment number 0
        E::TRAILING_BYTES,      // 15 8 junk bytes after the message
        E::RESERVED_BITS,       // 16 name distributor item-size field
        E::NESTED_BUNDLE,       // 17 bundles nested 10 deep
        E::BAD_IF_NAME,         // 18 RESET name not NUL terminated
        E::RESERVED_BITS,       // 19 word-1 bits 16..18 in a payload message
    };
    auto frames = tipctest::ReadTipcFrames(Sample("tipc-eth-broken.pcap"));
    REQUIRE(frames.size() == 19);
    for (size_t i = 0; i < frames.size(); ++i)
    {
        const auto& c = frames[i];
        INFO("frame " << c.frame << " bytes " << tipctest::Hex(c.bytes));
        TipcDecodedMessage d;
        TipcDecodeError e = TipcMessageCodec::Decode(c.bytes.data(),
                                                     static_cast<uint32_t>(c.bytes.size()),
                                                     d,
                                                     c.Trailer());
        CHECK(TipcDecodeErrorToString(e) == TipcDecodeErrorToString(expected[i]));
        TipcHeader h;
        CHECK(TipcMessageCodec::Validate(c.bytes.data(),
                                         static_cast<uint32_t>(c.bytes.size()),
                                         h,
                                         c.Trailer()) == expected[i]);
    }
}
