// SPDX-License-Identifier: GPL-2.0-only
//
// TIPC name table (reference sections 8 and 9): service bindings of all nodes,
// anycast / multicast lookups and the name-table half of the topology service
// (subscriptions and their events).  Pure logic: no ns-3 Simulator, no timers,
// no messages.  Behaviour follows Linux 6.1 net/tipc/name_table.c and subscr.c.

#ifndef TIPC_NAME_TABLE_H
#define TIPC_NAME_TABLE_H

#include "tipc-address.h"
#include "tipc-constants.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <ostream>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief One service binding (Linux struct publication).
 */
struct TipcPublication
{
    uint32_t type{0};  //!< service type
    uint32_t lower{0}; //!< lowest instance of the bound range
    uint32_t upper{0}; //!< highest instance of the bound range
    uint32_t scope{0}; //!< tipc::TIPC_NODE_SCOPE or tipc::TIPC_CLUSTER_SCOPE
    uint32_t node{0};  //!< node of the bound socket
    uint32_t port{0};  //!< port id (socket reference) of the bound socket
    uint32_t key{0};   //!< binding key (unique per socket binding)
    uint32_t id{0};    //!< per-service-type insertion counter (orders events)
};

/**
 * @brief Equality of all fields.
 * @param a left
 * @param b right
 * @return true if equal
 */
bool operator==(const TipcPublication& a, const TipcPublication& b);

/**
 * @brief Print "{type,lower,upper} scope <node:port> key id".
 * @param os stream
 * @param p publication
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcPublication& p);

/**
 * @ingroup tipc
 * @brief A topology subscription request (the fields of uapi struct
 *        tipc_subscr that the name table needs, plus the subscriber).
 *
 * timeout, userHandle and owner are not interpreted by the name table; they are
 * kept so that a CANCEL request can be matched against the original request
 * (Linux compares the whole struct tipc_subscr within one connection).
 */
struct TipcSubscription
{
    TipcServiceRange seq;                      //!< subscribed {type, lower, upper}
    uint32_t filter{tipc::TIPC_SUB_PORTS};     //!< TIPC_SUB_* bits
    uint32_t timeout{tipc::TIPC_WAIT_FOREVER}; //!< ms; handled by the caller
    uint64_t userHandle{0};                    //!< opaque usr_handle[8]
    uint64_t owner{0};                         //!< subscriber (e.g. connection id)
};

/**
 * @ingroup tipc
 * @brief A topology event (uapi struct tipc_event, host order).
 */
struct TipcNameEvent
{
    uint32_t event{0};      //!< tipc::TIPC_PUBLISHED or tipc::TIPC_WITHDRAWN
    uint32_t foundLower{0}; //!< lower of the binding (not clipped to the subscription)
    uint32_t foundUpper{0}; //!< upper of the binding (not clipped to the subscription)
    uint32_t port{0};       //!< port id of the bound socket
    uint32_t node{0};       //!< node of the bound socket
    uint32_t scope{0};      //!< scope of the binding (not on the wire)
    uint32_t key{0};        //!< key of the binding (not on the wire)
    uint64_t subId{0};      //!< subscription this event belongs to
    TipcSubscription sub;   //!< copy of the subscription request
};

