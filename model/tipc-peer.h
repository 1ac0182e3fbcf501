// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_PEER_H
#define TIPC_PEER_H

#include "tipc-constants.h"
#include "tipc-link.h"
#include "tipc-media-address.h"
#include "tipc-msg.h"
#include "tipc-node-fsm.h"
#include "tipc-node-id.h"
#include "tipc-timer-queue.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <array>

namespace ns3
{

class TipcStack;
class TipcLink;
class TipcBearer;

/**
 * @ingroup tipc
 * @brief A peer node as seen from this node (Linux struct tipc_node, node.c;
 *        reference section 6).  Named "peer" to avoid ns3::Node.
 *
 * It holds up to one link per bearer, the two active-link slots, the contact
 * state machine (TipcNodeFsm), and the node timer that supervises all links to
 * the peer (one timer per peer, interval min(tolerance/4, 500 ms)).
 */
class TipcPeer : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcPeer();
    ~TipcPeer() override;

    /**
     * @brief Initialise a new peer (tipc_node_create): state
     *        SELF_DOWN_PEER_LEAVING, node timer at 10 s, deletion in 5 min.
     * @param stack own stack
     * @param addr peer address
     * @param id peer identity
     * @param caps peer capabilities
     */
    void Setup(Ptr<TipcStack> stack, uint32_t addr, const TipcNodeId& id, uint32_t caps);

    /** @return peer address */
    uint32_t GetAddress() const;
    /** @return peer identity */
    TipcNodeId GetNodeId() const;
    /** @return peer capabilities */
    uint32_t GetCapabilities() const;
    /**
     * @brief Update the capabilities (peer came back with other ones), also on the
     *        unicast links (tipc_link_update_caps).
     * @param caps capabilities
     */
    void SetCapabilities(uint32_t caps);
    /** @return own stack */
    Ptr<TipcStack> GetStack() const;
    /** @return contact FSM state */
    uint32_t GetState() const;
    /** @return true if at least one link is working (active slot 0 set) */
    bool IsUp() const;
    /**
     * @brief The link to this peer on a bearer.
     * @param bearerId the bearer id
     * @return the link, or null if there is none (or the id is out of range)
     */
    Ptr<TipcLink> GetLink(uint32_t bearerId) const;
    /**
     * @brief The peer's media address the link on a bearer sends to (Linux le->maddr).
     * @param bearerId the bearer id
     * @return the address (all zero if there is no link or the id is out of range)
     */
    TipcMediaAddress GetLinkMediaAddress(uint32_t bearerId) const;
    /** @return number of links (any state) */
    uint32_t GetLinkCount() const;
    /** @return number of working links */
    uint32_t GetWorkingLinks() const;
    /**
     * @brief Bearer id of an active-link slot.
     * @param slot 0 or 1
     * @return bearer id or -1
     */
    int32_t GetActiveLink(uint32_t slot) const;
    /** @return current node-timer interval */
    Time GetKeepaliveInterval() const;
    /** @return sync point for failover / synch */
    uint16_t GetSyncPoint() const;

    /**
     * @brief The discovery part of tipc_node_check_dest for this peer.
     * @param bearer receiving bearer
     * @param signature message signature
     * @param hashMixes peer hash mix
     * @param media peer media address
     * @param[out] respond answer a request
     * @param[out] duplAddr another node uses this address
     */
    void CheckDest(Ptr<TipcBearer> bearer,
                   uint32_t signature,
                   uint32_t hashMixes,
                   const TipcMediaAddress& media,
                   bool& respond,
                   bool& duplAddr);

    /**
     * @brief A sequenced message from this peer arrived on a bearer (node
     *        part of tipc_rcv).
     * @param bearerId bearer
     * @param msg the message
     */
    void Receive(uint32_t bearerId, Ptr<TipcMsg> msg);

    /**
     * @brief Send a link packet to the peer on a bearer.
     * @param bearerId bearer
     * @param msg the message
     */
    void SendOnBearer(uint32_t bearerId, Ptr<TipcMsg> msg);

    /**
     * @brief Take the link on a bearer down (tipc_node_link_down).
     * @param bearerId bearer
     * @param deleteLink also delete the link object
     */
    void LinkDown(uint32_t bearerId, bool deleteLink);

