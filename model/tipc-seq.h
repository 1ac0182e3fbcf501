// SPDX-License-Identifier: GPL-2.0-only
//
// 16-bit TIPC sequence-number arithmetic with wrap-around (Linux core.h:
// less_eq / less / more / in_range; reference section 1.6).

#ifndef TIPC_SEQ_H
#define TIPC_SEQ_H

#include <cstdint>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief a <= b in 16-bit sequence space: (b - a) mod 2^16 < 32768.
 * @param a left operand
 * @param b right operand
 * @return true if a is at or before b
 */
constexpr bool
SeqLessEq(uint16_t a, uint16_t b)
{
    return static_cast<uint16_t>(b - a) < 32768U;
}

/**
 * @ingroup tipc
 * @brief a > b in 16-bit sequence space (the negation of SeqLessEq).
 * @param a left operand
 * @param b right operand
 * @return true if a is after b
 */
constexpr bool
SeqMore(uint16_t a, uint16_t b)
{
    return !SeqLessEq(a, b);
}

/**
 * @ingroup tipc
 * @brief a < b in 16-bit sequence space.
 * @param a left operand
 * @param b right operand
 * @return true if a is strictly before b
 */
constexpr bool
SeqLess(uint16_t a, uint16_t b)
{
    return SeqLessEq(a, b) && a != b;
}

/**
 * @ingroup tipc
 * @brief min <= v <= max in 16-bit sequence space.
 * @param v value
 * @param min lower bound
 * @param max upper bound
 * @return true if v lies in [min, max]
 */
constexpr bool
SeqInRange(uint16_t v, uint16_t min, uint16_t max)
{
    return !SeqLess(v, min) && !SeqMore(v, max);
}

/**
 * @ingroup tipc
 * @brief Forward distance from a to b, (b - a) mod 2^16.
 * @param a start
 * @param b end
 * @return number of increments from a to reach b
 */
constexpr uint16_t
SeqDistance(uint16_t a, uint16_t b)
{
    return static_cast<uint16_t>(b - a);
}

} // namespace tipc
} // namespace ns3

#endif // TIPC_SEQ_H
