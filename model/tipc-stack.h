// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_STACK_H
#define TIPC_STACK_H

#include "tipc-bearer.h"
#include "tipc-header.h"
#include "tipc-link.h"
#include "tipc-media-address.h"
#include "tipc-monitor.h"
#include "tipc-msg.h"
#include "tipc-name-distributor.h"
#include "tipc-node-id.h"
#include "tipc-socket.h"
#include "tipc-timer-queue.h"
#include "tipc-topology-server.h"
#include "tipc-window-control.h"

#include "ns3/callback.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class TipcPeer;
class TipcLink;
class LinuxHost;
class LinuxNetNamespace;
class HostCpuModel;

/**
 * @ingroup tipc
 * @brief One TIPC instance, aggregated to an ns3::Node: the TIPC of one Linux
 *        network namespace (net.c, core.c, and the node table of node.c).
 *
 * It owns the node identity and address (with the duplicate-address trial),
 * the cluster id, up to three bearers, and the table of peer nodes
 * (TipcPeer), and dispatches received frames (Linux tipc_rcv): discovery
 * messages to the bearer's TipcDiscoverer, everything else to the peer the
 * frame came from.  Malformed or unexpected frames are counted and dropped
 * with a reason (trace source "Drop", GetDropCounts()).
 */
class TipcStack : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcStack();
    ~TipcStack() override;

    // ---------------------------------------------------------------- configuration
    /**
     * @brief Add a bearer (Linux tipc_enable_bearer).  At most three per node;
     *        if two bearers already use its priority it gets priority - 1.  The
     *        bearer starts when the node starts, or at once if it already runs.
     *        A bearer disabled at run time frees its slot: the new bearer takes
     *        the lowest free id (then EnableBearer() can no longer bring the old
     *        one back).
     * @param bearer the bearer (an interface name and medium must be set)
     * @return the bearer id (0..2)
     */
    uint32_t AddBearer(Ptr<TipcBearer> bearer);
    /**
     * @brief Disable a bearer: its links are deleted (up links send RESET with
     *        peer_stopping, or fail over), discovery stops.
     * @param bearerId bearer id
     */
    void DisableBearer(uint32_t bearerId);
    /**
     * @brief Re-enable a disabled bearer (discovery restarts at 125 ms).
     * @param bearerId bearer id
     */
    void EnableBearer(uint32_t bearerId);
    /**
     * @brief Reset a bearer after its medium went down (tipc_reset_bearer):
     *        delete its links and restart discovery.
     * @param bearerId bearer id
     */
    void ResetBearer(uint32_t bearerId);
    /**
     * @brief Get a bearer.
     * @param bearerId bearer id
     * @return the bearer or null
     */
    Ptr<TipcBearer> GetBearer(uint32_t bearerId) const;
    /** @return number of bearers added */
    uint32_t GetNBearers() const;
    /**
     * @brief The neighbour monitor of a bearer (Linux monitor.c), created on
     *        first use as Linux creates it when the bearer is enabled.
     * @param bearerId bearer id
     * @return the monitor, or null for an invalid id
     */
    TipcMonitor* GetMonitor(uint32_t bearerId);
    /**
     * @brief The neighbour monitor of a bearer if it exists (`tipc link
     *        monitor list`, `tipc link monitor peer`).
     * @param bearerId bearer id
     * @return the monitor or null
     */
    const TipcMonitor* PeekMonitor(uint32_t bearerId) const;

    // ---------------------------------------------------------------- identity
    /** @return the node identity (zero until set or derived from the first bearer) */
    TipcNodeId GetNodeId() const;
    /** @return own node address; 0 while the address trial runs */
    uint32_t GetOwnAddress() const;
    /** @return the trial address (equals the own address once it is set) */
    uint32_t GetTrialAddress() const;
    /** @return cluster (network) id */
    uint32_t GetClusterId() const;
    /**
     * @return true if the node address was configured (NodeAddress attribute,
     *         Linux legacy_addr_format): anycast then prefers node-local bindings
     */
    bool IsLegacyAddressFormat() const;
    /** @return this instance's random value (Linux tn->random) */
    uint32_t GetRandom() const;
    /**
     * @brief The kernel part of the hash mix (net_hash_mix(&init_net) ^
     *        net_hash_mix(net)); 0 for a node that is the only namespace of its
     *        host.  Set by the Linux host model.
     * @param mix the kernel secret part
     */
    void SetKernelHashMix(uint32_t mix);
    /** @return the value carried in discovery word 13 (tipc_net_hash_mixes) */
    uint32_t GetNetHashMixes() const;
    /** @return true if the kernel reserves room for crypto in the link MSS */
    bool IsCryptoBuild() const;

    // ---------------------------------------------------------------- address trial
    /** @return true while the duplicate-address trial runs */
    bool InAddressTrial() const;
    /** @brief Start the 1 s trial (first bearer enabled without own address). */
    void StartAddressTrial();
    /**
     * @brief A peer contested the trial address: adopt its suggestion and trial again.
     * @param addr suggested address
     */
    void RestartAddressTrial(uint32_t addr);
    /** @brief Trial over: the trial address becomes the node address (tipc_net_finalize). */
    void FinalizeAddress();
    /**
     * @brief tipc_node_try_addr: a peer trials @p addr with identity @p id.
     * @param id the trialling peer's identity
     * @param addr its trial address
     * @return a suggested other address, or 0 for no objection
     */
    uint32_t TryAddress(const TipcNodeId& id, uint32_t addr);

    // ---------------------------------------------------------------- node table
    /**
     * @brief tipc_node_check_dest: a discovery message from @p addr arrived on
     *        @p bearer; create the peer and a link if appropriate.
     * @param addr sender address
     * @param peerId sender identity
     * @param bearer receiving bearer
     * @param caps sender capabilities
     * @param signature sender signature
     * @param hashMixes sender's hash mix (discovery word 13)
     * @param media sender's media address
     * @param[out] respond answer a request
     * @param[out] duplAddr another node uses this address
     */
    void CheckDest(uint32_t addr,
                   const TipcNodeId& peerId,
                   Ptr<TipcBearer> bearer,
                   uint32_t caps,
                   uint32_t signature,
                   uint32_t hashMixes,
                   const TipcMediaAddress& media,
                   bool& respond,
                   bool& duplAddr);
    /**
     * @brief Find a peer.
     * @param addr node address
     * @return the peer or null
     */
    Ptr<TipcPeer> GetPeer(uint32_t addr) const;
    /**
     * @brief The node timers of all peers (one per peer, tipc_node_timeout),
     *        multiplexed onto one simulator event (see TipcTimerQueue).
     * @return the queue
     */
    TipcTimerQueue& GetNodeTimers();
    /** @return all peers, by address */
    std::vector<Ptr<TipcPeer>> GetPeers() const;
    /** @return number of peers with at least one working link */
    uint32_t GetNUpPeers() const;
    /**
     * @brief Remove a peer that has been down for 5 minutes (tipc_node_cleanup).
     * @param addr node address
     */
    void DeletePeer(uint32_t addr);
    /** @return a random 16-bit value (new link sessions) */
    uint16_t RandomSession();

    // ---------------------------------------------------------------- frames
    /**
     * @brief A frame arrived on a bearer (Linux tipc_rcv).
     * @param bearer receiving bearer
     * @param wire frame payload (may carry Ethernet padding)
     */
    void Receive(Ptr<TipcBearer> bearer, Ptr<Packet> wire);
    /**
     * @brief Count and trace a dropped frame.
     * @param reason why
     * @param packet the frame, if available
     */
    void DropFrame(const std::string& reason, Ptr<const Packet> packet = nullptr);
    /**
     * @brief Count a field the model ignored as Linux does (e.g. an out-of-range
     *        tolerance); reported with the drops as "ignored: <what>".
     * @param what description
     */
    void CountAnomaly(const std::string& what);
    /** @return drops by reason since the start */
    const std::map<std::string, uint64_t>& GetDropCounts() const;

    // ---------------------------------------------------------------- messages
    /**
     * @brief Send a message chain to a node (Linux tipc_node_xmit): node-local
     *        delivery for the own address (or 0), else the peer's active link
     *        chosen by @p selector.
     * @param list the packets of one message (consumed)
     * @param dnode destination node address
     * @param selector link selector (sockets use their port id)
     * @return OK, LINK_CONG (wait for a wakeup), MSG_SIZE, NO_BUFS or HOST_UNREACH
     */
    TipcXmitResult Xmit(std::deque<Ptr<TipcMsg>>& list, uint32_t dnode, uint32_t selector);
    /**
     * @brief Largest packet for messages to @p dnode (tipc_node_get_mtu):
     *        66060 for the own node (no fragmentation), else the active link's MSS.
     * @param dnode destination node
     * @param selector link selector
     * @param connected connection-oriented message
     * @return packet size limit in bytes
     */
    uint32_t GetMtu(uint32_t dnode, uint32_t selector, bool connected) const;

    /// Receives the messages for one port: (message, node it came from).
    typedef Callback<void, Ptr<TipcMsg>, uint32_t> PortHandler;
    /**
     * @brief Deliver messages addressed to @p port to @p handler (the socket
     *        layer registers its sockets here).
     * @param port port id
     * @param handler receiver
     */
    void RegisterPort(uint32_t port, PortHandler handler);
    /**
     * @brief Stop delivering to a port.
     * @param port port id
     */
    void UnregisterPort(uint32_t port);
    /**
     * @brief Queue a message for the local sockets; it is delivered when the
     *        frame being processed is done (at once outside frame processing).
     * @param msg the message
     * @param fromNode the node it came from
     */
    void QueueInput(Ptr<TipcMsg> msg, uint32_t fromNode);
    /**
     * @brief Queue a NAME_DISTRIBUTOR message (bc_entry.namedq): the name distributor
     *        gets it once the frame's link up/down events are handled, before the
     *        frame's messages for sockets (at once outside frame processing).
     * @param msg the message
     * @param fromNode the node it came from
     */
    void QueueNamed(Ptr<TipcMsg> msg, uint32_t fromNode);
    /**
     * @brief Drop the queued NAME_DISTRIBUTOR messages of a node that was lost
     *        (node_lost_contact purges bc_entry.namedq).
     * @param fromNode the node
     */
    void PurgeNamed(uint32_t fromNode);
    /**
     * @brief A message for this node arrived (from a link, or node-local):
     *        hand it to its destination port, or count it as undeliverable.
     * @param msg the message
     * @param fromNode the node it came from
     */
    void DeliverUp(Ptr<TipcMsg> msg, uint32_t fromNode);
    /**
     * @brief The socket-layer part of DeliverUp, after the host CPU has done it.
     * @param msg the message
     * @param fromNode the node it came from
     */
    void SocketDeliver(Ptr<TipcMsg> msg, uint32_t fromNode);
    /**
     * @brief Link congestion towards @p node is over for the sender on @p port.
     * @param port sending port
     * @param node peer node of the link
     */
    void WakeupPort(uint32_t port, uint32_t node);

    // ---------------------------------------------------------------- kernel clock
    /**
     * @brief When this kernel's jiffies counter reaches a value (the tick on
     *        which a kernel timer with that expiry runs).
     * @param jiffies counter value
     * @return absolute simulated time
     */
    Time TickTime(int64_t jiffies) const;
    /** @return the current time in jiffies (Hz attribute, Linux default 250) */
    int64_t Jiffies() const;
    /**
     * @brief Linux msecs_to_jiffies: milliseconds rounded up to jiffies.
     * @param ms milliseconds
     * @return jiffies
     */
    int64_t MsecsToJiffies(uint32_t ms) const;
    /**
     * @brief MsecsToJiffies of a duration attribute (its whole milliseconds).
     * @param t the duration
     * @return jiffies
     */
    int64_t MsecsToJiffies(Time t) const;
    /**
     * @brief Duration of a number of jiffies.
     * @param jiffies jiffies
     * @return the time
     */
    Time JiffiesToTime(int64_t jiffies) const;
    /**
     * @brief Delay until a kernel timer armed now with mod_timer(jiffies + @p jiffies)
     *        runs: on the tick of its timer-wheel bucket (tipc::TimerWheelExpiry), or on
     *        the exact expiry jiffy when the attribute TimerWheel is false.
     * @param jiffies the timer interval
     * @return the delay from now (never negative)
     */
    Time TimerDelay(int64_t jiffies) const;
    /**
     * @brief TimerDelay of an interval given in time: mod_timer(jiffies +
     *        msecs_to_jiffies(@p interval)).
     * @param interval the timer interval (whole milliseconds count)
     * @return the delay from now (never negative)
     */
    Time TimerDelay(Time interval) const;
    /**
     * @return the node's window policy (attribute WindowControl).  A policy
     *         keeps no per-link state (that is TipcWindowState), so all
     *         links of the node share one object; it is created when the
     *         first link is set up (with the attribute defaults of that
     *         moment) and again if the attribute has changed since.
     */
    Ptr<TipcWindowControl> GetWindowControl() const;
    /** @return a new window policy object of the WindowControl attribute's type */
    Ptr<TipcWindowControl> CreateWindowControl() const;
    /** @return the broadcast send link's next sequence number (1 until broadcast is used) */
    uint16_t GetBcSndNxt() const;
    /**
     * @brief Send a message to every peer that is up (Linux tipc_node_broadcast).
     *        Until the broadcast link is modelled, this is Linux's replicast
     *        mode: one copy per up peer (ascending address) on its unicast
     *        link with selector 0 and the destination node filled in.
     * @param msg the message (destination node 0)
     * @param rcDests up peers that lack TIPC_NAMED_BCAST (forces replicast)
     */
    void NodeBroadcast(Ptr<TipcMsg> msg, uint32_t rcDests);

    // ---------------------------------------------------------------- sockets
    /**
     * @brief Create a socket on this node (TipcSocketFactory uses this).
     * @param type socket type
     * @return the socket, with a fresh port id
     */
    Ptr<TipcSocket> CreateSocket(TipcSocketType type);
    /** @return the open sockets, by port id */
    std::vector<Ptr<TipcSocket>> GetSockets() const;
    /**
     * @brief A free port id, uniform over 1 .. 2^32-1 with upward probing
     *        (tipc_sk_insert).
     * @return the port id
     */
    uint32_t AllocatePort();
    /** @return 16 random bits for the socket layer (SYN retry delay) */
    uint32_t SocketRandom();
    /**
     * @brief Capabilities of a node (tipc_node_get_capabilities): a known
     *        peer's, else the own node's full set.
     * @param node node address
     * @return capability bits
     */
    uint16_t GetPeerCapabilities(uint32_t node) const;
    /**
     * @brief Register a connection to a peer node (tipc_node_add_conn), so
     *        that it is aborted with TIPC_ERR_NO_NODE if the node is lost.
     * @param peerNode peer node (own or 0: not registered)
     * @param port own port
     * @param peerPort peer port
     */
    void AddConn(uint32_t peerNode, uint32_t port, uint32_t peerPort);
    /**
     * @brief Forget a connection (tipc_node_remove_conn).
     * @param peerNode peer node
     * @param port own port
     */
    void RemoveConn(uint32_t peerNode, uint32_t port);
    /** @return packet size limit of multicast messages (broadcast link MSS) */
    uint32_t GetBcastMss() const;

    // ---------------------------------------------------------------- hosts and crossover
    /** @return the Linux host (kernel) this node is a namespace of, or null */
    Ptr<LinuxHost> GetHost() const;
    /** @return the node this instance is aggregated to */
    Ptr<Node> GetNode() const;
    /** @return the enabled CPU model of this namespace's host, or null (zero costs) */
    Ptr<HostCpuModel> GetCpu() const;
    /**
     * @brief The namespace @p dying is going away: no crossover to it any more
     *        (tipc_node_pre_cleanup_net).
     * @param dying its TIPC instance
     */
    void PreCleanupNet(Ptr<TipcStack> dying);
    /**
     * @brief The namespace's processes have exited: release each of their sockets as
     *        tipc_release does (FIN to a connected peer, unread messages rejected,
     *        bindings withdrawn). The topology server's kernel sockets stay.
     */
    void ReleaseSockets();
    /** @brief Stop this instance (its namespace is deleted): sockets, peers, bearers. */
    void Shutdown();
    /** @return true once Shutdown() has run */
    bool IsShutDown() const;
    /**
     * @brief Crossover delivery in this (receiving) namespace (tipc_lxc_xmit's
     *        tipc_sk_rcv in the peer net).
     * @param msg the message
     * @param fromNode sending node
     */
    void LxcReceive(Ptr<TipcMsg> msg, uint32_t fromNode);

    // ---------------------------------------------------------------- broadcast (bcast.c)
    /** @return the broadcast send link */
    Ptr<TipcLink> GetBcLink() const;
    /**
     * @brief Send a message chain on the broadcast link (tipc_bcast_xmit).
     * @param list the packets (consumed)
     * @param[out] congLinkCnt set to 1 if the broadcast link is congested
     * @return OK (also with no peers: the chain is dropped), MSG_SIZE or NO_BUFS
     */
    TipcXmitResult BcastXmit(std::deque<Ptr<TipcMsg>>& list, uint16_t& congLinkCnt);
    /**
     * @brief Put a broadcast packet on the primary bearer, or on every bearer
     *        with destinations (tipc_bcbase_xmit, tipc_bearer_bc_xmit).
     * @param msg the packet (its header gets the N bit and the cluster id)
     */
    void BcastTransmit(Ptr<TipcMsg> msg);
    /**
     * @brief A peer's first link came up (tipc_bcast_add_peer).
     * @param bcl the peer's broadcast receive link
     */
    void BcastAddPeer(Ptr<TipcLink> bcl);
    /**
     * @brief Contact with a peer was lost (tipc_bcast_remove_peer).
     * @param bcl the peer's broadcast receive link
     */
    void BcastRemovePeer(Ptr<TipcLink> bcl);
    /**
     * @brief A link came up on a bearer (tipc_bcast_inc_bearer_dst_cnt).
     * @param bearerId bearer
     */
    void BcastIncBearerDests(uint32_t bearerId);
    /**
     * @brief A link went down on a bearer (tipc_bcast_dec_bearer_dst_cnt).
     * @param bearerId bearer
     */
    void BcastDecBearerDests(uint32_t bearerId);
    /**
     * @brief Choose broadcast or replicast for a multicast message
     *        (tipc_bcast_select_xmit_method).
     * @param remoteDests destination nodes other than this one
     * @param method the sending socket's method state (updated)
     */
    void BcastSelectMethod(uint32_t remoteDests, TipcMcastMethod& method);
    /** @return true if every peer has TIPC_MCAST_RBCTL (SYN-twin method switching) */
    bool McastRbctl() const;

    // ---------------------------------------------------------------- names
    /** @return the name service (name table and distribution) */
    Ptr<TipcNameDistributor> GetNameDistributor() const;
    /** @return the name table */
    TipcNameTable& GetNameTable();
    /** @return the topology server (null before the node starts) */
    Ptr<TipcTopologyServer> GetTopologyServer() const;
    /**
     * @brief Name-service actions of a peer's state change, run in Linux's
     *        order (tipc_node_write_unlock): node down (withdraw its
     *        bindings), node up (bulk), link up (LINK_STATE binding), link
     *        down (withdraw it).
     * @param peer peer address
     * @param caps peer capabilities
     * @param nodeDown the peer lost contact
     * @param nodeUp the peer came up (first link)
     * @param linkUp a link came up
     * @param linkDown a link went down
     * @param linkId id of that link ((peer bearer id << 16) | own bearer id)
     */
    void NotifyNameActions(uint32_t peer,
                           uint16_t caps,
                           bool nodeDown,
                           bool nodeUp,
                           bool linkUp,
                           bool linkDown,
                           uint32_t linkId);

    // ---------------------------------------------------------------- notifications
    /**
     * @brief Report a discovery event (trace source "Discovery").
     * @param event message type or event name
     * @param bearerId bearer
     * @param peer peer address (0 if none)
     */
    void NotifyDiscovery(const std::string& event, uint32_t bearerId, uint32_t peer);
    /**
     * @brief Another node uses address @p addr (Linux disc_dupl_alert).
     * @param bearerId bearer
     * @param addr the address in conflict
     * @param media the other node's media address
     */
    void NotifyDuplicateAddress(uint32_t bearerId, uint32_t addr, const TipcMediaAddress& media);
    /**
     * @brief A link changed state (trace source "LinkState").
     * @param link the link
     * @param oldState previous state
     * @param newState new state
     */
    void NotifyLinkState(Ptr<TipcLink> link, uint32_t oldState, uint32_t newState);
    /**
     * @brief A link came up or went down (trace sources "LinkUp", "LinkDown").
     * @param link the link
     * @param peer the peer's address
     * @param up true if it came up
     */
    void NotifyLinkUpDown(Ptr<TipcLink> link, uint32_t peer, bool up);
    /**
     * @brief A peer node came up (first working link) or went down (lost contact).
     * @param peer peer address
     * @param up true if up
     */
    void NotifyNodeUpDown(uint32_t peer, bool up);

    /**
     * @brief Assign fixed random variable streams.
     * @param stream first stream index
     * @return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// TracedCallback signature for delivered messages: (header, payload, from node).
    typedef void (*DeliverTracedCallback)(const TipcHeader& header,
                                          Ptr<const Packet> payload,
                                          uint32_t fromNode);
    /// TracedCallback signature for drops: (frame, reason).
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, const std::string& reason);
    /// TracedCallback signature for discovery events: (event, bearer id, peer address).
    typedef void (*DiscoveryTracedCallback)(const std::string& event,
                                            uint32_t bearerId,
                                            uint32_t peer);
    /// TracedCallback signature for link state changes: (link name, old, new).
    typedef void (*LinkStateTracedCallback)(const std::string& link,
                                            uint32_t oldState,
                                            uint32_t newState);
    /// TracedCallback signature for link up/down: (link name, peer address, bearer id).
    typedef void (*LinkUpDownTracedCallback)(const std::string& link,
                                             uint32_t peer,
                                             uint32_t bearerId);
    /// TracedCallback signature for the data path: (peer, crossover, header).
    typedef void (*PathTracedCallback)(uint32_t peer, bool crossover, const TipcHeader& header);
    /// TracedCallback signature for node events: (peer address).
    typedef void (*NodeTracedCallback)(uint32_t peer);
    /// TracedCallback signature for address events: (address).
    typedef void (*AddressTracedCallback)(uint32_t address);
    /// TracedCallback signature for socket creation: (socket).
    typedef void (*SocketTracedCallback)(Ptr<TipcSocket> socket);

  protected:
    /**
     * @brief Start the node: draw the node's random value (if not set), take the kernel
     *        hash mix from the host, start the topology server, publish the node state
     *        if the address is configured, and start the bearers not yet enabled.
     */
    void DoInitialize() override;
    /**
     * @brief Dispose of the peers, bearers, topology server, sockets, name distributor
     *        and broadcast link, and drop the references to the node and RNGs.
     */
    void DoDispose() override;
    /**
     * @brief Aggregated to a node: remember the node, bind the name distributor to this
     *        stack and create the broadcast send link (once).
     */
    void NotifyNewAggregate() override;

  private:
    /** @return this kernel's uptime at time 0 in ns (attribute Uptime or derived; fixed) */
    int64_t JiffyPhase() const;
    /** @return the jiffy at which an address trial starting now ends */
    int64_t TrialEnd() const;
    /**
     * @brief Attribute NodeIdentity setter: empty (derive it from the first bearer), up to
     *        16 characters [0-9A-Za-z.:_-@] or up to 32 hex digits (fatal error otherwise).
     *        While the node has no address, the trial address becomes the identity's hash.
     * @param id the identity string
     */
    void SetNodeIdentity(const std::string& id);
    /**
     * @brief Attribute NodeIdentity getter.
     * @return the identity as a string
     */
    std::string GetNodeIdentity() const;
    /**
     * @brief Attribute ClusterId setter, 1..9999; fatal error once the started node has an
     *        address.
     * @param id cluster id
     */
    void SetClusterId(uint32_t id);
    /**
     * @brief Attribute NodeAddress setter (only before the start; fatal error after).
     *        A non-zero address selects the legacy address format, becomes the trial
     *        address and, without an identity, derives the identity from it.
     * @param addr node address (0: hash of the identity)
     */
    void SetNodeAddress(uint32_t addr);
    /**
     * @brief Attribute Hz setter (checked against its range, 100..1000).
     * @param hz kernel timer frequency
     */
    void SetHz(uint32_t hz);
    /**
     * @brief Attribute Uptime setter: the kernel's jiffies counter follows it from now on.
     * @param uptime time since boot at simulation time 0 (negative: derived)
     */
    void SetUptime(Time uptime);
    /**
     * @brief Attribute AddressTrialPeriod setter (checked against its range, 1 ms .. 60 s).
     * @param t trial period
     */
    void SetAddressTrialPeriod(Time t);
    /**
     * @brief Attribute BroadcastMode setter.
     * @param mode AUTOSELECT, BROADCAST or REPLICAST (fatal error otherwise)
     */
    void SetBroadcastMode(std::string mode);
    /**
     * @brief Attribute BroadcastMode getter.
     * @return AUTOSELECT, BROADCAST or REPLICAST
     */
    std::string GetBroadcastMode() const;
    /**
     * @brief Attribute BroadcastRatio setter (checked against its range, 1..100); the
     *        replicast threshold is recomputed if the broadcast link exists.
     * @param ratio replicast/broadcast ratio in percent
     */
    void SetBroadcastRatio(uint32_t ratio);
    /**
     * @brief Attribute BroadcastWindow setter (checked against its range, 50..8191).
     * @param win maximum window of the broadcast send link
     */
    void SetBroadcastWindow(uint32_t win);
    /**
     * @brief Attribute MonitorThreshold setter (checked against its range, 0..4095).
     * @param threshold cluster size up to which supervision is full mesh
     */
    void SetMonitorThreshold(uint32_t threshold);
    /** @return attribute MonitorThreshold */
    uint32_t GetMonitorThreshold() const;
    /**
     * @brief (Re)arm a bearer's monitor timer: MON_TIMEOUT + (random & 0xffff) ms from
     *        now, as a kernel timer (TimerDelay).
     * @param bearerId the bearer id
     */
    void ArmMonitorTimer(uint32_t bearerId);
    /**
     * @brief The monitor's periodic re-evaluation (mon_timeout).
     * @param bearerId bearer id
     */
    void MonitorTimeout(uint32_t bearerId);
    /**
     * @brief Delete a bearer's monitor (tipc_mon_delete).
     * @param bearerId bearer id
     */
    void DeleteMonitor(uint32_t bearerId);
    /** @brief tipc_bcbase_calc_bc_threshold. */
    void BcastCalcThreshold();
    /** @brief tipc_bcbase_select_primary. */
    void BcastSelectPrimary();
    /**
     * @brief Cluster capability test (Linux tn->capabilities).
     * @param capability a TIPC_* capability bit
     * @return true if every peer has it
     */
    bool AllPeersHave(uint16_t capability) const;
    /**
     * @brief Process one received frame (the body of Receive()).
     * @param bearer receiving bearer
     * @param wire frame payload
     */
    void ReceiveFrame(Ptr<TipcBearer> bearer, Ptr<Packet> wire);
    /** @brief Deliver the queued socket input. */
    void DrainInput();
    /**
     * @brief Is a message user data that may take the crossover path (data
     *        messages incl. fragments of them, CONN_MANAGER, GROUP_PROTOCOL)?
     * @param m the (first) packet
     * @return true if so
     */
    static bool IsUserData(const Ptr<TipcMsg>& m);
    /**
     * @brief Hand user data straight to a kernel-local peer's socket layer.
     * @param peerNet the peer's TIPC instance
     * @param list the packets (consumed; fragments are reassembled)
     */
    void LxcXmit(Ptr<TipcStack> peerNet, std::deque<Ptr<TipcMsg>>& list);
    /** @brief tipc_net_finalize's publication of {TIPC_NODE_STATE, addr, addr} (once). */
    void PublishNodeState();
    /**
     * @brief A message for a port without a socket (tipc_sk_rcv): secondary
     *        lookup of named messages, else rejection (NO_NAME / NO_PORT).
     * @param msg the message
     */
    void NoSuchPort(Ptr<TipcMsg> msg);
    /**
     * @brief A multicast message arrived: one copy per matching local socket
     *        (tipc_sk_mcast_rcv).
     * @param msg the message
     * @param fromNode the node it came from
     */
    void McastDeliver(Ptr<TipcMsg> msg, uint32_t fromNode);
    /**
     * @brief Abort the connections to a lost peer (node_lost_contact).
     * @param peer peer address
     */
    void AbortConnections(uint32_t peer);
    /**
     * @brief A slot whose bearer was disabled at run time (free for a new one).
     * @param b the slot's bearer
     * @return true if free
     */
    bool IsFreeSlot(const Ptr<TipcBearer>& b) const;
    /**
     * @brief tipc_enable_bearer's rules against the other bearers in use: a
     *        duplicate name is a fatal error; a third bearer on a priority gets
     *        priority - 1.
     * @param bearer the bearer being enabled
     */
    void ApplyBearerRules(Ptr<TipcBearer> bearer) const;
    /**
     * @brief Start a bearer (identity auto-configuration, then Enable).
     * @param bearerId the bearer id
     */
    void StartBearer(uint32_t bearerId);
    /**
     * @brief Suggest an unused address (tipc_node_suggest_addr).
     * @param addr the contested address
     * @return addr XOR the node's random value, incremented until no peer uses it
     */
    uint32_t SuggestAddress(uint32_t addr) const;

    Ptr<Node> m_node;               //!< the ns-3 node
    Ptr<LinuxNetNamespace> m_netns; //!< the namespace this stack runs in (null: a plain node)
    TipcNodeId m_nodeId;            //!< identity
    uint32_t m_addr;                //!< own address (0: not yet)
    uint32_t m_trialAddr;           //!< trial address
    int64_t m_trialEnd;             //!< end of the address trial (jiffies)
    bool m_trialStarted;            //!< a trial was started
    uint32_t m_clusterId;           //!< cluster id
    uint32_t m_random;              //!< tn->random
    bool m_randomSet;               //!< m_random drawn
    uint32_t m_kernelHashMix;       //!< host kernel secret part
    bool m_cryptoBuild;             //!< CONFIG_TIPC_CRYPTO
    bool m_started;                 //!< DoInitialize ran
    std::vector<Ptr<TipcBearer>> m_bearers;              //!< bearers by id
    std::vector<Ptr<TipcBearer>> m_retiredBearers;       //!< disabled ones whose slot was taken
    std::map<uint32_t, Ptr<TipcPeer>> m_peers;           //!< peers by address
    std::unordered_map<uint32_t, TipcPeer*> m_peerIndex; //!< the same, hashed (lookups)
    TipcTimerQueue m_nodeTimers;                         //!< the peers' node timers
    std::map<TipcNodeId, uint32_t> m_peersById;          //!< peer addresses by identity
    Ptr<UniformRandomVariable> m_rng;                    //!< random source
    std::map<std::string, uint64_t> m_drops;             //!< drop counts
    std::map<uint32_t, PortHandler> m_ports;             //!< local ports
    TypeId m_windowTypeId;                               //!< window policy type
    mutable Ptr<TipcWindowControl> m_winCtl;             //!< the shared window policy
    uint32_t m_hz;                                       //!< kernel HZ
    bool m_timerWheel; //!< kernel timers run on timer-wheel buckets (attribute TimerWheel)
    mutable int64_t m_jiffyPhase; //!< kernel uptime at time 0 in ns (-1: not yet derived)
    Time m_uptime;                //!< attribute Uptime (negative: derived)
    Time m_trialPeriod;           //!< address trial duration
    Ptr<TipcLink> m_bcLink;       //!< broadcast send link
    uint32_t m_bcMode;            //!< BCLINK_MODE_*
    uint32_t m_bcRatio;           //!< replicast ratio, percent
    uint32_t m_monThreshold{tipc::TIPC_DEF_MON_THRESHOLD}; //!< neighbour monitor threshold
    std::array<std::unique_ptr<TipcMonitor>, tipc::MAX_BEARERS> m_monitors; //!< monitors by bearer
    std::array<EventId, tipc::MAX_BEARERS> m_monTimers; //!< their MON_TIMEOUT timers
    uint32_t m_bcMaxWin;                                //!< configured broadcast max window
    std::array<uint32_t, 3> m_bcDests{};                //!< up links per bearer
    int32_t m_bcPrimary;                                //!< primary broadcast bearer, -1: none
    bool m_bcastSupport;                                //!< the broadcast bearers can broadcast
    uint32_t m_bcThreshold;                             //!< replicast if dests <= this
    Ptr<TipcNameDistributor> m_names;                   //!< name table and distribution
    Ptr<TipcTopologyServer> m_topsrv;                   //!< topology server
    Ptr<UniformRandomVariable> m_portRng;               //!< port ids, socket randomness
    std::map<uint32_t, Ptr<TipcSocket>> m_sockets;      //!< open sockets by port
    /// Registered connections per peer node: (own port, peer port).
    std::map<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>> m_conns;
    bool m_nodeStatePublished; //!< NODE_STATE binding made
    bool m_legacyAddr;         //!< address configured (legacy format)
    uint32_t m_rcvDepth;       //!< frames being processed (nesting)
    bool m_draining;           //!< DrainInput() running
    bool m_dead;               //!< stopped: its namespace was deleted
    TracedCallback<uint32_t, bool, const TipcHeader&> m_pathTrace; //!< crossover or link
    std::deque<std::pair<Ptr<TipcMsg>, uint32_t>> m_inputq;        //!< messages for sockets
    std::deque<std::pair<Ptr<TipcMsg>, uint32_t>> m_mcInputq;      //!< multicast/group, first
    std::deque<std::pair<Ptr<TipcMsg>, uint32_t>> m_namedq;        //!< name updates, first of all

    TracedCallback<Ptr<const Packet>, const std::string&> m_dropTrace;       //!< "Drop"
    TracedCallback<Ptr<const Packet>, uint32_t> m_rxTrace;                   //!< "Rx"
    TracedCallback<const std::string&, uint32_t, uint32_t> m_discoveryTrace; //!< "Discovery"
    TracedCallback<const std::string&, uint32_t, uint32_t> m_linkStateTrace; //!< "LinkState"
    TracedCallback<const std::string&, uint32_t, uint32_t> m_linkUpTrace;    //!< "LinkUp"
    TracedCallback<const std::string&, uint32_t, uint32_t> m_linkDownTrace;  //!< "LinkDown"
    TracedCallback<uint32_t> m_nodeUpTrace;                                  //!< "NodeUp"
    TracedCallback<uint32_t> m_nodeDownTrace;                                //!< "NodeDown"
    TracedCallback<Ptr<TipcSocket>> m_socketCreatedTrace;                    //!< "SocketCreated"
    TracedCallback<uint32_t> m_addressTrace;                                 //!< "AddressSet"
    TracedCallback<uint32_t> m_duplicateTrace;                               //!< "DuplicateAddress"
    TracedCallback<const TipcHeader&, Ptr<const Packet>, uint32_t> m_deliverTrace; //!< "Deliver"
};

} // namespace ns3

#endif // TIPC_STACK_H
