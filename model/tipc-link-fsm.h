// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LINK_FSM_H
#define TIPC_LINK_FSM_H

#include "tipc-constants.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The unicast link state machine of Linux link.c (tipc_link_fsm_evt),
 *        as a pure class with the transition table as data (reference 5.2).
 *
 * States and events use the Linux values (tipc::LINK_ESTABLISHED, ...,
 * tipc::LINK_ESTABLISH_EVT, ...).  An event that is legal but has no effect
 * leaves the state unchanged; an illegal event is reported and also leaves the
 * state unchanged.  The only output is tipc::TIPC_LINK_DOWN_EVT when an up link
 * goes down through PEER_RESET or FAILURE.
 */
class TipcLinkFsm
{
  public:
    /// Outcome of one event.
    struct Result
    {
        uint32_t state; //!< state after the event
        uint32_t rc;    //!< 0 or tipc::TIPC_LINK_DOWN_EVT
        bool illegal;   //!< the event is illegal in the old state
    };

    /** @brief A new link object starts in LINK_RESETTING (tipc_link_create). */
    TipcLinkFsm();

    /**
     * @brief Look up the transition table.
     * @param state current state
     * @param event event
     * @return the outcome (an unknown state or event is illegal)
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
     * @brief Set the state directly, as Linux does for the broadcast links
     *        (they have no FSM of their own: RESET or ESTABLISHED).
     * @param state LINK_RESET or LINK_ESTABLISHED
     */
    void Force(uint32_t state);

    /** @return true in ESTABLISHED or SYNCHING (tipc_link_is_up) */
    bool IsUp() const;
    /** @return true in RESET, FAILINGOVER or ESTABLISHING (tipc_link_is_reset) */
    bool IsReset() const;
    /** @return true in RESETTING, PEER_RESET or FAILINGOVER (link_is_blocked) */
    bool IsBlocked() const;
    /** @return true in ESTABLISHING */
    bool IsEstablishing() const;
    /** @return true in SYNCHING */
    bool IsSynching() const;
    /** @return true in FAILINGOVER */
    bool IsFailingOver() const;

    /**
     * @brief Name of a state.
     * @param state state value
     * @return e.g. "ESTABLISHED"
     */
    static std::string StateName(uint32_t state);
    /**
     * @brief Name of an event.
     * @param event event value
     * @return e.g. "PEER_RESET"
     */
    static std::string EventName(uint32_t event);

  private:
    uint32_t m_state; //!< current state
};

} // namespace ns3

#endif // TIPC_LINK_FSM_H
