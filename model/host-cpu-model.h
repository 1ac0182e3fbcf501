// SPDX-License-Identifier: GPL-2.0-only

#ifndef HOST_CPU_MODEL_H
#define HOST_CPU_MODEL_H

#include "ns3/data-rate.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <ostream>
#include <vector>

namespace ns3
{

class LinuxHost;

/**
 * @ingroup tipc
 * @brief The CPUs of a simulated Linux host: cores that serve work items with a
 *        fixed and a per-byte cost, so that processing serializes and saturates as
 *        on a real host.
 *
 * Every cost of the host model is an Attribute of this class (one place), with
 * its default and source documented in doc/tipc.rst ("Host cost model").  Work
 * is placed on cores as in Linux:
 *
 * - processes (benchmark clients and servers) get cores round robin
 *   (AllocateProcessCore) and charge socket calls (syscall, copy in/out,
 *   context switch) there;
 * - softirq work (veth transmit and netif receive, bridge forwarding, IP/TCP
 *   segment work) runs on the core that started the chain: a veth delivers to
 *   its peer on the transmitting CPU, so a frame's whole path through veth,
 *   bridge and veth stays on one core;
 * - TIPC's link work (per link packet, transmit and receive; socket delivery
 *   from the link) is serialized by the link/node lock in Linux; the model runs
 *   it on the namespace's softirq core (namespace index modulo cores);
 * - crossover and node-internal delivery run in the sender's context.
 *
 * A core serves softirq items before process items (softirq preempts tasks at
 * the next item boundary) and each class in FIFO order.  A work item's effect
 * (its callback) happens when its cost has been served; the callback runs with
 * that core as the current core, so work it causes is charged to the same core.
 *
 * With Enabled=false (the default) Execute() runs the callback at once: the
 * module behaves as plain ns-3 with zero processing time.
 */
class HostCpuModel : public Object
{
  public:
    /// Where a work item's cost belongs (per-stage counters).
    enum Stage : uint8_t
    {
        PROC_SEND = 0, //!< sendmsg: syscall, copy in, transport send work
        PROC_RECV,     //!< recvmsg: (context switch,) syscall, copy out
        WAKEUP,        //!< waking a sleeping receiver (waker's core)
        SOCK_RCV,      //!< per message socket delivery (tipc_sk_rcv, enqueue)
        TIPC_TX,       //!< per link packet, transmit (link, bearer)
        TIPC_RX,       //!< per link packet, receive (tipc_rcv, link, reassembly)
        VETH,          //!< per frame: veth transmit + netif receive at the peer
        BRIDGE,        //!< per frame forwarded by the root namespace's bridge
        IP_TX,         //!< per IP packet (GSO super-packet) sent: IP + TCP output
        IP_RX,         //!< per IP packet received: IP + TCP input
        NIC_TX,        //!< per frame (TSO super-packet) a NIC sends: bridge forward, driver xmit
        NIC_RX,        //!< per frame a NIC receives: driver poll, skb build, GRO entry
        TCP_TSQ,       //!< TCP small queues tasklet: sends what autocorking held back
        N_STAGES
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    HostCpuModel();
    ~HostCpuModel() override;

    /// IPv4 + TCP header bytes of an ns-3 TCP data segment (20 + 20 + 12 timestamps).
    static constexpr uint32_t IP_TCP_HEADER = 52;
    /**
     * @brief The TCP maximum segment size an MTU gives.
     * @param mtu device MTU
     * @return MTU minus IP_TCP_HEADER (at least 1)
     */
    static uint32_t TcpMss(uint32_t mtu);

    /**
     * @brief The host CPU model that charges work done by a node, if any.
     * @param node a namespace's node (or any node)
     * @return the enabled model of the node's host, or null
     */
    static Ptr<HostCpuModel> Find(Ptr<Node> node);
    /**
     * @brief The host CPU model of a host, if enabled.
     * @param host a host (or null)
     * @return the enabled model, or null
     */
    static Ptr<HostCpuModel> OfHost(Ptr<LinuxHost> host);
    /**
     * @brief The stage's name (for reports).
     * @param s the stage
     * @return its name, or "?" for a value that is not a stage
     */
    static const char* StageName(Stage s);

    /**
     * @brief Bind to a host (called by LinuxHost).
     * @param host the host
     */
    void SetHost(LinuxHost* host);
    /** @return true if costs are charged (attribute Enabled) */
    bool IsEnabled() const;
    /** @return the number of cores (attribute NumCores) */
    uint32_t GetNCores() const;
    /** @return a core for a new process (round robin) */
    uint32_t AllocateProcessCore();
    /**
     * @brief The softirq core of a namespace: its index on the host modulo cores.
     * @param node the namespace's node
     * @return the core
     */
    uint32_t GetSoftirqCore(Ptr<Node> node);
    /**
     * @brief The core whose work item is running, or a fallback.
     * @param fallback core to use outside a work item of this host
     * @return the core
     */
    uint32_t GetCurrentCore(uint32_t fallback) const;
    /**
     * @brief True if node is the host's root namespace (bridge, NICs).
     * @param node a node
     * @return true for the root
     */
    bool IsRoot(Ptr<Node> node) const;