    /**
     * @brief Send a message chain to the peer over the active link chosen by
     *        @p selector (link part of tipc_node_xmit).
     * @param list the packets (consumed)
     * @param selector link selector (sockets use their port id)
     * @return the link's result; HOST_UNREACH without an active link
     */
    TipcXmitResult Xmit(std::deque<Ptr<TipcMsg>>& list, uint32_t selector);
    /**
     * @brief Packet size senders must fragment to (tipc_node_get_mtu).
     * @param selector link selector
     * @return the active link's MSS, or MAX_MSG_SIZE without one
     */
    uint32_t GetMtu(uint32_t selector) const;

    // Broadcast receive state for this peer (minimal until the broadcast link exists)
    /** @return true once the peer's broadcast init message was received */
    bool IsBcRcvUp() const;
    /** @return the broadcast receive link of this peer ("broadcast-link:<peer>") */
    Ptr<TipcLink> GetBcRcvLink() const;
    /**
     * @brief A broadcast packet from this peer arrived (tipc_node_bc_rcv).
     * @param bearerId arrival bearer (its unicast link carries the ack)
     * @param msg the packet
     */
    void BcReceive(uint32_t bearerId, Ptr<TipcMsg> msg);
    /** @brief Reset every link to the peer (tipc_node_reset_links). */
    void ResetAllLinks();

    // ---------------------------------------------------------------- crossover
    /**
     * @brief tipc_node_assign_peer_net: if the peer is a namespace of this
     *        kernel (same cluster id, node identity and hash mix), remember it.
     * @param hashMixes the hash mix the peer sent in discovery
     */
    void AssignPeerNet(uint32_t hashMixes);
    /** @return the hash mix remembered for the peer (0: none) */
    uint32_t GetPeerHashMix() const;
    /** @return the peer's TIPC instance if it is kernel-local, else null */
    Ptr<TipcStack> GetPeerNet() const;
    /**
     * @brief The namespace @p dying is being deleted (tipc_node_pre_cleanup_net).
     * @param dying its TIPC instance
     */
    void ClearPeerNet(Ptr<TipcStack> dying);
    /**
     * @brief Count a message sent to this peer.
     * @param crossover it took the crossover path (else the link)
     */
    void CountPath(bool crossover);
    /** @return messages sent to this peer on the crossover path */
    uint64_t GetCrossoverMessages() const;
    /** @return messages sent to this peer through the links */
    uint64_t GetLinkMessages() const;
    /** @return next broadcast sequence number expected from the peer */
    uint16_t GetBcRcvNxt() const;
    /** @brief Name distribution from the peer marks its broadcast link established. */
    void BcRcvEstablish();
    /**
     * @brief The peer's broadcast-init message (tipc_link_bc_init_rcv).
     * @param hdr its header (last_bcast)
     */
    void BcInitReceive(const TipcHeader& hdr);

    /**
     * @brief A data or connection message arrived in sequence: deliver it.
     * @param msg the message
     */
    void DeliverData(Ptr<TipcMsg> msg);
    /**
     * @brief A NAME_DISTRIBUTOR message arrived in sequence: queued for the name
     *        distributor until the frame is processed (TipcStack::QueueNamed).
     * @param msg the message
     */
    void NamedInput(Ptr<TipcMsg> msg);
    /**
     * @brief Link congestion is over for a sender (SOCK_WAKEUP).
     * @param port the sender's port
     */
    void WakeupSender(uint32_t port);

    /**
     * @brief A link changed FSM state (for traces).
     * @param link the link
     * @param oldState previous state
     * @param newState new state
     */
    void NotifyLinkState(Ptr<TipcLink> link, uint32_t oldState, uint32_t newState);

    /**
     * @brief Attribute MaxKeepalive setter (checked against its range)
     * @param t keepalive cap
     */
    void SetMaxKeepalive(Time t);
    /**
     * @brief Attribute InitialKeepalive setter (checked against its range)
     * @param t interval without links
     */
    void SetInitialKeepalive(Time t);
    /**
     * @brief Attribute CleanupDelay setter (checked against its range)
     * @param t delay
     */
    void SetCleanupDelay(Time t);

  protected:
    /**
     * @brief Cancel the node timer, dispose of the links and the broadcast receive link, and
     *        drop the references to the stacks.
     */
    void DoDispose() override;

