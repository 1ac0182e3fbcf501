// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SOCKET_H
#define TIPC_SOCKET_H

#include "tipc-address.h"
#include "tipc-header.h"
#include "tipc-link.h"
#include "tipc-msg.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <cstdint>
#include <deque>
#include <list>
#include <set>
#include <string>

namespace ns3
{

class TipcStack;

/**
 * @ingroup tipc
 * @brief TIPC socket types (Linux SOCK_RDM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM).
 */
enum class TipcSocketType
{
    RDM,       //!< reliable connectionless datagrams (default)
    DGRAM,     //!< connectionless, also source-droppable
    SEQPACKET, //!< connection, message boundaries kept
    STREAM,    //!< connection, byte stream
};

/**
 * @ingroup tipc
 * @brief Linux errno values a TIPC socket call can return (the model keeps
 *        the Linux code; GetErrno() maps it onto ns3::Socket::SocketErrno).
 */
enum class TipcErrno : int
{
    OK = 0,              //!< no error
    ENOMEM_ = 12,        //!< out of memory (never in the model)
    EACCES_ = 13,        //!< reserved service type
    EINVAL_ = 22,        //!< invalid argument or state
    EPIPE_ = 32,         //!< connection is (being) shut down
    EAGAIN_ = 11,        //!< would block (congestion, empty queue)
    EDESTADDRREQ_ = 89,  //!< no destination
    EMSGSIZE_ = 90,      //!< message larger than 66000 bytes
    EOPNOTSUPP_ = 95,    //!< operation not supported by this socket type or state
    EAFNOSUPPORT_ = 97,  //!< address kind not allowed here
    EADDRINUSE_ = 98,    //!< binding key clash
    ECONNABORTED_ = 103, //!< connection probe unanswered
    ECONNRESET_ = 104,   //!< connection reset (peer closed, node lost)
    ENOBUFS_ = 105,      //!< link overflow (the link was reset)
    EISCONN_ = 106,      //!< already connected
    ENOTCONN_ = 107,     //!< not connected
    ETIMEDOUT_ = 110,    //!< connect timed out
    ECONNREFUSED_ = 111, //!< connection refused
    EHOSTUNREACH_ = 113, //!< no binding for the name, or no link to the node
    EALREADY_ = 114,     //!< connect already in progress
    EINPROGRESS_ = 115,  //!< connect started
};

/**
 * @ingroup tipc
 * @brief A socket's multicast method state (Linux struct tipc_mc_method).
 */
struct TipcMcastMethod
{
    bool rcast{false};     //!< replicast (else broadcast)
    bool mandatory{false}; //!< forced by TIPC_MCAST_BROADCAST / TIPC_MCAST_REPLICAST
    int64_t expires{0};    //!< jiffies until which the method is kept (without RBCTL)
};

/**
 * @brief Printable name of a TipcErrno ("ECONNREFUSED", ...).
 * @param e the code
 * @return its name
 */
std::string TipcErrnoName(TipcErrno e);

/**
 * @ingroup tipc
 * @brief A TIPC socket (Linux socket.c; reference section 10) as an ns3::Socket.
 *
 * Created with Socket::CreateSocket(node, TipcSocketFactory::GetTypeId())
 * (type from the factory's SocketType attribute, RDM by default) or
 * TipcSocketFactory::CreateSocket(type).  Addresses are TipcAddress values
 * (service, service range, socket), converted to and from ns3::Address.
 *
 * Calls behave like Linux calls on a non-blocking socket: a send that would
 * block fails with EAGAIN (ns-3 ERROR_AGAIN) and the send callback fires
 * when the congestion is over (link wakeup, connection-level ack); Connect()
 * returns at once and reports through the connect callbacks; a listening
 * socket accepts every SYN at once (ns-3's accept callbacks; refusing in the
 * connection-request callback rejects the SYN with TIPC_ERR_NO_PORT).  The
 * exact Linux errno of the last call is GetTipcErrno().
 *
 * Received messages that carry ancillary data (a rejected message returned
 * with its error code, the destination service name) come with a
 * TipcAncillaryTag; the returned data of a rejected message is the packet's
 * payload.  Attribute AncillaryData=false models an application that passes
 * no control buffer, as on Linux: no tags, a returned message reads as 0
 * bytes, and a connection socket gets ECONNRESET for one.
 *
 * Modelled: bind/unbind with scopes and keys, anycast/socket/multicast
 * sends, implied connect, SYN/ACK connection setup with OVERLOAD retry,
 * connection supervision (1 h probes) and node-down aborts, 1 KiB-block flow
 * control with CONN_ACK, smart Nagle for streams, receive-queue limits by
 * importance (buffer truesize as Linux accounts it), rejection with error
 * codes and secondary lookup (in TipcStack), shutdown and close as the peer
 * sees them.  Not modelled: communication groups.
 */
class TipcSocket : public Socket
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcSocket();
    ~TipcSocket() override;

    /**
     * @brief Attach the socket to a node's TIPC stack and give it a port id.
     * @param stack the stack
     * @param type socket type
     */
    void Init(Ptr<TipcStack> stack, TipcSocketType type);

