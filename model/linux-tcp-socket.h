// SPDX-License-Identifier: GPL-2.0-only

#ifndef LINUX_TCP_SOCKET_H
#define LINUX_TCP_SOCKET_H

#include "ns3/tcp-socket-base.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief ns-3 TCP with Linux's receive-window update on read.
 *
 * When a read reopens a receive window that the peer sees shrunk, Linux
 * acknowledges at once with the larger window (tcp_cleanup_rbuf: when what is
 * left of the window last advertised, tcp_receive_window, is at most half the
 * maximum and the window now free is at least twice it).  ns-3's TcpSocketBase
 * sends nothing on read, so a sender facing a window smaller than one segment
 * waits for the receiver's delayed ACK (200 ms) or its retransmission timer
 * (ns-3 MinRto 1 s).  The TCP baseline of the host experiment uses this socket
 * (LinuxTcpSocket::Create) so that TCP between namespaces is not throttled by
 * that ns-3 artefact.
 *
 * The comparison is against the window last advertised, not against the free
 * buffer space before the read: a reader that takes one small message per read
 * never doubles the free space, but it soon doubles the small window the sender
 * was last told.
 *
 * It also works around an ns-3.37 defect (fixed in later releases): when the
 * bytes sent and not yet acknowledged exactly fill the peer's window while some
 * of them are SACKed or lost (so fewer are in flight and the window seems
 * open), TcpTxBuffer::NextSeg offers a segment of new data of zero bytes, and
 * TcpSocketBase::SendPendingData crashes sending it (TcpRateLinux::SkbSent on a null item), as does
 * TcpSocketBase::DoRetransmit.  AvailableWindow() is 0 then, as the fixed NextSeg
 * makes it (no new data until the window opens), and a retransmission asked to
 * send zero bytes resends the head segment, as DoRetransmit does when the fixed
 * NextSeg finds nothing.
 *
 * Where and when it transmits follows Linux, so that a host's CPU model
 * (HostCpuModel) charges TCP's work where Linux does it:
 *
 * - SendAtWrite: a write transmits at once, in the writer's context
 *   (tcp_sendmsg -> tcp_push), not one time step later from an event as
 *   TcpSocketBase::Send does.  The segments' IP, veth and bridge work then runs
 *   on the writer's core, as Linux runs the softirq a transmit raises.
 * - AutoCorking (tcp_autocorking, on by default since Linux 3.14): a write that
 *   leaves less than a GSO super-packet of unsent data is held back while data
 *   is unacknowledged and an earlier segment of this socket is still in the
 *   host's stack (sk_wmem_alloc, see SkbOwnerTag).  When such a segment is
 *   released, the TCP small queues tasklet (tcp_wfree -> tcp_tsq_handler) sends
 *   what was held back on the releasing core; an ACK sends it too.  Small writes
 *   of a busy socket so leave in fewer, larger segments, as on Linux.
 *
 * A write made from inside TcpSocketBase's own processing (an application
 * callback such as the send callback, run while a segment or an ACK is being
 * handled) keeps ns-3's one-step deferral: sending from there would re-enter
 * SendPendingData.  Autocorking acts only in a namespace of a LinuxHost, whose
 * devices release segments; a received segment is released too.
 */
