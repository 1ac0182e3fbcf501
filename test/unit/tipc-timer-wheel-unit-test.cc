// SPDX-License-Identifier: GPL-2.0-only
//
// The Linux timer wheel's expiry rounding (kernel/time/timer.c, calc_wheel_index)
// against a brute-force definition, and the periods it gives TIPC's timers at
// HZ 250, which the Linux 6.1 captures show (132 ms trial frames, 384 ms probes).

#include "ns3/tipc-timer-wheel.h"

#include <catch2/catch.hpp>

using namespace ns3::tipc;

namespace
{
/// Reference: the level is the first whose range holds the distance (63 x 8^(l-1) is
/// the start of level l); the timer runs on the first multiple of 8^l after its expiry.
int64_t
RefExpiry(int64_t clk, int64_t expires, uint32_t depth)
{
    const int64_t delta = expires - clk;
    if (delta < 0)
    {
        return clk;
    }
    uint32_t level = 0;
    int64_t start = 63;
    while (level + 1 < depth && delta >= start)
    {
        ++level;
        start *= 8;
    }
    int64_t gran = 1;
    for (uint32_t i = 0; i < level; ++i)
    {
        gran *= 8;
    }
    int64_t t = expires + 1;
    while (t % gran != 0)
    {
        ++t;
    }
    return t;
}

/// Jiffies between runs of a timer re-armed from its own handler every @p interval.
int64_t
RearmedPeriod(int64_t interval, int64_t clk0)
{
    int64_t first = TimerWheelExpiry(clk0, clk0 + interval, 9);
    int64_t second = TimerWheelExpiry(first, first + interval, 9);
    int64_t third = TimerWheelExpiry(second, second + interval, 9);
    CHECK(third - second == second - first); // steady after the first run
    return third - second;
}
} // namespace

TEST_CASE("timer wheel: levels and rounding", "[timerwheel]")
{
    CHECK(TimerWheelDepth(250) == 9);
    CHECK(TimerWheelDepth(100) == 8);
    CHECK(TimerWheelLevelStart(1) == 63);
    CHECK(TimerWheelLevelStart(2) == 504);
    CHECK(TimerWheelLevelStart(3) == 4032);
    // level 0 (< 63 jiffies): one jiffy late
    CHECK(TimerWheelExpiry(1000, 1000, 9) == 1001);
    CHECK(TimerWheelExpiry(1000, 1032, 9) == 1033);
    CHECK(TimerWheelExpiry(1000, 1062, 9) == 1063);
    // level 1 (63 .. 503): next multiple of 8 strictly after the expiry
    CHECK(TimerWheelExpiry(1000, 1063, 9) == 1064);
    CHECK(TimerWheelExpiry(1000, 1064, 9) == 1072);
    CHECK(TimerWheelExpiry(800, 894, 9) == 896);
    CHECK(TimerWheelExpiry(0, 503, 9) == 504);
    // level 2 (504 .. 4031): multiples of 64; level 3: of 512
    CHECK(TimerWheelExpiry(0, 504, 9) == 512);
    CHECK(TimerWheelExpiry(0, 15000, 9) == 15360);
    // an expiry in the past runs on the next tick
    CHECK(TimerWheelExpiry(100, 90, 9) == 100);
    // beyond the wheel: capped (WHEEL_TIMEOUT_MAX), never earlier than the cap
    const int64_t cutoff = TimerWheelLevelStart(9);
    const int64_t capped = TimerWheelExpiry(0, 4 * cutoff, 9);
    CHECK(capped > cutoff - TimerWheelGranularity(8));
    CHECK(capped <= cutoff);
}

TEST_CASE("timer wheel: matches the brute-force definition", "[timerwheel]")
{
    for (int64_t clk : {0, 1, 7, 8, 1003, 65535, 123457})
    {
        for (int64_t d = -3; d < 40000; d += (d < 1200 ? 1 : 97))
        {
            INFO("clk " << clk << " delta " << d);
            REQUIRE(TimerWheelExpiry(clk, clk + d, 9) == RefExpiry(clk, clk + d, 9));
            REQUIRE(TimerWheelExpiry(clk, clk + d, 8) == RefExpiry(clk, clk + d, 8));
            // never early, late by less than the level's granularity (level 0: one jiffy)
            if (d >= 0)
            {
                REQUIRE(TimerWheelExpiry(clk, clk + d, 9) > clk + d);
            }
        }
    }
}

TEST_CASE("timer wheel: TIPC timer periods at HZ 250 as in the Linux 6.1 captures", "[timerwheel]")
{
    // link keepalive at tolerance 1.5 s: 375 ms = 94 jiffies -> probes every 96 (384 ms)
    for (int64_t clk0 : {0, 1, 5, 7, 1001})
    {
        CHECK(RearmedPeriod(94, clk0) == 96);
    }
    // discovery during the address trial: 125 ms = 32 jiffies -> frames every 33 (132 ms)
    CHECK(RearmedPeriod(32, 3) == 33);
    // keepalive at tolerance 50 ms: 12 ms = 3 jiffies -> every 4 (16 ms)
    CHECK(RearmedPeriod(3, 3) == 4);
    // keepalive capped at 500 ms (tolerance >= 2 s): 125 jiffies -> every 128 (512 ms)
    CHECK(RearmedPeriod(125, 3) == 128);
}
