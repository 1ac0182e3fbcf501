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
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void OnConnected(Ptr<Socket> s);
    void OnConnectFailed(Ptr<Socket> s);
    void OnRecv(Ptr<Socket> s);
    void SetFilterName(std::string name);
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
