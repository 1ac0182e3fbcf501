// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-node-fsm.h"

#include "tipc-fsm-table.h"

#include <array>

namespace ns3
{

using namespace tipc;

namespace
{

constexpr std::array<uint32_t, 8> STATES = {SELF_DOWN_PEER_DOWN,
                                            SELF_UP_PEER_UP,
                                            SELF_DOWN_PEER_LEAVING,
                                            SELF_UP_PEER_COMING,
                                            SELF_COMING_PEER_UP,
                                            SELF_LEAVING_PEER_DOWN,
                                            NODE_FAILINGOVER,
                                            NODE_SYNCHING};
constexpr std::array<uint32_t, 8> EVENTS = {SELF_ESTABL_CONTACT_EVT,
                                            SELF_LOST_CONTACT_EVT,
                                            PEER_ESTABL_CONTACT_EVT,
                                            PEER_LOST_CONTACT_EVT,
                                            NODE_SYNCH_BEGIN_EVT,
                                            NODE_SYNCH_END_EVT,
                                            NODE_FAILOVER_BEGIN_EVT,
                                            NODE_FAILOVER_END_EVT};

constexpr uint32_t STAY = 0;
constexpr uint32_t ILL = 1;

// Rows: STATES order; columns: EVENTS order (reference section 6.4).
constexpr uint32_t TABLE[8][8] = {
    // SELF_ESTABL,       SELF_LOST,              PEER_ESTABL,         PEER_LOST, SYNCH_BEGIN,
    // SYNCH_END,       FO_BEGIN,         FO_END
    {SELF_UP_PEER_COMING, STAY, SELF_COMING_PEER_UP, STAY, ILL, ILL, ILL, ILL}, // DOWN_DOWN
    {STAY,
     SELF_DOWN_PEER_LEAVING,
     STAY,
     SELF_LEAVING_PEER_DOWN,
     NODE_SYNCHING,
     STAY,
     NODE_FAILINGOVER,
     STAY},                                                                   // UP_UP
    {STAY, STAY, STAY, SELF_DOWN_PEER_DOWN, ILL, ILL, ILL, ILL},              // DOWN_LEAVING
    {STAY, SELF_DOWN_PEER_DOWN, SELF_UP_PEER_UP, STAY, ILL, STAY, STAY, ILL}, // UP_COMING
    {SELF_UP_PEER_UP, STAY, STAY, SELF_DOWN_PEER_DOWN, ILL, ILL, ILL, ILL},   // COMING_UP
    {STAY, SELF_DOWN_PEER_DOWN, STAY, STAY, ILL, ILL, ILL, ILL},              // LEAVING_DOWN
    {STAY,
     SELF_DOWN_PEER_LEAVING,
     STAY,
     SELF_LEAVING_PEER_DOWN,
     ILL,
     ILL,
     STAY,
     SELF_UP_PEER_UP}, // FAILINGOVER
    {STAY,
     SELF_DOWN_PEER_LEAVING,
     STAY,
     SELF_LEAVING_PEER_DOWN,
     STAY,
     SELF_UP_PEER_UP,
     NODE_FAILINGOVER,
     ILL}, // SYNCHING
};

} // namespace

TipcNodeFsm::TipcNodeFsm()
    : m_state(SELF_DOWN_PEER_LEAVING)
{
}

TipcNodeFsm::Result
TipcNodeFsm::Transition(uint32_t state, uint32_t event)
{
    int s = FsmIndexOf(STATES, state);
    int e = FsmIndexOf(EVENTS, event);
    if (s < 0 || e < 0)
    {
        return {state, true};
    }
    uint32_t entry = TABLE[s][e];
    if (entry == STAY)
    {
        return {state, false};
    }
    if (entry == ILL)
    {
        return {state, true};
    }
    return {entry, false};
}

TipcNodeFsm::Result
TipcNodeFsm::Apply(uint32_t event)
{
    Result r = Transition(m_state, event);
    m_state = r.state;
    return r;
}

uint32_t
TipcNodeFsm::GetState() const
{
    return m_state;
}

std::string
TipcNodeFsm::StateName(uint32_t state)
{
    switch (state)
    {
    case SELF_DOWN_PEER_DOWN:
        return "SELF_DOWN_PEER_DOWN";
    case SELF_UP_PEER_UP:
        return "SELF_UP_PEER_UP";
    case SELF_DOWN_PEER_LEAVING:
        return "SELF_DOWN_PEER_LEAVING";
    case SELF_UP_PEER_COMING:
        return "SELF_UP_PEER_COMING";
    case SELF_COMING_PEER_UP:
        return "SELF_COMING_PEER_UP";
    case SELF_LEAVING_PEER_DOWN:
        return "SELF_LEAVING_PEER_DOWN";
    case NODE_FAILINGOVER:
        return "NODE_FAILINGOVER";
    case NODE_SYNCHING:
        return "NODE_SYNCHING";
    default:
        return "UNKNOWN";
    }
}

std::string
TipcNodeFsm::EventName(uint32_t event)
{
    switch (event)
    {
    case SELF_ESTABL_CONTACT_EVT:
        return "SELF_ESTABL_CONTACT";
    case SELF_LOST_CONTACT_EVT:
        return "SELF_LOST_CONTACT";
    case PEER_ESTABL_CONTACT_EVT:
        return "PEER_ESTABL_CONTACT";
    case PEER_LOST_CONTACT_EVT:
        return "PEER_LOST_CONTACT";
    case NODE_SYNCH_BEGIN_EVT:
        return "SYNCH_BEGIN";
    case NODE_SYNCH_END_EVT:
        return "SYNCH_END";
    case NODE_FAILOVER_BEGIN_EVT:
        return "FAILOVER_BEGIN";
    case NODE_FAILOVER_END_EVT:
        return "FAILOVER_END";
    default:
        return "UNKNOWN";
    }
}

} // namespace ns3
