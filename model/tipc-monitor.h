// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MONITOR_H
#define TIPC_MONITOR_H

#include "tipc-constants.h"
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
 * self included) every peer is supervised (full mesh) and STATE messages carry
 * no record.  Above it the node supervises its local domain, the
 * dom_size(N) - 1 successors of itself (dom_size = smallest i with i*i >= N,
 * at most MAX_MON_DOMAIN), plus the domain heads: walking the ring after the
 * local domain, the next up peer heads a domain that covers as many of its
 * successors as its own domain record matches ("applied"), and so on round
 * the ring.  Links to other peers are not probed; their state comes from the
 * heads' domain records, which travel in STATE messages (TipcMonitorRecord).
 * A head reporting a member down (or dropping it from its domain) counts a
 * down event for it and makes the link probe it; from MAX_PEER_DOWN_EVENTS on
 * the link to that member is reset.  Any record from a peer proves it alive
 * and clears its count.
 *
 * The operations follow Linux one to one, including its incremental role
 * assignment (it stops at the first peer that already heads a domain) and
 * the local domain being resized only when a change touches it or at the
 * periodic Timeout(); each costs O(log N + MAX_MON_DOMAIN) apart from role
 * walks, so a node can track thousands of peers.  The link keeps its view of
 * the monitor in a LinkState (Linux struct tipc_mon_state).
 */
class TipcMonitor
{
  public:
    /// A link's cache of the monitor (Linux struct tipc_mon_state).  A link
    /// reset clears it (value-initialise it again).
    struct LinkState
    {
        uint16_t listGen{0};    //!< monitor role generation last looked at
        uint16_t peerGen{0};    //!< newest domain generation received from the peer
        uint16_t ackedGen{0};   //!< newest generation of our domain the peer acknowledged
        bool monitoring{false}; //!< probe the peer when it is silent (local or head)
        bool probing{false};    //!< probe now: reported down, or our domain not acked
        bool reset{false};      //!< enough down reports: reset the link
        bool synched{false};    //!< generations synchronised since the link came up
    };

    /// One ring member as `tipc link monitor peer` lists it.
    struct PeerInfo
    {
        uint32_t addr{0};          //!< node address
        bool up{false};            //!< link up
        bool isLocal{false};       //!< in our local domain
        bool isHead{false};        //!< heads a remote domain
        uint32_t applied{0};       //!< members of its domain matched in our ring
        uint32_t downCnt{0};       //!< down events since it was last heard
        uint32_t domainMembers{0}; //!< members in its last record
        uint16_t domainGen{0};     //!< generation of its last record
    };

    /**
     * @brief A monitor for the own node (tipc_mon_create).
     * @param self own node address
     * @param threshold activation threshold (TIPC_DEF_MON_THRESHOLD; 0 .. 4095)
     */
    explicit TipcMonitor(uint32_t self, uint32_t threshold = tipc::TIPC_DEF_MON_THRESHOLD);

    /**
     * @brief A link to a peer came up (tipc_mon_peer_up): the peer joins the
     *        ring if new and is marked up; roles are re-evaluated.
     * @param addr peer address
     */
    void PeerUp(uint32_t addr);
    /**
     * @brief The link to a peer went down (tipc_mon_peer_down): members it
     *        headed are probed, it leaves our local domain's up map.
     * @param addr peer address
     */
    void PeerDown(uint32_t addr);
    /**
     * @brief The link to the peer was deleted (tipc_mon_remove_peer).
     * @param addr peer address
     */
    void RemovePeer(uint32_t addr);
    /**
     * @brief Fill the record for the next STATE message on a link
     *        (tipc_mon_prep): the full local domain until the peer has
     *        acknowledged its generation, then a 16-byte header only.
     * @param s the link's monitor state
     * @param[out] rec the record
     * @return false below the threshold: the message carries no record
     */
    bool Prepare(const LinkState& s, TipcMonitorRecord& rec) const;
    /**
     * @brief A valid domain record arrived on a link (tipc_mon_rcv).
     * @param from sender's address
     * @param rec its record (TipcMonitorRecord::Deserialize accepted it)
     * @param s the link's monitor state
     */
    void Receive(uint32_t from, const TipcMonitorRecord& rec, LinkState& s);
    /**
     * @brief Refresh a link's view of the monitor before its timer tick
     *        (tipc_mon_get_state).
     * @param addr peer address
     * @param s the link's monitor state
     */
    void GetState(uint32_t addr, LinkState& s) const;
    /**
     * @brief The periodic re-evaluation (mon_timeout, every MON_TIMEOUT ms
     *        plus up to 65.535 s): resize the local domain if the cluster
     *        size calls for another size.
     */
    void Timeout();

