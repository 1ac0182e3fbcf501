// SPDX-License-Identifier: GPL-2.0-only

#ifndef SKB_OWNER_TAG_H
#define SKB_OWNER_TAG_H

#include "ns3/callback.h"
#include "ns3/ptr.h"
#include "ns3/tag.h"

#include <cstdint>

namespace ns3
{
class Packet;
}

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The socket that still owns a transmitted segment: Linux's skb->sk with
 *        the tcp_wfree destructor, as a packet tag.
 *
 * Linux charges a segment TCP has handed to IP to its socket (sk_wmem_alloc)
 * until the host's stack lets go of it: a veth delivers it into the peer
 * namespace, whose ip_rcv_core orphans it; a NIC frees it when its transmit
 * completes; a queue that drops it frees it.  TCP's autocorking and small
 * queues (TSQ) look at that charge.  LinuxTcpSocket registers an owner, tags
 * each data segment it sends, and the host's devices call Release() where Linux
 * lets go.  Release() removes the tag from the frame it is given; a copy made
 * earlier (a sniffer's, a flooding bridge's) may release again, which the owner
 * ignores for a segment it no longer counts.  The tag does not exist on the wire.
 */
class SkbOwnerTag : public Tag
{
  public:
    /// Called with a released segment's serial number.
    typedef Callback<void, uint64_t> ReleaseCallback;

    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    /** @return the TypeId of this tag (GetTypeId()) */
    TypeId GetInstanceTypeId() const override;
    /** @return 16: owner and serial number */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write owner and serial number.
     * @param i the tag buffer
     */
    void Serialize(TagBuffer i) const override;
    /**
     * @brief Read what Serialize wrote.
     * @param i the tag buffer
     */
    void Deserialize(TagBuffer i) override;
    /**
     * @brief Print "owner=<id> serial=<n>".
     * @param os output stream
     */
    void Print(std::ostream& os) const override;

    /** @brief A tag of no owner. */
    SkbOwnerTag();
    /**
     * @brief A tag of an owner's segment.
     * @param owner the id Register() returned
     * @param serial the owner's number for the segment
     */
    SkbOwnerTag(uint64_t owner, uint64_t serial);

    /**
     * @brief Register an owner.
     * @param release called when a segment of the owner is released
     * @return the owner id for tags (never 0)
     */
    static uint64_t Register(ReleaseCallback release);
    /**
     * @brief Forget an owner: its segments still in flight are released silently.
     * @param owner the id Register() returned
     */
    static void Unregister(uint64_t owner);
    /**
     * @brief The stack lets go of a frame: if it carries a tag, remove it and
     *        tell the owner.  Cheap when no owner is registered.
     * @param frame the frame (or segment)
     */
    static void Release(Ptr<Packet> frame);

  private:
    uint64_t m_owner{0};  //!< owner id, 0 for none
    uint64_t m_serial{0}; //!< the owner's segment number
};

} // namespace ns3

#endif /* SKB_OWNER_TAG_H */