    /**
     * @brief Serve a work item on a core; run done when it is served.
     * @param core the core (< NumCores)
     * @param stage what the work is (counters)
     * @param cost processing time
     * @param done the effect, run in context afterwards with core current
     * @param context the simulator context (node id) for done
     * @param softirq true for kernel softirq work (served first)
     */
    void Execute(uint32_t core,
                 Stage stage,
                 Time cost,
                 std::function<void()> done,
                 uint32_t context,
                 bool softirq);
    /**
     * @brief Serve a process's work item.  A process keeps its core while it has
     *        work, for up to one Timeslice (CFS); when the core turns to another
     *        process it pays ContextSwitchCost.
     * @param core the process's core
     * @param owner the process (any id unique on the host, not 0)
     * @param stage what the work is (counters)
     * @param cost processing time
     * @param done the effect
     * @param context the simulator context (node id) for done
     */
    void ExecuteProcess(uint32_t core,
                        uint64_t owner,
                        Stage stage,
                        Time cost,
                        std::function<void()> done,
                        uint32_t context);
    /**
     * @brief Run fn with core as the current core (GetCurrentCore), as if a work
     *        item served there had caused it: for effects released in order
     *        behind another core's item (a device's frames).
     * @param core the core (< NumCores)
     * @param fn the effect
     */
    void RunAsCore(uint32_t core, const std::function<void()>& fn);
    /** @return context switches since ResetStats */
    uint64_t GetContextSwitches() const;

    /**
     * @brief Time to copy bytes (attribute CopyRate).
     * @param bytes number of bytes
     * @return the copy time
     */
    Time Copy(uint32_t bytes) const;
    /** @return cost of a syscall entry/exit (attribute SyscallCost) */
    Time GetSyscallCost() const;
    /** @return scheduling a woken task in (attribute ContextSwitchCost) */
    Time GetContextSwitchCost() const;
    /** @return waking a sleeping task (attribute WakeupCost) */
    Time GetWakeupCost() const;
    /** @return TIPC per-sendmsg work (attribute TipcSendCost) */
    Time GetTipcSendCost() const;
    /**
     * @brief Per-recvmsg transport work (attributes TipcRecvCost, TcpRecvCost).
     * @param tcp true for TCP
     * @return the cost
     */
    Time GetRecvCost(bool tcp) const;
    /** @return per message socket delivery (attribute SockRcvCost) */
    Time GetSockRcvCost() const;
    /** @return per link packet transmit work (attribute TipcLinkTxCost) */
    Time GetTipcLinkTxCost() const;
    /**
     * @brief Per link packet receive work, with the reassembly copy of fragments.
     * @param bytes frame size
     * @param fragment true for a MSG_FRAGMENTER packet
     * @return the cost
     */
    Time GetTipcLinkRxCost(uint32_t bytes, bool fragment) const;
    /**
     * @brief TCP's per-sendmsg work: fixed plus per-byte stack work (attributes
     *        TcpSendCost, TcpByteRate).
     * @param bytes bytes written
     * @return the cost
     */
    Time GetTcpSendCost(uint32_t bytes) const;
    /**
     * @brief Cost of one frame through a veth pair.
     * @param frame the Ethernet frame
     * @param fromRoot true if a bridge port sends it (bridge forwarding)
     * @param mss TCP maximum segment size on this device
     * @param[out] stage the dominant stage for the counters
     * @return the cost
     */
    Time GetFrameCost(Ptr<const Packet> frame, bool fromRoot, uint32_t mss, Stage& stage) const;
    /**
     * @brief Cost of one frame a NIC (a host's device with a wire) sends: the
     *        bridge's forwarding to it and the driver's transmit.  With Gso,
     *        full-sized TCP segments share one TSO super-packet's cost.
     * @param frame the Ethernet frame
     * @param mss TCP maximum segment size on the NIC
     * @return the cost
     */
    Time GetNicTxCost(Ptr<const Packet> frame, uint32_t mss) const;
    /** @return per frame a NIC receives (attribute NicRxCost; GRO does not share it) */
    Time GetNicRxCost() const;
    /**
     * @brief The core that receives a frame from a NIC (receive-side scaling):
     *        IPv4 TCP and UDP frames by a hash of their addresses and ports
     *        (attribute Rss), every other frame (TIPC, ARP) on queue 0's core,
     *        the root namespace's softirq core.
     * @param frame the Ethernet frame
     * @return the core
     */
    uint32_t GetNicRxCore(Ptr<const Packet> frame);