    // ---------------------------------------------------------------- ns3::Socket
    /**
     * @brief The error of the last failed call as an ns3::Socket::SocketErrno
     *        (GetTipcErrno() gives the exact Linux errno).
     *
     * EAGAIN maps to ERROR_AGAIN, EHOSTUNREACH to ERROR_NOROUTETOHOST, EMSGSIZE to
     * ERROR_MSGSIZE, EISCONN to ERROR_ISCONN, EPIPE to ERROR_SHUTDOWN, EOPNOTSUPP to
     * ERROR_OPNOTSUPP, EAFNOSUPPORT to ERROR_AFNOSUPPORT, EADDRINUSE to ERROR_ADDRINUSE;
     * ENOTCONN, ECONNREFUSED, ECONNRESET, ECONNABORTED and ETIMEDOUT to ERROR_NOTCONN;
     * every other code to ERROR_INVAL.
     * @return ERROR_NOTERROR if no error is recorded (none yet, or the last read
     *        succeeded), else the mapped code
     */
    SocketErrno GetErrno() const override;
    /**
     * @brief The ns-3 socket type of this TIPC socket.
     * @return NS3_SOCK_STREAM (STREAM), NS3_SOCK_SEQPACKET (SEQPACKET) or
     *        NS3_SOCK_DGRAM (RDM and DGRAM)
     */
    SocketType GetSocketType() const override;
    /**
     * @brief The node whose TIPC stack holds this socket.
     * @return the node, or null before Init()
     */
    Ptr<Node> GetNode() const override;
    /**
     * @brief Bind to an ephemeral port: nothing to do, a TIPC socket has its port id
     *        (socket address) from Init() on.
     * @return 0
     */
    int Bind() override;
    /**
     * @brief IPv6 bind: not applicable to TIPC.
     * @return -1 (EAFNOSUPPORT)
     */
    int Bind6() override;
    /**
     * @brief Bind a service or service range to the socket (Linux tipc_sk_bind:
     *        publication in the name table, distributed in the cluster unless node
     *        scope); a negative scope withdraws the binding, as Unbind() does.
     *
     * The scope is TIPC_NODE_SCOPE or else cluster scope.  A socket may hold several
     * bindings; an established connection socket cannot bind.
     * @param address a service or service-range TipcAddress with its scope
     * @return 0 or -1 (EAFNOSUPPORT for a socket address or a non-TIPC address,
     *        EINVAL for another kind, lower > upper, an established socket, a
     *        refused publication or withdrawing a binding the socket does not
     *        hold, EACCES for a reserved type below
     *        TIPC_RESERVED_TYPES, EADDRINUSE if the binding keys are exhausted)
     */
    int Bind(const Address& address) override;
    /**
     * @brief Release the socket (Linux tipc_release).
     *
     * Queued connectionless messages and pending SYNs are rejected with
     * TIPC_ERR_NO_PORT; a connecting or connected socket goes to DISCONNECTING and
     * sends the peer its first unread message back, or an empty TIPC_ERR_NO_PORT
     * message (the peer sees an abort).  All bindings are withdrawn, the timers
     * stop and the port is unregistered: later messages for it are rejected with
     * TIPC_ERR_NO_PORT.  Closing twice does nothing.
     *
     * As in Linux (__tipc_shutdown), a connection whose link or connection window is
     * congested first waits, up to 8 s (CONN_TIMEOUT_DEFAULT) and even for a
     * non-blocking socket, until the congestion clears or the connection ends; the
     * application gets no more callbacks from the moment it closes.
     * @return 0
     */
    int Close() override;
    /**
     * @brief Close() without the congestion wait: the socket of a process that exits
     *        with its namespace (LinuxHost::DeleteNamespace).
     */
    void CloseNow();
    /**
     * @brief Half-close for sending: not supported, Linux TIPC accepts only
     *        SHUT_RDWR (use Shutdown()).
     * @return -1 (EINVAL)
     */
    int ShutdownSend() override;
    /**
     * @brief Half-close for receiving: not supported, Linux TIPC accepts only
     *        SHUT_RDWR (use Shutdown()).
     * @return -1 (EINVAL)
     */
    int ShutdownRecv() override;
    /**
     * @brief Connect (Linux tipc_connect on a non-blocking socket).
     *
     * RDM/DGRAM: only sets the default destination of Send() (a service range
     * makes Send() multicast) and calls the connection-succeeded callback.
     * STREAM/SEQPACKET: in state OPEN sends a SYN without data to the service or
     * socket, enters CONNECTING, starts the ConnTimeout timer and returns 0 (Linux:
     * EINPROGRESS); the ACK calls the connection-succeeded callback, a rejection
     * (ECONNREFUSED) or the timeout (ETIMEDOUT, the socket keeps waiting for a late
     * ACK) the connection-failed callback.  A SYN rejected with TIPC_ERR_OVERLOAD
     * is retried after ConnRetryDelay.
     * @param address a service, socket or (connectionless sockets only) service-range
     *        TipcAddress
     * @return 0 or -1 (EINVAL for a non-TIPC address, a bad range, a range on a
     *        connection socket, or a listening or disconnected socket; EALREADY
     *        while connecting; EISCONN when connected; the SYN's send errors, e.g.
     *        EHOSTUNREACH when no socket binds the service, EOPNOTSUPP if the
     *        socket has bindings, EAGAIN on link congestion)
     */
    int Connect(const Address& address) override;
    /**
     * @brief Make a STREAM/SEQPACKET socket listen (Linux tipc_listen).  There is no
     *        backlog: each valid SYN is accepted at once, and the new socket comes
     *        through the connection-request and new-connection callbacks.
     * @return 0 or -1 (EOPNOTSUPP for RDM/DGRAM, EINVAL unless the state is OPEN)
     */
    int Listen() override;
    /**
     * @brief Room for the next send.
     * @return 0 while a destination link is congested, or for a STREAM/SEQPACKET
     *        socket that is not established or whose connection send window is full
     *        (snt_unacked > snd_win); else TIPC_MAX_USER_MSG_SIZE (66000)
     */
    uint32_t GetTxAvailable() const override;
    /**
     * @brief Send to the connected peer or the default destination.
     *
     * STREAM/SEQPACKET: __tipc_sendstream on the connection (messages of at most
     * 66000 bytes, Nagle accumulation on streams, block flow control).  RDM/DGRAM:
     * __tipc_sendmsg to the destination set by Connect().  With TimestampMessages
     * on, the data carries a TipcTimestampTag.
     * @param p the data
     * @param flags unused
     * @return bytes sent (a stream send stopped by congestion after some chunks
     *        returns the bytes sent so far) or -1 (EAGAIN on link or connection
     *        congestion, ENOTCONN if not connected, EPIPE after a disconnect, a
     *        pending asynchronous error such as ECONNREFUSED or ECONNABORTED,
     *        EDESTADDRREQ without a default destination, EMSGSIZE above 66000
     *        bytes on non-stream sockets, EHOSTUNREACH, ENOBUFS)
     */
    int Send(Ptr<Packet> p, uint32_t flags) override;
    /**
     * @brief Send to an address.
     *
     * RDM/DGRAM: __tipc_sendmsg, anycast to a service (name table lookup), to a
     * socket address, or multicast to a service range (tipc_sendmcast).
     * STREAM/SEQPACKET in state OPEN: implied connect, the SYN carries the data;
     * otherwise the address is ignored and the data goes on the connection, as for
     * Send().  With TimestampMessages on, the data carries a TipcTimestampTag.
     * @param p the data
     * @param flags unused
     * @param toAddress destination TipcAddress
     * @return bytes sent or -1 (EINVAL for a non-TIPC address or lower > upper;
     *        EHOSTUNREACH if nothing binds the service or range, or no link to the
     *        node; EAGAIN on congestion; EMSGSIZE above 66000 bytes; EOPNOTSUPP
     *        for an implied connect from a socket with bindings; as Send()
     *        otherwise)
     */
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    /**
     * @brief Data bytes waiting to be read.
     * @return unread data bytes of the queued messages (messages returned with an
     *        error code are not counted)
     */
    uint32_t GetRxAvailable() const override;
    /**
     * @brief Read queued data, as RecvFrom() without the sender's address.
     * @param maxSize largest number of bytes to return
     * @param flags TIPC_MSG_PEEK, TIPC_MSG_EOR (see RecvFrom())
     * @return the data, or null when nothing can be read (GetErrno() tells why:
     *        ERROR_AGAIN when the queue is empty)
     */
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    /**
     * @brief Read queued data (Linux tipc_recvstream for STREAM, tipc_recvmsg
     *        otherwise).
     *
     * RDM/DGRAM/SEQPACKET return one message per call; STREAM concatenates the
     * data of successive messages up to @p maxSize.  The data carries a
     * TipcAncillaryTag with the error code of a returned (rejected) message and
     * the destination service name where known.  Consumed connection messages
     * are acknowledged (CONN_ACK) when due.
     * @param maxSize largest number of bytes to return (0: EINVAL); the rest of a
     *        longer message is dropped, except on streams or with TIPC_MSG_EOR
     * @param flags TIPC_MSG_PEEK (leave the data queued), TIPC_MSG_EOR (keep the
     *        rest of a partly read message for the next call)
     * @param[out] fromAddress socket address of the sending port
     * @return the data (on a stream, an empty packet is end of file), or null with
     *        the errno set: EAGAIN if nothing is queued, ENOTCONN after shutdown
     *        or close or on a STREAM/SEQPACKET socket in state OPEN, EINVAL for
     *        @p maxSize 0, a pending asynchronous error (e.g. ECONNREFUSED,
     *        ECONNABORTED), or ECONNRESET for a returned message when
     *        AncillaryData is false
     */
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    /**
     * @brief The socket's own address.
     * @param[out] address socket TipcAddress (port id, own node)
     * @return 0
     */
    int GetSockName(Address& address) const override;
    /**
     * @brief The connected peer's address.
     * @param[out] address socket TipcAddress of the peer port
     * @return 0, or -1 (ENOTCONN) unless the socket is established or disconnecting
     */
    int GetPeerName(Address& address) const override;
    /**
     * @brief TIPC has no broadcast addresses (multicast goes to service ranges).
     * @param allowBroadcast requested setting
     * @return true only if @p allowBroadcast is false
     */
    bool SetAllowBroadcast(bool allowBroadcast) override;
    /**
     * @brief Broadcast addresses are never allowed.
     * @return false
     */
    bool GetAllowBroadcast() const override;