/**
 * @ingroup tipc
 * @brief The TIPC name table of one node (Linux name_table.c, subscr.c).
 *
 * Per service type the table keeps the distinct bound ranges {lower, upper}
 * (overlaps allowed) in an interval tree (a treap ordered like the Linux
 * rb-tree and augmented with the largest upper bound of each subtree), so an
 * overlap query costs O(log n + k) for k reported ranges.  Each range holds
 * two publication lists, all_publ (every binding of exactly this range) and
 * local_publ (the bindings of the own node); new bindings are put at the
 * head of both lists and anycast lookups rotate the chosen binding to the
 * tail, as Linux does.
 *
 * Subscriptions: Subscribe() attaches a subscription to its service type and
 * returns the initial status events; Insert() and Remove() report matching
 * events synchronously to the callback set with SetEventCallback().
 * Timeouts are the caller's business (on expiry send TIPC_SUBSCR_TIMEOUT and
 * call Unsubscribe()).  A CANCEL request is handled by the caller with
 * FindSubscription() + Unsubscribe(), or in one step with Cancel().
 *
 * Deliberate difference: each {lower, upper} exists at most once per type.
 * Linux 6.1 tipc_service_create_range() only compares the nodes on its
 * descent path, so when three or more ranges share a lower bound it can
 * (depending on tree shape) create a second node for an existing range,
 * which then reports a spurious "first" SERVICE event and escapes duplicate
 * detection.  (Inferred from reading the source, not observed.)
 *
 * Pointers returned by Insert() and GetSubscription() stay valid until the
 * publication / subscription is removed.  Event callbacks may call
 * Unsubscribe(); they should not insert or remove bindings (that would nest
 * event deliveries).
 */
class TipcNameTable
{
  public:
    /// Event sink: (subscription id, event).
    using EventCallback = std::function<void(uint64_t, const TipcNameEvent&)>;

    /** @brief An empty table; own node address 0. */
    TipcNameTable();
    /** @brief Destructor. */
    ~TipcNameTable();
    /**
     * @brief Not copyable (Insert() hands out pointers into the table).
     * @param other the table not to copy
     */
    TipcNameTable(const TipcNameTable& other) = delete;
    /**
     * @brief Not copyable.
     * @param other the table not to copy
     * @return this table
     */
    TipcNameTable& operator=(const TipcNameTable& other) = delete;

    /**
     * @brief Set the own node address (Linux tipc_own_addr).  Does not touch
     *        existing bindings; see ReinitOwnNode().
     * @param node own node address
     */
    void SetOwnNode(uint32_t node);
    /**
     * @brief The own node address.
     * @return the address
     */
    uint32_t GetOwnNode() const;
    /**
     * @brief Change the own node address and rewrite the node field of every
     *        own binding (Linux tipc_named_reinit).  No events are reported.
     * @param node new own node address
     * @return number of bindings rewritten
     */
    size_t ReinitOwnNode(uint32_t node);

    /**
     * @brief Insert a binding (Linux tipc_nametbl_insert_publ plus the local
     *        limit of tipc_nametbl_publish) and report it to subscribers.
     *
     * A binding is "local" if node is the own node or 0 (Linux in_own_node).
     * Refused: lower > upper; a duplicate (same range, port and key, and the
     * same node or an existing binding with node 0); a local binding when
     * TIPC_MAX_PUBL local bindings exist already (Linux 6.1 counts every type).
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param scope tipc::TIPC_NODE_SCOPE or tipc::TIPC_CLUSTER_SCOPE (stored as is)
     * @param node node of the bound socket
     * @param port port id of the bound socket
     * @param key binding key
     * @return the stored binding (with its id), or nullptr if refused
     */
    const TipcPublication* Insert(uint32_t type,
                                  uint32_t lower,
                                  uint32_t upper,
                                  uint32_t scope,
                                  uint32_t node,
                                  uint32_t port,
                                  uint32_t key);
    /**
     * @brief Remove a binding (Linux tipc_nametbl_remove_publ) and report the
     *        withdrawal to subscribers.
     *
     * The binding must have exactly this range, port and key; node 0 matches
     * any node.  The first match in all_publ order is removed.
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param node node of the bound socket (0: any)
     * @param port port id of the bound socket
     * @param key binding key
     * @param removed if not null, receives a copy of the removed binding
     * @return true if a binding was removed
     */
    bool Remove(uint32_t type,
                uint32_t lower,
                uint32_t upper,
                uint32_t node,
                uint32_t port,
                uint32_t key,
                TipcPublication* removed = nullptr);
    /**
     * @brief Remove every binding of a node (Linux tipc_publ_notify on node
     *        down), in the order they were inserted; each reports WITHDRAWN.
     * @param node the node
     * @return number of bindings removed
     */
    size_t RemoveNode(uint32_t node);

