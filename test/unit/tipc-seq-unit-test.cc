// SPDX-License-Identifier: GPL-2.0-only
//
// 16-bit sequence arithmetic (reference section 1.6) against a brute-force
// definition by modular distance.

#include "ns3/tipc-seq.h"

#include <catch2/catch.hpp>

using namespace ns3::tipc;

namespace
{
/// Reference definition: a <= b iff walking forward from a reaches b in < 2^15 steps.
bool
RefLessEq(uint16_t a, uint16_t b)
{
    uint32_t steps = (uint32_t(b) + 65536U - a) % 65536U;
    return steps < 32768U;
}
} // namespace

TEST_CASE("sequence comparisons wrap at 2^16", "[seq]")
{
    CHECK(SeqLess(65535, 0));
    CHECK(SeqMore(0, 65535));
    CHECK(SeqLessEq(7, 7));
    CHECK_FALSE(SeqLess(7, 7));
    CHECK_FALSE(SeqMore(7, 7));
    CHECK(SeqLessEq(0, 32767));
    CHECK_FALSE(SeqLessEq(0, 32768)); // half the space away counts as "before"
    CHECK(SeqMore(0, 32768));
    CHECK(SeqInRange(3, 65530, 10));
    CHECK_FALSE(SeqInRange(11, 65530, 10));
    CHECK_FALSE(SeqInRange(65529, 65530, 10));
    CHECK(SeqDistance(65534, 2) == 4);
}

TEST_CASE("sequence comparisons agree with the modular definition", "[seq]")
{
    const uint16_t probes[] =
        {0, 1, 2, 100, 16383, 32766, 32767, 32768, 32769, 40000, 65534, 65535};
    for (uint16_t a : probes)
    {
        for (uint16_t b : probes)
        {
            INFO("a=" << a << " b=" << b);
            CHECK(SeqLessEq(a, b) == RefLessEq(a, b));
            CHECK(SeqLess(a, b) == (RefLessEq(a, b) && a != b));
            CHECK(SeqMore(a, b) == !RefLessEq(a, b));
        }
    }
    // exhaustive around a wrap for one operand
    for (uint32_t d = 0; d < 65536; d += 7)
    {
        uint16_t b = static_cast<uint16_t>(65500 + d);
        CHECK(SeqLessEq(65500, b) == (d < 32768));
    }
}