    // ---------------------------------------------------------------- TIPC API
    /** @return the TIPC socket type */
    TipcSocketType GetTipcType() const;
    /** @return the Linux errno of the last failed call */
    TipcErrno GetTipcErrno() const;
    /** @return the port id (socket reference) */
    uint32_t GetPortId() const;
    /**
     * @brief Withdraw a binding (Linux bind() with negative scope): the newest
     *        binding of that range and scope.
     * @param address a service or service-range TipcAddress (scope as bound)
     * @return 0 or -1
     */
    int Unbind(const Address& address);
    /**
     * @brief Withdraw all bindings (Linux bind() with address length 0).
     * @return 0
     */
    int UnbindAll();
    /**
     * @brief The socket's namespace was deleted: timers stop, queues are
     *        dropped, nothing is sent; later calls fail.
     */
    void Abort();
    /**
     * @brief Kernel-internal bind (tipc_sk_bind from kernel users such as the
     *        topology server): reserved types below TIPC_RESERVED_TYPES allowed.
     * @param range the service range
     * @param scope TIPC_NODE_SCOPE or TIPC_CLUSTER_SCOPE
     * @return 0 or -1
     */
    int BindInternal(const TipcServiceRange& range, uint32_t scope);
    /**
     * @brief shutdown(SHUT_RDWR), the only shutdown Linux TIPC supports. A congested
     *        connection first waits as in Close(); sends fail with EPIPE meanwhile.
     * @return 0 or -1 (ENOTCONN if the socket was not connected)
     */
    int Shutdown();

