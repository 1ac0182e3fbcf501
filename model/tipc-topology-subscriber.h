// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TOPOLOGY_SUBSCRIBER_H
#define TIPC_TOPOLOGY_SUBSCRIBER_H

#include "tipc-subscr.h"

#include "ns3/application.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class Socket;

/**
 * @ingroup tipc
 * @brief An application that subscribes to the node's topology service
 *        (like tipcutils' tipc-topsrv clients): it connects a SEQPACKET
 *        socket to {TIPC_TOP_SRV, 1}, sends its subscriptions and records
 *        every event (PUBLISHED, WITHDRAWN, TIPC_SUBSCR_TIMEOUT).
 *
 * One subscription comes from the attributes (ServiceType, Lower, Upper,
 * Filter, Timeout); more can be added with AddSubscription() before the start.
 * Node up/down is ServiceType 0 (TIPC_NODE_STATE), link up/down ServiceType 2.
 */
class TipcTopologySubscriber : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcTopologySubscriber();
    ~TipcTopologySubscriber() override;

    /**
     * @brief Add a subscription (sent when the application starts).
     * @param s the subscription
     */
    void AddSubscription(const TipcSubscr& s);
    /** @return the events received, in order */
    const std::vector<TipcEvent>& GetEvents() const;
    /** @return when each event arrived */
    const std::vector<Time>& GetEventTimes() const;

    /// TracedCallback signature for events.
    typedef void (*EventTracedCallback)(const TipcEvent& event);

  protected:
    /** @brief Drop the socket. */
    void DoDispose() override;

  private:
    /**
     * @brief Connect a SEQPACKET socket to the topology server {TIPC_TOP_SRV,
     *        TIPC_TOP_SRV}; fatal error if the node has no TIPC.
     */
    void StartApplication() override;
    /** @brief Close the socket. */
    void StopApplication() override;
    /**
     * @brief Connected: send the attributes' subscription, then those of AddSubscription().
     * @param s the socket
     */
    void OnConnected(Ptr<Socket> s);
    /**
     * @brief The topology server could not be reached (logged as a warning).
     * @param s the socket
     */
    void OnConnectFailed(Ptr<Socket> s);
    /**
     * @brief Read every waiting event; record each full-size one with its arrival time
     *        and fire the "Event" trace.
     * @param s the socket
     */
    void OnRecv(Ptr<Socket> s);
    /**
     * @brief Attribute Filter setter.
     * @param name PORTS or SERVICE (fatal error otherwise)
     */
    void SetFilterName(std::string name);
    /**
     * @brief Attribute Filter getter.
     * @return PORTS or SERVICE
     */
    std::string GetFilterName() const;

    uint32_t m_type;                               //!< attribute ServiceType
    uint32_t m_lower;                              //!< attribute Lower
    uint32_t m_upper;                              //!< attribute Upper
    uint32_t m_filter;                             //!< attribute Filter
    Time m_timeout;                                //!< attribute Timeout (0: forever)
    std::vector<TipcSubscr> m_extra;               //!< AddSubscription()
    Ptr<Socket> m_socket;                          //!< connection to the server
    std::vector<TipcEvent> m_events;               //!< received
    std::vector<Time> m_times;                     //!< arrival times
    TracedCallback<const TipcEvent&> m_eventTrace; //!< events
};

} // namespace ns3

#endif // TIPC_TOPOLOGY_SUBSCRIBER_H
