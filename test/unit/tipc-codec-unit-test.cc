// SPDX-License-Identifier: GPL-2.0-only
//
// TipcMessageCodec: round trips of every user/type, and the total decoder's
// rejection reasons (reference section 1.7 plus per-user payload checks).

#include "../tipc-test-utils.h"

#include "ns3/tipc-bytes.h"
#include "ns3/tipc-message-codec.h"

#include <catch2/catch.hpp>
#include <set>

using namespace ns3;
using namespace ns3::tipc;

namespace
{

TipcDecodeError
DecodeBytes(const std::vector<uint8_t>& b,
            TipcMessageCodec::Trailer t = TipcMessageCodec::Trailer::EXACT)
{
    TipcDecodedMessage m;
    return TipcMessageCodec::Decode(b.data(), static_cast<uint32_t>(b.size()), m, t);
}

/// The first sample whose user/type match.
std::vector<uint8_t>
SampleBytes(uint32_t user, uint32_t type)
{
    for (const auto& m : tipctest::SampleMessages())
    {
        if (m.header.GetUser() == user && m.header.GetType() == type)
        {
            return TipcMessageCodec::Encode(m);
        }
    }
    FAIL("no sample for user " << user << " type " << type);
    return {};
}

void
SetWord(std::vector<uint8_t>& b, uint32_t w, uint32_t v)
{
    WriteBe32(&b[4 * w], v);
}

uint32_t
Word(const std::vector<uint8_t>& b, uint32_t w)
{
    return ReadBe32(&b[4 * w]);
}

} // namespace

TEST_CASE("every sample message round-trips bit-exactly", "[codec]")
{
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (const auto& m : tipctest::SampleMessages())
    {
        std::vector<uint8_t> bytes = TipcMessageCodec::Encode(m);
        INFO(m.header.ToString() << " bytes " << tipctest::Hex(bytes));
        REQUIRE(bytes.size() == m.header.GetSize());
        TipcDecodedMessage d;
        REQUIRE(TipcMessageCodec::Decode(bytes.data(), bytes.size(), d) == TipcDecodeError::NONE);
        CHECK(d.header == m.header);
        CHECK(TipcMessageCodec::Encode(d) == bytes);
        CHECK(d.items == m.items);
        CHECK(d.inner.size() == m.inner.size());
        CHECK(d.data == m.data);
        TipcHeader h;
        CHECK(TipcMessageCodec::Validate(bytes.data(), bytes.size(), h) == TipcDecodeError::NONE);
        CHECK(h == m.header);
        seen.insert({m.header.GetUser(), m.header.GetType()});
    }
    // every wire user/type of the reference tables is covered
    for (uint32_t t = 0; t < 8; ++t)
    {
        bool any = false;
        for (uint32_t imp = 0; imp < 4; ++imp)
        {
            any = any || seen.count({imp, t});
        }
        CHECK(any);
    }
    const std::pair<uint32_t, uint32_t> internal[] = {{BCAST_PROTOCOL, 0},
                                                      {MSG_BUNDLER, 0},
                                                      {LINK_PROTOCOL, STATE_MSG},
                                                      {LINK_PROTOCOL, RESET_MSG},
                                                      {LINK_PROTOCOL, ACTIVATE_MSG},
                                                      {CONN_MANAGER, CONN_PROBE},
                                                      {CONN_MANAGER, CONN_PROBE_REPLY},
                                                      {CONN_MANAGER, CONN_ACK},
                                                      {TUNNEL_PROTOCOL, SYNCH_MSG},
                                                      {TUNNEL_PROTOCOL, FAILOVER_MSG},
                                                      {NAME_DISTRIBUTOR, PUBLICATION},
                                                      {NAME_DISTRIBUTOR, WITHDRAWAL},
                                                      {MSG_FRAGMENTER, FIRST_FRAGMENT},
                                                      {MSG_FRAGMENTER, FRAGMENT},
                                                      {MSG_FRAGMENTER, LAST_FRAGMENT},
                                                      {LINK_CONFIG, DSC_REQ_MSG},
                                                      {LINK_CONFIG, DSC_RESP_MSG},
                                                      {LINK_CONFIG, DSC_TRIAL_MSG},
                                                      {LINK_CONFIG, DSC_TRIAL_FAIL_MSG},
                                                      {MSG_CRYPTO, KEY_DISTR_MSG}};
    for (auto p : internal)
    {
        INFO("user " << p.first << " type " << p.second);
        CHECK(seen.count(p) == 1);
    }
    for (uint32_t t = GRP_JOIN_MSG; t <= GRP_REMIT_MSG; ++t)
    {
        CHECK(seen.count({GROUP_PROTOCOL, t}) == 1);
    }
}