    /** Start a measurement interval: clear counters. */
    void ResetStats();
    /**
     * @brief Utilisation of a core since ResetStats.
     * @param core the core
     * @return busy fraction in [0,1]
     */
    double GetUtilisation(uint32_t core) const;
    /**
     * @brief Work items of a stage since ResetStats.
     * @param s the stage
     * @return the count
     */
    uint64_t GetItems(Stage s) const;
    /**
     * @brief Print per-core utilisation and per-stage items/s and busy share.
     * @param os output stream
     */
    void Report(std::ostream& os) const;

  protected:
    /** @brief Drop the cores (with their queued work) and the host pointer. */
    void DoDispose() override;

  private:
    /**
     * @brief How many frames share one GSO/TSO/GRO super-packet's per-packet
     *        cost: full-sized TCP segments (and ACKs, which cover a GRO
     *        super-packet) with Gso on; 1 for any other frame.
     * @param frame the Ethernet frame
     * @param mss TCP maximum segment size on the device
     * @param[out] ip true for an IPv4 frame
     * @return the divisor (at least 1)
     */
    uint32_t SuperPacketShare(Ptr<const Packet> frame, uint32_t mss, bool& ip) const;

    /// A queued work item.
    struct Item
    {
        Stage stage;                //!< counters
        Time cost;                  //!< service time
        std::function<void()> done; //!< effect
        uint32_t context;           //!< simulator context of the effect
        uint64_t owner{0};          //!< process, 0 for kernel work
    };

    /// One core.
    struct Core
    {
        std::deque<Item> soft; //!< softirq items
        std::deque<Item> proc; //!< process items
        Item running;          //!< item being served
        bool busy{false};      //!< serving
        Time busyTime;         //!< since ResetStats
        uint64_t lastOwner{0}; //!< process that ran last
        Time sliceStart;       //!< when it got the core
    };

    /**
     * @brief Queue an item on a core (or run it now when disabled).
     * @param core the core
     * @param item the item
     * @param softirq softirq queue (served first)
     */
    void Enqueue(uint32_t core, Item item, bool softirq);
    /**
     * @brief Start the next item on a core.
     * @param core the core
     */
    void StartNext(uint32_t core);
    /**
     * @brief The running item of a core has been served.
     * @param core the core
     */
    void Complete(uint32_t core);

    bool m_enabled;                             //!< charge costs
    uint32_t m_nCores;                          //!< cores
    Time m_syscall;                             //!< syscall entry/exit
    DataRate m_copyRate;                        //!< memcpy bandwidth
    Time m_contextSwitch;                       //!< schedule a woken task in
    Time m_wakeup;                              //!< try_to_wake_up on the waker's core
    Time m_tipcSend;                            //!< TIPC per-sendmsg work
    Time m_sockRcv;                             //!< per message socket delivery
    Time m_tipcRecv;                            //!< TIPC per-recvmsg work
    Time m_tcpRecv;                             //!< TCP per-recvmsg work
    Time m_tipcLinkTx;                          //!< per link packet transmit
    Time m_tipcLinkRx;                          //!< per link packet receive
    bool m_reassemblyCopy;                      //!< copy fragments on reassembly
    Time m_veth;                                //!< per frame veth xmit + netif receive
    Time m_bridge;                              //!< per forwarded frame
    Time m_tcpSend;                             //!< TCP per-sendmsg work
    DataRate m_tcpByteRate;                     //!< TCP per-byte stack work
    Time m_ipTx;                                //!< per IP packet sent (IP + TCP output)
    Time m_ipRx;                                //!< per IP packet received (IP + TCP input)
    bool m_gso;                                 //!< GSO/GRO: TCP packets move as super-packets
    Time m_nicTx;                               //!< per frame (TSO super-packet) a NIC sends
    Time m_nicRx;                               //!< per frame a NIC receives
    bool m_rss;                                 //!< receive-side scaling of IP flows
    Time m_timeslice;                           //!< CFS slice a running process keeps
    uint64_t m_switches{0};                     //!< context switches since reset
    uint32_t m_gsoMaxSize;                      //!< GSO super-packet size
    LinuxHost* m_host{nullptr};                 //!< the host, which owns this model
    std::vector<Core> m_cores;                  //!< the cores
    uint32_t m_nextProcessCore{0};              //!< round robin
    int32_t m_current{-1};                      //!< core whose item's effect is running
    std::map<uint32_t, uint32_t> m_softirqCore; //!< node id -> core
    std::array<uint64_t, N_STAGES> m_items{};   //!< per stage, since reset
    std::array<Time, N_STAGES> m_stageTime{};   //!< per stage busy, since reset
    Time m_statsStart;                          //!< ResetStats time
};

} // namespace ns3

#endif /* HOST_CPU_MODEL_H */
