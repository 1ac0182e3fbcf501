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
 * no control buffer: a connection socket then gets ECONNRESET for a returned
 * message, as on Linux.
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
    SocketErrno GetErrno() const override;
    SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind() override;
    int Bind6() override;
    int Bind(const Address& address) override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
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
     * @brief shutdown(SHUT_RDWR), the only shutdown Linux TIPC supports.
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
    /**
     * @brief Buffer memory Linux charges for a message of @p size bytes
     *        built as one buffer (skb truesize, Debian 6.1 amd64).
     * @param size header plus data bytes
     * @return truesize in bytes
     */
    static uint32_t Truesize(uint32_t size);

    /// TracedCallback signature for messages: (header, payload).
    typedef void (*MsgTracedCallback)(const TipcHeader& header, Ptr<const Packet> payload);
    /// TracedCallback signature for rejections: (rejected message header, error code).
    typedef void (*RejectTracedCallback)(const TipcHeader& header, uint32_t error);
    /// TracedCallback signature for state changes: (old, new) names.
    typedef void (*StateTracedCallback)(const std::string& oldState, const std::string& newState);

  protected:
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

    bool IsConnectionType() const;
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
    static const char* StateName(State s);

    /** @brief Enter an API call (messages for this socket are backlogged). */
    void Enter();
    /** @brief Leave an API call: process the backlog. */
    void Leave();
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

    int DoBind(const TipcAddress& a, bool unbind);
    int Publish(const TipcServiceRange& r, uint32_t scope);
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
     * @brief Send one message to the multicast destinations by broadcast or replicast.
     * @param msg the message
     * @param nodes remote destination nodes
     * @param rcast replicast (else the broadcast link)
     */
    void McastXmit(Ptr<TipcMsg> msg, const std::vector<uint32_t>& nodes, bool rcast);
    /**
     * @brief Send a message chain by broadcast or replicast (tipc_rcast_xmit /
     *        tipc_bcast_xmit).
     * @param chain the packets
     * @param nodes remote destination nodes
     * @param rcast replicast (else the broadcast link)
     */
    void McastXmitChain(std::deque<Ptr<TipcMsg>>& chain,
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

    void FilterRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    bool FilterConnect(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    void ProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
    void ConnProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq);
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
    void FinishConn(uint32_t peerPort, uint32_t peerNode);
    void Timeout();
    void ConnectTimeout();
    void PushBacklog(bool nagleAck);
    Ptr<TipcMsg> BuildAck();
    void SendAck();
    /**
     * @brief Account a consumed message and acknowledge if due.
     * @param h its header
     * @param dlen its data length
     */
    void ConsumedBlocks(const TipcHeader& h, uint32_t dlen);
    void DoShutdown(uint32_t err);
    /** @return true while snt_unacked exceeds the send window */
    bool ConnCongested() const;
    /**
     * @brief Flow-control blocks of a message (tsk_inc).
     * @param msglen header plus data bytes
     * @return blocks
     */
    uint32_t Blocks(uint32_t msglen) const;
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
    Ptr<Packet> RecvMsg(uint32_t maxSize, uint32_t flags, Address& from);
    Ptr<Packet> RecvStream(uint32_t maxSize, uint32_t flags, Address& from);
    void SetRcvBuf(uint32_t bytes);
    void SetImportanceAttr(uint32_t imp);
    void SetConnTimeoutAttr(Time t);
    void SetProbeIntervalAttr(Time t);
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
    bool m_closed;                         //!< released
    Time m_probeInterval;                  //!< connection probe interval (attribute)
    Time m_connRetryDelay;                 //!< SYN retry base delay (attribute)

    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_txTrace;      //!< messages sent
    TracedCallback<const TipcHeader&, Ptr<const Packet>> m_rxTrace;      //!< messages queued
    TracedCallback<const TipcHeader&, uint32_t> m_rejectTrace;           //!< rejections made here
    TracedCallback<const std::string&, const std::string&> m_stateTrace; //!< state changes
};

} // namespace ns3

#endif // TIPC_SOCKET_H