    /**
     * @brief Set a SOL_TIPC socket option (Linux tipc_setsockopt).
     * @param option TIPC_IMPORTANCE, TIPC_SRC_DROPPABLE, TIPC_DEST_DROPPABLE,
     *        TIPC_CONN_TIMEOUT, TIPC_MCAST_BROADCAST, TIPC_MCAST_REPLICAST or TIPC_NODELAY
     * @param value option value
     * @return 0 or -1 (EINVAL, ENOPROTOOPT as EOPNOTSUPP)
     */
    int SetSockOpt(uint32_t option, uint32_t value);
    /**
     * @brief Read a SOL_TIPC socket option (Linux tipc_getsockopt).
     * @param option option number (also TIPC_SOCK_RECVQ_DEPTH, TIPC_SOCK_RECVQ_USED)
     * @param[out] value the value
     * @return 0 or -1
     */
    int GetSockOpt(uint32_t option, uint32_t& value) const;

    /** @return connection state: "OPEN", "LISTEN", "CONNECTING", "ESTABLISHED", "DISCONNECTING" */
    std::string GetStateName() const;
    /** @return true if the connection is established */
    bool IsConnected() const;
    /** @return flow-control blocks sent and not yet acknowledged (snt_unacked) */
    uint32_t GetSntUnacked() const;
    /** @return the send window in blocks (snd_win) */
    uint32_t GetSndWindow() const;
    /** @return bytes of buffer memory the receive queue holds (Linux sk_rmem_alloc) */
    uint32_t GetRcvQueueMemory() const;

    /**
     * @brief A message for this socket (Linux tipc_sk_rcv/tipc_sk_enqueue).
     * @param msg the message
     * @param fromNode the node it came from (unused: the header says)
     */
    void Receive(Ptr<TipcMsg> msg, uint32_t fromNode);

    /// TracedCallback signature for messages: (header, payload).
    typedef void (*MsgTracedCallback)(const TipcHeader& header, Ptr<const Packet> payload);
    /// TracedCallback signature for rejections: (rejected message header, error code).
    typedef void (*RejectTracedCallback)(const TipcHeader& header, uint32_t error);
    /// TracedCallback signature for state changes: (old, new) names.
    typedef void (*StateTracedCallback)(const std::string& oldState, const std::string& newState);

  protected:
    /**
     * @brief Stop the timers, unregister the port (unless closed) and drop the
     *        queues.
     */
    void DoDispose() override;

  private:
    /// Connection states (Linux values in comments).
    enum State
    {
        OPEN,          //!< TIPC_OPEN (TCP_CLOSE)
        LISTEN,        //!< TIPC_LISTEN
        CONNECTING,    //!< TIPC_CONNECTING (SYN_SENT)
        ESTABLISHED,   //!< TIPC_ESTABLISHED
        DISCONNECTING, //!< TIPC_DISCONNECTING (CLOSE_WAIT)
    };