class LinuxTcpSocket : public TcpSocketBase
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @brief Signature of the FullWindowWorkaround trace.
     * @param retransmit true if a retransmission resent the head segment, false if
     *        nothing was sent
     */
    typedef void (*FullWindowCallback)(bool retransmit);
    /**
     * @brief Signature of the AutoCork trace.
     * @param unsent bytes held back (the write included)
     */
    typedef void (*AutoCorkCallback)(uint32_t unsent);
    /**
     * @brief Get the instance's type ID (TcpSocketBase reports its own otherwise).
     * @return ns3::LinuxTcpSocket
     */
    TypeId GetInstanceTypeId() const override;
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
     *        ESTABLISHED, send an ACK at once when the read opened the window: what is left
     *        of the window last advertised is at most half the receive buffer's maximum, and
     *        the window an ACK would carry now is at least twice it and not silly (below half
     *        the buffer, at least one segment and 1/16 of the buffer).
     * @param maxSize reader's limit on the number of bytes
     * @param flags socket control flags
     * @return the data read (null or empty if none)
     */
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;

    /**
     * @brief TcpSocketBase::Send, then (attribute SendAtWrite) transmit now
     *        instead of one time step later, unless autocorking holds the data back.
     * @param p the data
     * @param flags socket control flags
     * @return bytes accepted, or -1 (TcpSocketBase::Send)
     */
    int Send(Ptr<Packet> p, uint32_t flags) override;

    /**
     * @brief Writes held back by autocorking since the socket was created
     *        (Linux's TCPAutoCorking counter).
     * @return the count
     */
    uint64_t GetAutoCorkings() const;

  protected:
    /**
     * @brief Copy this socket for a new connection (listening sockets).
     * @return a LinuxTcpSocket copy with this socket's attributes
     */
    Ptr<TcpSocketBase> Fork() override;

    /**
     * @brief TcpSocketBase::SendEmptyPacket, then note the window it advertised.
     * @param flags the TCP flags
     */
    void SendEmptyPacket(uint8_t flags) override;

    /**
     * @brief TcpSocketBase::SendDataPacket, then note the window it advertised.  Asked
     *        for zero bytes (ns-3.37 DoRetransmit with a full window), it resends the
     *        head segment instead.
     * @param seq the first sequence number
     * @param maxSize the most bytes to send
     * @param withAck whether to set the ACK flag
     * @return the number of bytes sent
     */
    uint32_t SendDataPacket(SequenceNumber32 seq, uint32_t maxSize, bool withAck) override;

    /// TcpSocketBase::PersistTimeout (a window probe), then note the window it advertised.
    void PersistTimeout() override;
    /**
     * @brief Release the segment (SkbOwnerTag), note the core, then
     *        TcpSocketBase::DoForwardUp (no write from its callbacks sends at once).
     * @param packet the segment
     * @param fromAddress its source
     * @param toAddress its destination
     */
    void DoForwardUp(Ptr<Packet> packet,
                     const Address& fromAddress,
                     const Address& toAddress) override;

    /**
     * @brief TcpSocketBase::AvailableWindow, but 0 when the next segment would be
     *        new data of zero bytes (the bytes sent and not acknowledged fill the
     *        peer's window;
     *        ns-3.37's TcpTxBuffer::NextSeg offers that segment, and sending it crashes).
     * @return bytes the socket may send now
     */
    uint32_t AvailableWindow() const override;

  private:
    /**
     * @brief Tag a data segment the socket sends with its owner (trace Tx).
     * @param p the segment
     * @param header its TCP header
     * @param sock the socket that sends it
     */
    void OnTx(Ptr<const Packet> p, const TcpHeader& header, Ptr<const TcpSocketBase> sock);
    /**
     * @brief The host's stack let go of a segment (SkbOwnerTag::Release).
     * @param serial the segment's number
     */
    void Released(uint64_t serial);
    /**
     * @brief Send the unsent data now (tcp_push), outside TcpSocketBase's one-step
     *        deferral: a write's transmit, and the TCP small queues tasklet that
     *        sends what autocorking held back.
     */
    void PushPending();
    /**
     * @brief Autocorking can act: attributes AutoCorking and SendAtWrite, and the
     *        node is a namespace of a LinuxHost.
     * @return true if segments are tracked and writes may wait
     */
    bool Corkable();
    /** @brief Note the core of the work item running now (HostCpuModel), if any. */
    void NoteCore();
    /**
     * @brief Linux tcp_should_autocork: less than a super-packet unsent, data
     *        unacknowledged, and a segment still in the host's stack.
     * @return true if the write should wait
     */
    bool ShouldAutoCork();

    /**
     * @brief Note the right edge of the window that the segment just sent advertised.
     * @param syn the segment was a SYN or SYN-ACK (window not scaled)
     */
    void NoteAdvertised(bool syn);

    /**
     * @brief The window a segment sent now would carry.
     * @return bytes, after window scaling
     */
    uint32_t WindowNow() const;

    /**
     * @brief What is left of the window last advertised (Linux tcp_receive_window).
     * @return bytes the peer may still send, 0 if it has filled the window
     */
    uint32_t ReceiveWindowLeft() const;

    bool m_windowUpdate{true};                //!< attribute WindowUpdate
    TracedCallback<bool> m_fullWindow;        //!< trace FullWindowWorkaround
    bool m_sendAtWrite{true};                 //!< attribute SendAtWrite
    bool m_autoCorking{true};                 //!< attribute AutoCorking
    TracedCallback<uint32_t> m_autoCorkTrace; //!< trace AutoCork
    uint64_t m_autoCorkings{0};               //!< writes held back
    uint64_t m_owner{0};                      //!< SkbOwnerTag owner id, 0 before the first segment
    uint64_t m_nextSerial{0};                 //!< next segment number
    std::map<uint64_t, SequenceNumber32> m_inStack; //!< segments in the stack: end sequence
    bool m_throttled{false};  //!< TSQ_THROTTLED: a held-back write waits for a release
    uint32_t m_core{0};       //!< core of the last transmit or receive (HostCpuModel)
    uint32_t m_busy{0};       //!< depth of TcpSocketBase processing on the stack (no nested send)
    int8_t m_inHost{-1};      //!< node is a Linux host's namespace: 1, not: 0, not known yet: -1
    bool m_advertised{false}; //!< a segment has advertised a window
    SequenceNumber32 m_rcvWndEnd{0}; //!< its right edge (rcv_wup + rcv_wnd)
};

} // namespace ns3

#endif /* LINUX_TCP_SOCKET_H */
