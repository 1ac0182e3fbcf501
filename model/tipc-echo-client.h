// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ECHO_CLIENT_H
#define TIPC_ECHO_CLIENT_H

#include "tipc-socket.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Echo client measuring round-trip times to a TIPC service.
 *
 * Requests of PacketSize bytes go to the service address {ServiceType,
 * ServiceInstance} (anycast: with several servers bound to the instance the
 * name table picks one round robin; Domain restricts the lookup to one node).
 *
 * - Interval > 0: a request every Interval, whatever the replies do.
 * - Interval = 0: ping-pong, the next request leaves when the reply to the
 *   previous one is complete.
 *
 * MaxPackets requests are sent (0: until the application stops).  RDM/DGRAM
 * send each request with sendto; SEQPACKET/STREAM connect to the service at
 * start and send on the connection.  A STREAM round trip is complete when
 * PacketSize bytes came back (replies are matched first in, first out); a
 * message reply is matched by the sequence number in its first four bytes
 * (requests of fewer than four bytes: first in, first out).  The round-trip
 * time runs from the moment the socket accepted the request (its first bytes,
 * for a stream) to the moment the whole reply was read.
 *
 * A request the socket cannot take at once (EAGAIN: link or connection
 * congestion; a partial stream write) waits and goes out when the socket
 * reports write space.  A send that fails for good (no binding for the
 * service: EHOSTUNREACH) and a request that comes back rejected count as
 * errors; in ping-pong mode the next request follows after RetryInterval.  A
 * refused or timed-out connect is retried after RetryInterval.
 */
