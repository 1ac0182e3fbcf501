// SPDX-License-Identifier: GPL-2.0-only

#ifndef LINUX_NET_NAMESPACE_H
#define LINUX_NET_NAMESPACE_H

#include "ns3/object.h"

#include <cstdint>
#include <string>

namespace ns3
{

class LinuxHost;

/**
 * @ingroup tipc
 * @brief A Linux network namespace: aggregated to the ns3::Node that models
 *        it, it ties the node to its host (kernel) and holds the namespace's
 *        kernel secret net_hash_mix.
 */
class LinuxNetNamespace : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    LinuxNetNamespace();
    ~LinuxNetNamespace() override;

    /**
     * @brief Set up the namespace.
     * @param host the host (kernel)
     * @param name its name ("root" for init_net)
     * @param hashMix its net_hash_mix
     */
    void Setup(Ptr<LinuxHost> host, const std::string& name, uint32_t hashMix);

    /** @return the host (null once the namespace is deleted) */
    Ptr<LinuxHost> GetHost() const;
    /** @return the namespace name */
    std::string GetName() const;
    /** @return net_hash_mix of this namespace */
    uint32_t GetHashMix() const;
    /** @return false once the namespace has been deleted */
    bool IsAlive() const;
    /** @brief Mark the namespace deleted (LinuxHost::DeleteNamespace). */
    void MarkDeleted();

  protected:
    /** @brief Drop the reference to the host. */
    void DoDispose() override;

  private:
    Ptr<LinuxHost> m_host; //!< the kernel
    std::string m_name;    //!< name
    uint32_t m_hashMix;    //!< net_hash_mix
    bool m_alive;          //!< not deleted
};

} // namespace ns3

#endif // LINUX_NET_NAMESPACE_H
