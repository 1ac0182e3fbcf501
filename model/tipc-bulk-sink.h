// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BULK_SINK_H
#define TIPC_BULK_SINK_H

#include "tipc-socket.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <list>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Receives everything sent to a TIPC service range and counts it (the
 *        TIPC counterpart of PacketSink).
 *
 * Binds {ServiceType, Lower, Upper} with Scope at start.  STREAM and SEQPACKET
 * listen and read every accepted connection until its end (then close it);
 * RDM reads the bound socket.  Records the bytes received and the times of
 * the first and the latest arrival (goodput = bytes / (last - first)).
 * Messages that came back rejected are not counted.
 */
class TipcBulkSink : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief Constructor. */
    TipcBulkSink();
    /** @brief Destructor. */
    ~TipcBulkSink() override;

    /**
     * @brief Payload bytes received.
     * @return the count
     */
    uint64_t GetTotalRx() const;
    /**
     * @brief Reads that returned data (messages for RDM and SEQPACKET).
     * @return the count
     */
    uint64_t GetRxCount() const;
    /**
     * @brief Time of the first arrival.
     * @return the time (zero before)
     */
    Time GetFirstRxTime() const;
    /**
     * @brief Time of the latest arrival.
     * @return the time (zero before)
     */
    Time GetLastRxTime() const;
    /**
     * @brief Goodput between the first and the latest arrival.
     * @return bits per second (0 with fewer than two arrival times)
     */
    double GetGoodput() const;
    /**
     * @brief Connections accepted (STREAM, SEQPACKET).
     * @return the count
     */
    uint32_t GetAccepted() const;
    /**
     * @brief Connections that ended (the sender shut down or closed).
     * @return the count
     */
    uint32_t GetClosed() const;
    /**
     * @brief The bound (RDM) or listening socket.
     * @return the socket, or nullptr before start and after stop
     */
    Ptr<TipcSocket> GetListeningSocket() const;
    /**
     * @brief The open accepted connections.
     * @return the sockets
     */
    std::list<Ptr<Socket>> GetAcceptedSockets() const;

  protected:
    /** @brief Drop the listening socket and the accepted connections. */
    void DoDispose() override;
    /** @brief Check Upper >= Lower (fatal error otherwise), then Application::DoInitialize. */
    void DoInitialize() override;

  private:
    /**
     * @brief Bind the socket to {ServiceType, Lower, Upper} in Scope; STREAM and SEQPACKET
     *        listen and accept, RDM reads.  Bind or listen failures are fatal errors.
     */
    void StartApplication() override;
    /** @brief Close the accepted connections and the listening socket, callbacks removed. */
    void StopApplication() override;

    /**
     * @brief Data arrived: read it all.
     * @param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * @brief A connection was accepted.
     * @param socket the new connection socket
     * @param from the sender's socket address
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    /**
     * @brief A connection closed.
     * @param socket the connection socket
     */
    void HandleClose(Ptr<Socket> socket);
    /**
     * @brief Close and forget a connection.
     * @param socket the connection socket
     */
    void CloseConnection(Ptr<Socket> socket);

    /**
     * @brief SocketType attribute setter.
     * @param name RDM, SEQPACKET or STREAM
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

    TipcSocketType m_socketType;          //!< socket type
    uint32_t m_serviceType;               //!< bound service type
    uint32_t m_lower;                     //!< lower instance
    uint32_t m_upper;                     //!< upper instance
    int8_t m_scope;                       //!< binding scope
    Ptr<TipcSocket> m_socket;             //!< bound / listening socket
    std::list<Ptr<Socket>> m_connections; //!< accepted connections
    uint64_t m_totalRx;                   //!< bytes received
    uint64_t m_rxCount;                   //!< reads with data
    uint32_t m_accepted;                  //!< connections accepted
    uint32_t m_closed;                    //!< connections ended
    Time m_firstRx;                       //!< first arrival
    Time m_lastRx;                        //!< latest arrival

    /// data read, with the sender's socket address
    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace;
};

} // namespace ns3

#endif // TIPC_BULK_SINK_H