TEST_CASE("structured payloads decode to their parts", "[codec]")
{
    for (const auto& m : tipctest::SampleMessages())
    {
        std::vector<uint8_t> bytes = TipcMessageCodec::Encode(m);
        TipcDecodedMessage d;
        REQUIRE(TipcMessageCodec::Decode(bytes.data(), bytes.size(), d) == TipcDecodeError::NONE);
        uint32_t user = d.header.GetUser();
        if (user == LINK_CONFIG)
        {
            CHECK(d.nodeId == m.nodeId);
            CHECK(d.mediaAddress == m.mediaAddress);
        }
        else if (user == LINK_PROTOCOL && d.header.GetType() == STATE_MSG)
        {
            CHECK(d.hasGapAcks == m.hasGapAcks);
            CHECK(d.gapAcks == m.gapAcks);
            CHECK(d.hasMonitor == m.hasMonitor);
            CHECK(d.monitor == m.monitor);
        }
        else if (user == LINK_PROTOCOL)
        {
            CHECK(d.ifName == m.ifName);
        }
    }
}

TEST_CASE("header-level rejections", "[codec]")
{
    std::vector<uint8_t> good = SampleBytes(TIPC_MEDIUM_IMPORTANCE, TIPC_MCAST_MSG);
    REQUIRE(DecodeBytes(good) == TipcDecodeError::NONE);

    CHECK(DecodeBytes({}) == TipcDecodeError::TRUNCATED_HEADER);
    CHECK(DecodeBytes({0x40, 0x00, 0x00}) == TipcDecodeError::TRUNCATED_HEADER);

    auto b = good;
    SetWord(b, 0, (Word(b, 0) & ~(7U << 29)) | (3U << 29));
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_VERSION);

    b = good;
    SetWord(b, 0, Word(b, 0) & ~(0xfU << 21));
    CHECK(DecodeBytes(b) == TipcDecodeError::HEADER_TOO_SMALL);

    b = good;
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | 20);
    CHECK(DecodeBytes(b) == TipcDecodeError::SIZE_BELOW_HEADER);

    b = good;
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | (MCAST_H_SIZE + TIPC_MAX_USER_MSG_SIZE + 1));
    CHECK(DecodeBytes(b) == TipcDecodeError::DATA_TOO_LARGE);

    b = good;
    b.pop_back();
    CHECK(DecodeBytes(b) == TipcDecodeError::SIZE_EXCEEDS_BUFFER);

    b = good;
    b.push_back(0);
    CHECK(DecodeBytes(b) == TipcDecodeError::TRAILING_BYTES);

    for (uint32_t user : {TIPC_SYSTEM_IMPORTANCE, TOP_SRV})
    {
        b = good;
        SetWord(b, 0, (Word(b, 0) & ~(0xfU << 25)) | (user << 25));
        CHECK(DecodeBytes(b) == TipcDecodeError::UNKNOWN_USER);
    }

    b = SampleBytes(LINK_PROTOCOL, STATE_MSG);
    SetWord(b, 1, (Word(b, 1) & ~(7U << 29)) | (3U << 29));
    CHECK(DecodeBytes(b) == TipcDecodeError::UNKNOWN_TYPE);

    b = SampleBytes(TIPC_LOW_IMPORTANCE, TIPC_CONN_MSG); // CONN with a NAMED-only header is fine
    b = SampleBytes(TIPC_HIGH_IMPORTANCE, TIPC_NAMED_MSG);
    SetWord(b, 0, (Word(b, 0) & ~(0xfU << 21)) | ((BASIC_H_SIZE / 4) << 21));
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_HEADER_SIZE); // NAMED needs 40 bytes

    b = good;
    SetWord(b, 1, Word(b, 1) | (2U << 16));
    CHECK(DecodeBytes(b) == TipcDecodeError::RESERVED_BITS);

    b = SampleBytes(MSG_FRAGMENTER, FRAGMENT);
    SetWord(b, 4, Word(b, 4) & 0xffff);
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_FRAGMENT_NUMBER);

    b = SampleBytes(NAME_DISTRIBUTOR, WITHDRAWAL);
    SetWord(b, 9, 8U << 24);
    CHECK(DecodeBytes(b) == TipcDecodeError::RESERVED_BITS);
}