    /**
     * @brief Anycast lookup (Linux tipc_nametbl_lookup_anycast).
     *
     * If lookupNode is not in scope of the own node (legacy domains
     * <Z.C.0>/<Z.0.0> count as in scope when legacy is set) the lookup is
     * deferred: returns true with node = lookupNode and port = 0.  Otherwise
     * the first range (lowest lower; for equal lower the most recently
     * created range) containing instance that has a candidate is used:
     * lookupNode == own node: local_publ only (ranges without local bindings
     * are skipped); legacy && lookupNode == 0 && local bindings exist:
     * local_publ; else all_publ.  The head of the list is picked and moved to
     * the tail (round robin).
     * @param type service type
     * @param instance service instance
     * @param lookupNode lookup node ("domain"), 0 for any
     * @param legacy own node uses legacy (Z.C.N) addressing
     * @param[out] node node of the selected socket
     * @param[out] port port id of the selected socket (0 if deferred)
     * @return true if found or deferred, false if there is no binding
     */
    bool LookupAnycast(uint32_t type,
                       uint32_t instance,
                       uint32_t lookupNode,
                       bool legacy,
                       uint32_t& node,
                       uint32_t& port);
    /**
     * @brief Destination nodes of a multicast (Linux
     *        tipc_nametbl_lookup_mcast_nodes): every node owning a binding
     *        whose range overlaps [lower, upper], whatever its scope.
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param[out] includesOwn set to true iff the own node has such a binding
     * @return the other nodes, each once, in Linux's order (the order tipc_rcast_xmit
     *         sends replicast copies in): the reverse of first encounter, ranges in tree
     *         order and each range's bindings in all_publ order (newest first), so for
     *         one range the oldest binding's node comes first
     */
    std::vector<uint32_t> LookupMcastNodes(uint32_t type,
                                           uint32_t lower,
                                           uint32_t upper,
                                           bool& includesOwn) const;
    /**
     * @brief Own destination sockets of a received multicast (Linux
     *        tipc_nametbl_lookup_mcast_sockets): ports of local bindings in
     *        ranges overlapping [lower, upper] whose scope equals scope, or
     *        any scope if scope is tipc::TIPC_ANY_SCOPE (Linux uses ANY for
     *        messages from the own node, CLUSTER for messages from others).
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param scope required scope or tipc::TIPC_ANY_SCOPE
     * @return port ids, each once, in the order tipc_sk_mcast_rcv delivers to them:
     *         the reverse of first encounter, ranges in tree order and each range's
     *         local_publ list newest first, so for one range the oldest binding first
     */
    std::vector<uint32_t> LookupMcastSockets(uint32_t type,
                                             uint32_t lower,
                                             uint32_t upper,
                                             uint32_t scope) const;
    /**
     * @brief All bindings whose range overlaps [lower, upper].
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @return copies, ranges in tree order, each range's bindings in all_publ order
     */
    std::vector<TipcPublication> GetOverlapping(uint32_t type,
                                                uint32_t lower,
                                                uint32_t upper) const;
    /**
     * @brief All bindings of one node (Linux node->publ_list for peers).
     * @param node the node
     * @return copies in insertion order
     */
    std::vector<TipcPublication> GetPublicationsOfNode(uint32_t node) const;
    /**
     * @brief Every binding, ordered by type, lower, upper, then id.
     * @return copies
     */
    std::vector<TipcPublication> Dump() const;
    /**
     * @brief Print the table like `tipc nametable show` (columns Type, Lower,
     *        Upper, Scope, Port, Node; node in hex), rows in Dump() order.
     * @param os stream
     */
    void Print(std::ostream& os) const;
    /**
     * @brief Number of own bindings (bindings in local_publ lists; Linux
     *        local_publ_count, limited to TIPC_MAX_PUBL).
     * @return the count
     */
    size_t GetNLocalPublications() const;
    /**
     * @brief Number of bindings of all nodes.
     * @return the count
     */
    size_t GetNPublications() const;