    /**
     * @brief Change the activation threshold (`tipc link monitor set threshold`).
     * @param threshold peers, self included, up to which the mesh is full
     */
    void SetThreshold(uint32_t threshold);
    /** @return true when the ring holds more nodes than the threshold */
    bool IsActive() const;
    /** @return nodes in the ring, self included */
    uint32_t GetPeerCount() const;
    /** @return the local domain's members (self's applied count) */
    uint32_t GetLocalDomainMembers() const;
    /** @return addresses of the peers supervised actively (local domain and heads) */
    std::vector<uint32_t> GetMonitored() const;
    /** @return every peer in ring order (self excluded) */
    std::vector<PeerInfo> GetPeers() const;
    /** @return own domain generation */
    uint16_t GetGeneration() const;
    /** @return the role generation (changes whenever roles are re-evaluated) */
    uint16_t GetListGeneration() const;

    /**
     * @brief Linux dom_size(): smallest i with i*i >= peers, at most MAX_MON_DOMAIN.
     * @param peers nodes in the ring, self included
     * @return the domain size including self
     */
    static uint32_t DomainSize(uint32_t peers);

  private:
    /// One ring member (Linux struct tipc_peer); self is a member too.
    struct Peer
    {
        bool up{false};           //!< link up (self: always)
        bool isLocal{false};      //!< member of our local domain
        bool isHead{false};       //!< head of a domain (self: always)
        uint32_t applied{0};      //!< members of its domain matched in our ring
        uint32_t downCnt{0};      //!< down reports since it was last heard
        bool haveDomain{false};   //!< its record has been received
        TipcMonitorRecord domain; //!< its last record
    };

    /// The ring, in address order; iteration wraps round.
    using Ring = std::map<uint32_t, Peer>;
    /// A ring position.
    using Pos = Ring::iterator;

    /**
     * @param p a ring position
     * @return the next member round the ring
     */
    Pos Next(Pos p);
    /**
     * @param p a ring position
     * @return the previous member round the ring
     */
    Pos Prev(Pos p);
    /**
     * @param p a ring position
     * @return the head whose domain covers it (itself if a head; peer_head)
     */
    Pos HeadOf(Pos p);
    /** @return self's position */
    Pos Self();
    /** @brief Recompute the local domain record (mon_update_local_domain). */
    void UpdateLocalDomain();
    /**
     * @brief Match a peer's record against its successors in our ring (mon_apply_domain).
     * @param p the peer
     */
    void ApplyDomain(Pos p);
    /**
     * @brief Re-apply the domains of a peer and its dom_size - 1 predecessors
     *        after the ring changed there (mon_update_neighbors).
     * @param p the peer
     */
    void UpdateNeighbors(Pos p);
    /**
     * @brief Re-evaluate local and head roles from a head on (mon_assign_roles).
     * @param head where to start
     */
    void AssignRoles(Pos head);
    /**
     * @brief Count down events for members a head no longer reports up
     *        (mon_identify_lost_members).
     * @param p the head
     * @param before its previous record
     * @param appliedBefore its previous applied count
     */
    void IdentifyLostMembers(Pos p, const TipcMonitorRecord& before, uint32_t appliedBefore);

    uint32_t m_self;           //!< own address
    uint32_t m_threshold;      //!< activation threshold
    Ring m_ring;               //!< all members, self included
    TipcMonitorRecord m_local; //!< own domain record
    uint16_t m_listGen{0};     //!< role generation
};

} // namespace ns3

#endif // TIPC_MONITOR_H
