// SPDX-License-Identifier: GPL-2.0-only

#ifndef LINUX_TCP_SOCKET_H
#define LINUX_TCP_SOCKET_H

#include "ns3/tcp-socket-base.h"

namespace ns3
{

/**
 * @ingroup tipc
 * @brief ns-3 TCP with Linux's receive-window update on read.
 *
 * When a read empties a receive buffer whose advertised window had shrunk,
 * Linux acknowledges at once with the larger window (tcp_cleanup_rbuf: when the
 * window now advertised is at most half the maximum and the new one is at least
 * twice it).  ns-3's TcpSocketBase sends nothing on read, so a sender facing a
 * window smaller than one segment stalls until its retransmission timer (ns-3
 * MinRto 1 s).  The TCP baseline of the host experiment uses this socket
 * (LinuxTcpSocket::Create) so that TCP between namespaces is not throttled by
 * that ns-3 artefact.
 */
class LinuxTcpSocket : public TcpSocketBase
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    LinuxTcpSocket();
    /**
     * @brief Copy constructor (Fork).
     * @param sock the socket to copy
     */
    LinuxTcpSocket(const LinuxTcpSocket& sock);
    ~LinuxTcpSocket() override;
    /**
     * @brief Create a socket on a node's TCP, with the congestion control,
     *        recovery and RTT estimator that TcpL4Protocol's attributes name
     *        (what TcpL4Protocol::CreateSocket does for TcpSocketBase).
     * @param node a node with an Internet stack
     * @return the socket
     */
    static Ptr<LinuxTcpSocket> Create(Ptr<Node> node);

    /**
     * @brief TcpSocketBase::Recv, then, if attribute WindowUpdate is set and the socket is
     *        ESTABLISHED, send an ACK at once when the read opened the advertised window
     *        (before: at most half the receive buffer's maximum; after: larger than, and at
     *        least twice, before).
     * @param maxSize reader's limit on the number of bytes
     * @param flags socket control flags
     * @return the data read (null or empty if none)
     */
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;

  protected:
    /**
     * @brief Copy this socket for a new connection (listening sockets).
     * @return a LinuxTcpSocket copy, WindowUpdate included
     */
    Ptr<TcpSocketBase> Fork() override;

  private:
    bool m_windowUpdate{true}; //!< attribute WindowUpdate
};

} // namespace ns3

#endif /* LINUX_TCP_SOCKET_H */
