// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MONITOR_H
#define TIPC_MONITOR_H

#include "tipc-monitor-record.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The overlapping-ring neighbour monitor of one bearer (Linux
 *        monitor.c), as pure logic without simulator calls.
 *
 * Peers sit in a ring sorted by node address that starts at the own node.
 * Up to the activation threshold (the ring holds at most Threshold nodes,
 * self included) every peer is supervised (full mesh).  Above it the node
 * supervises its local domain, the dom_size(N) - 1 successors of itself
 * (dom_size = smallest i with i*i >= N, at most MAX_MON_DOMAIN), plus the
 * domain heads: walking the ring after the local domain, the next up peer
 * heads a domain that covers as many of its successors as its own domain
 * record matches ("applied"), and so on round the ring.  Links to other peers
 * are not probed; their state comes from the heads' domain records, which
 * travel in STATE messages (TipcMonitorRecord).  A head reporting a member
 * down (or dropping it from its domain) counts a down event for it; from
 * MAX_PEER_DOWN_EVENTS on the link to that member is to be reset.  Any record
 * from a peer proves it alive and clears its count.
 *
 * Not yet wired into link supervision: this class computes who is monitored;
 * links still probe every peer (full mesh).
 */
class TipcMonitor
{
  public:
    /// What the monitor tells the link to one peer (Linux struct tipc_mon_state).
    struct PeerState
    {
        bool monitoring{true}; //!< probe the peer when it is silent (local or head)
        bool probing{false};   //!< probe now: the peer was reported down or lags our domain
        bool reset{false};     //!< enough down reports: reset the link
    };

    /**
     * @brief A monitor for the own node.
     * @param self own node address
     * @param threshold activation threshold (TIPC_DEF_MON_THRESHOLD = 32; 0 .. 4095)
     */
    explicit TipcMonitor(uint32_t self, uint32_t threshold = 32);

    /**
     * @brief A link to a peer came up (tipc_mon_peer_up): the peer joins the
     *        ring if new and is marked up; roles are re-evaluated.
     * @param addr peer address
     */
    void PeerUp(uint32_t addr);
    /**
     * @brief The link to a peer went down (tipc_mon_peer_down): marked down
     *        in our domain (a new generation), roles re-evaluated.
     * @param addr peer address
     */
    void PeerDown(uint32_t addr);
    /**
     * @brief The peer node is gone (tipc_mon_remove_peer).
     * @param addr peer address
     */
    void RemovePeer(uint32_t addr);
    /**
     * @brief A domain record arrived from a peer (tipc_mon_rcv).
     * @param from sender's address
     * @param rec its record (possibly empty)
     */
    void ApplyRecord(uint32_t from, const TipcMonitorRecord& rec);
    /**
     * @brief The record to put in the next STATE message to a peer
     *        (tipc_mon_prep): empty below the threshold, header only if the
     *        peer has acked our current generation.
     * @param to the peer
     * @return the record
     */
    TipcMonitorRecord BuildRecord(uint32_t to) const;
    /**
     * @brief What the link to a peer should do (tipc_mon_get_state).
     * @param addr peer address
     * @return the state (full mesh below the threshold)
     */
    PeerState GetState(uint32_t addr) const;

    /** @return true when the ring holds more nodes than the threshold */
    bool IsActive() const;
    /** @return nodes in the ring, self included */
    uint32_t GetPeerCount() const;
    /** @return the local domain's size including self (dom_size) */
    uint32_t GetDomainSize() const;
    /** @return addresses of the peers supervised actively (local domain and heads) */
    std::vector<uint32_t> GetMonitored() const;
    /** @return own domain generation */
    uint16_t GetGeneration() const;

    /**
     * @brief Linux dom_size(): smallest i with i*i >= peers, at most MAX_MON_DOMAIN.
     * @param peers nodes in the ring, self included
     * @return the domain size including self
     */
    static uint32_t DomainSize(uint32_t peers);

  private:
    /// One ring member (Linux struct tipc_peer).
    struct Peer
    {
        bool up{false};           //!< link up
        bool isLocal{false};      //!< member of our local domain
        bool isHead{false};       //!< head of a remote domain
        uint32_t applied{0};      //!< members of its domain matched in our ring
        uint32_t downCnt{0};      //!< down reports since it was last heard
        bool haveDomain{false};   //!< its record has been received
        TipcMonitorRecord domain; //!< its last record
        uint16_t ackedGen{0};     //!< our generation it acknowledged
    };

    /** @return ring order: addresses sorted, rotated to start after self */
    std::vector<uint32_t> Ring() const;
    /**
     * @brief The ring members after a node, self included, wrapping round.
     * @param addr the node (self or a peer)
     * @param count how many
     * @return their addresses in ring order
     */
    std::vector<uint32_t> SuccessorsOf(uint32_t addr, uint32_t count) const;
    /** @brief Recompute the local domain (members, up map, generation). */
    void UpdateLocalDomain();
    /** @brief Recompute local and head roles round the ring (mon_assign_roles). */
    void AssignRoles();
    /**
     * @brief Match a head's record against its successors in our ring (mon_apply_domain).
     * @param addr the head
     */
    void ApplyDomain(uint32_t addr);

    uint32_t m_self;                  //!< own address
    uint32_t m_threshold;             //!< activation threshold
    std::map<uint32_t, Peer> m_peers; //!< peers by address (self not included)
    TipcMonitorRecord m_local;        //!< own domain record
    uint32_t m_localApplied{0};       //!< local domain members (dom_size - 1)
};

} // namespace ns3

#endif // TIPC_MONITOR_H
