// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-window-control.h"

#include <algorithm>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(TipcWindowControl);
NS_OBJECT_ENSURE_REGISTERED(TipcVariableWindow);
NS_OBJECT_ENSURE_REGISTERED(TipcFixedWindow);

using namespace tipc;

namespace
{
/// SYSTEM importance backlog: room for a full bulk name distribution.
uint32_t
SystemLimit(uint32_t mtu)
{
    uint32_t perPkt = std::max<uint32_t>(mtu / ITEM_SIZE, 1);
    return TIPC_MAX_PUBL / perPkt;
}
} // namespace

TypeId
TipcWindowControl::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcWindowControl").SetParent<Object>().SetGroupName("Tipc");
    return tid;
}

TypeId
TipcVariableWindow::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcVariableWindow")
                            .SetParent<TipcWindowControl>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcVariableWindow>();
    return tid;
}

std::string
TipcVariableWindow::GetName() const
{
    return "variable";
}

void
TipcVariableWindow::Init(TipcWindowState& s,
                         uint32_t minWin,
                         uint32_t maxWin,
                         uint32_t mtu,
                         std::array<uint32_t, 5>& limits) const
{
    s.minWin = minWin;
    s.maxWin = std::max(maxWin, minWin);
    s.ssthresh = s.maxWin;
    s.window = minWin;
    limits = {2 * minWin, 4 * minWin, 6 * minWin, 8 * minWin, SystemLimit(mtu)};
}

void
TipcVariableWindow::Update(TipcWindowState& s,
                           uint32_t released,
                           bool retransmitted,
                           uint32_t txq,
                           uint32_t blq,
                           bool holes) const
{
    uint32_t w = s.window;
    if (retransmitted)
    {
        // fast recovery
        s.ssthresh = std::max(w / 2, TIPC_LINK_SSTHRESH_MIN);
        s.window = std::min(s.ssthresh, w);
        return;
    }
    if (released == 0)
    {
        // nothing sent since the last timer tick: slow start again
        s.ssthresh = std::max(w / 2, TIPC_LINK_SSTHRESH_MIN);
        s.window = s.minWin;
        return;
    }
    if (txq + blq < w)
    {
        return; // no pressure
    }
    if (txq > 0 && holes)
    {
        return; // selective acks left holes
    }
    s.congAcks += released;
    if (w <= s.ssthresh)
    {
        s.window = std::min(w + released, s.maxWin); // slow start
        return;
    }
    if (s.congAcks < w)
    {
        return;
    }
    s.window = std::min(w + 1, s.maxWin); // congestion avoidance
    s.congAcks = 0;
}

TypeId
TipcFixedWindow::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcFixedWindow")
                            .SetParent<TipcWindowControl>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcFixedWindow>();
    return tid;
}

std::string
TipcFixedWindow::GetName() const
{
    return "fixed";
}

void
TipcFixedWindow::Init(TipcWindowState& s,
                      uint32_t minWin,
                      uint32_t /* maxWin */,
                      uint32_t mtu,
                      std::array<uint32_t, 5>& limits) const
{
    s.minWin = minWin;
    s.maxWin = minWin;
    s.ssthresh = minWin;
    s.window = minWin;
    limits = {std::max(50U, minWin),
              std::max(100U, 2 * minWin),
              std::max(150U, 3 * minWin),
              std::max(200U, 4 * minWin),
              SystemLimit(mtu)};
}

void
TipcFixedWindow::Update(TipcWindowState& /* s */,
                        uint32_t /* released */,
                        bool /* retransmitted */,
                        uint32_t /* txq */,
                        uint32_t /* blq */,
                        bool /* holes */) const
{
}

} // namespace ns3
