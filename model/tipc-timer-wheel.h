// SPDX-License-Identifier: GPL-2.0-only
//
// When a Linux timer_list timer runs: the hierarchical timer wheel of
// kernel/time/timer.c (Linux >= 4.8; calc_wheel_index, calc_index) files a
// timer in a bucket whose granularity grows with the distance to its expiry
// and runs it on the bucket's tick, never early and up to one granularity late.
// TIPC's node (link supervision), discovery, socket and subscription timers
// are such timers, so their periods carry this rounding.

#ifndef TIPC_TIMER_WHEEL_H
#define TIPC_TIMER_WHEEL_H

#include <cstdint>

namespace ns3
{
namespace tipc
{

/// Bits of the granularity step between wheel levels (LVL_CLK_SHIFT): 8x per level.
constexpr uint32_t TIMER_LVL_CLK_SHIFT = 3;
/// Bits of buckets per level (LVL_BITS): 64 buckets.
constexpr uint32_t TIMER_LVL_BITS = 6;

/**
 * @ingroup tipc
 * @brief Wheel levels of a kernel with this HZ (LVL_DEPTH): 9 above HZ 100, else 8.
 * @param hz kernel timer frequency
 * @return number of levels
 */
constexpr uint32_t
TimerWheelDepth(uint32_t hz)
{
    return hz > 100 ? 9 : 8;
}

/**
 * @ingroup tipc
 * @brief Granularity of a wheel level in jiffies (LVL_GRAN): 8^level.
 * @param level wheel level
 * @return jiffies per bucket
 */
constexpr int64_t
TimerWheelGranularity(uint32_t level)
{
    return int64_t{1} << (level * TIMER_LVL_CLK_SHIFT);
}

/**
 * @ingroup tipc
 * @brief Smallest distance filed in a wheel level (LVL_START): 63 x 8^(level - 1).
 * @param level wheel level, at least 1
 * @return jiffies
 */
constexpr int64_t
TimerWheelLevelStart(uint32_t level)
{
    return ((int64_t{1} << TIMER_LVL_BITS) - 1) << ((level - 1) * TIMER_LVL_CLK_SHIFT);
}

/**
 * @ingroup tipc
 * @brief The jiffy on which Linux runs a timer armed at @p clk to expire at @p expires.
 *
 * The level is chosen by the distance (below 63 jiffies level 0, below 504 level 1,
 * below 4032 level 2, ...) and the expiry is rounded up to the level's granularity,
 * strictly: the next multiple of 8^level above @p expires. A level-0 timer therefore
 * runs one jiffy late, a 94-jiffy timer (375 ms at HZ 250) on the next multiple of 8
 * jiffies after its expiry, which makes a rearmed period of 96 jiffies (384 ms).
 * An expiry in the past runs on the next tick (@p clk); distances beyond the wheel
 * are capped as WHEEL_TIMEOUT_MAX.
 * @param clk the timer base clock when the timer is armed (jiffies)
 * @param expires the requested expiry (jiffies)
 * @param depth wheel levels (TimerWheelDepth)
 * @return the bucket expiry: the jiffy on whose tick the timer runs
 */
constexpr int64_t
TimerWheelExpiry(int64_t clk, int64_t expires, uint32_t depth)
{
    const int64_t delta = expires - clk;
    if (delta < 0)
    {
        return clk;
    }
    uint32_t level = 0;
    while (level + 1 < depth && delta >= TimerWheelLevelStart(level + 1))
    {
        ++level;
    }
    if (level + 1 == depth && delta >= TimerWheelLevelStart(depth))
    {
        expires = clk + TimerWheelLevelStart(depth) - TimerWheelGranularity(depth - 1);
    }
    const uint32_t shift = level * TIMER_LVL_CLK_SHIFT;
    return ((expires >> shift) + 1) << shift;
}

} // namespace tipc
} // namespace ns3

#endif // TIPC_TIMER_WHEEL_H
