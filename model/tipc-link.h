// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LINK_H
#define TIPC_LINK_H

#include "tipc-constants.h"
#include "tipc-gap-ack-blocks.h"
#include "tipc-header.h"
#include "tipc-lazy-deque.h"
#include "tipc-link-fsm.h"
#include "tipc-monitor.h"
#include "tipc-msg.h"
#include "tipc-window-control.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace ns3
{

class TipcPeer;
class TipcStack;
class TipcBearer;

/**
 * @ingroup tipc
 * @brief Result of handing messages to a link or node (Linux return codes of
 *        tipc_link_xmit / tipc_node_xmit).
 */
enum class TipcXmitResult : uint8_t
{
    OK,           //!< accepted
    LINK_CONG,    //!< accepted, but the sender must wait for a wakeup (-ELINKCONG)
    MSG_SIZE,     //!< first packet larger than the link MTU (-EMSGSIZE)
    NO_BUFS,      //!< SYSTEM backlog overflow: the link is reset (-ENOBUFS)
    HOST_UNREACH, //!< no node or no active link (-EHOSTUNREACH)
};

/**
 * @brief Name of a transmit result.
 * @param r the result
 * @return e.g. "LINK_CONG"
 */
std::string TipcXmitResultToString(TipcXmitResult r);

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
    uint64_t sentAcks{0};       //!< explicit acks (16-packet rule, link-up STATE)
    uint64_t recvNacks{0};      //!< STATE messages received carrying a gap
    uint64_t deferredRecv{0};   //!< out-of-order packets queued
    uint64_t duplicates{0};     //!< duplicate packets dropped
    uint64_t linkCongs{0};      //!< sender-visible congestion events
    uint64_t maxQueueSz{0};     //!< stays 0: Linux >= 4.x never writes max_queue_sz
    uint64_t accuQueueSz{0};    //!< sum of queue lengths at each timeout (profile)
    uint64_t queueSzCounts{0};  //!< number of profile samples
};

/**
 * @ingroup tipc
 * @brief What a TipcLink object is (Linux uses struct tipc_link for all three).
 */
enum class TipcLinkRole : uint8_t
{
    UNICAST,    //!< a link to one peer over one bearer
    BCAST_SEND, //!< the node's broadcast send link ("broadcast-link")
    BCAST_RCV,  //!< the receive side of one peer's broadcasts, and that peer as an acker
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
    /**
     * @brief Initialise the node's broadcast send link (tipc_link_bc_create
     *        for the send link): window fixed at 50, first seqno 1.
     * @param stack the node
     * @param mtu initial MTU (one page minus overhead: 3520 on Debian amd64)
     * @param maxWin configured maximum window (only reported; the window stays 50)
     */
    void SetupBcastSend(Ptr<TipcStack> stack, uint32_t mtu, uint32_t maxWin);
    /**
     * @brief Initialise a peer's broadcast receive link (state RESET).
     * @param peer the peer
     * @param sndLink the node's broadcast send link
     */
    void SetupBcastRcv(Ptr<TipcPeer> peer, Ptr<TipcLink> sndLink);
    /** @return the role of this link */
    TipcLinkRole GetRole() const;