class TipcEchoClient : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief Constructor. */
    TipcEchoClient();
    /** @brief Destructor. */
    ~TipcEchoClient() override;

    /**
     * @brief The round-trip times measured so far, in completion order.
     * @return the samples
     */
    const std::vector<Time>& GetRtts() const;
    /**
     * @brief Number of round trips completed.
     * @return the count
     */
    uint32_t GetRttCount() const;
    /**
     * @brief Smallest round-trip time.
     * @return the minimum (zero without samples)
     */
    Time GetRttMin() const;
    /**
     * @brief Mean round-trip time.
     * @return the mean (zero without samples)
     */
    Time GetRttMean() const;
    /**
     * @brief Largest round-trip time.
     * @return the maximum (zero without samples)
     */
    Time GetRttMax() const;
    /**
     * @brief Requests the socket accepted.
     * @return the count
     */
    uint32_t GetSent() const;
    /**
     * @brief Complete replies received (equals GetRttCount()).
     * @return the count
     */
    uint32_t GetReceived() const;
    /**
     * @brief Requests lost to errors: sends that failed for good and
     *        requests returned rejected.
     * @return the count
     */
    uint32_t GetErrors() const;
    /**
     * @brief Replies of an unexpected size or sequence number.
     * @return the count
     */
    uint32_t GetUnexpectedReplies() const;
    /**
     * @brief The client socket.
     * @return the socket, or nullptr before start and after stop
     */
    Ptr<TipcSocket> GetSocket() const;

    /**
     * @brief TracedCallback signature for round-trip times.
     * @param rtt the round-trip time of one request
     */
    typedef void (*RttTracedCallback)(Time rtt);

  protected:
    /** @brief Cancel the events, drop the socket and forget queued and in-flight requests. */
    void DoDispose() override;
    /**
     * @brief Check PacketSize (1..66000 except for STREAM; fatal error outside), then
     *        Application::DoInitialize.
     */
    void DoInitialize() override;

  private:
    /** @brief Open the socket (see Open). */
    void StartApplication() override;
    /** @brief Cancel the next request and the reconnect, and close the socket. */
    void StopApplication() override;

    /** @brief Create the socket and, for connection types, connect. */
    void Open();
    /**
     * @brief The connection is up.
     * @param socket the socket
     */
    void HandleConnected(Ptr<Socket> socket);
    /**
     * @brief The connection was refused or timed out.
     * @param socket the socket
     */
    void HandleConnectFailed(Ptr<Socket> socket);
    /**
     * @brief The connection closed (server gone).
     * @param socket the socket
     */
    void HandleClose(Ptr<Socket> socket);
    /**
     * @brief Replies arrived.
     * @param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * @brief The socket has write space again.
     * @param socket the socket
     * @param available bytes available
     */
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    /** @brief Make the next request and send it (timer or ping-pong). */
    void SendRequest();
    /**
     * @brief Schedule the next request.
     * @param delay from now
     */
    void ScheduleRequest(Time delay);
    /** @brief Hand queued requests to the socket as far as it accepts them. */
    void Flush();
    /**
     * @brief A reply is complete.
     * @param reply the reply
     */
    void CompleteReply(Ptr<Packet> reply);
    /** @brief A request was lost (error); ping-pong continues after RetryInterval. */
    void RequestLost();
    /** @return true if MaxPackets requests have been made */
    bool AllMade() const;
    /** @brief Close the socket and forget its callbacks. */
    void CloseSocket();

    /**
     * @brief SocketType attribute setter.
     * @param name RDM, DGRAM, SEQPACKET or STREAM
     */
    void SetSocketTypeName(std::string name);
    /**
     * @brief SocketType attribute getter.
     * @return the name
     */
    std::string GetSocketTypeName() const;
    /**
     * @brief ServiceType attribute setter (checked range).
     * @param type service type
     */
    void SetServiceType(uint32_t type);
    /**
     * @brief PacketSize attribute setter (checked range).
     * @param size bytes
     */
    void SetPacketSize(uint32_t size);
    /**
     * @brief Importance attribute setter (checked range).
     * @param importance 0..3
     */
    void SetImportance(uint32_t importance);
    /**
     * @brief Interval attribute setter (checked range).
     * @param interval the interval
     */
    void SetInterval(Time interval);
    /**
     * @brief RetryInterval attribute setter (checked range).
     * @param interval the interval
     */
    void SetRetryInterval(Time interval);

    /// A request made and not yet (completely) accepted by the socket.
    struct Queued
    {
        Ptr<Packet> packet; //!< the request (the rest of it, for a stream)
        uint32_t seq;       //!< its sequence number
        bool started;       //!< the socket accepted its first bytes (stream)
    };

    TipcSocketType m_socketType; //!< socket type
    uint32_t m_serviceType;      //!< destination service type
    uint32_t m_serviceInstance;  //!< destination instance
    uint32_t m_domain;           //!< lookup node (0: any)
    uint32_t m_packetSize;       //!< request size
    Time m_interval;             //!< time between requests (0: ping-pong)
    uint32_t m_maxPackets;       //!< requests to make (0: unlimited)
    uint32_t m_importance;       //!< message importance
    Time m_retryInterval;        //!< delay after an error

    Ptr<TipcSocket> m_socket;            //!< the socket
    bool m_connected;                    //!< connection established (or connectionless)
    EventId m_sendEvent;                 //!< next request
    EventId m_retryEvent;                //!< reconnect
    std::deque<Queued> m_txQueue;        //!< requests waiting for the socket
    std::map<uint32_t, Time> m_inFlight; //!< message requests by sequence number
    std::deque<Time> m_streamInFlight;   //!< stream requests, first in first out
    Ptr<Packet> m_rxAssembly;            //!< stream bytes of incomplete replies
    uint32_t m_made;                     //!< requests made
    uint32_t m_sent;                     //!< requests accepted by the socket
    uint32_t m_errors;                   //!< requests lost to errors
    uint32_t m_unexpected;               //!< unexpected replies
    std::vector<Time> m_rtts;            //!< round-trip times

    TracedCallback<Time> m_rttTrace;             //!< a round trip completed
    TracedCallback<Ptr<const Packet>> m_txTrace; //!< a request was accepted by the socket
    TracedCallback<Ptr<const Packet>> m_rxTrace; //!< a complete reply arrived
};

} // namespace ns3

#endif // TIPC_ECHO_CLIENT_H
