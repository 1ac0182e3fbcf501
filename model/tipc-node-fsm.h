// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_NODE_FSM_H
#define TIPC_NODE_FSM_H

#include "tipc-constants.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The per-peer contact state machine of Linux node.c
 *        (tipc_node_fsm_evt), as a pure class with the transition table as
 *        data (reference 6.4).
 *
 * It tracks whether this node and the peer each consider the other up, so
 * that both ends purge old state (names, connections) before talking again.
 */
class TipcNodeFsm
{
  public:
    /// Outcome of one event.
    struct Result
    {
        uint32_t state; //!< state after the event
        bool illegal;   //!< the event is illegal in the old state
    };

    /** @brief Initial state: SELF_DOWN_PEER_LEAVING (tipc_node_create). */
    TipcNodeFsm();

    /**
     * @brief Look up the transition table.
     * @param state current state
     * @param event event
     * @return the outcome (unknown state or event: illegal)
     */
    static Result Transition(uint32_t state, uint32_t event);

    /**
     * @brief Apply an event.
     * @param event event
     * @return the outcome; the object's state is updated
     */
    Result Apply(uint32_t event);

    /** @return current state */
    uint32_t GetState() const;

    /**
     * @brief Name of a state.
     * @param state state value
     * @return e.g. "SELF_UP_PEER_UP"
     */
    static std::string StateName(uint32_t state);
    /**
     * @brief Name of an event.
     * @param event event value
     * @return e.g. "SELF_ESTABL_CONTACT"
     */
    static std::string EventName(uint32_t event);

  private:
    uint32_t m_state; //!< current state
};

} // namespace ns3

#endif // TIPC_NODE_FSM_H
