// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TOPOLOGY_SERVER_H
#define TIPC_TOPOLOGY_SERVER_H

#include "tipc-name-table.h"
#include "tipc-subscr.h"

#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <array>
#include <deque>
#include <list>
#include <map>

namespace ns3
{

class TipcStack;
class TipcSocket;

/**
 * @ingroup tipc
 * @brief The node's topology server (Linux topsrv.c, subscr.c; reference
 *        section 9).
 *
 * A kernel SEQPACKET socket of CRITICAL importance bound to
 * {TIPC_TOP_SRV, 1, 1} with node scope.  Users connect to that service, send
 * 28-byte subscriptions (TipcSubscr) and receive 48-byte events (TipcEvent)
 * on the connection: PUBLISHED / WITHDRAWN for bindings overlapping the
 * subscribed range (every binding with TIPC_SUB_PORTS, the first and last of
 * each range with TIPC_SUB_SERVICE), TIPC_SUBSCR_TIMEOUT when the timeout
 * expires.  TIPC_SUB_CANCEL removes an identical earlier subscription.  An
 * illegal subscription, or more than TIPC_MAX_SUBSCR on the node, closes the
 * connection.  Node and link state are the bindings {TIPC_NODE_STATE, n, n}
 * and {TIPC_LINK_STATE, peer, peer}.
 *
 * Events are queued per connection without limit and sent as the
 * connection's flow control allows (Linux's send work queue).
 */
class TipcTopologyServer : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcTopologyServer();
    ~TipcTopologyServer() override;

    /**
     * @brief Open the listening socket and attach to the node's name table
     *        (tipc_topsrv_start).
     * @param stack the node
     */
    void Start(Ptr<TipcStack> stack);

    /** @return the listening socket's port id */
    uint32_t GetPortId() const;
    /** @return open subscriber connections */
    uint32_t GetNConnections() const;
    /** @return active subscriptions */
    uint32_t GetNSubscriptions() const;
    /**
     * @brief Whether a socket is one of the server's own kernel sockets.
     * @param s the socket
     * @return true for the listening socket and the accepted subscriber connections
     */
    bool Owns(Ptr<const TipcSocket> s) const;

    /// TracedCallback signature for events: (event as sent, subscriber port).
    typedef void (*EventTracedCallback)(const TipcEvent& event, uint32_t subscriberPort);

  protected:
    /**
     * @brief Cancel the subscription timers, forget the subscriptions and connections,
     *        and drop the listening socket and the stack.
     */
    void DoDispose() override;

  private:
    /// One queued event.
    struct Entry
    {
        std::array<uint8_t, TipcEvent::SIZE> bytes; //!< the event as sent
        TipcEvent event;                            //!< the event (host values)
        uint64_t timeoutOf;                         //!< subscription to delete when sending (0)
    };

    /// A subscriber connection.
    struct Conn
    {
        Ptr<TipcSocket> sock;      //!< accepted connection socket
        std::deque<Entry> outq;    //!< events waiting to be sent
        std::list<uint64_t> subs;  //!< its subscriptions, newest first
        bool sendScheduled{false}; //!< a send run is pending
        bool connected{true};      //!< not closed
    };

    /// Server-side state of one subscription.
    struct Sub
    {
        uint64_t conn;                             //!< connection id
        bool swap;                                 //!< subscriber of the other byte order
        std::array<uint8_t, TipcSubscr::SIZE> raw; //!< as received (template for events)
        TipcSubscr s;                              //!< host values
        EventId timer;                             //!< timeout
        bool inactive{false};                      //!< timed out
    };

    /**
     * @brief A subscriber connected: give it the lowest free connection id, hook its
     *        callbacks and read at once (a subscription may have come with the SYN).
     * @param s the accepted socket
     * @param from the subscriber's address (unused)
     */
    void OnAccept(Ptr<Socket> s, const Address& from);
    /**
     * @brief Read and handle 28-byte subscriptions until none is left; a short message,
     *        the end of the connection, a read error or a rejected subscription closes
     *        the connection.
     * @param s the connection socket
     */
    void OnRecv(Ptr<Socket> s);
    /**
     * @brief Write space: resume sending the connection's queued events.
     * @param s the connection socket
     * @param available bytes available (unused)
     */
    void OnSend(Ptr<Socket> s, uint32_t available);
    /**
     * @brief The subscriber closed the connection (normally or with an error): close it.
     * @param s the connection socket
     */
    void OnClose(Ptr<Socket> s);
    /**
     * @brief Handle one subscription message (tipc_conn_rcv_sub).
     * @param id connection id
     * @param raw 28 bytes
     * @return false if the connection must be closed
     */
    bool RcvSub(uint64_t id, const uint8_t* raw);
    /**
     * @brief Queue an event for a subscription's connection (tipc_sub_send_event).
     * @param subId subscription
     * @param event event type
     * @param lower found lower
     * @param upper found upper
     * @param port binding's socket
     * @param timeoutOf delete this subscription when the event is sent (0: none)
     */
    void QueueEvent(uint64_t subId,
                    uint32_t event,
                    uint32_t lower,
                    uint32_t upper,
                    TipcSocketAddr port,
                    uint64_t timeoutOf);
    /**
     * @brief Schedule SendQueued for a connection now, unless one is already pending.
     * @param id connection id
     */
    void ScheduleSend(uint64_t id);
    /**
     * @brief Send a connection's queued events until the queue is empty, the socket
     *        refuses with EAGAIN (resumed by OnSend) or the connection closes; another
     *        send error closes it.  A timed-out subscription is deleted when its TIMEOUT
     *        event is sent.
     * @param id connection id
     */
    void SendQueued(uint64_t id);
    /**
     * @brief Close a subscriber connection: delete its subscriptions, unhook the socket's
     *        callbacks, shut it down and close it.
     * @param id connection id
     */
    void CloseConn(uint64_t id);
    /**
     * @brief Delete a subscription: cancel its timer, remove it from its connection and
     *        unsubscribe it from the name table.
     * @param subId subscription id
     */
    void DeleteSub(uint64_t subId);
    /**
     * @brief A subscription's timeout expired: queue a TIPC_SUBSCR_TIMEOUT event (which
     *        deletes the subscription when sent) and mark the subscription inactive.
     * @param subId subscription id
     */
    void SubTimeout(uint64_t subId);
    /**
     * @brief A name table event for a subscription: queue it for the subscriber, unless
     *        the subscription is unknown or timed out.
     * @param subId subscription id
     * @param e the event
     */
    void OnNameEvent(uint64_t subId, const TipcNameEvent& e);
    /**
     * @brief Connection id of a socket.
     * @param s socket
     * @param[out] id its id
     * @return false if unknown
     */
    bool FindConn(Ptr<Socket> s, uint64_t& id) const;

    Ptr<TipcStack> m_stack;                                  //!< node
    Ptr<TipcSocket> m_listener;                              //!< listening socket
    std::map<uint64_t, Conn> m_conns;                        //!< connections by id
    std::map<uint64_t, Sub> m_subs;                          //!< subscriptions by name-table id
    TracedCallback<const TipcEvent&, uint32_t> m_eventTrace; //!< events sent
};

} // namespace ns3

#endif // TIPC_TOPOLOGY_SERVER_H