    /**
     * @brief Set the receiver of subscription events reported by Insert(),
     *        Remove() and RemoveNode() (called synchronously, newest
     *        subscription of the type first, as Linux walks its list).
     * @param cb the callback (empty: events are dropped)
     */
    void SetEventCallback(EventCallback cb);
    /**
     * @brief Subscribe with owner 0, no timeout and handle 0.
     * @param seq subscribed range
     * @param filter TIPC_SUB_* bits
     * @param[out] initial receives the initial PUBLISHED events (appended)
     * @return subscription id, 0 if refused
     */
    uint64_t Subscribe(const TipcServiceRange& seq,
                       uint32_t filter,
                       std::vector<TipcNameEvent>& initial);
    /**
     * @brief Add a subscription (Linux tipc_sub_subscribe +
     *        tipc_nametbl_subscribe) and report the current status.
     *
     * Refused (returns 0): PORTS and SERVICE both set, lower > upper, the
     * CANCEL bit set (use Cancel()), or TIPC_MAX_SUBSCR subscriptions exist.
     * Unless NO_STATUS is set, every binding overlapping the range is
     * reported as PUBLISHED (without PORTS: only the binding with the lowest
     * id of each range), ordered by binding id; NODE_SCOPE / CLUSTER_SCOPE
     * filter bits apply.  Initial events are returned, not passed to the
     * callback.
     * @param sub the request
     * @param[out] initial receives the initial PUBLISHED events (appended)
     * @return subscription id (> 0), 0 if refused
     */
    uint64_t Subscribe(const TipcSubscription& sub, std::vector<TipcNameEvent>& initial);
    /**
     * @brief Remove a subscription (Linux tipc_nametbl_unsubscribe).
     * @param id subscription id
     * @return true if it existed
     */
    bool Unsubscribe(uint64_t id);
    /**
     * @brief Remove all subscriptions of a subscriber (connection closed).
     * @param owner the subscriber
     * @return number removed
     */
    size_t UnsubscribeOwner(uint64_t owner);
    /**
     * @brief Find the subscription a CANCEL request refers to (Linux
     *        tipc_conn_delete_sub): same owner, seq, timeout, userHandle and
     *        filter (the CANCEL bit of the request ignored); the newest
     *        match wins.
     * @param request the request
     * @return subscription id, 0 if none
     */
    uint64_t FindSubscription(const TipcSubscription& request) const;
    /**
     * @brief FindSubscription() followed by Unsubscribe().
     * @param request the request (CANCEL bit may be set)
     * @return the cancelled subscription id, 0 if none matched
     */
    uint64_t Cancel(const TipcSubscription& request);
    /**
     * @brief Look up a subscription.
     * @param id subscription id
     * @return the request, or nullptr
     */
    const TipcSubscription* GetSubscription(uint64_t id) const;
    /**
     * @brief Number of subscriptions.
     * @return the count
     */
    size_t GetNSubscriptions() const;

  private:
    struct PublEntry;
    /// Non-owning list of entries (local_publ, per-node index).
    using PublRefList = std::list<PublEntry*>;

    /// A stored binding plus its positions in the non-owning lists.
    struct PublEntry
    {
        TipcPublication publ;          //!< the binding
        bool local{false};             //!< in local_publ (own node at insert time)
        PublRefList::iterator localIt; //!< position in local_publ (if local)
        PublRefList::iterator nodeIt;  //!< position in m_byNode[publ.node]
    };

