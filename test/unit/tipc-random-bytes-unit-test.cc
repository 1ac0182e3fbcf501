// SPDX-License-Identifier: GPL-2.0-only
//
// Decoding is total: random byte strings and random mutations of valid
// messages either decode or are rejected with a reason; whatever decodes
// re-encodes to the same bytes.  (The sanitizer build and the libFuzzer target
// in test/fuzz run the same property at larger scale.)

#include "../tipc-test-utils.h"

#include "ns3/tipc-constants.h"
#include "ns3/tipc-message-codec.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace ns3;

namespace
{

/// The property every input must satisfy.
void
CheckTotal(const std::vector<uint8_t>& in, uint64_t& decoded)
{
    TipcDecodedMessage d;
    TipcDecodeError e = TipcMessageCodec::Decode(in.data(), static_cast<uint32_t>(in.size()), d);
    TipcHeader h;
    TipcDecodeError v = TipcMessageCodec::Validate(in.data(), static_cast<uint32_t>(in.size()), h);
    REQUIRE(e == v);
    if (in.size() > tipc::MAX_H_SIZE &&
        !TipcMessageCodec::ValidationReadsPayload(TipcHeader::PeekUser(in[0])))
    {
        // what the receive path relies on: only the header bytes are read
        std::vector<uint8_t> scrambled = in;
        for (std::size_t i = tipc::MAX_H_SIZE; i < scrambled.size(); ++i)
        {
            scrambled[i] = static_cast<uint8_t>(~scrambled[i]);
        }
        REQUIRE(TipcMessageCodec::Validate(scrambled.data(),
                                           static_cast<uint32_t>(scrambled.size()),
                                           h) == v);
    }
    if (e == TipcDecodeError::NONE)
    {
        ++decoded;
        REQUIRE(TipcMessageCodec::Encode(d) == in);
    }
    else
    {
        REQUIRE(TipcDecodeErrorToString(e) != "unknown error");
    }
}

} // namespace

TEST_CASE("random bytes never crash the decoder", "[random]")
{
    std::mt19937 rng(4711);
    uint64_t decoded = 0;
    for (int i = 0; i < 20000; ++i)
    {
        std::vector<uint8_t> in(rng() % 200);
        for (auto& b : in)
        {
            b = static_cast<uint8_t>(rng());
        }
        if (in.size() >= 4 && (i % 2) == 0)
        {
            // make half of them look like TIPC v2 with a consistent size
            in[0] = static_cast<uint8_t>((in[0] & 0x1f) | 0x40);
            in[1] = static_cast<uint8_t>(in[1] & 0xfe);
            in[2] = static_cast<uint8_t>(in.size() >> 8);
            in[3] = static_cast<uint8_t>(in.size());
        }
        CheckTotal(in, decoded);
    }
    INFO("decoded " << decoded);
    CHECK(decoded > 0);
}

TEST_CASE("mutated valid messages never crash the decoder", "[random]")
{
    std::mt19937 rng(1);
    std::vector<std::vector<uint8_t>> seeds;
    for (const auto& m : tipctest::SampleMessages())
    {
        seeds.push_back(TipcMessageCodec::Encode(m));
    }
    uint64_t decoded = 0;
    for (int i = 0; i < 50000; ++i)
    {
        std::vector<uint8_t> in = seeds[rng() % seeds.size()];
        int flips = 1 + static_cast<int>(rng() % 4);
        for (int f = 0; f < flips && !in.empty(); ++f)
        {
            switch (rng() % 4)
            {
            case 0:
                in[rng() % in.size()] ^= static_cast<uint8_t>(1U << (rng() % 8));
                break;
            case 1:
                in[rng() % in.size()] = static_cast<uint8_t>(rng());
                break;
            case 2:
                in.resize(rng() % (in.size() + 1));
                break;
            default:
                in.insert(in.begin() + rng() % (in.size() + 1), static_cast<uint8_t>(rng()));
                break;
            }
        }
        CheckTotal(in, decoded);
    }
    INFO("decoded " << decoded);
    CHECK(decoded > 1000);
}