    // ---------------------------------------------------------------- broadcast
    /**
     * @brief Send link: a peer acknowledged our broadcasts (tipc_link_bc_ack_rcv):
     *        release what every peer has, retransmit what this one misses.
     * @param r the peer's broadcast receive link (its acker state)
     * @param acked the peer's cumulative broadcast ack
     * @param gap packets missing after it (0: none)
     * @param blocks the peer's broadcast gap ACK blocks (may be null)
     * @param retransmit retransmissions allowed (only STATE messages report gaps)
     * @return TIPC_LINK_DOWN_EVT on retransmission failure, else 0
     */
    uint32_t BcAckRcv(Ptr<TipcLink> r,
                      uint16_t acked,
                      uint16_t gap,
                      const std::vector<TipcGapAck>* blocks,
                      bool retransmit);
    /**
     * @brief Send link: a peer joins (tipc_link_add_bc_peer).
     * @param r the peer's broadcast receive link
     */
    void AddBcPeer(Ptr<TipcLink> r);
    /**
     * @brief Send link: a peer leaves (tipc_link_remove_bc_peer): what it has not
     *        acked is released on its behalf; with no peers left the send link is
     *        reset (sequence numbers restart at 1).
     * @param r the peer's broadcast receive link
     */
    void RemoveBcPeer(Ptr<TipcLink> r);
    /** @return number of peers that must ack each broadcast */
    uint32_t GetAckers() const;
    /**
     * @brief Send link: lower the MTU (the broadcast MTU never grows until reset).
     * @param mtu new MTU
     */
    void LowerBcMtu(uint32_t mtu);
    /**
     * @brief Receive link: the sender's STATE told its broadcast snd_nxt
     *        (tipc_link_bc_sync_rcv).
     * @param hdr the STATE header
     * @return TIPC_LINK_SND_STATE if a NACK should be sent, else 0
     */
    uint32_t BcSyncRcv(const TipcHeader& hdr);
    /** @return receive link: missing packets after rcv_nxt (link_bc_rcv_gap) */
    uint16_t BcRcvGap() const;
    /**
     * @brief Receive link: the peer's broadcast-init message (tipc_link_bc_init_rcv).
     * @param lastBcast the peer's last sent broadcast seqno
     */
    void BcInitRcv(uint16_t lastBcast);
    /** @brief Receive link: open it (a name distributor message arrived). */
    void BcEstablish();
    /** @return receive link: delivered packets not yet acknowledged */
    uint32_t GetRcvUnacked() const;
    /** @return receive link: highest contiguous seqno of ours this peer acknowledged */
    uint16_t GetAcked() const;
    /** @return receive link: the peer has acknowledged our broadcast-init */
    bool IsBcPeerUp() const;
    /** @return broadcast gap ACK blocks of the receive link (for STATE messages) */
    std::vector<TipcGapAck> GetBcGapAckBlocks() const;
    /** @brief Receive link: count a STATE with a broadcast gap sent to this peer. */
    void CountBcNack();

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
    /** @return the peer node's capabilities as this link uses them */
    uint32_t GetPeerCapabilities() const;
    /**
     * @brief The peer came back with other capabilities (tipc_link_update_caps).
     * @param caps the new capabilities
     */
    void UpdateCapabilities(uint32_t caps);
    /** @return abort limit: silent intervals tolerated */
    uint32_t GetAbortLimit() const;
    /** @return next sequence number expected from the peer */
    uint16_t GetRcvNxt() const;
    /** @return next sequence number to send */
    uint16_t GetSndNxt() const;
    /** @return next STATE sequence number expected from the peer */
    uint16_t GetRcvNxtState() const;
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
     * @brief Print the link and its statistics in the format of Linux
     *        `tipc link stat show` (the message-size profile lines excepted).
     * @param os output stream
     */
    void PrintStats(std::ostream& os) const;

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

    // ---------------------------------------------------------------- data path
    /**
     * @brief Queue a message chain for transmission (tipc_link_xmit): packets
     *        go out while the transmit queue is below the window, the rest waits
     *        in the backlog (small ones bundled).  The chain is always accepted
     *        unless the result is MSG_SIZE or NO_BUFS.
     * @param list the packets of one message (consumed)
     * @return OK, LINK_CONG (sender must wait for a wakeup), MSG_SIZE or NO_BUFS
     */
    TipcXmitResult Xmit(std::deque<Ptr<TipcMsg>>& list);
    /** @return current send window */
    uint32_t GetWindow() const;
    /** @return window state (window, ssthresh, limits) */
    const TipcWindowState& GetWindowState() const;
    /** @return packets sent and not yet acked */
    uint32_t GetTransmitQueueLength() const;
    /** @return packets waiting for the window */
    uint32_t GetBacklogLength() const;
    /**
     * @brief Backlog limit of an importance level.
     * @param imp importance 0..4
     * @return limit in packets
     */
    uint32_t GetBacklogLimit(uint32_t imp) const;
    /** @return out-of-order packets held */
    uint32_t GetDeferredQueueLength() const;

    /**
     * @brief Tunnel this link's unacked and backlogged packets through @p tnl
     *        (tipc_link_tnl_prepare), for FAILOVER when this link failed or SYNCH
     *        when @p tnl is a new parallel link.
     * @param tnl the tunnel link
     * @param type tipc::FAILOVER_MSG or tipc::SYNCH_MSG
     */
    void TunnelPrepare(Ptr<TipcLink> tnl, uint32_t type);
    /**
     * @brief Half-failover on this (tunnel) link: send a dummy FAILOVER message
     *        and reset the failover receive state (tipc_link_failover_prepare).
     */
    void FailoverPrepare();

    /// TracedCallback signature for retransmissions: (seqno, retransmission count).
    typedef void (*RetransmitTracedCallback)(uint16_t seqno, uint16_t count);
    /// TracedCallback signature for state changes: (old, new).
    typedef void (*StateTracedCallback)(uint32_t oldState, uint32_t newState);
    /// TracedCallback signature for link packets: (header, payload).
    typedef void (*PacketTracedCallback)(const TipcHeader& header, Ptr<const Packet> payload);

    /**
     * @brief Attribute AckInterval setter (checked against its range)
     * @param n packets
     */
    void SetAckInterval(uint32_t n);
    /**
     * @brief Attribute RetransmitInterval setter (checked against its range)
     * @param t hold-off
     */
    void SetRetransmitInterval(Time t);
    /**
     * @brief Attribute RetransmitFailureMultiple setter (checked against its range)
     * @param n multiple of the tolerance
     */
    void SetRetransmitFailureMultiple(uint32_t n);