  private:
    /**
     * @brief Broadcast acks and NACKs carried by a unicast packet, processed
     *        before its link sees it (tipc_bcast_ack_rcv, tipc_bcast_sync_rcv).
     * @param bearerId arrival bearer
     * @param msg the packet
     * @return false if the peer's links were reset (drop the packet)
     */
    bool BcPreReceive(uint32_t bearerId, const Ptr<TipcMsg>& msg);
    /** @brief Arm the node timer one keepalive interval ahead, on a jiffy tick. */
    void ArmTimer();
    /** @brief Node timer (tipc_node_timeout). */
    void Timeout();
    /**
     * @brief The node-timer slot's handler.
     * @param peer the TipcPeer
     */
    static void TimerExpired(void* peer);
    /**
     * @brief Recompute the timer interval and the link's abort limit
     *        (tipc_node_calculate_timer).
     * @param link the link
     */
    void CalculateTimer(Ptr<TipcLink> link);
    /**
     * @brief Link on a bearer reached ESTABLISHING -> up (__tipc_node_link_up).
     * @param bearerId bearer
     */
    void LinkUp(uint32_t bearerId);
    /**
     * @brief Bookkeeping of a link going down (__tipc_node_link_down).
     * @param bearerId bearer (may change to the tunnel link's bearer)
     */
    void DoLinkDown(uint32_t& bearerId);
    /** @brief Last link gone (node_lost_contact). */
    void LostContact();
    /**
     * @brief Apply a node FSM event.
     * @param event event
     */
    void FsmEvent(uint32_t event);
    /**
     * @brief Slow-path acceptance check (tipc_node_check_state), including
     *        the failover and synch handling of tunnel messages.
     * @param bearerId bearer
     * @param msg the message
     * @return true if the link may process the message
     */
    bool CheckState(uint32_t bearerId, Ptr<TipcMsg> msg);
    /**
     * @brief Half-failover started by the peer (tipc_node_link_failover).
     * @param l the link that failed here (may be null)
     * @param tnl the tunnel link
     */
    void LinkFailover(Ptr<TipcLink> l, Ptr<TipcLink> tnl);
    /**
     * @brief Bearer id of a link of this peer.
     * @param l the link
     * @return its bearer id
     */
    uint32_t BearerOf(Ptr<TipcLink> l) const;

    /// Per-bearer link entry (struct tipc_link_entry).
    struct LinkEntry
    {
        Ptr<TipcLink> link;     //!< the link, if any
        TipcMediaAddress maddr; //!< peer media address on this bearer
        uint32_t mtu{0};        //!< link MSS offered to senders
    };

    Ptr<TipcStack> m_stack;                           //!< own stack
    uint32_t m_addr;                                  //!< peer address
    TipcNodeId m_id;                                  //!< peer identity
    uint32_t m_caps;                                  //!< peer capabilities
    uint32_t m_signature;                             //!< peer signature
    uint32_t m_peerHashMix;                           //!< peer hash mix once linked
    TipcNodeFsm m_fsm;                                //!< contact state
    std::array<LinkEntry, tipc::MAX_BEARERS> m_links; //!< links by bearer id
    std::array<int32_t, 2> m_activeLinks;             //!< active slots (bearer ids)
    uint32_t m_linkCnt;                               //!< links
    uint32_t m_workingLinks;                          //!< links up
    uint32_t m_linkId;                                //!< id of the last link up/down
    uint16_t m_syncPoint;                             //!< failover/synch point
    Ptr<TipcLink> m_bcRcvLink;                        //!< the peer's broadcasts; its acks of ours
    Ptr<TipcStack> m_peerNet;                         //!< kernel-local peer (crossover)
    uint64_t m_lxcMsgs{0};                            //!< messages on the crossover path
    uint64_t m_linkMsgs{0};                           //!< messages through the links
    Time m_keepalive;                                 //!< timer interval
    Time m_deleteAt;                                  //!< cleanup time while down
    Time m_maxKeepalive;                              //!< keepalive cap (attribute)
    Time m_initKeepalive;                             //!< interval without links (attribute)
    Time m_cleanupDelay;                              //!< delete after down this long
    TipcTimerQueue::Id m_timer{TipcTimerQueue::INVALID}; //!< node timer (in the stack's queue)
};

} // namespace ns3

#endif // TIPC_PEER_H