TEST_CASE("validation reads the payload exactly for the structured users", "[codec]")
{
    for (uint32_t user = 0; user < 16; ++user)
    {
        bool structured = user == LINK_CONFIG || user == LINK_PROTOCOL ||
                          user == NAME_DISTRIBUTOR || user == MSG_BUNDLER ||
                          user == TUNNEL_PROTOCOL;
        INFO("user " << user);
        CHECK(TipcMessageCodec::ValidationReadsPayload(user) == structured);
    }
}

TEST_CASE("payload-level rejections", "[codec]")
{
    // discovery from a TIPC_NODE_ID128 peer without the 16-byte identity
    auto b = SampleBytes(LINK_CONFIG, DSC_REQ_MSG);
    b.resize(MAX_H_SIZE + 8);
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | (MAX_H_SIZE + 8));
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_DISCOVERY_SIZE);
    // ... from an older peer (no TIPC_NODE_ID128): 60 bytes, valid, and encoded back
    SetWord(b, 1, Word(b, 1) & ~(uint32_t{TIPC_NODE_ID128} << 15));
    b.resize(MAX_H_SIZE);
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | MAX_H_SIZE);
    TipcDecodedMessage old;
    REQUIRE(TipcMessageCodec::Decode(b.data(), static_cast<uint32_t>(b.size()), old) ==
            TipcDecodeError::NONE);
    CHECK(old.nodeId.IsZero());
    CHECK(TipcMessageCodec::Encode(old) == b);

    // unknown media type: the receiving medium decides (Ethernet's msg2addr ignores it)
    b = SampleBytes(LINK_CONFIG, DSC_REQ_MSG);
    b[4 * TIPC_MEDIA_INFO_OFFSET + TIPC_MEDIA_TYPE_OFFSET] = 9;
    TipcDecodedMessage unknown;
    REQUIRE(TipcMessageCodec::Decode(b.data(), static_cast<uint32_t>(b.size()), unknown) ==
            TipcDecodeError::NONE);
    CHECK(unknown.mediaAddress.GetMediaType() == 9);
    CHECK(TipcMessageCodec::Encode(unknown) == b);

    // RESET interface name not terminated
    b = SampleBytes(LINK_PROTOCOL, RESET_MSG);
    std::fill(b.begin() + INT_H_SIZE, b.end(), 'A');
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_IF_NAME);

    // STATE: a gap ACK length beyond the data is dropped (tipc_link_proto_rcv); records
    // that do not parse are kept as data and re-encode to the same bytes
    auto keptAsData = [](const std::vector<uint8_t>& bytes, bool gapParsed, uint32_t dataFrom) {
        TipcDecodedMessage d;
        REQUIRE(TipcMessageCodec::Decode(bytes.data(), static_cast<uint32_t>(bytes.size()), d) ==
                TipcDecodeError::NONE);
        CHECK(d.hasGapAcks == gapParsed);
        CHECK_FALSE(d.hasMonitor);
        CHECK(d.data == std::vector<uint8_t>(bytes.begin() + dataFrom, bytes.end()));
        CHECK(TipcMessageCodec::Encode(d) == bytes);
    };
    for (const auto& m : tipctest::SampleMessages())
    {
        if (m.header.GetUser() != LINK_PROTOCOL || !m.hasGapAcks)
        {
            continue;
        }
        b = TipcMessageCodec::Encode(m);
        const auto dsz = static_cast<uint16_t>(b.size() - INT_H_SIZE);
        auto bad = b;
        WriteBe16(&bad[INT_H_SIZE], static_cast<uint16_t>(dsz + 1));
        CHECK(DecodeBytes(bad) == TipcDecodeError::BAD_GAP_ACK_RECORD);
        bad = b;
        WriteBe16(&bad[INT_H_SIZE], dsz); // fits, but disagrees with the block counts
        if (dsz != m.gapAcks.GetSerializedSize())
        {
            keptAsData(bad, false, INT_H_SIZE);
        }
        if (m.hasMonitor)
        {
            bad = b;
            uint32_t mon = INT_H_SIZE + m.gapAcks.GetSerializedSize();
            WriteBe16(&bad[mon + 6], 65); // member_cnt above 64
            keptAsData(bad, true, mon);
            bad = b;
            bad.resize(bad.size() - 2); // record cut short
            SetWord(bad, 0, (Word(bad, 0) & ~0x1ffffU) | static_cast<uint32_t>(bad.size()));
            keptAsData(bad, true, mon);
        }
    }

    // name distributor: empty, truncated item, lower > upper
    b = SampleBytes(NAME_DISTRIBUTOR, WITHDRAWAL);
    auto empty = std::vector<uint8_t>(b.begin(), b.begin() + INT_H_SIZE);
    SetWord(empty, 0, (Word(empty, 0) & ~0x1ffffU) | INT_H_SIZE);
    CHECK(DecodeBytes(empty) == TipcDecodeError::EMPTY_NAME_DISTR);
    auto cut = std::vector<uint8_t>(b.begin(), b.end() - 8);
    SetWord(cut, 0, (Word(cut, 0) & ~0x1ffffU) | static_cast<uint32_t>(cut.size()));
    CHECK(DecodeBytes(cut) == TipcDecodeError::TRUNCATED_ITEMS);
    auto range = b;
    SetWord(range, INT_H_SIZE / 4 + 1, 10); // lower
    SetWord(range, INT_H_SIZE / 4 + 2, 9);  // upper
    CHECK(DecodeBytes(range) == TipcDecodeError::BAD_ITEM_RANGE);
}