  protected:
    /**
     * @brief Empty the queues and the wakeup list and drop the references to the peer,
     *        bearer, stack, window policy and broadcast send link.
     */
    void DoDispose() override;

  private:
    /** @return RetransmitInterval in whole milliseconds, rounded up */
    uint32_t RetransmitIntervalMs() const;
    /**
     * @brief Wake a sender waiting for this link.
     * @param port its port
     */
    void WakeupPort(uint32_t port);
    /** @brief Broadcast links: full reset (tipc_link_reset), state RESET. */
    void BcReset();
    /**
     * @brief Send a copy of a queued packet again and account for it.
     * @param p the packet in the transmit queue
     * @param now current jiffies
     * @param retrTime hold-off until the next retransmission (jiffies)
     * @param ack ack to stamp
     * @param bcAck broadcast ack to stamp
     */
    void Retransmit(Ptr<TipcMsg> p, int64_t now, int64_t retrTime, uint16_t ack, uint16_t bcAck);
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
    /** @return jiffies now (link timers use the kernel's clock resolution) */
    int64_t Jiffies() const;
    /**
     * @brief Put a packet into the transmit queue and send it (stamps seqno/acks).
     * @param p the packet
     * @param seqno its sequence number
     */
    void EnqueueAndSend(Ptr<TipcMsg> p, uint16_t seqno);
    /** @brief Move backlog packets into the window (tipc_link_advance_backlog). */
    void AdvanceBacklog();
    /**
     * @brief Release acked packets, retransmit reported gaps (tipc_link_advance_transmq).
     * @param acked peer's ack
     * @param gap packets missing after acked
     * @param blocks unicast gap ACK blocks, or null
     * @param[out] retransmitted a packet was retransmitted
     * @param[out] rc link events (failure)
     * @return packets released
     */
    uint32_t AdvanceTransmq(uint16_t acked,
                            uint16_t gap,
                            const std::vector<TipcGapAck>* blocks,
                            bool& retransmitted,
                            uint32_t& rc);
    /**
     * @brief Head packet retransmitted for 10 x tolerance? (link_retransmit_failure)
     * @param[out] rc link events
     * @return true if the link failed
     */
    bool RetransmitFailure(uint32_t& rc);
    /**
     * @brief Update the window (tipc_link_update_cwin).
     * @param released packets released
     * @param retransmitted a retransmission happened
     */
    void UpdateCwin(uint32_t released, bool retransmitted);
    /**
     * @brief Set this unicast link's tolerance and the peer's broadcast receive link's.
     *
     * Linux copies every tolerance a unicast link takes (its bearer's at creation, the peer's
     * from RESET, ACTIVATE and STATE) to the peer's broadcast receive link, whose tolerance
     * times the broadcast retransmission failure (tipc_link_create, tipc_link_proto_rcv).
     * @param tolerance the new tolerance
     */
    void SetTolerance(Time tolerance);
    /**
     * @brief Queue a sender wakeup (link_schedule_user).
     * @param m first packet of the message that found the backlog full
     */
    void ScheduleUser(Ptr<TipcMsg> m);
    /** @brief Wake as many waiting senders as the backlog has room (link_prepare_wakeup). */
    void PrepareWakeup();
    /** @brief Wake every waiting sender (link reset). */
    void WakeupAll();
    /**
     * @brief An out-of-order packet arrived; maybe send a NACK (tipc_link_build_nack_msg).
     */
    void BuildNack();
    /** @return gap ACK blocks describing the deferred queue (at most 64) */
    std::vector<TipcGapAck> BuildGapAckBlocks() const;
    /**
     * @brief Hand the domain record of a received STATE message to the
     *        neighbour monitor (tipc_mon_rcv); a malformed record is counted
     *        and ignored.
     * @param data the message's data
     * @param offset where the record starts (after the gap ACK blocks)
     */
    void ReceiveMonitorRecord(const std::vector<uint8_t>& data, uint32_t offset);
    /**
     * @brief Insert a packet into a queue sorted by seqno, dropping duplicates.
     * @param q the queue
     * @param p the packet
     * @return false if it was a duplicate
     */
    static bool InsertSorted(TipcLazyDeque<Ptr<TipcMsg>>& q, Ptr<TipcMsg> p);
    /**
     * @brief Deliver a message to the node/socket layer if it is data
     *        (tipc_data_input).
     * @param m the message
     * @return true if consumed
     */
    bool DataInput(Ptr<TipcMsg> m);
    /**
     * @brief Unbundle, reassemble or apply bc-init (tipc_link_input).
     * @param m the message
     * @param reasm reassembly buffer to use
     * @return link events
     */
    uint32_t LinkInput(Ptr<TipcMsg> m, TipcReassembler& reasm);
    /**
     * @brief In-sequence TUNNEL_PROTOCOL packet (tipc_link_tnl_rcv).
     * @param m the tunnel packet
     * @return link events
     */
    uint32_t TunnelReceive(Ptr<TipcMsg> m);

