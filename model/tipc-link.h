// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LINK_H
#define TIPC_LINK_H

#include "tipc-constants.h"
#include "tipc-header.h"
#include "tipc-link-fsm.h"
#include "tipc-msg.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <deque>
#include <string>

namespace ns3
{

class TipcPeer;
class TipcStack;
class TipcBearer;

/**
 * @ingroup tipc
 * @brief Statistics of one link, as printed by `tipc link stat show`.
 */
struct TipcLinkStats
{
    uint64_t sentPkts{0};       //!< packets sent (incl. retransmissions)
    uint64_t recvPkts{0};       //!< packets received in sequence
    uint64_t sentFragments{0};  //!< MSG_FRAGMENTER packets sent
    uint64_t sentFragmented{0}; //!< messages fragmented
    uint64_t recvFragments{0};  //!< fragments received
    uint64_t recvFragmented{0}; //!< messages reassembled
    uint64_t sentBundles{0};    //!< bundles sent
    uint64_t sentBundled{0};    //!< messages put into bundles
    uint64_t recvBundles{0};    //!< bundles received
    uint64_t recvBundled{0};    //!< messages extracted from bundles
    uint64_t retransmitted{0};  //!< retransmitted packets
    uint64_t sentStates{0};     //!< STATE messages sent
    uint64_t recvStates{0};     //!< STATE messages received
    uint64_t sentProbes{0};     //!< probes sent
    uint64_t recvProbes{0};     //!< probes received
    uint64_t sentNacks{0};      //!< STATE messages carrying a gap
    uint64_t recvNacks{0};      //!< STATE messages received carrying a gap
    uint64_t deferredRecv{0};   //!< out-of-order packets queued
    uint64_t duplicates{0};     //!< duplicate packets dropped
    uint64_t linkCongs{0};      //!< sender-visible congestion events
    uint64_t maxQueueSz{0};     //!< highest transmit+backlog queue length
    uint64_t accuQueueSz{0};    //!< sum of queue lengths at each timeout (profile)
    uint64_t queueSzCounts{0};  //!< number of profile samples
};

/**
 * @ingroup tipc
 * @brief A unicast link to one peer over one bearer (Linux link.c).
 *
 * State machine (TipcLinkFsm), session handling and the RESET/ACTIVATE/STATE
 * protocol (reference sections 5.2-5.4, 5.9), supervision driven by the
 * peer's node timer (Timeout()), and the reliable data path.  The link never
 * sends directly: it hands packets to its TipcPeer, which puts them on the
 * bearer towards the peer's media address.
 */
class TipcLink : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcLink();
    ~TipcLink() override;

    /**
     * @brief Initialise a new link (tipc_link_create) in state RESETTING.
     * @param peer the owning peer
     * @param bearer the bearer
     * @param session random initial session
     */
    void Setup(Ptr<TipcPeer> peer, Ptr<TipcBearer> bearer, uint16_t session);

    /** @return link name "<own id>:<if>-<peer id>:<peer if>" */
    std::string GetName() const;
    /** @return bearer id */
    uint32_t GetBearerId() const;
    /** @return the peer's bearer id (learned from RESET/ACTIVATE) */
    uint32_t GetPeerBearerId() const;
    /** @return link id as published in the link-state name: peer bearer << 16 | bearer */
    uint32_t GetLinkId() const;
    /** @return FSM state */
    uint32_t GetState() const;
    /** @return true in ESTABLISHED or SYNCHING */
    bool IsUp() const;
    /** @return true in RESET, FAILINGOVER or ESTABLISHING */
    bool IsReset() const;
    /** @return true in RESETTING, PEER_RESET or FAILINGOVER */
    bool IsBlocked() const;
    /** @return true in ESTABLISHING */
    bool IsEstablishing() const;
    /** @return true in SYNCHING */
    bool IsSynching() const;
    /** @return true in PEER_RESET */
    bool IsPeerDown() const;
    /** @return current priority */
    uint32_t GetPriority() const;
    /** @return current tolerance */
    Time GetTolerance() const;
    /** @return link MTU (min of own and peer's advertised) */
    uint32_t GetMtu() const;
    /** @return maximum message size senders fragment to: MTU - 40 (- 32 with crypto) */
    uint32_t GetMss() const;
    /** @return own session number */
    uint16_t GetSession() const;
    /** @return peer's session number */
    uint16_t GetPeerSession() const;
    /** @return abort limit: silent intervals tolerated */
    uint32_t GetAbortLimit() const;
    /** @return next sequence number expected from the peer */
    uint16_t GetRcvNxt() const;
    /** @return next sequence number to send */
    uint16_t GetSndNxt() const;
    /**
     * @brief Session checks of protocol messages (tipc_link_validate_msg);
     *        other users always pass.
     * @param hdr header
     * @return true if the message is acceptable
     */
    bool ValidateProtoMsg(const TipcHeader& hdr) const;
    /** @return statistics */
    const TipcLinkStats& GetStats() const;
    /** @brief Zero the statistics (tipc link stat reset). */
    void ResetStats();

    /**
     * @brief tipc_link_set_abort_limit (node timer recomputation).
     * @param limit number of silent intervals before failure
     */
    void SetAbortLimit(uint32_t limit);