    /// One own binding.
    struct Binding
    {
        uint32_t type;  //!< service type
        uint32_t lower; //!< lower
        uint32_t upper; //!< upper
        uint32_t scope; //!< scope
        uint32_t key;   //!< key
    };

    /// A queued received message.
    struct RcvEntry
    {
        Ptr<TipcMsg> msg;   //!< the message
        uint32_t truesize;  //!< buffer memory charged
        uint32_t bytesRead; //!< already read (partial reads)
    };

    /**
     * @brief Whether the socket is connection-oriented.
     * @return true for STREAM and SEQPACKET
     */
    bool IsConnectionType() const;
    /**
     * @brief With TimestampMessages on, a copy of @p p carrying a
     *        TipcTimestampTag with the current time; otherwise @p p.
     * @param p user data
     * @return the data to send
     */
    Ptr<Packet> Stamp(Ptr<Packet> p) const;
    /**
     * @brief Record an error for the caller.
     * @param e error
     * @return -1
     */
    int Fail(TipcErrno e);
    /**
     * @brief Change state (tipc_set_sk_state guard).
     * @param s new state
     * @return true if allowed
     */
    bool SetState(State s);
    /**
     * @brief Printable name of a connection state.
     * @param s the state
     * @return "OPEN", "LISTEN", "CONNECTING", "ESTABLISHED" or "DISCONNECTING"
     */
    static const char* StateName(State s);

