// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SERVICE_PUBLISHER_H
#define TIPC_SERVICE_PUBLISHER_H

#include "tipc-socket.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Binds a socket to a service range while it runs, to publish a
 *        service in the cluster's name table (and to generate topology
 *        events).
 *
 * At start an RDM socket binds {ServiceType, Lower, Upper} with Scope; at
 * stop the binding is withdrawn and the socket closed.  With Toggle > 0 the
 * binding is withdrawn and made again alternately every Toggle, so that other
 * nodes see the service come and go.  Trace "Bound" reports each change.
 */
class TipcServicePublisher : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief Constructor. */
    TipcServicePublisher();
    /** @brief Destructor. */
    ~TipcServicePublisher() override;

    /**
     * @brief Is the range bound now?
     * @return true while bound
     */
    bool IsBound() const;
    /**
     * @brief Binds made (including the first one).
     * @return the count
     */
    uint32_t GetBindCount() const;
    /**
     * @brief Withdrawals made (including the one at stop).
     * @return the count
     */
    uint32_t GetWithdrawCount() const;
    /**
     * @brief The publishing socket.
     * @return the socket, or nullptr before start and after stop
     */
    Ptr<TipcSocket> GetSocket() const;

    /**
     * @brief TracedCallback signature for binding changes.
     * @param bound true: bound now, false: withdrawn
     */
    typedef void (*BoundTracedCallback)(bool bound);

  protected:
    /** @brief Cancel the next toggle and drop the socket. */
    void DoDispose() override;
    /** @brief Check Upper >= Lower (fatal error otherwise), then Application::DoInitialize. */
    void DoInitialize() override;

  private:
    /**
     * @brief Open an RDM socket, bind the range and, with a positive Toggle period,
     *        schedule the first toggle.
     */
    void StartApplication() override;
    /** @brief Cancel the next toggle, withdraw the binding and close the socket. */
    void StopApplication() override;

    /** @brief Bind the range. */
    void DoBind();
    /** @brief Withdraw the binding. */
    void DoUnbind();
    /** @brief Flip the binding state and schedule the next flip. */
    void Toggle();
    /** @return the bound range as an address */
    TipcAddress GetRange() const;

    /**
     * @brief Scope attribute setter.
     * @param name node or cluster
     */
    void SetScopeName(std::string name);
    /**
     * @brief Scope attribute getter.
     * @return the name
     */
    std::string GetScopeName() const;
    /**
     * @brief ServiceType attribute setter (checked range).
     * @param type service type
     */
    void SetServiceType(uint32_t type);
    /**
     * @brief Toggle attribute setter (checked range).
     * @param interval the interval (0: no toggling)
     */
    void SetToggle(Time interval);

    uint32_t m_serviceType;   //!< service type
    uint32_t m_lower;         //!< lower instance
    uint32_t m_upper;         //!< upper instance
    int8_t m_scope;           //!< binding scope
    Time m_toggle;            //!< toggle interval (0: off)
    Ptr<TipcSocket> m_socket; //!< the publishing socket
    bool m_bound;             //!< bound now
    uint32_t m_binds;         //!< binds made
    uint32_t m_withdrawals;   //!< withdrawals made
    EventId m_toggleEvent;    //!< next flip

    TracedCallback<bool> m_boundTrace; //!< binding changes
};

} // namespace ns3

#endif // TIPC_SERVICE_PUBLISHER_H