TEST_CASE("bundle and tunnel contents", "[codec]")
{
    std::vector<TipcDecodedMessage> samples = tipctest::SampleMessages();
    TipcDecodedMessage bundle;
    TipcDecodedMessage tunnel;
    TipcDecodedMessage named;
    for (const auto& m : samples)
    {
        if (m.header.GetUser() == MSG_BUNDLER)
        {
            bundle = m;
        }
        if (m.header.GetUser() == TUNNEL_PROTOCOL && !m.inner.empty())
        {
            tunnel = m;
        }
        if (m.header.GetUser() == TIPC_HIGH_IMPORTANCE && m.header.GetType() == TIPC_NAMED_MSG)
        {
            named = m;
        }
    }
    REQUIRE(bundle.inner.size() == 3);

    auto b = TipcMessageCodec::Encode(bundle);
    SetWord(b, 9, (Word(b, 9) & 0xffff) | (2U << 16));
    CHECK(DecodeBytes(b) == TipcDecodeError::BAD_MESSAGE_COUNT);

    TipcDecodedMessage nested = bundle;
    nested.inner = {bundle};
    TipcMessageCodec::Finalize(nested);
    CHECK(DecodeBytes(TipcMessageCodec::Encode(nested)) == TipcDecodeError::NESTED_BUNDLE);

    TipcDecodedMessage withLink = bundle;
    withLink.inner[1] = samples[0];
    withLink.inner[1].header.Init(1, LINK_PROTOCOL, STATE_MSG, INT_H_SIZE, 2);
    withLink.inner[1].hasGapAcks = false;
    withLink.inner[1].data.clear();
    TipcMessageCodec::Finalize(withLink);
    CHECK(DecodeBytes(TipcMessageCodec::Encode(withLink)) == TipcDecodeError::BAD_INNER_USER);

    TipcDecodedMessage emptyBundle = bundle;
    emptyBundle.inner.clear();
    TipcMessageCodec::Finalize(emptyBundle);
    CHECK(DecodeBytes(TipcMessageCodec::Encode(emptyBundle)) == TipcDecodeError::EMPTY_BUNDLE);

    // last inner message cut: its size claims more than the bundle holds
    b = TipcMessageCodec::Encode(bundle);
    b.resize(b.size() - 1);
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | static_cast<uint32_t>(b.size()));
    CHECK(DecodeBytes(b) == TipcDecodeError::TRUNCATED_INNER);

    // an inner message with a broken payload is reported with its own reason
    TipcDecodedMessage badInner = bundle;
    TipcDecodedMessage nd;
    for (const auto& m : samples)
    {
        if (m.header.GetUser() == NAME_DISTRIBUTOR)
        {
            nd = m;
        }
    }
    nd.items[0].lower = nd.items[0].upper + 1;
    badInner.inner[0] = nd;
    TipcMessageCodec::Finalize(badInner);
    CHECK(DecodeBytes(TipcMessageCodec::Encode(badInner)) == TipcDecodeError::BAD_ITEM_RANGE);

    // tunnels nest, but not without bound
    TipcDecodedMessage deep = tunnel;
    for (uint32_t i = 0; i < TipcMessageCodec::MAX_DEPTH; ++i)
    {
        TipcDecodedMessage outer = tunnel;
        outer.inner = {deep};
        TipcMessageCodec::Finalize(outer);
        deep = outer;
    }
    CHECK(DecodeBytes(TipcMessageCodec::Encode(deep)) == TipcDecodeError::TOO_DEEP);

    // tunnel data longer than the inner message
    b = TipcMessageCodec::Encode(tunnel);
    b.push_back(0);
    SetWord(b, 0, (Word(b, 0) & ~0x1ffffU) | static_cast<uint32_t>(b.size()));
    CHECK(DecodeBytes(b) == TipcDecodeError::TRAILING_BYTES);
    (void)named;
}

