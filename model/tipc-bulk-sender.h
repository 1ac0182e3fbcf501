// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BULK_SENDER_H
#define TIPC_BULK_SENDER_H

#include "tipc-socket.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Sends data to a TIPC service as fast as the socket accepts it
 *        (throughput measurement; the TIPC counterpart of BulkSendApplication).
 *
 * STREAM and SEQPACKET connect to the service address {ServiceType,
 * ServiceInstance} and write MessageSize-byte messages on the connection; RDM
 * sends each message to the service address (anycast).  Writing stops when
 * the socket refuses with EAGAIN (link congestion, or the connection's flow
 * control window is full) and resumes when the socket reports write space; a
 * stream write the socket took only in part is completed first.  After
 * MaxBytes bytes (0: no limit) a connection is shut down (the sink sees the
 * end of the stream) once the socket is no longer congested, as Linux's
 * shutdown() waits for it.
 *
 * A connect that fails (no binding yet, refused, timed out) and an RDM send
 * without a binding for the service are retried after RetryInterval.
 *
 * Writes prompted by the socket's callbacks are made from a new event at the
 * same time, never from inside the callback: the stack delivers to sockets
 * synchronously from inside a link's receive processing, before the link has
 * moved its backlog into the send queue, and a message sent at that moment
 * would overtake the backlog (Linux runs sockets only after the link has
 * finished, from the input queue).
 */
class TipcBulkSender : public Application
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /** @brief Constructor. */
    TipcBulkSender();
    /** @brief Destructor. */
    ~TipcBulkSender() override;

    /**
     * @brief Payload bytes the socket accepted.
     * @return the count
     */
    uint64_t GetTotalTx() const;
    /**
     * @brief When the socket accepted the first bytes.
     * @return the time (zero before)
     */
    Time GetFirstTxTime() const;
    /**
     * @brief When the socket accepted the latest bytes.
     * @return the time (zero before)
     */
    Time GetLastTxTime() const;
    /**
     * @brief Have MaxBytes bytes been accepted?
     * @return true when done (never with MaxBytes = 0)
     */
    bool IsDone() const;
    /**
     * @brief Times a send was refused with EAGAIN (congestion stalls).
     * @return the count
     */
    uint64_t GetStalls() const;
    /**
     * @brief The sending socket.
     * @return the socket, or nullptr before start and after stop
     */
    Ptr<TipcSocket> GetSocket() const;

  protected:
    /** @brief Cancel the retry and drop the socket and the unsent rest. */
    void DoDispose() override;
    /**
     * @brief Check MessageSize (1..66000 except for STREAM; fatal error outside), then
     *        Application::DoInitialize.
     */
    void DoInitialize() override;

  private:
    /** @brief Open the socket (see Open). */
    void StartApplication() override;
    /** @brief Cancel the retry and close the socket. */
    void StopApplication() override;

    /** @brief Create the socket; connect (connection types) or start sending. */
    void Open();
    /** @brief Close the socket and forget its callbacks. */
    void CloseSocket();
    /**
     * @brief The connection is up.
     * @param socket the socket
     */
    void HandleConnected(Ptr<Socket> socket);
    /**
     * @brief The connect failed.
     * @param socket the socket
     */
    void HandleConnectFailed(Ptr<Socket> socket);
    /**
     * @brief The socket has write space again.
     * @param socket the socket
     * @param available bytes available
     */
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    /**
     * @brief Anything the socket delivers (the sink sends nothing; a
     *        connection's end or a returned message).
     * @param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /** @brief Continue after write space was reported: write, or finish. */
    void Resume();
    /** @brief Write until the socket refuses or everything is sent. */
    void SendData();
    /** @brief All bytes accepted: shut the connection down when not congested. */
    void Finish();

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
     * @brief ServiceType attribute setter (checked range).
     * @param type service type
     */
    void SetServiceType(uint32_t type);
    /**
     * @brief MessageSize attribute setter (checked range).
     * @param size bytes
     */
    void SetMessageSize(uint32_t size);
    /**
     * @brief Importance attribute setter (checked range).
     * @param importance 0..3
     */
    void SetImportance(uint32_t importance);
    /**
     * @brief RetryInterval attribute setter (checked range).
     * @param interval the interval
     */
    void SetRetryInterval(Time interval);

    TipcSocketType m_socketType; //!< socket type
    uint32_t m_serviceType;      //!< destination service type
    uint32_t m_serviceInstance;  //!< destination instance
    uint32_t m_domain;           //!< lookup node (0: any)
    uint32_t m_messageSize;      //!< bytes per write
    uint64_t m_maxBytes;         //!< bytes to send (0: unlimited)
    uint32_t m_importance;       //!< message importance
    Time m_retryInterval;        //!< delay before retrying a failed connect / send

    Ptr<TipcSocket> m_socket; //!< the socket
    bool m_connected;         //!< may send
    bool m_finishing;         //!< all sent, shutdown waits for write space
    bool m_finished;          //!< shut down
    Ptr<Packet> m_rest;       //!< unsent rest of a partial stream write
    EventId m_retryEvent;     //!< retry
    uint64_t m_totalTx;       //!< bytes accepted
    uint64_t m_stalls;        //!< EAGAIN refusals
    Time m_firstTx;           //!< first bytes accepted
    Time m_lastTx;            //!< latest bytes accepted

    TracedCallback<Ptr<const Packet>> m_txTrace; //!< bytes accepted by the socket
};

} // namespace ns3

#endif // TIPC_BULK_SENDER_H
