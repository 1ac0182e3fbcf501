// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_DISCOVERER_H
#define TIPC_DISCOVERER_H

#include "tipc-header.h"
#include "tipc-media-address.h"
#include "tipc-node-id.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

namespace ns3
{

class TipcStack;
class TipcBearer;

/**
 * @ingroup tipc
 * @brief Neighbour discovery on one bearer (Linux discover.c; reference 3).
 *
 * Sends LINK_CONFIG requests to the bearer's broadcast address: immediately
 * when the bearer is enabled, then every 125 ms doubling to 1 s while no peer
 * is known on the bearer, or to 60 s once one is.  While the node's address is
 * on trial (1 s after enabling, auto-addressed nodes only) it sends DSC_TRIAL
 * messages every 125 ms instead.  Received LINK_CONFIG messages are checked in
 * Linux's order (media address, own echo, cluster id, trial handling,
 * duplicate address, domains) before the node table decides about links
 * (TipcStack::CheckDest); requests get a unicast response when the node table
 * says so.
 */
class TipcDiscoverer : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcDiscoverer();
    ~TipcDiscoverer() override;

    /**
     * @brief Create the request message, send it and start the timer
     *        (tipc_disc_create).  Starts the address trial if the node has no
     *        address yet.
     * @param stack the node's stack
     * @param bearer the bearer
     */
    void Start(Ptr<TipcStack> stack, Ptr<TipcBearer> bearer);

    /**
     * @brief Rebuild the request, forget discovered nodes and restart at
     *        125 ms with an immediate send (tipc_disc_reset).
     */
    void Reset();

    /**
     * @brief Handle a received LINK_CONFIG message (tipc_disc_rcv).
     * @param hdr decoded header
     * @param nodeId the sender's identity (message payload)
     * @param info the media info inside the message (read by the bearer's MsgToAddr)
     */
    void Receive(const TipcHeader& hdr, const TipcNodeId& nodeId, const TipcMediaAddress& info);

    /** @brief A link on this bearer came up (tipc_disc_add_dest). */
    void AddDest();
    /** @brief A link on this bearer went down (tipc_disc_remove_dest). */
    void RemoveDest();

    /** @return current timer interval (whole jiffies, before timer-wheel rounding) */
    Time GetInterval() const;
    /** @return number of peers with an up link on this bearer */
    uint32_t GetNumNodes() const;
    /** @return the first interval (attribute InitialInterval; also the trial interval) */
    Time GetInitialInterval() const;

    /**
     * @brief Attribute InitialInterval setter (checked against its range)
     * @param t interval
     */
    void SetInitialInterval(Time t);
    /**
     * @brief Attribute MaxIntervalNoPeers setter (checked against its range)
     * @param t interval cap
     */
    void SetMaxIntervalNoPeers(Time t);
    /**
     * @brief Attribute MaxIntervalWithPeers setter (checked against its range)
     * @param t interval cap
     */
    void SetMaxIntervalWithPeers(Time t);

  protected:
    /** @brief Cancel the timer and drop the references to the stack and bearer. */
    void DoDispose() override;

  private:
    /** @brief Periodic timer (tipc_disc_timeout). */
    void Timeout();
    /**
     * @brief Build a LINK_CONFIG message (tipc_disc_init_msg).
     * @param type message type
     * @return the header (words 5..12 hold the media address)
     */
    TipcHeader BuildHeader(uint32_t type) const;
    /**
     * @brief Send a LINK_CONFIG message.
     * @param hdr header
     * @param dest destination media address
     */
    void Transmit(const TipcHeader& hdr, const TipcMediaAddress& dest);
    /**
     * @brief Unicast response or trial-fail message (tipc_disc_msg_xmit).
     * @param type DSC_RESP_MSG or DSC_TRIAL_FAIL_MSG
     * @param dst destination domain word (requester address / contested address)
     * @param sugg suggested address (TRIAL_FAIL)
     * @param dest destination media address
     */
    void SendTo(uint32_t type, uint32_t dst, uint32_t sugg, const TipcMediaAddress& dest);
    /**
     * @brief Address-trial handling (tipc_disc_addr_trial_msg).
     * @param media the sender's media address (where a TRIAL_FAIL answer goes)
     * @param dst destination domain word of the message (TRIAL_FAIL: the contested address)
     * @param src the sender's node address
     * @param sugg suggested node address (TRIAL_FAIL)
     * @param peerId the sender's node identity
     * @param type message type (DSC_REQ_MSG, DSC_RESP_MSG, DSC_TRIAL_MSG, DSC_TRIAL_FAIL_MSG)
     * @return true if the caller must drop the message
     */
    bool AddrTrial(const TipcMediaAddress& media,
                   uint32_t dst,
                   uint32_t src,
                   uint32_t sugg,
                   const TipcNodeId& peerId,
                   uint32_t type);

    /**
     * @brief (Re)arm the discovery timer @p jiffies ahead, as the kernel timer wheel runs it.
     * @param jiffies the timer interval
     */
    void ArmTimer(int64_t jiffies);
    /** @return the initial interval in jiffies (TIPC_DISC_INIT: attribute InitialInterval) */
    int64_t InitJiffies() const;
    /** @brief Back to the initial interval, and arm the timer with it. */
    void RestartTimer();

    Ptr<TipcStack> m_stack;    //!< node stack
    Ptr<TipcBearer> m_bearer;  //!< bearer
    TipcHeader m_request;      //!< prebuilt periodic message (d->skb)
    uint32_t m_numNodes;       //!< peers with an up link on this bearer
    int64_t m_intervalJiffies; //!< current timer interval in jiffies (d->timer_intv)
    bool m_inactive;           //!< stopped: domain names one node and it was found
    Time m_initInterval;       //!< first interval (TIPC_DISC_INIT)
    Time m_fastInterval;       //!< interval cap without peers (TIPC_DISC_FAST)
    Time m_slowInterval;       //!< interval cap with peers (TIPC_DISC_SLOW)
    EventId m_timer;           //!< timer
};

} // namespace ns3

#endif // TIPC_DISCOVERER_H
