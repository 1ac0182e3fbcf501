// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BEARER_H
#define TIPC_BEARER_H

#include "tipc-constants.h"
#include "tipc-media-address.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <string>

namespace ns3
{

class Node;
class TipcStack;
class TipcDiscoverer;

/**
 * @ingroup tipc
 * @brief A TIPC bearer: one media interface of a node (Linux struct
 *        tipc_bearer, bearer.c; reference section 4).
 *
 * The bearer holds the per-bearer link properties copied to new links
 * (priority, tolerance, windows, MTU, discovery domain) and moves complete
 * TIPC messages between the stack and a medium.  Subclasses implement the
 * media: TipcEthBearer (an ns3::NetDevice, Ethertype 0x88CA) and TipcUdpBearer
 * (UDP over the ns-3 Internet stack).
 *
 * Transmission while the bearer is not up is dropped, except RESET messages
 * (Linux tipc_bearer_xmit_skb).
 */
class TipcBearer : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcBearer();
    ~TipcBearer() override;

    /** @return bearer name, "media:interface" (e.g. "eth:csma0") */
    std::string GetName() const;
    /**
     * @brief Set the interface part of the bearer name.
     * @param ifName interface name (at most 15 characters)
     */
    void SetInterfaceName(const std::string& ifName);
    /** @return interface part of the name (carried in RESET/ACTIVATE) */
    std::string GetInterfaceName() const;
    /** @return media name ("eth", "udp") */
    virtual std::string GetMediaName() const = 0;
    /** @return media type id (tipc::TIPC_MEDIA_TYPE_ETH, ...) */
    virtual uint8_t GetMediaType() const = 0;

    /** @return bearer id 0..2 (index in the node's bearer table; 3 once retired) */
    uint32_t GetId() const;
    /**
     * @brief Another bearer took this disabled bearer's slot: its id becomes
     *        tipc::MAX_BEARERS, so it can no longer be taken for the new one.
     */
    void Retire();
    /** @return link priority given to new links */
    uint32_t GetPriority() const;
    /**
     * @brief Set the priority (0..31); used by TipcStack for the priority clash rule.
     * @param priority the priority
     */
    void SetPriority(uint32_t priority);
    /** @return link tolerance given to new links */
    Time GetTolerance() const;
    /** @return minimum (and initial) link window in packets */
    uint32_t GetMinWindow() const;
    /** @return maximum link window in packets */
    uint32_t GetMaxWindow() const;
    /** @return discovery domain (0: any node) */
    uint32_t GetDomain() const;
    /** @return the media default maximum window (Ethernet 8191; UDP 50) */
    virtual uint32_t GetMediaMaxWindow() const;
    /** @return bearer MTU in bytes (TIPC message size limit on this medium) */
    virtual uint32_t GetMtu() const = 0;
    /** @return own media address */
    virtual TipcMediaAddress GetMediaAddress() const = 0;
    /** @return media address used for discovery "broadcasts" */
    virtual TipcMediaAddress GetBroadcastAddress() const = 0;
    /**
     * @brief The media's msg2addr: the peer address a discovery message's media
     *        info gives on this medium.
     * @param info the 32 media-info bytes as received
     * @param[out] addr the address, its broadcast flag set as Linux sets it
     * @return false if the medium refuses the info (Linux: msg2addr error)
     */
    virtual bool MsgToAddr(const TipcMediaAddress& info, TipcMediaAddress& addr) const = 0;
    /** @return the ns-3 node this bearer lives on */
    virtual Ptr<Node> GetNode() const = 0;
    /** @return the Trailer policy for frames received on this medium (Ethernet pads) */
    virtual bool MayPad() const;
    /**
     * @return true if one send reaches every node on the medium (Ethernet
     *         broadcast, UDP multicast); false for UDP replicast (Linux
     *         TIPC_REPLICAST_SUPPORT: broadcast frames are copied per peer)
     */
    virtual bool CanBroadcast() const;

    /** @return true while the bearer is enabled and its medium is up */
    bool IsUp() const;
    /** @return true while the bearer is enabled (administratively) */
    bool IsEnabled() const;

    /**
     * @brief Attach to a stack as bearer @p id and start the medium.
     *        Called by TipcStack::EnableBearer.
     * @param stack the stack
     * @param id bearer id
     */
    void Enable(Ptr<TipcStack> stack, uint32_t id);
    /** @brief Stop the medium and detach (TipcStack::DisableBearer). */
    void Disable();

