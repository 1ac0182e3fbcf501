// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TRACE_H
#define TIPC_TRACE_H

#include "ns3/traced-callback.h"

#include <utility>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief Call a trace source of the per-packet path only when a sink is
 *        connected.
 *
 * A TracedCallback takes its arguments by value, so even without a sink each
 * call converts and copies its Ptr arguments (about 40 instructions; a link
 * packet passes 14 such trace sources).  The arguments here are forwarded and
 * converted only if a sink is connected.  Where computing an argument is itself
 * costly (a link's name), test TracedCallback::IsEmpty() before computing it.
 *
 * @param trace the trace source
 * @param args its arguments
 */
template <typename... Ts, typename... Args>
inline void
FireTrace(const TracedCallback<Ts...>& trace, Args&&... args)
{
    if (!trace.IsEmpty())
    {
        trace(std::forward<Args>(args)...);
    }
}

} // namespace tipc
} // namespace ns3

#endif // TIPC_TRACE_H
