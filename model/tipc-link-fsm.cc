// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-link-fsm.h"

#include "tipc-fsm-table.h"

#include <array>

namespace ns3
{

using namespace tipc;

namespace
{

constexpr std::array<uint32_t, 7> STATES = {LINK_RESETTING,
                                            LINK_RESET,
                                            LINK_PEER_RESET,
                                            LINK_FAILINGOVER,
                                            LINK_ESTABLISHING,
                                            LINK_ESTABLISHED,
                                            LINK_SYNCHING};
constexpr std::array<uint32_t, 8> EVENTS = {LINK_ESTABLISH_EVT,
                                            LINK_PEER_RESET_EVT,
                                            LINK_FAILURE_EVT,
                                            LINK_RESET_EVT,
                                            LINK_FAILOVER_BEGIN_EVT,
                                            LINK_FAILOVER_END_EVT,
                                            LINK_SYNCH_BEGIN_EVT,
                                            LINK_SYNCH_END_EVT};

/// Table entry: STAY (legal, no change), ILL (illegal), or a next state.
constexpr uint32_t STAY = 0;
constexpr uint32_t ILL = 1;
/// Next state plus "link went down" (TIPC_LINK_DOWN_EVT).
constexpr uint32_t DOWN = 0x80000000;

// Rows: STATES order; columns: EVENTS order (reference section 5.2).
constexpr uint32_t TABLE[7][8] = {
    // ESTABLISH,  PEER_RESET,                 FAILURE,                   RESET,        FO_BEGIN,
    // FO_END,     SYNCH_BEGIN,   SYNCH_END
    {ILL, LINK_PEER_RESET, ILL, LINK_RESET, ILL, ILL, ILL, ILL},                   // RESETTING
    {STAY, LINK_ESTABLISHING, STAY, STAY, LINK_FAILINGOVER, STAY, ILL, ILL},       // RESET
    {STAY, STAY, STAY, LINK_ESTABLISHING, ILL, ILL, ILL, ILL},                     // PEER_RESET
    {STAY, STAY, STAY, STAY, ILL, LINK_RESET, ILL, ILL},                           // FAILINGOVER
    {LINK_ESTABLISHED, STAY, STAY, LINK_RESET, LINK_FAILINGOVER, STAY, STAY, ILL}, // ESTABLISHING
    {STAY,
     LINK_PEER_RESET | DOWN,
     LINK_RESETTING | DOWN,
     LINK_RESET,
     ILL,
     ILL,
     LINK_SYNCHING,
     STAY},
    {STAY,
     LINK_PEER_RESET | DOWN,
     LINK_RESETTING | DOWN,
     LINK_RESET,
     ILL,
     ILL,
     STAY,
     LINK_ESTABLISHED},
};

} // namespace

TipcLinkFsm::TipcLinkFsm()
    : m_state(LINK_RESETTING)
{
}

TipcLinkFsm::Result
TipcLinkFsm::Transition(uint32_t state, uint32_t event)
{
    int s = FsmIndexOf(STATES, state);
    int e = FsmIndexOf(EVENTS, event);
    if (s < 0 || e < 0)
    {
        return {state, 0, true};
    }
    uint32_t entry = TABLE[s][e];
    if (entry == STAY)
    {
        return {state, 0, false};
    }
    if (entry == ILL)
    {
        return {state, 0, true};
    }
    return {entry & ~DOWN, (entry & DOWN) ? TIPC_LINK_DOWN_EVT : 0U, false};
}

TipcLinkFsm::Result
TipcLinkFsm::Apply(uint32_t event)
{
    Result r = Transition(m_state, event);
    m_state = r.state;
    return r;
}

void
TipcLinkFsm::Force(uint32_t state)
{
    m_state = state;
}

uint32_t
TipcLinkFsm::GetState() const
{
    return m_state;
}

bool
TipcLinkFsm::IsUp() const
{
    return m_state == LINK_ESTABLISHED || m_state == LINK_SYNCHING;
}

bool
TipcLinkFsm::IsReset() const
{
    return m_state == LINK_RESET || m_state == LINK_FAILINGOVER || m_state == LINK_ESTABLISHING;
}

bool
TipcLinkFsm::IsBlocked() const
{
    return m_state == LINK_RESETTING || m_state == LINK_PEER_RESET || m_state == LINK_FAILINGOVER;
}

bool
TipcLinkFsm::IsEstablishing() const
{
    return m_state == LINK_ESTABLISHING;
}

bool
TipcLinkFsm::IsSynching() const
{
    return m_state == LINK_SYNCHING;
}

bool
TipcLinkFsm::IsFailingOver() const
{
    return m_state == LINK_FAILINGOVER;
}

std::string
TipcLinkFsm::StateName(uint32_t state)
{
    switch (state)
    {
    case LINK_ESTABLISHED:
        return "ESTABLISHED";
    case LINK_ESTABLISHING:
        return "ESTABLISHING";
    case LINK_RESET:
        return "RESET";
    case LINK_RESETTING:
        return "RESETTING";
    case LINK_PEER_RESET:
        return "PEER_RESET";
    case LINK_FAILINGOVER:
        return "FAILINGOVER";
    case LINK_SYNCHING:
        return "SYNCHING";
    default:
        return "UNKNOWN";
    }
}

std::string
TipcLinkFsm::EventName(uint32_t event)
{
    switch (event)
    {
    case LINK_ESTABLISH_EVT:
        return "ESTABLISH";
    case LINK_PEER_RESET_EVT:
        return "PEER_RESET";
    case LINK_FAILURE_EVT:
        return "FAILURE";
    case LINK_RESET_EVT:
        return "RESET";
    case LINK_FAILOVER_BEGIN_EVT:
        return "FAILOVER_BEGIN";
    case LINK_FAILOVER_END_EVT:
        return "FAILOVER_END";
    case LINK_SYNCH_BEGIN_EVT:
        return "SYNCH_BEGIN";
    case LINK_SYNCH_END_EVT:
        return "SYNCH_END";
    default:
        return "UNKNOWN";
    }
}

} // namespace ns3