    /** @brief Enter an API call (messages for this socket are backlogged). */
    void Enter();
    /**
     * @brief Leave an API call: process the backlog, still owned (Linux __release_sock),
     *        so that messages arriving meanwhile queue behind it.
     */
    void Leave();
    /**
     * @brief tipc_sk_filter_rcv, then send its responses (tipc_sk_backlog_rcv); a
     *        listener accepts what it queued.
     * @param msg the message
     */
    void FilterAndXmit(Ptr<TipcMsg> msg);
    /**
     * @brief Return a message that reached a closed socket with TIPC_ERR_NO_PORT.
     * @param msg the message
     */
    void RejectClosed(Ptr<TipcMsg> msg);
    /**
     * @brief Send messages produced while handling input (rejections, probe
     *        replies, nagle acks), each to its destination node.
     * @param xmitq the messages
     */
    void DistrXmit(std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief tipc_node_xmit with this socket's selector.
     * @param list packets of one message
     * @param dnode destination node
     * @return the stack's result
     */
    TipcXmitResult NodeXmit(std::deque<Ptr<TipcMsg>>& list, uint32_t dnode);

    /**
     * @brief Check a bind address and publish or withdraw it (tipc_sk_bind).
     * @param a the service or service range; the sign of its scope is ignored,
     *        TIPC_NODE_SCOPE selects node scope, anything else cluster scope
     * @param unbind withdraw instead of publish
     * @return 0 or -1 (EAFNOSUPPORT for a socket address; EINVAL for another kind
     *        or lower > upper; EACCES for a reserved type; Publish()/Withdraw()
     *        errors)
     */
    int DoBind(const TipcAddress& a, bool unbind);
    /**
     * @brief Add a binding to the name table (tipc_sk_publish), with a new key,
     *        and record it as the newest.
     * @param r the service range
     * @param scope TIPC_NODE_SCOPE or TIPC_CLUSTER_SCOPE
     * @return 0 or -1 (EINVAL when established or if the name table refuses it,
     *        EADDRINUSE if the key would equal the port id)
     */
    int Publish(const TipcServiceRange& r, uint32_t scope);
    /**
     * @brief Remove bindings (tipc_sk_withdraw).
     * @param r the range to withdraw (null: all bindings); the newest binding of
     *        that scope, type and lower bound is withdrawn if its upper bound matches
     * @param scope scope of the binding
     * @return 0, or -1 (EINVAL) if the socket has bindings but not this one
     */
    int Withdraw(const TipcServiceRange* r, uint32_t scope);
    /**
     * @brief __tipc_sendmsg: connectionless send, or the SYN of a connection.
     * @param data payload
     * @param dest destination (null: the connected peer)
     * @return bytes sent or -1
     */
    int SendMsg(Ptr<Packet> data, const TipcAddress* dest);
    /**
     * @brief tipc_sendmcast.
     * @param data payload
     * @param r destination range
     * @return bytes sent or -1
     */
    int SendMcast(Ptr<Packet> data, const TipcServiceRange& r);
    /**
     * @brief Send a message chain by broadcast or replicast (tipc_rcast_xmit /
     *        tipc_bcast_xmit).
     * @param chain the packets
     * @param nodes remote destination nodes
     * @param rcast replicast (else the broadcast link)
     * @return congested links met: 1 for a congested broadcast link, else one per
     *         congested unicast link
     */
    uint16_t McastXmitChain(std::deque<Ptr<TipcMsg>>& chain,
                            const std::vector<uint32_t>& nodes,
                            bool rcast);
    /**
     * @brief Receive-side ordering across a multicast method switch
     *        (tipc_mcast_filter_msg): hold messages of the new path until the SYN
     *        twin from the old path arrives.
     * @param msg an arriving multicast message
     * @return the messages to process now, in order
     */
    std::vector<Ptr<TipcMsg>> McastFilter(Ptr<TipcMsg> msg);
    /**
     * @brief The body of FilterRcv for one message.
     * @param msg the message
     * @param xmitq output queue for rejections
     */
    void FilterRcvOne(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief __tipc_sendstream (also SEQPACKET): chunking, Nagle, flow control.
     * @param data payload
     * @param dest implied-connect destination or null
     * @return bytes sent or -1
     */
    int SendStream(Ptr<Packet> data, const TipcAddress* dest);
    /**
     * @brief The wait conditions of __tipc_sendstream / __tipc_sendmsg as a
     *        non-blocking check (tipc_wait_for_cond error rules).
     * @param congested the condition that would make the call wait
     * @return 0 if the call may proceed, else a TipcErrno
     */
    TipcErrno CheckSendCond(bool congested);

    /**
     * @brief Handle a message for the socket (tipc_sk_filter_rcv): protocol messages
     *        (CONN_MANAGER, SOCK_WAKEUP) go to ProtoRcv(); multicast messages of a
     *        connectionless socket pass McastFilter() first; each message is then
     *        checked, queued or rejected by FilterRcvOne().
     * @param msg the message
     * @param xmitq output queue (rejections, probe replies, Nagle acks)
     */
    void FilterRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief Connection-state check of a message for a STREAM/SEQPACKET socket
     *        (tipc_sk_filter_connect), with its state changes.
     *
     * CONNECTING: the peer's ACK completes the connection (FinishConn()); an
     * error from the peer (a rejected SYN) aborts with ECONNREFUSED, except
     * TIPC_ERR_OVERLOAD, which schedules a SYN retry.  LISTEN: accepts error-free
     * SYNs (any error-free non-connection message from a peer without TIPC_SYN_BIT).
     * ESTABLISHED: accepts the peer's messages (answering ack_required with a Nagle
     * ack) and goes to DISCONNECTING on a peer message with an error code.
     * Multicast messages and messages in OPEN or DISCONNECTING are refused.
     * Every non-multicast arrival restarts the Nagle one-way count.
     * @param msg the message (an empty ACK is marked dest-droppable)
     * @param xmitq output queue for Nagle acks
     * @return true to queue the message, false to reject it with
     *        TIPC_ERR_NO_PORT (dropped if dest-droppable or already returned)
     */
    bool FilterConnect(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief A protocol message (tipc_sk_proto_rcv): CONN_MANAGER goes to
     *        ConnProtoRcv(); SOCK_WAKEUP ends the congestion of the origin node's
     *        link, sends Nagle-held data and calls the send callback.
     * @param msg the message
     * @param xmitq output queue for replies
     */
    void ProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief A CONN_MANAGER message (tipc_sk_conn_proto_rcv), used only on an
     *        established connection and from the peer.
     *
     * A returned probe or ack (error code set) disconnects (error-close callback).
     * Otherwise the probe supervision is satisfied; CONN_PROBE is answered with
     * CONN_PROBE_REPLY; CONN_ACK releases acknowledged blocks, takes the peer's
     * advertised window, sends Nagle-held data and calls the send callback when the
     * connection congestion ends.
     * @param msg the message
     * @param xmitq output queue for the probe reply
     */
    void ConnProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief Receive-queue memory limit for a message (rcvbuf_limit).
     * @param h header of the arriving message
     * @return RcvBufSize << importance for connectionless messages; for connection
     *        messages RcvBufSize with block flow control, else the legacy limit
     *        (2 x 512 + 1) x truesize of a maximal message
     */
    uint32_t RcvbufLimit(const TipcHeader& h) const;
    /**
     * @brief Reverse a message with an error and queue it for its origin.
     * @param msg the message
     * @param err TIPC error code
     * @param xmitq output queue
     */
    void Reject(Ptr<TipcMsg> msg, uint32_t err, std::deque<Ptr<TipcMsg>>& xmitq);
    /**
     * @brief A listening socket got a SYN: tipc_accept at once.
     * @param syn the SYN message
     */
    void Accept(Ptr<TipcMsg> syn);
    /**
     * @brief Enter ESTABLISHED (tipc_sk_finish_conn): header template for
     *        connection messages to the peer, probe timer, connection registered
     *        with the node (node-down aborts), packet size, Nagle limit and flow
     *        control from the peer's capabilities; the SYN clone and the connect
     *        timer are dropped.
     * @param peerPort peer port id
     * @param peerNode peer node address
     */
    void FinishConn(uint32_t peerPort, uint32_t peerNode);
    /**
     * @brief Socket timer (tipc_sk_timeout).  ESTABLISHED: abort with ECONNABORTED
     *        if the last CONN_PROBE is unanswered, else send a new probe and rearm.
     *        CONNECTING: retransmit the SYN clone (postponed by ConnRetryDelay while
     *        the link is congested).
     */
    void Timeout();
    /**
     * @brief ConnTimeout expired while CONNECTING: errno ETIMEDOUT and the
     *        connection-failed callback; the socket keeps CONNECTING, so a late ACK
     *        still establishes the connection.
     */
    void ConnectTimeout();
    /**
     * @brief Send the data Nagle holds in the write queue (tipc_sk_push_backlog),
     *        unless the queue is empty, a link is congested or it holds the SYN clone.
     * @param nagleAck an ack answering ack_required arrived: adapt the Nagle start
     *        (doubled up to TIPC_MAX_NAGLE if accumulation gained little, else reset
     *        and ack_required set on the tail buffer)
     */
    void PushBacklog(bool nagleAck);
    /**
     * @brief Build a CONN_ACK (tipc_sk_build_ack) for the consumed blocks
     *        (rcv_unacked, then reset) with the advertised window (block flow control).
     * @return the message, or null unless ESTABLISHED
     */
    Ptr<TipcMsg> BuildAck();
    /**
     * @brief Send a CONN_ACK to the peer (tipc_sk_send_ack); nothing unless
     *        ESTABLISHED.
     */
    void SendAck();
    /**
     * @brief Account a consumed message and acknowledge if due.
     * @param h its header
     * @param dlen its data length
     */
    void ConsumedBlocks(const TipcHeader& h, uint32_t dlen);
    /**
     * @brief Common part of Shutdown() and Close() (__tipc_shutdown).
     *
     * Sends Nagle-held data and drops the write queue and a partly read message.
     * Connectionless or listening sockets reject their queued messages with
     * @p err.  A connecting or established socket goes to DISCONNECTING and returns
     * the first unread message with @p err (the rest is dropped) or, with an empty
     * queue, sends the peer an empty connection message with @p err.  Other
     * sockets drop their queue.
     * @param err TIPC_CONN_SHUTDOWN (shutdown) or TIPC_ERR_NO_PORT (close)
     */
    void DoShutdown(uint32_t err);
    /** @return true while snt_unacked exceeds the send window */
    bool ConnCongested() const;
    /** @return true while a Close() or Shutdown() waits before its FIN */
    bool WaitingToShutdown() const;
    /**
     * @return true while __tipc_shutdown must wait: a connected or connectionless
     *         socket without a pending error, with a congested link or connection window
     */
    bool ShutdownMustWait() const;
    /**
     * @brief Start __tipc_shutdown's wait (at most CONN_TIMEOUT_DEFAULT) if it must.
     * @return true if Close/Shutdown waits (ResumeShutdown completes it)
     */
    bool StartShutdownWait();
    /** @brief End a pending Close/Shutdown's wait once its condition holds. */
    void CheckShutdownWait();
    /** @brief The wait is over: complete the pending Shutdown, then Close. */
    void ResumeShutdown();
    /** @brief Close() once no wait is needed (tipc_release). */
    void FinishClose();
    /** @return Shutdown()'s result once no wait is needed */
    int FinishShutdown();
    /**
     * @brief Flow-control blocks of a message (tsk_inc).
     * @param msglen header plus data bytes
     * @return blocks
     */
    uint32_t Blocks(uint32_t msglen) const;
    /**
     * @brief Call the send callback with GetTxAvailable() (tipc_write_space).
     */
    void NotifyWriteSpace();
    /**
     * @brief The message at the head of the receive queue as a packet for the
     *        application, with its ancillary data.
     * @param e queue entry
     * @param offset first byte to copy
     * @param len bytes to copy
     * @return the packet
     */
    Ptr<Packet> MakeRecvPacket(const RcvEntry& e, uint32_t offset, uint32_t len) const;
    /**
     * @brief tipc_recvmsg (RDM, DGRAM, SEQPACKET): one message per call; empty
     *        messages are dropped unread.
     * @param maxSize largest number of bytes to return
     * @param flags TIPC_MSG_PEEK, TIPC_MSG_EOR
     * @param[out] from socket address of the sender
     * @return the data with its TipcAncillaryTag, or null (EINVAL for maxSize 0,
     *        ENOTCONN on a SEQPACKET socket in state OPEN or after shutdown, a
     *        pending asynchronous error, EAGAIN, ECONNRESET for a returned message
     *        on SEQPACKET without AncillaryData)
     */
    Ptr<Packet> RecvMsg(uint32_t maxSize, uint32_t flags, Address& from);
    /**
     * @brief tipc_recvstream (STREAM): data of successive messages up to @p maxSize;
     *        a returned message ends the read.
     * @param maxSize largest number of bytes to return
     * @param flags TIPC_MSG_PEEK (read the first message only, leave it queued)
     * @param[out] from socket address of the sender of the first message
     * @return the data with the first message's TipcAncillaryTag, an empty packet
     *        at end of file (shutdown or returned message), or null (EINVAL for
     *        maxSize 0, ENOTCONN if OPEN or after shutdown, a pending asynchronous
     *        error, EAGAIN, ECONNRESET for a returned message without
     *        AncillaryData)
     */
    Ptr<Packet> RecvStream(uint32_t maxSize, uint32_t flags, Address& from);
    /**
     * @brief RcvBufSize attribute setter (fatal error outside 2304 .. 2^30).
     * @param bytes sk_rcvbuf in bytes
     */
    void SetRcvBuf(uint32_t bytes);
    /**
     * @brief Importance attribute setter (fatal error outside 0 .. 3).
     * @param imp TIPC_LOW_IMPORTANCE .. TIPC_CRITICAL_IMPORTANCE
     */
    void SetImportanceAttr(uint32_t imp);
    /**
     * @brief ConnTimeout attribute setter (fatal error outside 0 .. 65.535 s; kept
     *        in 16-bit milliseconds).
     * @param t connect timeout
     */
    void SetConnTimeoutAttr(Time t);
    /**
     * @brief ProbeInterval attribute setter (fatal error outside 1 ms .. 100000 s).
     * @param t connection probe interval
     */
    void SetProbeIntervalAttr(Time t);
    /**
     * @brief ConnRetryDelay attribute setter (fatal error outside 1 ms .. 60 s).
     * @param t SYN retry base delay
     */
    void SetConnRetryDelayAttr(Time t);

    Ptr<TipcStack> m_stack;                //!< node
    TipcSocketType m_type;                 //!< socket type
    State m_state;                         //!< connection state
    TipcErrno m_errno;                     //!< last error
    TipcErrno m_skErr;                     //!< pending asynchronous error (sk_err)
    bool m_rcvShutdown;                    //!< local shutdown/close happened
    uint32_t m_portId;                     //!< port id
    TipcHeader m_phdr;                     //!< header template (persists between sends)
    uint32_t m_maxPkt;                     //!< connection packet size limit
    uint32_t m_maxNagle;                   //!< largest Nagle-held buffer (0: no Nagle)
    uint16_t m_connTimeout;                //!< ms (u16 as in Linux)
    bool m_probeUnacked;                   //!< a connection probe is outstanding
    std::set<uint32_t> m_congLinks;        //!< congested destination nodes
    uint16_t m_congLinkCnt;                //!< congested links
    TracedValue<uint32_t> m_sntUnacked;    //!< blocks sent, not acked
    TracedValue<uint32_t> m_sndWin;        //!< send window (blocks)
    uint16_t m_rcvUnacked;                 //!< blocks consumed, not acked
    uint16_t m_rcvWin;                     //!< receive window (blocks)
    uint16_t m_peerCaps;                   //!< peer capabilities
    TipcAddress m_peer;                    //!< RDM/DGRAM default destination
    bool m_hasPeer;                        //!< m_peer set
    bool m_connToService;                  //!< conn_addrtype == TIPC_SERVICE_ADDR
    uint32_t m_oneway;                     //!< sends since the last arrival (Nagle)
    uint32_t m_nagleStart;                 //!< sends before Nagle may hold
    uint32_t m_sndBacklog;                 //!< blocks held by Nagle
    uint32_t m_msgAcc;                     //!< writes accumulated (Nagle)
    uint32_t m_pktCnt;                     //!< packets sent while accumulating (Nagle)
    bool m_expectAck;                      //!< an ack_required message is outstanding
    bool m_nodelay;                        //!< TIPC_NODELAY
    uint32_t m_pubCount;                   //!< bindings made (key source)
    std::list<Binding> m_publications;     //!< own bindings, newest first
    std::deque<Ptr<TipcMsg>> m_writeQueue; //!< SYN clone or Nagle-held buffers
    std::deque<RcvEntry> m_rcvQueue;       //!< received messages
    uint32_t m_rmemAlloc;                  //!< buffer memory of the receive queue
    uint32_t m_rcvBuf;                     //!< sk_rcvbuf
    bool m_ancillary;                      //!< the application passes a control buffer
    TipcMcastMethod m_mcMethod;            //!< multicast method state
    std::deque<Ptr<TipcMsg>> m_mcDeferq;   //!< multicast messages held across a method switch
    uint32_t m_inCall;                     //!< API call depth (socket "owned by user")
    std::deque<Ptr<TipcMsg>> m_backlog;    //!< arrived during a call
    EventId m_timer;                       //!< probe / SYN retry timer
    EventId m_connectTimer;                //!< connect() timeout
    EventId m_shutdownWait;                //!< end of __tipc_shutdown's congestion wait
    bool m_closePending{false};            //!< Close() waits for congestion to clear
    bool m_shutdownPending{false};         //!< Shutdown() waits for congestion to clear
    bool m_closed;                         //!< released
    Time m_probeInterval;                  //!< connection probe interval (attribute)
    Time m_connRetryDelay;                 //!< SYN retry base delay (attribute)
    bool m_stampMessages{false};           //!< TimestampMessages attribute

    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_txTrace;      //!< messages sent
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_rxTrace;      //!< messages queued
    TracedCallback<const TipcHeader&, uint32_t> m_rejectTrace;           //!< rejections made here
    TracedCallback<const std::string&, const std::string&> m_stateTrace; //!< state changes
};

} // namespace ns3

#endif // TIPC_SOCKET_H
