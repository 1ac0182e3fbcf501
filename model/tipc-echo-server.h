// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ECHO_SERVER_H
#define TIPC_ECHO_SERVER_H

#include "tipc-socket.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Echo server on a TIPC service range: every request comes back to
 *        its sender unchanged.
 *
 * At start the server binds a socket to {ServiceType, Lower, Upper} with the
 * given Scope.  RDM/DGRAM: each message is sent back to its origin socket
 * (sendto the recvfrom address).  SEQPACKET/STREAM: the socket listens; every
 * accepted connection echoes what it receives (STREAM: bytes as they arrive,
 * SEQPACKET: message by message).  Replies the socket cannot take at once
 * (link or connection congestion, a partial stream write) are kept and sent
 * when the socket reports write space.  Messages that come back rejected (the
 * client is gone) are counted, never echoed.
 *
 * Several servers may bind the same range: anycast clients are spread over
 * them round robin by the name table.
 *
 * Replies are sent from a new event at the same time as the request was read,
 * never from inside the socket's receive callback: the stack delivers to
 * sockets synchronously from inside a link's receive processing, before the
 * link has moved its backlog into the send queue, and a reply sent at that
 * moment could overtake the backlog.
 */
class TipcEchoServer : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief Constructor. */
    TipcEchoServer();
    /** @brief Destructor. */
    ~TipcEchoServer() override;

    /**
     * @brief Requests received: messages (RDM, DGRAM, SEQPACKET) or stream
     *        reads with data (STREAM).
     * @return the count
     */
    uint64_t GetReceived() const;
    /**
     * @brief Payload bytes received.
     * @return the count
     */
    uint64_t GetReceivedBytes() const;
    /**
     * @brief Payload bytes the socket(s) accepted as replies.
     * @return the count
     */
    uint64_t GetSentBytes() const;
    /**
     * @brief Rejected messages that came back (undeliverable replies).
     * @return the count
     */
    uint64_t GetReturned() const;
    /**
     * @brief Connections accepted (SEQPACKET, STREAM).
     * @return the count
     */
    uint32_t GetAccepted() const;
    /**
     * @brief The bound (RDM/DGRAM) or listening (SEQPACKET/STREAM) socket.
     * @return the socket, or nullptr before start and after stop
     */
    Ptr<TipcSocket> GetSocket() const;

  protected:
    /** @brief Drop the socket, the accepted connections and the pending replies. */
    void DoDispose() override;
    /** @brief Check Upper >= Lower (fatal error otherwise), then Application::DoInitialize. */
    void DoInitialize() override;

  private:
    /**
     * @brief Bind the socket to {ServiceType, Lower, Upper} in Scope; SEQPACKET and STREAM
     *        listen and accept, RDM and DGRAM read and echo.  Bind or listen failures are
     *        fatal errors.
     */
    void StartApplication() override;
    /**
     * @brief Close the accepted connections and the bound socket, callbacks removed, and
     *        drop the pending replies.
     */
    void StopApplication() override;

    /**
     * @brief Data arrived on a socket: read it all and echo it.
     * @param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * @brief A connection was accepted.
     * @param socket the new connection socket
     * @param from the client's socket address
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    /**
     * @brief A socket has write space again.
     * @param socket the socket
     * @param available bytes available
     */
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    /**
     * @brief A connection closed (peer shutdown, reset or abort).
     * @param socket the connection socket
     */
    void HandleClose(Ptr<Socket> socket);
    /**
     * @brief Close and forget an accepted connection.
     * @param socket the connection socket
     */
    void CloseConnection(Ptr<Socket> socket);
    /**
     * @brief Send what is queued on a socket as far as it accepts.
     * @param socket the socket
     */
    void Flush(Ptr<Socket> socket);

    /// A reply the socket has not accepted yet.
    struct Pending
    {
        Ptr<Packet> packet; //!< the (rest of the) reply
        Address to;         //!< destination (connectionless sockets)
    };

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
     * @brief Importance attribute setter (checked range).
     * @param importance importance 0..3
     */
    void SetImportance(uint32_t importance);

    TipcSocketType m_socketType;                          //!< socket type
    uint32_t m_serviceType;                               //!< bound service type
    uint32_t m_lower;                                     //!< lower instance
    uint32_t m_upper;                                     //!< upper instance
    int8_t m_scope;                                       //!< binding scope
    uint32_t m_importance;                                //!< importance of replies (RDM/DGRAM)
    Ptr<TipcSocket> m_socket;                             //!< bound / listening socket
    std::list<Ptr<Socket>> m_connections;                 //!< accepted connections
    std::map<Ptr<Socket>, std::deque<Pending>> m_pending; //!< replies not yet accepted
    uint64_t m_received;                                  //!< requests received
    uint64_t m_receivedBytes;                             //!< bytes received
    uint64_t m_sentBytes;                                 //!< bytes echoed
    uint64_t m_returned;                                  //!< rejected messages back
    uint32_t m_accepted;                                  //!< connections accepted

    TracedCallback<Ptr<const Packet>> m_rxTrace; //!< a request was read
    TracedCallback<Ptr<const Packet>> m_txTrace; //!< a reply was handed to the socket
    /// a request was read, with the client's socket address
    TracedCallback<Ptr<const Packet>, const Address&> m_rxTraceWithAddress;
};

} // namespace ns3

#endif // TIPC_ECHO_SERVER_H
