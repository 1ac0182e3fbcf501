// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_NAME_DISTRIBUTOR_H
#define TIPC_NAME_DISTRIBUTOR_H

#include "tipc-lazy-deque.h"
#include "tipc-msg.h"
#include "tipc-name-table.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <list>
#include <map>

namespace ns3
{

class TipcStack;

/**
 * @ingroup tipc
 * @brief The node's name service: its name table (TipcNameTable) and the
 *        distribution of bindings across the cluster (Linux name_distr.c and
 *        the publish/withdraw half of name_table.c; reference section 8).
 *
 * Own cluster-scope bindings are sent to every peer as single
 * NAME_DISTRIBUTOR PUBLICATION/WITHDRAWAL updates numbered by a per-node
 * sequence number (named_seqno), and in bulk (all of them, in publication
 * order) when a peer comes up.  Updates from a peer are applied in sequence
 * order after its last bulk message; a peer's bindings are withdrawn when it
 * goes down.  Node-scope bindings are never distributed.
 */
class TipcNameDistributor : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcNameDistributor();
    ~TipcNameDistributor() override;

    /**
     * @brief Attach to the node's stack (sending, own address, peers).
     * @param stack the stack
     */
    void SetStack(Ptr<TipcStack> stack);

    /** @return the name table */
    TipcNameTable& GetTable();
    /** @return the name table */
    const TipcNameTable& GetTable() const;

    /**
     * @brief Bind a range to a local port (tipc_nametbl_publish): insert it,
     *        and send a PUBLICATION to the cluster unless it has node scope.
     *        At most TIPC_MAX_PUBL own bindings, of every type (node state,
     *        topology server and link state included).
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param scope TIPC_NODE_SCOPE or TIPC_CLUSTER_SCOPE
     * @param port local port id
     * @param key binding key
     * @return the binding, or nullptr if refused (duplicate, limit, lower > upper)
     */
    const TipcPublication* Publish(uint32_t type,
                                   uint32_t lower,
                                   uint32_t upper,
                                   uint32_t scope,
                                   uint32_t port,
                                   uint32_t key);
    /**
     * @brief Remove a local binding (tipc_nametbl_withdraw) and send a
     *        WITHDRAWAL unless it had node scope.
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param port local port id
     * @param key binding key
     * @return true if the binding existed
     */
    bool Withdraw(uint32_t type, uint32_t lower, uint32_t upper, uint32_t port, uint32_t key);

    /**
     * @brief The own address became final (tipc_named_reinit): rewrite the
     *        node of own bindings made before.
     * @param addr own address
     */
    void Reinit(uint32_t addr);
    /**
     * @brief A peer came up (tipc_named_node_up): send it all own
     *        cluster-scope bindings in bulk messages on the unicast link.
     * @param peer peer address
     * @param caps peer capabilities
     */
    void NodeUp(uint32_t peer, uint16_t caps);
    /**
     * @brief A peer went down (tipc_publ_notify): withdraw its bindings and
     *        drop its queued updates.
     * @param peer peer address
     * @param caps peer capabilities
     */
    void NodeDown(uint32_t peer, uint16_t caps);
    /**
     * @brief The peer node was deleted (tipc_node_cleanup frees it with its broadcast
     *        entry): a node created again for that address starts closed, expecting
     *        named_seqno 0, and holds single updates until its bulk arrives.
     * @param peer peer address
     */
    void ForgetPeer(uint32_t peer);
    /**
     * @param peer peer address
     * @return true if the peer's last bulk message has opened its update queue
     *         (named_open)
     */
    bool IsOpen(uint32_t peer) const;
    /**
     * @brief A NAME_DISTRIBUTOR message arrived from a peer (tipc_named_rcv).
     * @param msg the message
     * @param fromNode the peer it came from (its originating node)
     */
    void Receive(Ptr<TipcMsg> msg, uint32_t fromNode);

    /// Counters of the name service.
    struct Stats
    {
        uint64_t sentUpdates{0};   //!< single PUBLICATION/WITHDRAWAL messages sent
        uint64_t sentBulk{0};      //!< bulk messages sent
        uint64_t recvMessages{0};  //!< NAME_DISTRIBUTOR messages received
        uint64_t applied{0};       //!< items applied to the table
        uint64_t rejectedItems{0}; //!< items refused (duplicate, unknown, lower > upper)
        uint64_t oldDropped{0};    //!< updates older than the expected sequence number
    };

    /** @return the counters */
    const Stats& GetStats() const;
    /** @return the next named_seqno to be used */
    uint16_t GetSndNxt() const;

    /// TracedCallback signature for binding updates: (binding, published, origin node).
    typedef void (*UpdateTracedCallback)(const TipcPublication& publication,
                                         bool published,
                                         uint32_t origin);

  protected:
    /**
     * @brief Drop the stack and the per-peer receive state, and remove the name table's
     *        event callback.
     */
    void DoDispose() override;

  private:
    /// Per-peer receive state (Linux keeps it in the peer's broadcast entry).
    struct PeerState
    {
        TipcLazyDeque<Ptr<TipcMsg>> queue; //!< received, not yet applied
        uint16_t rcvNxt{0};                //!< next expected named_seqno
        bool open{false};                  //!< a last-bulk message has arrived
    };

    /**
     * @brief Build one NAME_DISTRIBUTOR message header.
     * @param type PUBLICATION or WITHDRAWAL
     * @param dest destination node (0 for single updates)
     * @return the header
     */
    TipcHeader BuildHeader(uint32_t type, uint32_t dest) const;
    /**
     * @brief Send a single update to all peers (tipc_node_broadcast).
     * @param type PUBLICATION or WITHDRAWAL
     * @param p the binding
     */
    void SendUpdate(uint32_t type, const TipcPublication& p);
    /**
     * @brief Next message of a peer's queue that may be applied (tipc_named_dequeue).
     * @param st the peer's state
     * @return the message, or null
     */
    Ptr<TipcMsg> Dequeue(PeerState& st);
    /**
     * @brief Apply the items of one message (tipc_update_nametbl).
     * @param msg the message
     */
    void Apply(Ptr<TipcMsg> msg);

    Ptr<TipcStack> m_stack;                  //!< the node
    TipcNameTable m_table;                   //!< the name table
    std::list<TipcPublication> m_clusterPub; //!< own cluster-scope bindings, publication order
    uint32_t m_sndNxt;                       //!< next named_seqno (u16 on the wire)
    uint32_t m_rcDests;                      //!< up peers without TIPC_NAMED_BCAST
    std::map<uint32_t, PeerState> m_peers;   //!< receive state per peer
    Stats m_stats;                           //!< counters
    TracedCallback<const TipcPublication&, bool, uint32_t> m_updateTrace; //!< table updates
};

} // namespace ns3

#endif // TIPC_NAME_DISTRIBUTOR_H