    /**
     * @brief Apply an FSM event (tipc_link_fsm_evt); traces the state change.
     * @param event event
     * @return tipc::TIPC_LINK_DOWN_EVT or 0
     */
    uint32_t FsmEvent(uint32_t event);

    /** @brief tipc_link_reset: new session, queues purged, counters reset. */
    void Reset();

    /**
     * @brief Node-timer tick (tipc_link_timeout).
     * @return flags for the node (TIPC_LINK_DOWN_EVT)
     */
    uint32_t Timeout();

    /**
     * @brief A sequenced or protocol message arrived for this link (tipc_link_rcv).
     * @param msg the message
     * @return flags for the node (TIPC_LINK_UP_EVT, TIPC_LINK_DOWN_EVT)
     */
    uint32_t Receive(Ptr<TipcMsg> msg);

    /**
     * @brief Build and send a protocol message (tipc_link_build_proto_msg).
     * @param type STATE_MSG, RESET_MSG or ACTIVATE_MSG
     * @param probe set the probe bit (STATE)
     * @param probeReply this STATE answers a probe
     * @param rcvgap gap to report (STATE)
     * @param tolerance tolerance to announce (0: none)
     * @param priority priority to announce (0: none)
     */
    void SendProtoMsg(uint32_t type,
                      bool probe,
                      bool probeReply,
                      uint16_t rcvgap,
                      uint32_t tolerance,
                      uint32_t priority);
    /** @brief RESET (or ACTIVATE when establishing) after losing the link
     * (tipc_link_build_reset_msg). */
    void SendResetMsg();
    /** @brief A plain STATE (tipc_link_build_state_msg); also clears rcv_unacked. */
    void SendStateMsg();

    /// TracedCallback signature for state changes: (old, new).
    typedef void (*StateTracedCallback)(uint32_t oldState, uint32_t newState);
    /// TracedCallback signature for link packets: (header, payload).
    typedef void (*PacketTracedCallback)(const TipcHeader& header, Ptr<const Packet> payload);

  protected:
    void DoDispose() override;

  private:
    /**
     * @brief Build a protocol message (tipc_link_build_proto_msg).
     * @param type message type
     * @param probe probe bit
     * @param probeReply answers a probe
     * @param rcvgap gap to report
     * @param tolerance tolerance to announce
     * @param priority priority to announce
     * @return the message, or null if the link may not send it now
     */
    Ptr<TipcMsg> BuildProtoMsg(uint32_t type,
                               bool probe,
                               bool probeReply,
                               uint16_t rcvgap,
                               uint32_t tolerance,
                               uint32_t priority);
    /**
     * @brief Handle a LINK_PROTOCOL message (tipc_link_proto_rcv).
     * @param msg the message
     * @return flags for the node
     */
    uint32_t ProtoReceive(Ptr<TipcMsg> msg);
    /**
     * @brief Hand a packet to the peer for transmission on this bearer.
     * @param msg the message
     */
    void Transmit(Ptr<TipcMsg> msg);

    Ptr<TipcPeer> m_peer;     //!< owning peer
    Ptr<TipcBearer> m_bearer; //!< bearer
    uint32_t m_bearerId;      //!< bearer id
    uint32_t m_ownAddr;       //!< own node address
    uint32_t m_peerAddr;      //!< peer node address
    std::string m_ownIdStr;   //!< own identity, printable
    std::string m_peerIdStr;  //!< peer identity, printable
    std::string m_ifName;     //!< own interface name
    std::string m_peerIfName; //!< peer interface name ("unknown" until learned)
    uint32_t m_peerCaps;      //!< peer capabilities

    TipcLinkFsm m_fsm;        //!< state machine
    uint16_t m_session;       //!< own session
    uint16_t m_peerSession;   //!< peer session
    bool m_inSession;         //!< peer session known
    uint32_t m_peerBearerId;  //!< peer's bearer id
    Time m_tolerance;         //!< tolerance
    uint32_t m_abortLimit;    //!< silent intervals tolerated
    uint32_t m_silentIntvCnt; //!< silent intervals counted
    uint32_t m_priority;      //!< priority
    char m_netPlane;          //!< network plane
    uint32_t m_advertisedMtu; //!< own MTU
    uint32_t m_mtu;           //!< negotiated MTU
    uint16_t m_rstCnt;        //!< timeouts since reset (RESET pacing)
    uint16_t m_sndNxt;        //!< next seqno to send
    uint16_t m_rcvNxt;        //!< next seqno expected
    uint16_t m_sndNxtState;   //!< next STATE seqno
    uint16_t m_rcvNxtState;   //!< next STATE seqno expected
    uint16_t m_checkpoint;    //!< snd_nxt at the previous timeout
    uint32_t m_rcvUnacked;    //!< delivered packets not yet acked
    uint16_t m_acked;         //!< highest seqno acked by the peer

    std::deque<Ptr<TipcMsg>> m_transmq; //!< sent, not yet acked
    std::deque<Ptr<TipcMsg>> m_deferdq; //!< received out of order, sorted by seqno

    TipcLinkStats m_stats;                                          //!< statistics
    TracedCallback<uint32_t, uint32_t> m_stateTrace;                //!< "State"
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_txTrace; //!< "Tx"
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_rxTrace; //!< "Rx"
};

} // namespace ns3

#endif // TIPC_LINK_H