    /**
     * @brief Send one complete TIPC message.
     * @param wire the message bytes (header included)
     * @param dest destination media address
     * @param isReset the message is a LINK_PROTOCOL RESET (sent even when down)
     * @return true if handed to the medium
     */
    bool Send(Ptr<Packet> wire, const TipcMediaAddress& dest, bool isReset = false);
    /**
     * @brief Send to the discovery/broadcast destination.
     * @param wire the message bytes
     * @return true if handed to the medium
     */
    bool Broadcast(Ptr<Packet> wire);

    /** @return the discoverer of this bearer (null while disabled) */
    Ptr<TipcDiscoverer> GetDiscoverer() const;

    /**
     * @brief Fix the random streams of the egress impairment.
     * @param stream first stream index
     * @return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// TracedCallback signature for frames: (packet, bearer id).
    typedef void (*FrameTracedCallback)(Ptr<const Packet> packet, uint32_t bearerId);

  protected:
    /** @brief Dispose of the discoverer and drop the references to the stack and RNG. */
    void DoDispose() override;

    /**
     * @brief Medium-specific start (register handlers, open sockets).
     */
    virtual void DoEnable() = 0;
    /** @brief Medium-specific stop. */
    virtual void DoDisable() = 0;
    /**
     * @brief Medium-specific transmission.
     * @param wire message bytes
     * @param dest destination
     * @return true if sent
     */
    virtual bool DoSend(Ptr<Packet> wire, const TipcMediaAddress& dest) = 0;

    /**
     * @brief Hand a received frame to the stack.
     * @param wire received bytes (may carry link padding)
     *
     * The frame's source address is not passed on: as in Linux tipc_rcv,
     * discovery learns a peer's media address from the message itself.
     */
    void DeliverUp(Ptr<Packet> wire);

    /**
     * @brief The medium went down or came up (carrier); resets the bearer
     *        like Linux tipc_l2_device_event.
     * @param up new carrier state
     */
    void NotifyMediumState(bool up);

    Ptr<TipcStack> m_stack; //!< owning stack (null while disabled)

  private:
    /**
     * @brief Attribute setter: link tolerance, 50 ms .. 30 s (fatal error outside).
     * @param tolerance the tolerance
     */
    void SetTolerance(Time tolerance);
    /**
     * @brief Attribute setter: link priority, 0..31 (fatal error outside).
     * @param priority the priority
     */
    void SetPriorityAttr(uint32_t priority);
    /**
     * @brief Attribute setter: initial (and minimum) link window, 16..8191 packets
     *        (fatal error outside).
     * @param w the window
     */
    void SetMinWindow(uint32_t w);
    /**
     * @brief Attribute setter: maximum link window, 0 (the media default) or 16..8191
     *        packets (fatal error outside).
     * @param w the window
     */
    void SetMaxWindow(uint32_t w);
    /**
     * @brief Apply the netem-like egress impairment, then DoSend.
     * @param wire message bytes
     * @param dest destination
     * @return true if sent (or scheduled)
     */
    bool ImpairedSend(Ptr<Packet> wire, const TipcMediaAddress& dest);

    uint32_t m_id;                                         //!< bearer id
    std::string m_ifName;                                  //!< interface name
    uint32_t m_priority;                                   //!< link priority
    Time m_tolerance;                                      //!< link tolerance
    uint32_t m_minWindow;                                  //!< initial window
    uint32_t m_maxWindow;                                  //!< maximum window
    uint32_t m_domain;                                     //!< discovery domain
    bool m_enabled;                                        //!< administratively enabled
    bool m_mediumUp;                                       //!< carrier
    Ptr<TipcDiscoverer> m_discoverer;                      //!< discovery for this bearer
    double m_dupProb;                                      //!< egress duplication probability
    double m_reorderProb;                                  //!< egress reordering probability
    Time m_reorderDelay;                                   //!< delay of a reordered frame
    Ptr<UniformRandomVariable> m_rng;                      //!< impairment randomness
    TracedCallback<Ptr<const Packet>, uint32_t> m_txTrace; //!< frame sent
    TracedCallback<Ptr<const Packet>, uint32_t> m_rxTrace; //!< frame received
    TracedCallback<Ptr<const Packet>, const std::string&> m_dropTrace; //!< frame not sent
};

} // namespace ns3

#endif // TIPC_BEARER_H
