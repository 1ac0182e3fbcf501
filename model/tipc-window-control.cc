// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-window-control.h"

#include "tipc-attribute-check.h"

#include "ns3/fatal-error.h"
#include "ns3/uinteger.h"

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
TipcWindowControl::LookupByName(const std::string& name, const std::string& option)
{
    if (name == "variable")
    {
        return TipcVariableWindow::GetTypeId();
    }
    if (name == "fixed")
    {
        return TipcFixedWindow::GetTypeId();
    }
    NS_FATAL_ERROR(option << "=" << name << ": use variable or fixed");
    return TypeId();
}

TypeId
TipcVariableWindow::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TipcVariableWindow")
                            .SetParent<TipcWindowControl>()
                            .SetGroupName("Tipc")
                            .AddConstructor<TipcVariableWindow>()
                            .AddAttribute("SsthreshMin",
                                          "Floor of the slow-start threshold after a loss or "
                                          "an idle interval (Linux 300 packets); 1 .. 8191.",
                                          UintegerValue(TIPC_LINK_SSTHRESH_MIN),
                                          MakeUintegerAccessor(&TipcVariableWindow::SetSsthreshMin),
                                          MakeUintegerChecker<uint32_t>());
    return tid;
}

void
TipcVariableWindow::SetSsthreshMin(uint32_t n)
{
    CheckAttributeRange("ns3::TipcVariableWindow", "SsthreshMin", n, 1, TIPC_MAX_LINK_WIN);
    m_ssthreshMin = n;
}

std::string
TipcVariableWindow::GetName() const
{
    return "variable";
}

bool
TipcVariableWindow::ProbesIdleLink() const
{
    return true;
}

bool
TipcVariableWindow::NacksOnAnyState() const
{
    return false;
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
        s.ssthresh = std::max(w / 2, m_ssthreshMin);
        s.window = std::min(s.ssthresh, w);
        return;
    }
    if (released == 0)
    {
        // nothing sent since the last timer tick: slow start again
        s.ssthresh = std::max(w / 2, m_ssthreshMin);
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

bool
TipcFixedWindow::ProbesIdleLink() const
{
    return false;
}

bool
TipcFixedWindow::NacksOnAnyState() const
{
    return true;
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
