// SPDX-License-Identifier: GPL-2.0-only

#ifndef LINUX_HOST_H
#define LINUX_HOST_H

#include "host-cpu-model.h"
#include "tipc-node-id.h"

#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

class TipcStack;

/**
 * @ingroup tipc
 * @brief A simulated Linux host: one kernel with several network namespaces.
 *
 * Each namespace is an ns3::Node (with a LinuxNetNamespace aggregated) with
 * its own devices and, optionally, its own TIPC instance and Internet stack.
 * The host draws every namespace's kernel secret net_hash_mix from its random
 * stream, so a TIPC instance can prove to another namespace of the same
 * kernel that it is local: that is what opens TIPC's crossover fast path
 * (Linux commit f73b12812a3d; attribute Crossover switches it off to get the
 * full-stack baseline).  Namespaces can be created and deleted at run time;
 * ns-3 cannot remove nodes, so a deleted namespace stays as an inert Node with
 * its TIPC instance stopped and its devices removed from the network.
 */
class LinuxHost : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    LinuxHost();
    ~LinuxHost() override;

    /** @return the root namespace (init_net), created on first use */
    Ptr<Node> GetRoot();
    /**
     * @brief Create a network namespace (ip netns add).
     * @param name its name (unique on this host)
     * @return the namespace's node
     */
    Ptr<Node> CreateNamespace(const std::string& name);
    /**
     * @brief Delete a namespace (ip netns del, once its processes have exited): the
     *        sockets of its processes are released first (tipc_release: FIN to
     *        connected peers, unread messages rejected, bindings withdrawn), then
     *        every TIPC instance of this host
     *        forgets it as a crossover peer (tipc_node_pre_cleanup_net),
     *        then its TIPC instance stops (tipc_exit_net: each link sends RESET
     *        with peer_stopping over the still registered devices, so peers
     *        declare it down at once) and then its devices disappear (veth pairs
     *        lose carrier at both ends, other devices stop).
     * @param ns the namespace's node
     */
    void DeleteNamespace(Ptr<Node> ns);
    /** @return the namespaces that exist (root first) */
    std::vector<Ptr<Node>> GetNamespaces() const;
    /**
     * @brief Find a namespace by name.
     * @param name its name
     * @return the node, or null
     */
    Ptr<Node> GetNamespace(const std::string& name) const;
    /** @return true if the crossover fast path is enabled (attribute Crossover) */
    bool IsCrossoverEnabled() const;
    /** @return the host's CPUs (attribute Cpu; charges costs only if enabled) */
    Ptr<HostCpuModel> GetCpu();
    /**
     * @brief The kernel part of a namespace's TIPC hash mix:
     *        net_hash_mix(&init_net) ^ net_hash_mix(ns).
     * @param ns the namespace
     * @return the value
     */
    uint32_t GetKernelHashMix(Ptr<Node> ns) const;
    /**
     * @brief tipc_node_assign_peer_net: a local namespace whose TIPC has this
     *        cluster id, this node identity and sends this hash mix.
     * @param clusterId cluster id of the asking node
     * @param id the peer's node identity
     * @param hashMixes the hash mix the peer sent in discovery
     * @return the namespace's TIPC instance, or null
     */
    Ptr<TipcStack> FindPeerNet(uint32_t clusterId, const TipcNodeId& id, uint32_t hashMixes) const;

    /**
     * @brief Fix the random stream of the namespaces' hash mixes.
     * @param stream stream index
     * @return number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /// TracedCallback signature for namespace events: (name).
    typedef void (*NamespaceTracedCallback)(const std::string& name);

  protected:
    /**
     * @brief Mark every namespace deleted (breaking its reference to this host), forget
     *        them, drop the random stream and dispose of the CPU model.
     */
    void DoDispose() override;

  private:
    /**
     * @brief Unregister a deleted namespace's devices (exit_batch).
     * @param node the namespace's node
     */
    void RemoveDevices(Ptr<Node> node);
    /**
     * @brief Make a node a namespace of this host.
     * @param name namespace name
     * @return the node
     */
    Ptr<Node> NewNamespace(const std::string& name);

    bool m_crossover;                                  //!< attribute Crossover
    Ptr<HostCpuModel> m_cpu;                           //!< attribute Cpu
    Ptr<UniformRandomVariable> m_rng;                  //!< net_hash_mix source
    std::vector<Ptr<Node>> m_namespaces;               //!< root first; deleted ones removed
    TracedCallback<const std::string&> m_createdTrace; //!< namespace created
    TracedCallback<const std::string&> m_deletedTrace; //!< namespace deleted
};

} // namespace ns3

#endif // LINUX_HOST_H