    TipcLinkRole m_role;      //!< unicast or broadcast
    Ptr<TipcStack> m_stack;   //!< the node
    Ptr<TipcLink> m_bcSnd;    //!< receive link: the node's broadcast send link
    uint32_t m_ackers;        //!< send link: peers that ack each broadcast
    bool m_bcPeerIsUp;        //!< receive link: the peer acked our broadcast-init
    Ptr<TipcPeer> m_peer;     //!< owning peer
    Ptr<TipcBearer> m_bearer; //!< bearer
    uint32_t m_bearerId;      //!< bearer id
    uint32_t m_ownAddr;       //!< own node address
    uint32_t m_peerAddr;      //!< peer node address
    std::string m_peerIfName; //!< peer interface name (empty: "unknown", not yet learned)
    uint32_t m_peerCaps;      //!< peer capabilities

    TipcLinkFsm m_fsm;                 //!< state machine
    uint16_t m_session;                //!< own session
    uint16_t m_peerSession;            //!< peer session
    bool m_inSession;                  //!< peer session known
    uint32_t m_peerBearerId;           //!< peer's bearer id
    Time m_tolerance;                  //!< tolerance
    uint32_t m_abortLimit;             //!< silent intervals tolerated
    uint32_t m_silentIntvCnt;          //!< silent intervals counted
    uint32_t m_priority;               //!< priority
    char m_netPlane;                   //!< network plane
    uint32_t m_advertisedMtu;          //!< own MTU
    uint32_t m_mtu;                    //!< negotiated MTU
    uint16_t m_rstCnt;                 //!< timeouts since reset (RESET pacing)
    uint16_t m_sndNxt;                 //!< next seqno to send
    uint16_t m_rcvNxt;                 //!< next seqno expected
    uint16_t m_sndNxtState;            //!< next STATE seqno
    uint16_t m_rcvNxtState;            //!< next STATE seqno expected
    uint16_t m_checkpoint;             //!< snd_nxt at the previous timeout
    TipcMonitor::LinkState m_monState; //!< this link's view of the neighbour monitor
    uint32_t m_rcvUnacked;             //!< delivered packets not yet acked
    uint16_t m_acked;                  //!< highest seqno acked by the peer

    TipcLazyDeque<Ptr<TipcMsg>> m_transmq;  //!< sent, not yet acked
    TipcLazyDeque<Ptr<TipcMsg>> m_backlogq; //!< waiting for the window
    TipcLazyDeque<Ptr<TipcMsg>> m_deferdq;  //!< received out of order, sorted by seqno

    /// Per-importance backlog accounting.
    struct Backlog
    {
        uint32_t len{0};     //!< packets queued
        uint32_t limit{0};   //!< limit
        Ptr<TipcMsg> target; //!< current bundle target
    };

    std::array<Backlog, 5> m_backlog;                       //!< LOW..SYSTEM
    TipcWindowState m_win;                                  //!< window state
    Ptr<TipcWindowControl> m_winCtl;                        //!< window policy
    TracedValue<uint32_t> m_cwnd;                           //!< mirror of the window for tracing
    TipcLazyDeque<std::pair<uint32_t, uint32_t>> m_wakeupq; //!< waiting senders (importance, port)
    TipcReassembler m_reasm;                                //!< fragment reassembly
    TipcReassembler m_tnlReasm;                             //!< tunnel fragment reassembly
    TipcReassembler m_failoverReasm;               //!< reassembly continued from a failed link
    TipcLazyDeque<Ptr<TipcMsg>> m_failoverDeferdq; //!< tunnelled packets ahead of drop point
    uint16_t m_dropPoint;        //!< next old-link seqno to deliver after failover
    bool m_suppressTx;           //!< queue without sending (failover dummy)
    uint32_t m_ackInterval;      //!< explicit ack every n packets
    Time m_retrInterval;         //!< per-packet retransmission hold-off
    uint32_t m_retrFailMultiple; //!< failure after n x tolerance

    TipcLinkStats m_stats;                                          //!< statistics
    TracedCallback<uint32_t, uint32_t> m_stateTrace;                //!< "State"
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_txTrace; //!< "Tx"
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_rxTrace; //!< "Rx"
    TracedCallback<uint16_t, uint16_t> m_retransmitTrace;           //!< "Retransmit"
};

} // namespace ns3

#endif // TIPC_LINK_H