TEST_CASE("Ethernet padding is accepted only where Ethernet pads", "[codec]")
{
    auto state = SampleBytes(LINK_PROTOCOL, STATE_MSG); // 40 bytes, header only
    REQUIRE(state.size() == INT_H_SIZE);
    auto padded = state;
    padded.resize(ETH_MIN_PAYLOAD, 0);
    CHECK(DecodeBytes(padded) == TipcDecodeError::TRAILING_BYTES);
    CHECK(DecodeBytes(padded, TipcMessageCodec::Trailer::ETHERNET_PADDING) ==
          TipcDecodeError::NONE);
    auto big = SampleBytes(LINK_CONFIG, DSC_REQ_MSG); // 76 bytes: never padded
    big.push_back(0);
    CHECK(DecodeBytes(big, TipcMessageCodec::Trailer::ETHERNET_PADDING) ==
          TipcDecodeError::TRAILING_BYTES);
    CHECK(DecodeBytes(big, TipcMessageCodec::Trailer::ANY) == TipcDecodeError::NONE);
}

TEST_CASE("every proper prefix of a message is rejected", "[codec]")
{
    for (const auto& m : tipctest::SampleMessages())
    {
        auto bytes = TipcMessageCodec::Encode(m);
        for (size_t n = 0; n < bytes.size(); ++n)
        {
            std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + n);
            INFO(m.header.ToString() << " prefix " << n);
            CHECK(DecodeBytes(prefix) != TipcDecodeError::NONE);
        }
    }
}
