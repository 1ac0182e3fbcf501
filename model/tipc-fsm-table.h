// SPDX-License-Identifier: GPL-2.0-only
#ifndef TIPC_FSM_TABLE_H
#define TIPC_FSM_TABLE_H

#include <array>
#include <cstddef>
#include <cstdint>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief Row or column of a value in a state-machine table (the FSMs keep
 *        Linux's state and event codes, which are not dense indices).
 * @param list the codes, in table order
 * @param v the code to find
 * @return its index, or -1 if it is not in the list
 */
template <size_t N>
int
FsmIndexOf(const std::array<uint32_t, N>& list, uint32_t v)
{
    for (size_t i = 0; i < N; ++i)
    {
        if (list[i] == v)
        {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace tipc
} // namespace ns3

#endif /* TIPC_FSM_TABLE_H */
