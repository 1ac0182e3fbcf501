// SPDX-License-Identifier: GPL-2.0-only
//
// Link and node state machines against the Linux transition tables
// (reference sections 5.2 and 6.4), restated here independently, plus the
// paths the protocol relies on.

#include "ns3/tipc-link-fsm.h"
#include "ns3/tipc-node-fsm.h"

#include <catch2/catch.hpp>
#include <map>
#include <vector>

using namespace ns3;
using namespace ns3::tipc;

namespace
{
constexpr uint32_t S = 0; // stay
constexpr uint32_t I = 1; // illegal
constexpr uint32_t D = 2; // marker: + TIPC_LINK_DOWN_EVT

struct Cell
{
    uint32_t next; // S, I, or a state
    bool down;
};
} // namespace

TEST_CASE("link FSM matches the Linux transition table", "[fsm]")
{
    const std::vector<uint32_t> events = {LINK_ESTABLISH_EVT,
                                          LINK_PEER_RESET_EVT,
                                          LINK_FAILURE_EVT,
                                          LINK_RESET_EVT,
                                          LINK_FAILOVER_BEGIN_EVT,
                                          LINK_FAILOVER_END_EVT,
                                          LINK_SYNCH_BEGIN_EVT,
                                          LINK_SYNCH_END_EVT};
    // clang-format off
    const std::map<uint32_t, std::vector<Cell>> table = {
        {LINK_RESETTING,   {{I,0},{LINK_PEER_RESET,0},{I,0},{LINK_RESET,0},{I,0},{I,0},{I,0},{I,0}}},
        {LINK_RESET,       {{S,0},{LINK_ESTABLISHING,0},{S,0},{S,0},{LINK_FAILINGOVER,0},{S,0},{I,0},{I,0}}},
        {LINK_PEER_RESET,  {{S,0},{S,0},{S,0},{LINK_ESTABLISHING,0},{I,0},{I,0},{I,0},{I,0}}},
        {LINK_FAILINGOVER, {{S,0},{S,0},{S,0},{S,0},{I,0},{LINK_RESET,0},{I,0},{I,0}}},
        {LINK_ESTABLISHING,{{LINK_ESTABLISHED,0},{S,0},{S,0},{LINK_RESET,0},{LINK_FAILINGOVER,0},{S,0},{S,0},{I,0}}},
        {LINK_ESTABLISHED, {{S,0},{LINK_PEER_RESET,1},{LINK_RESETTING,1},{LINK_RESET,0},{I,0},{I,0},{LINK_SYNCHING,0},{S,0}}},
        {LINK_SYNCHING,    {{S,0},{LINK_PEER_RESET,1},{LINK_RESETTING,1},{LINK_RESET,0},{I,0},{I,0},{S,0},{LINK_ESTABLISHED,0}}},
    };
    // clang-format on
    for (const auto& [state, row] : table)
    {
        for (size_t e = 0; e < events.size(); ++e)
        {
            INFO(TipcLinkFsm::StateName(state) << " + " << TipcLinkFsm::EventName(events[e]));
            TipcLinkFsm::Result r = TipcLinkFsm::Transition(state, events[e]);
            const Cell& c = row[e];
            CHECK(r.illegal == (c.next == I));
            CHECK(r.state == ((c.next == S || c.next == I) ? state : c.next));
            CHECK(r.rc == (c.down ? TIPC_LINK_DOWN_EVT : 0U));
        }
    }
    CHECK(TipcLinkFsm::Transition(0x1234, LINK_RESET_EVT).illegal);
    CHECK(TipcLinkFsm::Transition(LINK_RESET, 0x1234).illegal);
    (void)D;
}

TEST_CASE("link handshake path and predicates", "[fsm]")
{
    TipcLinkFsm fsm;
    CHECK(fsm.GetState() == LINK_RESETTING);
    CHECK(fsm.IsBlocked());
    fsm.Apply(LINK_RESET_EVT); // new link: reset
    CHECK(fsm.GetState() == LINK_RESET);
    CHECK(fsm.IsReset());
    CHECK_FALSE(fsm.IsBlocked());
    fsm.Apply(LINK_PEER_RESET_EVT); // RESET received
    CHECK(fsm.IsEstablishing());
    CHECK(fsm.IsReset());
    fsm.Apply(LINK_ESTABLISH_EVT); // ACTIVATE received
    CHECK(fsm.IsUp());
    CHECK(fsm.Apply(LINK_FAILURE_EVT).rc == TIPC_LINK_DOWN_EVT); // supervision expired
    CHECK(fsm.GetState() == LINK_RESETTING);
    CHECK_FALSE(fsm.IsUp());
    // an illegal event keeps the state
    TipcLinkFsm::Result r = fsm.Apply(LINK_SYNCH_BEGIN_EVT);
    CHECK(r.illegal);
    CHECK(fsm.GetState() == LINK_RESETTING);
}