    /// List of publication entries; owns them (all_publ of one range).
    using PublList = std::list<PublEntry>;

    /// One distinct range {lower, upper}: a treap node.
    struct RangeNode
    {
        uint32_t lower{0};                //!< range lower bound
        uint32_t upper{0};                //!< range upper bound
        uint64_t seq{0};                  //!< creation sequence (newer sorts first)
        uint32_t maxUpper{0};             //!< largest upper in this subtree
        uint32_t prio{0};                 //!< treap heap priority
        std::unique_ptr<RangeNode> left;  //!< smaller keys
        std::unique_ptr<RangeNode> right; //!< larger keys
        PublList allPubl;                 //!< all bindings of this range
        PublRefList localPubl;            //!< own bindings of this range
    };

    /// All ranges and subscriptions of one service type.
    struct Service
    {
        std::unique_ptr<RangeNode> root;                           //!< interval treap
        std::map<std::pair<uint32_t, uint32_t>, RangeNode*> exact; //!< ranges by {lower, upper}
        std::list<uint64_t> subs; //!< subscription ids, newest first
        uint32_t publCnt{0};      //!< next binding id
        uint64_t rangeSeq{0};     //!< next range creation sequence
    };

    /// A subscription and its place in its service's list.
    struct SubEntry
    {
        TipcSubscription sub;             //!< the request
        std::list<uint64_t>::iterator it; //!< position in Service::subs
    };

    /**
     * @brief Find or create the service record of a type.
     * @param type service type
     * @return the record
     */
    Service& GetOrCreateService(uint32_t type);
    /**
     * @brief Find the service record of a type.
     * @param type service type
     * @return the record, or nullptr
     */
    const Service* FindService(uint32_t type) const;
    /**
     * @brief Find the service record of a type (mutable).
     * @param type service type
     * @return the record, or nullptr
     */
    Service* FindService(uint32_t type);
    /**
     * @brief Erase a service record if it has no ranges and no subscriptions.
     * @param type service type
     */
    void MaybeEraseService(uint32_t type);
    /**
     * @brief Report an insert or removal to the subscriptions of a type
     *        (Linux tipc_sub_report_overlap for each subscription).
     * @param type service type
     * @param p the binding
     * @param event TIPC_PUBLISHED or TIPC_WITHDRAWN
     * @param must first binding of / last binding removed from its range
     */
    void Report(uint32_t type, const TipcPublication& p, uint32_t event, bool must);
    /**
     * @brief Does a subscription want an event about a binding?
     * @param sub the subscription
     * @param p the binding
     * @param must first / last binding of its range
     * @return true if an event is due
     */
    static bool Wants(const TipcSubscription& sub, const TipcPublication& p, bool must);
    /**
     * @brief Build an event.
     * @param subId subscription id
     * @param sub the subscription
     * @param p the binding
     * @param event TIPC_PUBLISHED or TIPC_WITHDRAWN
     * @return the event
     */
    static TipcNameEvent MakeEvent(uint64_t subId,
                                   const TipcSubscription& sub,
                                   const TipcPublication& p,
                                   uint32_t event);
    /**
     * @brief Pseudo-random treap priority.
     * @return next priority
     */
    uint32_t NextPriority();

    uint32_t m_ownNode{0};                    //!< own node address
    std::map<uint32_t, Service> m_services;   //!< service records by type
    std::map<uint32_t, PublRefList> m_byNode; //!< bindings per node, insertion order
    std::map<uint64_t, SubEntry> m_subs;      //!< subscriptions by id
    uint64_t m_nextSubId{1};                  //!< next subscription id
    size_t m_nPubl{0};                        //!< all bindings
    size_t m_nLocal{0};                       //!< own bindings
    uint32_t m_rng{0x9e3779b9U};              //!< treap priority generator state
    EventCallback m_eventCb;                  //!< event sink
};

} // namespace ns3

#endif // TIPC_NAME_TABLE_H