TEST_CASE("node FSM matches the Linux transition table", "[fsm]")
{
    const std::vector<uint32_t> events = {SELF_ESTABL_CONTACT_EVT,
                                          SELF_LOST_CONTACT_EVT,
                                          PEER_ESTABL_CONTACT_EVT,
                                          PEER_LOST_CONTACT_EVT,
                                          NODE_SYNCH_BEGIN_EVT,
                                          NODE_SYNCH_END_EVT,
                                          NODE_FAILOVER_BEGIN_EVT,
                                          NODE_FAILOVER_END_EVT};
    // clang-format off
    const std::map<uint32_t, std::vector<uint32_t>> table = {
        {SELF_DOWN_PEER_DOWN,    {SELF_UP_PEER_COMING, S, SELF_COMING_PEER_UP, S, I, I, I, I}},
        {SELF_UP_PEER_UP,        {S, SELF_DOWN_PEER_LEAVING, S, SELF_LEAVING_PEER_DOWN, NODE_SYNCHING, S, NODE_FAILINGOVER, S}},
        {SELF_DOWN_PEER_LEAVING, {S, S, S, SELF_DOWN_PEER_DOWN, I, I, I, I}},
        {SELF_UP_PEER_COMING,    {S, SELF_DOWN_PEER_DOWN, SELF_UP_PEER_UP, S, I, S, S, I}},
        {SELF_COMING_PEER_UP,    {SELF_UP_PEER_UP, S, S, SELF_DOWN_PEER_DOWN, I, I, I, I}},
        {SELF_LEAVING_PEER_DOWN, {S, SELF_DOWN_PEER_DOWN, S, S, I, I, I, I}},
        {NODE_FAILINGOVER,       {S, SELF_DOWN_PEER_LEAVING, S, SELF_LEAVING_PEER_DOWN, I, I, S, SELF_UP_PEER_UP}},
        {NODE_SYNCHING,          {S, SELF_DOWN_PEER_LEAVING, S, SELF_LEAVING_PEER_DOWN, S, SELF_UP_PEER_UP, NODE_FAILINGOVER, I}},
    };
    // clang-format on
    for (const auto& [state, row] : table)
    {
        for (size_t e = 0; e < events.size(); ++e)
        {
            INFO(TipcNodeFsm::StateName(state) << " + " << TipcNodeFsm::EventName(events[e]));
            TipcNodeFsm::Result r = TipcNodeFsm::Transition(state, events[e]);
            CHECK(r.illegal == (row[e] == I));
            CHECK(r.state == ((row[e] == S || row[e] == I) ? state : row[e]));
        }
    }
}

TEST_CASE("node contact path: both ends must purge before talking again", "[fsm]")
{
    TipcNodeFsm fsm;
    CHECK(fsm.GetState() == SELF_DOWN_PEER_LEAVING);
    fsm.Apply(PEER_LOST_CONTACT_EVT); // peer showed it has no contact either
    CHECK(fsm.GetState() == SELF_DOWN_PEER_DOWN);
    fsm.Apply(SELF_ESTABL_CONTACT_EVT); // own link up
    CHECK(fsm.GetState() == SELF_UP_PEER_COMING);
    fsm.Apply(PEER_ESTABL_CONTACT_EVT); // peer's link up
    CHECK(fsm.GetState() == SELF_UP_PEER_UP);
    fsm.Apply(SELF_LOST_CONTACT_EVT); // last link down
    CHECK(fsm.GetState() == SELF_DOWN_PEER_LEAVING);
    fsm.Apply(SELF_ESTABL_CONTACT_EVT); // legal, but no contact until the peer left
    CHECK(fsm.GetState() == SELF_DOWN_PEER_LEAVING);
}
