// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-socket.h"

#include "tipc-ancillary-tag.h"
#include "tipc-attribute-check.h"
#include "tipc-stack.h"
#include "tipc-timestamp-tag.h"
#include "tipc-trace.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcSocket");

NS_OBJECT_ENSURE_REGISTERED(TipcSocket);

using namespace tipc;

namespace
{
/// Legacy connection queue limit: (2 x 512 + 1) x SKB_TRUESIZE(66060).
constexpr uint32_t FLOWCTL_MSG_LIM = (2 * FLOWCTL_MSG_WIN + 1) * (MAX_MSG_SIZE + 576);
} // namespace

std::string
TipcErrnoName(TipcErrno e)
{
    switch (e)
    {
    case TipcErrno::OK:
        return "OK";
    case TipcErrno::ENOMEM_:
        return "ENOMEM";
    case TipcErrno::EACCES_:
        return "EACCES";
    case TipcErrno::EINVAL_:
        return "EINVAL";
    case TipcErrno::EPIPE_:
        return "EPIPE";
    case TipcErrno::EAGAIN_:
        return "EAGAIN";
    case TipcErrno::EDESTADDRREQ_:
        return "EDESTADDRREQ";
    case TipcErrno::EMSGSIZE_:
        return "EMSGSIZE";
    case TipcErrno::EOPNOTSUPP_:
        return "EOPNOTSUPP";
    case TipcErrno::EAFNOSUPPORT_:
        return "EAFNOSUPPORT";
    case TipcErrno::EADDRINUSE_:
        return "EADDRINUSE";
    case TipcErrno::ECONNABORTED_:
        return "ECONNABORTED";
    case TipcErrno::ECONNRESET_:
        return "ECONNRESET";
    case TipcErrno::ENOBUFS_:
        return "ENOBUFS";
    case TipcErrno::EISCONN_:
        return "EISCONN";
    case TipcErrno::ENOTCONN_:
        return "ENOTCONN";
    case TipcErrno::ETIMEDOUT_:
        return "ETIMEDOUT";
    case TipcErrno::ECONNREFUSED_:
        return "ECONNREFUSED";
    case TipcErrno::EHOSTUNREACH_:
        return "EHOSTUNREACH";
    case TipcErrno::EALREADY_:
        return "EALREADY";
    case TipcErrno::EINPROGRESS_:
        return "EINPROGRESS";
    }
    return "E?";
}

TypeId
TipcSocket::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcSocket")
            .SetParent<Socket>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcSocket>()
            .AddAttribute("Importance",
                          "Message importance (TIPC_IMPORTANCE): 0 low (default), 1 medium, "
                          "2 high, 3 critical.",
                          UintegerValue(TIPC_LOW_IMPORTANCE),
                          MakeUintegerAccessor(&TipcSocket::SetImportanceAttr),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ConnTimeout",
                          "How long connect() waits for the peer's ACK (TIPC_CONN_TIMEOUT, "
                          "Linux 8000 ms; kept in 16 bits of milliseconds as Linux does).",
                          TimeValue(MilliSeconds(CONN_TIMEOUT_DEFAULT)),
                          MakeTimeAccessor(&TipcSocket::SetConnTimeoutAttr),
                          MakeTimeChecker())
            .AddAttribute("ProbeInterval",
                          "Connection supervision: a CONN_PROBE is sent this often, and the "
                          "connection is aborted if the previous one is unanswered "
                          "(CONN_PROBING_INTV, Linux 3600 s); 1 ms .. 100000 s.",
                          TimeValue(MilliSeconds(CONN_PROBING_INTV)),
                          MakeTimeAccessor(&TipcSocket::SetProbeIntervalAttr),
                          MakeTimeChecker())
            .AddAttribute("ConnRetryDelay",
                          "A SYN rejected with TIPC_ERR_OVERLOAD is retried after this delay "
                          "plus a random 0 .. ConnTimeout/4 (Linux 100 ms); the same delay "
                          "postpones the retry while the link is congested.  1 ms .. 60 s.",
                          TimeValue(MilliSeconds(TIPC_CONN_RETRY_BASE)),
                          MakeTimeAccessor(&TipcSocket::SetConnRetryDelayAttr),
                          MakeTimeChecker())
            .AddAttribute("TimestampMessages",
                          "Put a TipcTimestampTag (send time) on every message sent, for "
                          "one-way latency statistics (TipcStatsHelper sets it; not a Linux "
                          "feature, nothing changes on the wire).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TipcSocket::m_stampMessages),
                          MakeBooleanChecker())
            .AddAttribute("RcvBufSize",
                          "Receive buffer (sk_rcvbuf, net.tipc.tipc_rmem default 2 MiB): "
                          "connectionless messages are accepted up to RcvBufSize << importance "
                          "of queued buffer memory, connection messages up to RcvBufSize; "
                          "connections advertise RcvBufSize/4096 blocks.  2304 .. 2^30.",
                          UintegerValue(RCVBUF_DEF),
                          MakeUintegerAccessor(&TipcSocket::SetRcvBuf),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("NoDelay",
                          "TIPC_NODELAY: no Nagle accumulation on stream sockets.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TipcSocket::m_nodelay),
                          MakeBooleanChecker())
            .AddAttribute("AncillaryData",
                          "The application passes a control buffer to recvmsg(): returned "
                          "(rejected) messages are delivered with their error code "
                          "(TipcAncillaryTag).  Without it, as on Linux, no tag comes, a "
                          "returned message reads as 0 bytes and a connection socket gets "
                          "ECONNRESET for one.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TipcSocket::m_ancillary),
                          MakeBooleanChecker())
            .AddTraceSource("Tx",
                            "A message was handed to the node (header, payload).",
                            MakeTraceSourceAccessor(&TipcSocket::m_txTrace),
                            "ns3::TipcSocket::MsgTracedCallback")
            .AddTraceSource("Rx",
                            "A message was queued for the application (header, payload).",
                            MakeTraceSourceAccessor(&TipcSocket::m_rxTrace),
                            "ns3::TipcSocket::MsgTracedCallback")
            .AddTraceSource("Reject",
                            "This socket rejected a message with a TIPC error code.",
                            MakeTraceSourceAccessor(&TipcSocket::m_rejectTrace),
                            "ns3::TipcSocket::RejectTracedCallback")
            .AddTraceSource("State",
                            "Connection state change.",
                            MakeTraceSourceAccessor(&TipcSocket::m_stateTrace),
                            "ns3::TipcSocket::StateTracedCallback")
            .AddTraceSource("SntUnacked",
                            "Flow-control blocks sent and not yet acknowledged.",
                            MakeTraceSourceAccessor(&TipcSocket::m_sntUnacked),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("SndWindow",
                            "Connection send window (blocks) advertised by the peer.",
                            MakeTraceSourceAccessor(&TipcSocket::m_sndWin),
                            "ns3::TracedValueCallback::Uint32");
    return tid;
}

TipcSocket::TipcSocket()
    : m_type(TipcSocketType::RDM),
      m_state(OPEN),
      m_errno(TipcErrno::OK),
      m_skErr(TipcErrno::OK),
      m_rcvShutdown(false),
      m_portId(0),
      m_maxPkt(MAX_PKT_DEFAULT),
      m_maxNagle(0),
      m_connTimeout(CONN_TIMEOUT_DEFAULT),
      m_probeUnacked(false),
      m_congLinkCnt(0),
      m_sntUnacked(0),
      m_sndWin(RCVBUF_MIN / FLOWCTL_BLK_SZ / 4),
      m_rcvUnacked(0),
      m_rcvWin(RCVBUF_MIN / FLOWCTL_BLK_SZ / 4),
      m_peerCaps(0),
      m_hasPeer(false),
      m_connToService(false),
      m_oneway(0),
      m_nagleStart(NAGLE_START_INIT),
      m_sndBacklog(0),
      m_msgAcc(0),
      m_pktCnt(0),
      m_expectAck(false),
      m_nodelay(false),
      m_pubCount(0),
      m_rmemAlloc(0),
      m_rcvBuf(RCVBUF_DEF),
      m_ancillary(true),
      m_inCall(0),
      m_closed(false),
      m_probeInterval(MilliSeconds(CONN_PROBING_INTV)),
      m_connRetryDelay(MilliSeconds(TIPC_CONN_RETRY_BASE))
{
    m_phdr.Init(0, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, 0);
}

TipcSocket::~TipcSocket()
{
}

void
TipcSocket::DoDispose()
{
    m_timer.Cancel();
    m_connectTimer.Cancel();
    m_shutdownWait.Cancel();
    if (m_stack && !m_closed)
    {
        m_stack->UnregisterPort(m_portId);
    }
    m_stack = nullptr;
    m_writeQueue.clear();
    m_rcvQueue.clear();
    m_backlog.clear();
    Socket::DoDispose();
}

void
TipcSocket::Init(Ptr<TipcStack> stack, TipcSocketType type)
{
    m_stack = stack;
    m_type = type;
    m_portId = stack->AllocatePort();
    uint32_t imp = m_phdr.GetImportance();
    m_phdr.Init(stack->GetOwnAddress(), imp, TIPC_NAMED_MSG, NAMED_H_SIZE, 0);
    m_phdr.SetOrigPort(m_portId);
    if (type == TipcSocketType::RDM || type == TipcSocketType::DGRAM)
    {
        m_phdr.SetDestDroppable(true);
    }
    if (type == TipcSocketType::DGRAM)
    {
        m_phdr.SetSrcDroppable(true);
    }
    stack->RegisterPort(m_portId, MakeCallback(&TipcSocket::Receive, this));
    NS_LOG_INFO("socket " << m_portId << " created");
}

// ---------------------------------------------------------------- attributes

void
TipcSocket::SetRcvBuf(uint32_t bytes)
{
    CheckAttributeRange("ns3::TipcSocket", "RcvBufSize", bytes, 2304, 1U << 30);
    m_rcvBuf = bytes;
}

void
TipcSocket::SetImportanceAttr(uint32_t imp)
{
    CheckAttributeRange("ns3::TipcSocket",
                        "Importance",
                        imp,
                        TIPC_LOW_IMPORTANCE,
                        TIPC_CRITICAL_IMPORTANCE);
    m_phdr.SetImportance(imp);
}

void
TipcSocket::SetProbeIntervalAttr(Time t)
{
    CheckAttributeRange("ns3::TipcSocket", "ProbeInterval", t, MilliSeconds(1), Seconds(100000));
    m_probeInterval = t;
}

void
TipcSocket::SetConnRetryDelayAttr(Time t)
{
    CheckAttributeRange("ns3::TipcSocket", "ConnRetryDelay", t, MilliSeconds(1), Seconds(60));
    m_connRetryDelay = t;
}

void
TipcSocket::SetConnTimeoutAttr(Time t)
{
    CheckAttributeRange("ns3::TipcSocket", "ConnTimeout", t, MilliSeconds(0), Seconds(65.535));
    m_connTimeout = static_cast<uint16_t>(t.GetMilliSeconds());
}

// ---------------------------------------------------------------- helpers

bool
TipcSocket::IsConnectionType() const
{
    return m_type == TipcSocketType::STREAM || m_type == TipcSocketType::SEQPACKET;
}

int
TipcSocket::Fail(TipcErrno e)
{
    m_errno = e;
    NS_LOG_LOGIC("socket " << m_portId << ": " << TipcErrnoName(e));
    return -1;
}

const char*
TipcSocket::StateName(State s)
{
    switch (s)
    {
    case OPEN:
        return "OPEN";
    case LISTEN:
        return "LISTEN";
    case CONNECTING:
        return "CONNECTING";
    case ESTABLISHED:
        return "ESTABLISHED";
    case DISCONNECTING:
        return "DISCONNECTING";
    }
    return "?";
}

std::string
TipcSocket::GetStateName() const
{
    return StateName(m_state);
}

bool
TipcSocket::SetState(State s)
{
    bool ok = false;
    switch (s)
    {
    case OPEN:
        ok = true;
        break;
    case LISTEN:
    case CONNECTING:
        ok = m_state == OPEN;
        break;
    case ESTABLISHED:
        ok = m_state == OPEN || m_state == CONNECTING;
        break;
    case DISCONNECTING:
        ok = m_state == CONNECTING || m_state == ESTABLISHED;
        break;
    }
    if (ok && s != m_state)
    {
        m_stateTrace(StateName(m_state), StateName(s));
        NS_LOG_INFO("socket " << m_portId << " " << StateName(m_state) << " -> " << StateName(s));
        m_state = s;
        CheckShutdownWait(); // a connection that ends ends the wait (EPIPE)
    }
    return ok;
}

uint32_t
TipcSocket::Blocks(uint32_t msglen) const
{
    if (m_peerCaps & TIPC_BLOCK_FLOWCTL)
    {
        return msglen / FLOWCTL_BLK_SZ + 1;
    }
    return 1;
}

bool
TipcSocket::ConnCongested() const
{
    return m_sntUnacked > m_sndWin;
}

void
TipcSocket::Enter()
{
    ++m_inCall;
}

void
TipcSocket::Leave()
{
    if (m_inCall > 1)
    {
        --m_inCall;
        return;
    }
    // __release_sock: the socket stays owned while its backlog is processed, so
    // messages that arrive meanwhile (e.g. data a node-local peer sends on an ack
    // this processing sent) queue behind the older ones
    Ptr<TipcSocket> self(this); // callbacks may close the socket
    while (!m_backlog.empty())
    {
        Ptr<TipcMsg> m = m_backlog.front();
        m_backlog.pop_front();
        if (!m_closed)
        {
            FilterAndXmit(m);
        }
        else if (IsConnectionType())
        {
            RejectClosed(m); // tipc_sk_filter_connect refuses it in DISCONNECTING
        }
        // else tipc_release's release_sock queues it on the orphaned socket, which
        // frees it unanswered
    }
    m_inCall = 0;
}

TipcXmitResult
TipcSocket::NodeXmit(std::deque<Ptr<TipcMsg>>& list, uint32_t dnode)
{
    return m_stack->Xmit(list, dnode, m_portId);
}

void
TipcSocket::DistrXmit(std::deque<Ptr<TipcMsg>>& xmitq)
{
    while (!xmitq.empty())
    {
        Ptr<TipcMsg> m = xmitq.front();
        xmitq.pop_front();
        std::deque<Ptr<TipcMsg>> one{m};
        m_stack->Xmit(one, m->hdr.GetDestNode(), m->hdr.GetOrigPort());
    }
}

void
TipcSocket::NotifyWriteSpace()
{
    CheckShutdownWait();
    NotifySend(GetTxAvailable());
}

// ---------------------------------------------------------------- ns3::Socket basics

Socket::SocketErrno
TipcSocket::GetErrno() const
{
    switch (m_errno)
    {
    case TipcErrno::OK:
        return ERROR_NOTERROR;
    case TipcErrno::EAGAIN_:
        return ERROR_AGAIN;
    case TipcErrno::EHOSTUNREACH_:
        return ERROR_NOROUTETOHOST;
    case TipcErrno::EMSGSIZE_:
        return ERROR_MSGSIZE;
    case TipcErrno::EISCONN_:
        return ERROR_ISCONN;
    case TipcErrno::EPIPE_:
        return ERROR_SHUTDOWN;
    case TipcErrno::EOPNOTSUPP_:
        return ERROR_OPNOTSUPP;
    case TipcErrno::EAFNOSUPPORT_:
        return ERROR_AFNOSUPPORT;
    case TipcErrno::EADDRINUSE_:
        return ERROR_ADDRINUSE;
    case TipcErrno::ENOTCONN_:
    case TipcErrno::ECONNREFUSED_:
    case TipcErrno::ECONNRESET_:
    case TipcErrno::ECONNABORTED_:
    case TipcErrno::ETIMEDOUT_:
        return ERROR_NOTCONN;
    default:
        return ERROR_INVAL;
    }
}

TipcErrno
TipcSocket::GetTipcErrno() const
{
    return m_errno;
}

Socket::SocketType
TipcSocket::GetSocketType() const
{
    switch (m_type)
    {
    case TipcSocketType::STREAM:
        return NS3_SOCK_STREAM;
    case TipcSocketType::SEQPACKET:
        return NS3_SOCK_SEQPACKET;
    default:
        return NS3_SOCK_DGRAM;
    }
}

TipcSocketType
TipcSocket::GetTipcType() const
{
    return m_type;
}

Ptr<Node>
TipcSocket::GetNode() const
{
    return m_stack ? m_stack->GetNode() : nullptr;
}

uint32_t
TipcSocket::GetPortId() const
{
    return m_portId;
}

bool
TipcSocket::IsConnected() const
{
    return m_state == ESTABLISHED;
}

uint32_t
TipcSocket::GetSntUnacked() const
{
    return m_sntUnacked;
}

uint32_t
TipcSocket::GetSndWindow() const
{
    return m_sndWin;
}

uint32_t
TipcSocket::GetRcvQueueMemory() const
{
    return m_rmemAlloc;
}

int
TipcSocket::GetSockName(Address& address) const
{
    address = TipcAddress::Socket(m_portId, m_stack->GetOwnAddress());
    return 0;
}

int
TipcSocket::GetPeerName(Address& address) const
{
    if (m_state != ESTABLISHED && m_state != DISCONNECTING)
    {
        const_cast<TipcSocket*>(this)->m_errno = TipcErrno::ENOTCONN_;
        return -1;
    }
    address = TipcAddress::Socket(m_phdr.GetDestPort(), m_phdr.GetDestNode());
    return 0;
}

bool
TipcSocket::SetAllowBroadcast(bool allowBroadcast)
{
    return !allowBroadcast; // multicast goes to service ranges, not broadcast addresses
}

bool
TipcSocket::GetAllowBroadcast() const
{
    return false;
}

// ---------------------------------------------------------------- bind

int
TipcSocket::Bind()
{
    return 0; // a TIPC socket always has its port id
}

int
TipcSocket::Bind6()
{
    return Fail(TipcErrno::EAFNOSUPPORT_);
}

int
TipcSocket::Bind(const Address& address)
{
    if (!TipcAddress::IsMatchingType(address))
    {
        return Fail(TipcErrno::EAFNOSUPPORT_);
    }
    TipcAddress a = TipcAddress::ConvertFrom(address);
    return DoBind(a, a.GetScope() < 0);
}

int
TipcSocket::Unbind(const Address& address)
{
    if (!TipcAddress::IsMatchingType(address))
    {
        return Fail(TipcErrno::EAFNOSUPPORT_);
    }
    return DoBind(TipcAddress::ConvertFrom(address), true);
}

int
TipcSocket::UnbindAll()
{
    return Withdraw(nullptr, 0);
}

void
TipcSocket::Abort()
{
    m_timer.Cancel();
    m_connectTimer.Cancel();
    m_shutdownWait.Cancel();
    m_closePending = false;
    m_shutdownPending = false;
    m_writeQueue.clear();
    m_rcvQueue.clear();
    m_backlog.clear();
    m_mcDeferq.clear();
    m_rmemAlloc = 0;
    m_publications.clear();
    m_closed = true;
    m_rcvShutdown = true;
    if (m_state == ESTABLISHED || m_state == CONNECTING)
    {
        SetState(DISCONNECTING);
    }
    m_skErr = TipcErrno::EPIPE_;
}

int
TipcSocket::BindInternal(const TipcServiceRange& range, uint32_t scope)
{
    return Publish(range, scope);
}

int
TipcSocket::DoBind(const TipcAddress& a, bool unbind)
{
    if (a.IsSocket())
    {
        return Fail(TipcErrno::EAFNOSUPPORT_);
    }
    if (!a.IsService() && !a.IsServiceRange())
    {
        return Fail(TipcErrno::EINVAL_);
    }
    TipcServiceRange r = a.GetServiceRange();
    if (r.lower > r.upper)
    {
        return Fail(TipcErrno::EINVAL_);
    }
    if (r.type < TIPC_RESERVED_TYPES)
    {
        return Fail(TipcErrno::EACCES_);
    }
    int scope = a.GetScope() < 0 ? -a.GetScope() : a.GetScope();
    uint32_t s = scope == TIPC_NODE_SCOPE ? TIPC_NODE_SCOPE : TIPC_CLUSTER_SCOPE;
    return unbind ? Withdraw(&r, s) : Publish(r, s);
}

int
TipcSocket::Publish(const TipcServiceRange& r, uint32_t scope)
{
    if (m_state == ESTABLISHED)
    {
        return Fail(TipcErrno::EINVAL_);
    }
    uint32_t key = m_portId + m_pubCount + 1;
    if (key == m_portId)
    {
        return Fail(TipcErrno::EADDRINUSE_);
    }
    if (!m_stack->GetNameDistributor()->Publish(r.type, r.lower, r.upper, scope, m_portId, key))
    {
        return Fail(TipcErrno::EINVAL_);
    }
    m_publications.push_front({r.type, r.lower, r.upper, scope, key});
    ++m_pubCount;
    return 0;
}

int
TipcSocket::Withdraw(const TipcServiceRange* r, uint32_t scope)
{
    Ptr<TipcNameDistributor> names = m_stack->GetNameDistributor();
    if (!r)
    {
        for (const auto& b : m_publications)
        {
            names->Withdraw(b.type, b.lower, b.upper, m_portId, b.key);
        }
        m_publications.clear();
        return 0;
    }
    bool ok = false;
    for (auto it = m_publications.begin(); it != m_publications.end(); ++it)
    {
        if (it->scope != scope || it->type != r->type || it->lower != r->lower)
        {
            continue;
        }
        if (it->upper == r->upper)
        {
            names->Withdraw(it->type, it->lower, it->upper, m_portId, it->key);
            m_publications.erase(it);
            ok = true;
        }
        break;
    }
    if (!ok && !m_publications.empty())
    {
        return Fail(TipcErrno::EINVAL_);
    }
    return 0;
}

// ---------------------------------------------------------------- options

int
TipcSocket::SetSockOpt(uint32_t option, uint32_t value)
{
    switch (option)
    {
    case TIPC_IMPORTANCE:
        if (value > TIPC_CRITICAL_IMPORTANCE)
        {
            if (value >= 0x80000000U)
            {
                return 0; // negative as int: passes the check, changes nothing
            }
            return Fail(TipcErrno::EINVAL_);
        }
        m_phdr.SetImportance(value);
        return 0;
    case TIPC_SRC_DROPPABLE:
        if (m_type == TipcSocketType::STREAM)
        {
            return Fail(TipcErrno::EOPNOTSUPP_);
        }
        m_phdr.SetSrcDroppable(value != 0);
        return 0;
    case TIPC_DEST_DROPPABLE:
        m_phdr.SetDestDroppable(value != 0);
        return 0;
    case TIPC_CONN_TIMEOUT:
        m_connTimeout = static_cast<uint16_t>(value);
        return 0;
    case TIPC_MCAST_BROADCAST:
        m_mcMethod.mandatory = true;
        m_mcMethod.rcast = false;
        return 0;
    case TIPC_MCAST_REPLICAST:
        m_mcMethod.mandatory = true;
        m_mcMethod.rcast = true;
        return 0;
    case TIPC_NODELAY:
        m_nodelay = value != 0;
        if (m_state == ESTABLISHED)
        {
            m_maxNagle = 0;
            if (m_type == TipcSocketType::STREAM && !m_nodelay && (m_peerCaps & TIPC_NAGLE))
            {
                m_maxNagle = m_maxPkt == MAX_MSG_SIZE ? MAX_PKT_DEFAULT_NODE : m_maxPkt;
            }
        }
        return 0;
    default:
        return Fail(TipcErrno::EINVAL_);
    }
}

int
TipcSocket::GetSockOpt(uint32_t option, uint32_t& value) const
{
    switch (option)
    {
    case TIPC_IMPORTANCE:
        value = m_phdr.GetImportance();
        return 0;
    case TIPC_SRC_DROPPABLE:
        value = m_phdr.IsSrcDroppable() ? 1 : 0;
        return 0;
    case TIPC_DEST_DROPPABLE:
        value = m_phdr.IsDestDroppable() ? 1 : 0;
        return 0;
    case TIPC_CONN_TIMEOUT:
        value = m_connTimeout;
        return 0;
    case TIPC_SOCK_RECVQ_DEPTH:
        value = static_cast<uint32_t>(m_rcvQueue.size());
        return 0;
    case TIPC_SOCK_RECVQ_USED:
        value = m_rmemAlloc;
        return 0;
    default:
        const_cast<TipcSocket*>(this)->m_errno = TipcErrno::EINVAL_;
        return -1;
    }
}

// ---------------------------------------------------------------- sending

uint32_t
TipcSocket::GetTxAvailable() const
{
    if (m_congLinkCnt != 0)
    {
        return 0;
    }
    if (IsConnectionType())
    {
        if (m_state != ESTABLISHED || ConnCongested())
        {
            return 0;
        }
    }
    return TIPC_MAX_USER_MSG_SIZE;
}

TipcErrno
TipcSocket::CheckSendCond(bool congested)
{
    if (!congested)
    {
        return TipcErrno::OK;
    }
    if (m_skErr != TipcErrno::OK)
    {
        TipcErrno e = m_skErr;
        m_skErr = TipcErrno::OK;
        return e;
    }
    if (IsConnectionType())
    {
        if (m_state == DISCONNECTING)
        {
            return TipcErrno::EPIPE_;
        }
        if (m_state != ESTABLISHED)
        {
            return TipcErrno::ENOTCONN_;
        }
    }
    return TipcErrno::EAGAIN_;
}

int
TipcSocket::Send(Ptr<Packet> p, uint32_t /* flags */)
{
    if (WaitingToShutdown())
    {
        return Fail(TipcErrno::EPIPE_);
    }
    p = Stamp(p);
    Enter();
    int rc = IsConnectionType() ? SendStream(p, nullptr) : SendMsg(p, nullptr);
    Leave();
    return rc;
}

int
TipcSocket::SendTo(Ptr<Packet> p, uint32_t /* flags */, const Address& toAddress)
{
    if (!TipcAddress::IsMatchingType(toAddress))
    {
        return Fail(TipcErrno::EINVAL_);
    }
    if (WaitingToShutdown())
    {
        return Fail(TipcErrno::EPIPE_);
    }
    TipcAddress a = TipcAddress::ConvertFrom(toAddress);
    p = Stamp(p);
    Enter();
    int rc = IsConnectionType() ? SendStream(p, &a) : SendMsg(p, &a);
    Leave();
    return rc;
}

Ptr<Packet>
TipcSocket::Stamp(Ptr<Packet> p) const
{
    if (!m_stampMessages || !p)
    {
        return p;
    }
    Ptr<Packet> c = p->Copy(); // the caller may send the same packet again
    c->AddByteTag(TipcTimestampTag(Simulator::Now()));
    return c;
}

int
TipcSocket::SendMsg(Ptr<Packet> data, const TipcAddress* dest)
{
    uint32_t dlen = data->GetSize();
    if (dlen > TIPC_MAX_USER_MSG_SIZE)
    {
        return Fail(TipcErrno::EMSGSIZE_);
    }
    bool syn = IsConnectionType();
    TipcAddress a;
    if (dest)
    {
        a = *dest;
        if (a.IsServiceRange() && a.GetServiceRange().lower > a.GetServiceRange().upper)
        {
            return Fail(TipcErrno::EINVAL_);
        }
    }
    else
    {
        if (!m_hasPeer)
        {
            return Fail(TipcErrno::EDESTADDRREQ_);
        }
        a = m_peer;
    }
    if (syn)
    {
        if (m_state == LISTEN)
        {
            return Fail(TipcErrno::EPIPE_);
        }
        if (m_state != OPEN)
        {
            return Fail(TipcErrno::EISCONN_);
        }
        if (!m_publications.empty())
        {
            return Fail(TipcErrno::EOPNOTSUPP_);
        }
        if (a.IsService())
        {
            m_connToService = true;
        }
        m_phdr.SetSyn(true);
    }
    if (a.IsServiceRange())
    {
        return SendMcast(data, a.GetServiceRange());
    }
    uint32_t own = m_stack->GetOwnAddress();
    uint32_t dnode = 0;
    uint32_t dport = 0;
    if (a.IsService())
    {
        TipcServiceRange r = a.GetServiceRange();
        uint32_t domain = a.GetDomain();
        uint32_t scope = domain != 0 ? TIPC_NODE_SCOPE : TIPC_CLUSTER_SCOPE;
        bool legacy = m_stack->IsLegacyAddressFormat();
        if (!m_stack->GetNameTable().LookupAnycast(r.type, r.lower, domain, legacy, dnode, dport))
        {
            return Fail(TipcErrno::EHOSTUNREACH_);
        }
        m_phdr.SetType(TIPC_NAMED_MSG);
        m_phdr.SetHeaderSize(NAMED_H_SIZE);
        m_phdr.SetNameType(r.type);
        m_phdr.SetNameInstance(r.lower);
        m_phdr.SetLookupScope(scope);
    }
    else if (a.IsSocket())
    {
        dnode = a.GetSocketAddr().node;
        dport = a.GetSocketAddr().ref;
        m_phdr.SetType(TIPC_DIRECT_MSG);
        m_phdr.SetHeaderSize(BASIC_H_SIZE);
        m_phdr.SetLookupScope(0);
    }
    else
    {
        return Fail(TipcErrno::EINVAL_);
    }
    if (m_congLinks.count(dnode) != 0)
    {
        TipcErrno e = CheckSendCond(true);
        return Fail(e);
    }
    m_phdr.SetDestNode(dnode);
    m_phdr.SetDestPort(dport);
    m_phdr.SetPrevNode(own);
    m_phdr.SetOrigNode(own);
    m_phdr.SetErrorCode(TIPC_OK);
    m_phdr.SetRerouteCount(0);
    uint32_t mtu = m_stack->GetMtu(dnode, m_portId, true);
    std::deque<Ptr<TipcMsg>> chain = TipcMsg::Build(m_phdr, data, mtu);
    if (syn)
    {
        m_writeQueue.clear();
        for (const auto& m : chain)
        {
            m_writeQueue.push_back(m->Clone());
        }
    }
    TipcHeader sent = chain.front()->hdr;
    TipcXmitResult rc = NodeXmit(chain, dnode);
    if (rc == TipcXmitResult::LINK_CONG)
    {
        m_congLinks.insert(dnode);
        ++m_congLinkCnt;
        rc = TipcXmitResult::OK;
    }
    switch (rc)
    {
    case TipcXmitResult::OK:
        break;
    case TipcXmitResult::HOST_UNREACH:
        return Fail(TipcErrno::EHOSTUNREACH_);
    case TipcXmitResult::MSG_SIZE:
        return Fail(TipcErrno::EMSGSIZE_);
    default:
        return Fail(TipcErrno::ENOBUFS_);
    }
    tipc::FireTrace(m_txTrace, sent, data);
    if (syn)
    {
        SetState(CONNECTING);
    }
    NotifyDataSent(dlen);
    return static_cast<int>(dlen);
}

int
TipcSocket::SendMcast(Ptr<Packet> data, const TipcServiceRange& r)
{
    if (m_congLinkCnt != 0)
    {
        return Fail(CheckSendCond(true));
    }
    bool local = false;
    std::vector<uint32_t> nodes =
        m_stack->GetNameTable().LookupMcastNodes(r.type, r.lower, r.upper, local);
    if (nodes.empty() && !local)
    {
        return Fail(TipcErrno::EHOSTUNREACH_);
    }
    uint32_t own = m_stack->GetOwnAddress();
    m_phdr.SetType(TIPC_MCAST_MSG);
    m_phdr.SetHeaderSize(MCAST_H_SIZE);
    m_phdr.SetLookupScope(TIPC_CLUSTER_SCOPE);
    m_phdr.SetDestPort(0);
    m_phdr.SetDestNode(0);
    m_phdr.SetNameType(r.type);
    m_phdr.SetNameLower(r.lower);
    m_phdr.SetNameUpper(r.upper);
    m_phdr.SetPrevNode(own);
    m_phdr.SetOrigNode(own);
    m_phdr.SetErrorCode(TIPC_OK);
    TipcHeader h = m_phdr;
    uint32_t mtu = m_stack->GetBcastMss();
    if (!nodes.empty())
    {
        // tipc_mcast_xmit: broadcast or replicast, a SYN twin on the old path
        // when the method changes (receivers keep the order across paths)
        bool old = m_mcMethod.rcast;
        m_stack->BcastSelectMethod(static_cast<uint32_t>(nodes.size()), m_mcMethod);
        h.SetRcast(m_mcMethod.rcast);
        if (old != m_mcMethod.rcast && m_stack->McastRbctl())
        {
            h.SetSyn(true);
            TipcHeader t = h;
            t.SetSize(MCAST_H_SIZE);
            t.SetRcast(!m_mcMethod.rcast);
            t.SetErrorCode(TIPC_ERR_NO_PORT);
            // tipc_mcast_send_sync counts the twin's congestion in a local it drops: the
            // socket does not wait for it, although a congested link still sends a wakeup
            std::deque<Ptr<TipcMsg>> twin{Create<TipcMsg>(t, nullptr)};
            McastXmitChain(twin, nodes, !m_mcMethod.rcast);
        }
        std::deque<Ptr<TipcMsg>> chain = TipcMsg::Build(h, data, mtu);
        m_congLinkCnt = McastXmitChain(chain, nodes, m_mcMethod.rcast);
    }
    tipc::FireTrace(m_txTrace, h, data);
    if (local)
    {
        TipcHeader lh = m_phdr;
        lh.SetSize(lh.GetHeaderSize() + data->GetSize());
        m_stack->DeliverUp(Create<TipcMsg>(lh, data->Copy()), own);
    }
    NotifyDataSent(data->GetSize());
    return static_cast<int>(data->GetSize());
}

uint16_t
TipcSocket::McastXmitChain(std::deque<Ptr<TipcMsg>>& chain,
                           const std::vector<uint32_t>& nodes,
                           bool rcast)
{
    if (!rcast)
    {
        uint16_t cong = 0;
        m_stack->BcastXmit(chain, cong);
        return cong != 0 ? 1 : 0;
    }
    // tipc_rcast_xmit: one copy per destination node over the unicast links;
    // errors other than congestion are ignored, as in Linux
    uint16_t congested = 0;
    for (uint32_t dnode : nodes)
    {
        std::deque<Ptr<TipcMsg>> copy;
        for (const auto& m : chain)
        {
            Ptr<TipcMsg> c = m->Clone();
            c->hdr.SetDestNode(dnode);
            copy.push_back(c);
        }
        if (m_stack->Xmit(copy, dnode, m_portId) == TipcXmitResult::LINK_CONG)
        {
            ++congested;
        }
    }
    return congested;
}

int
TipcSocket::SendStream(Ptr<Packet> data, const TipcAddress* dest)
{
    uint32_t dlen = data->GetSize();
    if (m_type == TipcSocketType::SEQPACKET && dlen > TIPC_MAX_USER_MSG_SIZE)
    {
        return Fail(TipcErrno::EMSGSIZE_);
    }
    uint32_t dnode = m_phdr.GetDestNode();
    if (dest && m_state == OPEN)
    {
        // implied connect: the SYN carries the data
        int rc = SendMsg(data, dest);
        if (rc < 0)
        {
            return rc;
        }
        if (dlen > 0 && static_cast<uint32_t>(rc) == dlen)
        {
            m_peerCaps = m_stack->GetPeerCapabilities(dnode);
            m_sntUnacked = Blocks(dlen + m_phdr.GetHeaderSize());
        }
        return rc;
    }
    uint32_t own = m_stack->GetOwnAddress();
    uint32_t sent = 0;
    do
    {
        bool cond = m_congLinkCnt == 0 && !ConnCongested() && m_state == ESTABLISHED;
        if (!cond)
        {
            TipcErrno e = CheckSendCond(true);
            if (sent > 0)
            {
                break;
            }
            return Fail(e);
        }
        uint32_t send = std::min(dlen - sent, TIPC_MAX_USER_MSG_SIZE);
        uint32_t blocks = m_sndBacklog;
        Ptr<Packet> chunk = data->CreateFragment(sent, send);
        m_phdr.SetPrevNode(own);
        bool nagle = m_oneway++ >= m_nagleStart && m_maxNagle != 0 && send <= m_maxNagle;
        if (nagle)
        {
            // tipc_msg_append: fill the tail buffer of the write queue
            uint32_t before = 0;
            for (const auto& m : m_writeQueue)
            {
                before += Blocks(m->GetSize());
            }
            uint32_t off = 0;
            while (off < send)
            {
                if (m_writeQueue.empty() || m_writeQueue.back()->GetSize() >= m_maxNagle)
                {
                    TipcHeader nh = m_phdr;
                    nh.SetSize(SHORT_H_SIZE);
                    m_writeQueue.push_back(Create<TipcMsg>(nh, Create<Packet>()));
                }
                Ptr<TipcMsg> tail = m_writeQueue.back();
                uint32_t cpy = std::min(m_maxNagle - tail->GetSize(), send - off);
                tail->data->AddAtEnd(chunk->CreateFragment(off, cpy));
                tail->hdr.SetSize(tail->hdr.GetSize() + cpy);
                off += cpy;
            }
            uint32_t after = 0;
            for (const auto& m : m_writeQueue)
            {
                after += Blocks(m->GetSize());
            }
            blocks += after - before;
            ++m_msgAcc;
            if (blocks <= NAGLE_MAX_BLOCKS && m_expectAck)
            {
                m_sndBacklog = blocks; // hold
                sent += send;
                break;
            }
            if (blocks > NAGLE_MAX_BLOCKS)
            {
                m_pktCnt += static_cast<uint32_t>(m_writeQueue.size());
            }
            else
            {
                m_writeQueue.back()->hdr.SetAckRequired(true);
                m_expectAck = true;
                m_msgAcc = 0;
                m_pktCnt = 0;
            }
        }
        else
        {
            std::deque<Ptr<TipcMsg>> chain = TipcMsg::Build(m_phdr, chunk, m_maxPkt);
            for (auto& m : chain)
            {
                m_writeQueue.push_back(m);
            }
            blocks += Blocks(send + SHORT_H_SIZE);
        }
        std::deque<Ptr<TipcMsg>> list;
        list.swap(m_writeQueue);
        TipcHeader first = list.front()->hdr;
        dnode = m_phdr.GetDestNode();
        TipcXmitResult rc = NodeXmit(list, dnode);
        if (rc == TipcXmitResult::LINK_CONG)
        {
            m_congLinkCnt = 1;
            rc = TipcXmitResult::OK;
        }
        if (rc != TipcXmitResult::OK)
        {
            TipcErrno e = rc == TipcXmitResult::HOST_UNREACH ? TipcErrno::EHOSTUNREACH_
                          : rc == TipcXmitResult::MSG_SIZE   ? TipcErrno::EMSGSIZE_
                                                             : TipcErrno::ENOBUFS_;
            if (sent > 0)
            {
                break;
            }
            return Fail(e);
        }
        tipc::FireTrace(m_txTrace, first, chunk);
        m_sntUnacked += blocks;
        m_sndBacklog = 0;
        sent += send;
    } while (sent < dlen);
    NotifyDataSent(sent);
    return static_cast<int>(sent);
}

void
TipcSocket::PushBacklog(bool nagleAck)
{
    if (nagleAck)
    {
        m_pktCnt += static_cast<uint32_t>(m_writeQueue.size());
        if (m_pktCnt == 0 || m_msgAcc / m_pktCnt < 2)
        {
            m_oneway = 0;
            if (m_nagleStart < TIPC_MAX_NAGLE)
            {
                m_nagleStart *= 2;
            }
            m_expectAck = false;
        }
        else
        {
            m_nagleStart = NAGLE_START_INIT;
            if (!m_writeQueue.empty())
            {
                m_writeQueue.back()->hdr.SetAckRequired(true);
                m_expectAck = true;
            }
            else
            {
                m_expectAck = false;
            }
        }
        m_msgAcc = 0;
        m_pktCnt = 0;
    }
    if (m_writeQueue.empty() || m_congLinkCnt != 0)
    {
        return;
    }
    if (m_writeQueue.back()->hdr.IsSyn())
    {
        return; // still connecting: the SYN clone is not sent from here
    }
    if (m_msgAcc != 0)
    {
        m_pktCnt += static_cast<uint32_t>(m_writeQueue.size());
    }
    m_sntUnacked += m_sndBacklog;
    m_sndBacklog = 0;
    std::deque<Ptr<TipcMsg>> list;
    list.swap(m_writeQueue);
    if (NodeXmit(list, m_phdr.GetDestNode()) == TipcXmitResult::LINK_CONG)
    {
        m_congLinkCnt = 1;
    }
}

// ---------------------------------------------------------------- connections

int
TipcSocket::Connect(const Address& address)
{
    if (!TipcAddress::IsMatchingType(address))
    {
        return Fail(TipcErrno::EINVAL_);
    }
    TipcAddress a = TipcAddress::ConvertFrom(address);
    if (!a.IsService() && !a.IsServiceRange() && !a.IsSocket())
    {
        return Fail(TipcErrno::EINVAL_);
    }
    if (a.IsServiceRange() && a.GetServiceRange().lower > a.GetServiceRange().upper)
    {
        return Fail(TipcErrno::EINVAL_);
    }
    if (!IsConnectionType())
    {
        m_peer = a; // RDM/DGRAM: only the default destination
        m_hasPeer = true;
        NotifyConnectionSucceeded();
        return 0;
    }
    if (a.IsServiceRange())
    {
        return Fail(TipcErrno::EINVAL_);
    }
    switch (m_state)
    {
    case OPEN: {
        Enter();
        int rc = SendMsg(Create<Packet>(), &a); // SYN without data
        Leave();
        if (rc < 0)
        {
            return rc;
        }
        if (m_connTimeout != 0 && m_state == CONNECTING)
        {
            m_connectTimer = Simulator::Schedule(m_stack->TimerDelay(MilliSeconds(m_connTimeout)),
                                                 &TipcSocket::ConnectTimeout,
                                                 this);
        }
        return 0; // EINPROGRESS: the result comes through the connect callbacks
    }
    case CONNECTING:
        return Fail(TipcErrno::EALREADY_);
    case ESTABLISHED:
        return Fail(TipcErrno::EISCONN_);
    default:
        return Fail(TipcErrno::EINVAL_);
    }
}

void
TipcSocket::ConnectTimeout()
{
    if (m_state == CONNECTING)
    {
        // connect() returns ETIMEDOUT; the socket stays CONNECTING (a late ACK still counts)
        m_errno = TipcErrno::ETIMEDOUT_;
        NotifyConnectionFailed();
    }
}

int
TipcSocket::Listen()
{
    if (!IsConnectionType())
    {
        return Fail(TipcErrno::EOPNOTSUPP_);
    }
    if (!SetState(LISTEN))
    {
        return Fail(TipcErrno::EINVAL_);
    }
    return 0;
}

void
TipcSocket::FinishConn(uint32_t peerPort, uint32_t peerNode)
{
    m_phdr.SetSyn(false);
    m_phdr.SetDestNode(peerNode);
    m_phdr.SetDestPort(peerPort);
    m_phdr.SetType(TIPC_CONN_MSG);
    m_phdr.SetLookupScope(0);
    m_phdr.SetHeaderSize(SHORT_H_SIZE);
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_stack->TimerDelay(m_probeInterval), &TipcSocket::Timeout, this);
    SetState(ESTABLISHED);
    m_stack->AddConn(peerNode, m_portId, peerPort);
    m_maxPkt = m_stack->GetMtu(peerNode, m_portId, true);
    m_peerCaps = m_stack->GetPeerCapabilities(peerNode);
    m_maxNagle = 0;
    if (m_type == TipcSocketType::STREAM && !m_nodelay && (m_peerCaps & TIPC_NAGLE))
    {
        m_maxNagle = m_maxPkt == MAX_MSG_SIZE ? MAX_PKT_DEFAULT_NODE : m_maxPkt;
    }
    m_writeQueue.clear();
    if (!(m_peerCaps & TIPC_BLOCK_FLOWCTL))
    {
        m_rcvWin = FLOWCTL_MSG_WIN;
        m_sndWin = FLOWCTL_MSG_WIN;
    }
    m_connectTimer.Cancel();
}

void
TipcSocket::Timeout()
{
    uint32_t pnode = m_phdr.GetDestNode();
    uint32_t pport = m_phdr.GetDestPort();
    if (m_state == ESTABLISHED)
    {
        if (m_probeUnacked)
        {
            SetState(DISCONNECTING);
            m_skErr = TipcErrno::ECONNABORTED_;
            m_stack->RemoveConn(pnode, m_portId);
            NotifyErrorClose();
            return;
        }
        TipcHeader h;
        h.Init(m_stack->GetOwnAddress(), CONN_MANAGER, CONN_PROBE, INT_H_SIZE, pnode);
        h.SetDestPort(pport);
        h.SetOrigPort(m_portId);
        m_probeUnacked = true;
        m_timer =
            Simulator::Schedule(m_stack->TimerDelay(m_probeInterval), &TipcSocket::Timeout, this);
        std::deque<Ptr<TipcMsg>> list{Create<TipcMsg>(h, nullptr)};
        NodeXmit(list, pnode);
        return;
    }
    if (m_state == CONNECTING)
    {
        if (m_congLinkCnt != 0)
        {
            m_timer = Simulator::Schedule(m_stack->TimerDelay(m_connRetryDelay),
                                          &TipcSocket::Timeout,
                                          this);
            return;
        }
        std::deque<Ptr<TipcMsg>> list;
        for (const auto& m : m_writeQueue)
        {
            list.push_back(m->Clone());
        }
        if (!list.empty() && NodeXmit(list, pnode) == TipcXmitResult::LINK_CONG)
        {
            m_congLinks.insert(pnode);
            m_congLinkCnt = 1;
        }
    }
}

void
TipcSocket::Accept(Ptr<TipcMsg> syn)
{
    const TipcHeader& h = syn->hdr;
    TipcAddress from = TipcAddress::Socket(h.GetOrigPort(), h.GetOrigNode());
    if (!NotifyConnectionRequest(from))
    {
        std::deque<Ptr<TipcMsg>> xmitq;
        Reject(syn, TIPC_ERR_NO_PORT, xmitq);
        DistrXmit(xmitq);
        return;
    }
    Ptr<TipcSocket> ns = m_stack->CreateSocket(m_type);
    ns->FinishConn(h.GetOrigPort(), h.GetOrigNode());
    ns->m_phdr.SetImportance(h.GetImportance());
    if (h.GetType() == TIPC_NAMED_MSG)
    {
        ns->m_connToService = true;
        ns->m_phdr.SetNameType(h.GetNameType());
        ns->m_phdr.SetNameInstance(h.GetNameInstance());
    }
    bool data = syn->data && syn->data->GetSize() > 0;
    if (data)
    {
        uint32_t ts = syn->GetTruesize();
        ns->m_rcvQueue.push_front({syn, ts, 0});
        ns->m_rmemAlloc += ts;
    }
    ns->Enter();
    ns->SendStream(Create<Packet>(), nullptr); // the ACK: an empty connection message
    ns->Leave();
    NotifyNewConnectionCreated(ns, from);
    if (data)
    {
        ns->NotifyDataRecv();
    }
}

Ptr<TipcMsg>
TipcSocket::BuildAck()
{
    if (m_state != ESTABLISHED)
    {
        return nullptr;
    }
    TipcHeader h;
    h.Init(m_stack->GetOwnAddress(), CONN_MANAGER, CONN_ACK, INT_H_SIZE, m_phdr.GetDestNode());
    h.SetDestPort(m_phdr.GetDestPort());
    h.SetOrigPort(m_portId);
    h.SetConnAck(m_rcvUnacked);
    m_rcvUnacked = 0;
    if (m_peerCaps & TIPC_BLOCK_FLOWCTL)
    {
        m_rcvWin = static_cast<uint16_t>(std::min<uint32_t>(m_rcvBuf / FLOWCTL_BLK_SZ / 4, 0xffff));
        h.SetAdvWindow(m_rcvWin);
    }
    return Create<TipcMsg>(h, nullptr);
}

void
TipcSocket::SendAck()
{
    Ptr<TipcMsg> ack = BuildAck();
    if (!ack)
    {
        return;
    }
    std::deque<Ptr<TipcMsg>> list{ack};
    m_stack->Xmit(list, m_phdr.GetDestNode(), m_portId);
}

void
TipcSocket::ConsumedBlocks(const TipcHeader& h, uint32_t dlen)
{
    m_rcvUnacked = static_cast<uint16_t>(m_rcvUnacked + Blocks(h.GetHeaderSize() + dlen));
    if (m_rcvUnacked >= m_rcvWin / TIPC_ACK_RATE)
    {
        SendAck();
    }
}

// ---------------------------------------------------------------- receiving

void
TipcSocket::Receive(Ptr<TipcMsg> msg, uint32_t /* fromNode */)
{
    if (m_closed)
    {
        RejectClosed(msg);
        return;
    }
    if (m_inCall > 0)
    {
        // the socket is inside a call: Linux puts the message on the socket backlog
        uint32_t backlogBytes = 0;
        for (const auto& m : m_backlog)
        {
            backlogBytes += m->GetTruesize();
        }
        if (backlogBytes + m_rmemAlloc > RcvbufLimit(msg->hdr))
        {
            std::deque<Ptr<TipcMsg>> xmitq;
            Reject(msg, TIPC_ERR_OVERLOAD, xmitq);
            DistrXmit(xmitq);
            return;
        }
        m_backlog.push_back(msg);
        return;
    }
    Ptr<TipcSocket> self(this); // callbacks may close the socket
    FilterAndXmit(msg);
}

void
TipcSocket::FilterAndXmit(Ptr<TipcMsg> msg)
{
    std::deque<Ptr<TipcMsg>> xmitq;
    FilterRcv(msg, xmitq);
    DistrXmit(xmitq);
    while (m_state == LISTEN && !m_rcvQueue.empty())
    {
        RcvEntry e = m_rcvQueue.front();
        m_rcvQueue.pop_front();
        m_rmemAlloc -= e.truesize;
        Accept(e.msg);
    }
}

void
TipcSocket::RejectClosed(Ptr<TipcMsg> msg)
{
    std::deque<Ptr<TipcMsg>> xmitq;
    Reject(msg, TIPC_ERR_NO_PORT, xmitq);
    DistrXmit(xmitq);
}

uint32_t
TipcSocket::RcvbufLimit(const TipcHeader& h) const
{
    if (h.GetType() != TIPC_CONN_MSG)
    {
        return m_rcvBuf << h.GetImportance();
    }
    if (m_peerCaps & TIPC_BLOCK_FLOWCTL)
    {
        return m_rcvBuf;
    }
    return FLOWCTL_MSG_LIM;
}

void
TipcSocket::Reject(Ptr<TipcMsg> msg, uint32_t err, std::deque<Ptr<TipcMsg>>& xmitq)
{
    m_rejectTrace(msg->hdr, err);
    NS_LOG_LOGIC("socket " << m_portId << " rejects " << msg->hdr << " with error " << err);
    Ptr<TipcMsg> r = TipcMsg::Reverse(msg, m_stack->GetOwnAddress(), err);
    if (r)
    {
        xmitq.push_back(r);
    }
}

void
TipcSocket::FilterRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq)
{
    const TipcHeader& h = msg->hdr;
    if (h.GetUser() > TIPC_CRITICAL_IMPORTANCE)
    {
        ProtoRcv(msg, xmitq);
        return;
    }
    if (h.GetType() == TIPC_MCAST_MSG && !IsConnectionType())
    {
        for (const auto& m : McastFilter(msg))
        {
            FilterRcvOne(m, xmitq);
        }
        return;
    }
    FilterRcvOne(msg, xmitq);
}

std::vector<Ptr<TipcMsg>>
TipcSocket::McastFilter(Ptr<TipcMsg> msg)
{
    const TipcHeader& h = msg->hdr;
    if ((!h.IsSyn() && m_mcDeferq.empty()) || h.GetOrigNode() == m_stack->GetOwnAddress())
    {
        return {msg};
    }
    auto same = [&h](const Ptr<TipcMsg>& d) {
        return d->hdr.GetOrigNode() == h.GetOrigNode() && d->hdr.GetOrigPort() == h.GetOrigPort();
    };
    auto dit = std::find_if(m_mcDeferq.begin(), m_mcDeferq.end(), same);
    if (dit == m_mcDeferq.end())
    {
        if (h.IsSyn())
        {
            m_mcDeferq.push_back(msg); // the first of a SYN pair: wait for its twin
            return {};
        }
        return {msg};
    }
    Ptr<TipcMsg> d = *dit;
    if (!h.IsSyn())
    {
        if (h.IsRcast() != d->hdr.IsRcast())
        {
            return {msg}; // the old path is still draining
        }
        m_mcDeferq.push_back(msg);
        return {};
    }
    if (h.IsRcast() == d->hdr.IsRcast())
    {
        m_mcDeferq.push_back(msg); // a later switch on the same path
        return {};
    }
    // the pair is complete: deliver the one with data, then what waited behind it
    dit = m_mcDeferq.erase(dit);
    std::vector<Ptr<TipcMsg>> out;
    out.push_back(msg->data->GetSize() > 0 ? msg : d);
    while (dit != m_mcDeferq.end())
    {
        if (!same(*dit))
        {
            ++dit;
            continue;
        }
        if ((*dit)->hdr.IsSyn())
        {
            break;
        }
        out.push_back(*dit);
        dit = m_mcDeferq.erase(dit);
    }
    return out;
}

void
TipcSocket::FilterRcvOne(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq)
{
    const TipcHeader& h = msg->hdr;
    const uint32_t peerErr = h.GetErrorCode(); // Reject may turn the header around
    uint32_t limit = RcvbufLimit(h);
    State before = m_state;
    uint32_t err = TIPC_ERR_NO_PORT;
    bool reject = false;
    if (IsConnectionType())
    {
        reject = !FilterConnect(msg, xmitq);
    }
    else if (h.GetType() == TIPC_CONN_MSG)
    {
        reject = true;
    }
    uint32_t ts = msg->GetTruesize();
    if (!reject && m_rmemAlloc + ts >= limit)
    {
        err = TIPC_ERR_OVERLOAD;
        reject = true;
    }
    if (reject)
    {
        Reject(msg, err, xmitq);
    }
    else
    {
        m_rcvQueue.push_back({msg, ts, 0});
        m_rmemAlloc += ts;
        tipc::FireTrace(m_rxTrace, h, msg->data);
    }
    // tipc_sk_filter_connect changes the state (and wakes the socket's waiters) before
    // the receive buffer check, so a FIN or an ACK with data rejected for overload
    // still closes or completes the connection
    if (before == CONNECTING && m_state == ESTABLISHED)
    {
        NotifyConnectionSucceeded();
    }
    else if (before == CONNECTING && m_state == DISCONNECTING)
    {
        m_connectTimer.Cancel();
        m_errno = TipcErrno::ECONNREFUSED_;
        NotifyConnectionFailed();
    }
    else if (before == ESTABLISHED && m_state == DISCONNECTING)
    {
        if (peerErr == TIPC_CONN_SHUTDOWN)
        {
            NotifyNormalClose();
        }
        else
        {
            NotifyErrorClose();
        }
    }
    if (!reject && m_state != LISTEN)
    {
        NotifyDataRecv();
    }
}

bool
TipcSocket::FilterConnect(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq)
{
    const TipcHeader& h = msg->hdr;
    uint32_t type = h.GetType();
    bool con = type == TIPC_CONN_MSG;
    uint32_t err = h.GetErrorCode();
    uint32_t oport = h.GetOrigPort();
    uint32_t onode = h.GetOrigNode();
    uint32_t pport = m_phdr.GetDestPort();
    uint32_t pnode = m_phdr.GetDestNode();
    if (type == TIPC_MCAST_MSG)
    {
        return false;
    }
    m_oneway = 0;
    bool abort = false;
    switch (m_state)
    {
    case CONNECTING:
        if (con && err)
        {
            abort = true;
            break;
        }
        if (con)
        {
            // the ACK, from whichever port accepted the connection
            FinishConn(oport, onode);
            m_phdr.SetImportance(h.GetImportance());
            if (h.GetDataSize() > 0)
            {
                return true;
            }
            // the empty ACK is dropped silently (FilterRcvOne reports the new state)
            msg->hdr.SetDestDroppable(true);
            return false;
        }
        if (oport != pport || onode != pnode)
        {
            return false;
        }
        if (err != TIPC_ERR_OVERLOAD || m_writeQueue.empty())
        {
            abort = true;
            break;
        }
        {
            // the listener is overloaded: retry the SYN after 100 ms + random
            if (m_connTimeout < 4)
            {
                m_connTimeout = 4;
            }
            uint32_t d = m_stack->SocketRandom() % (m_connTimeout / 4);
            int64_t j = m_stack->MsecsToJiffies(
                d + static_cast<uint32_t>(m_connRetryDelay.GetMilliSeconds()));
            m_timer.Cancel();
            m_timer = Simulator::Schedule(m_stack->TimerDelay(j), &TipcSocket::Timeout, this);
        }
        return false;
    case OPEN:
    case DISCONNECTING:
        return false;
    case LISTEN:
        if (!h.IsSyn() && (m_stack->GetPeerCapabilities(onode) & TIPC_SYN_BIT))
        {
            return false;
        }
        return !con && !err;
    case ESTABLISHED: {
        if (!m_writeQueue.empty())
        {
            PushBacklog(false);
        }
        if (con && !err && oport == pport && onode == pnode)
        {
            if (h.IsAckRequired())
            {
                Ptr<TipcMsg> ack = BuildAck();
                if (ack)
                {
                    ack->hdr.SetNagleAck(true);
                    xmitq.push_back(ack);
                }
            }
            return true;
        }
        uint32_t own = m_stack->GetOwnAddress();
        bool peer = oport == pport && (onode == pnode || (onode == 0 && pnode == own) ||
                                       (pnode == 0 && onode == own));
        if (!peer)
        {
            return false;
        }
        if (!err)
        {
            return true;
        }
        SetState(DISCONNECTING);
        m_stack->RemoveConn(pnode, m_portId);
        return true;
    }
    }
    if (abort)
    {
        SetState(DISCONNECTING);
        m_skErr = TipcErrno::ECONNREFUSED_;
        return true;
    }
    return false;
}

void
TipcSocket::ProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq)
{
    const TipcHeader& h = msg->hdr;
    if (h.GetUser() == CONN_MANAGER)
    {
        ConnProtoRcv(msg, xmitq);
        return;
    }
    if (h.GetUser() == SOCK_WAKEUP)
    {
        m_congLinks.erase(h.GetOrigNode());
        // Linux decrements without a floor, so the wakeup for a congested multicast SYN
        // twin (not counted, see SendMcast) can wrap its counter and stall the socket's
        // sends; the model stops at zero
        if (m_congLinkCnt > 0)
        {
            --m_congLinkCnt;
        }
        PushBacklog(false);
        NotifyWriteSpace();
    }
}

void
TipcSocket::ConnProtoRcv(Ptr<TipcMsg> msg, std::deque<Ptr<TipcMsg>>& xmitq)
{
    const TipcHeader& h = msg->hdr;
    uint32_t own = m_stack->GetOwnAddress();
    uint32_t pport = m_phdr.GetDestPort();
    uint32_t pnode = m_phdr.GetDestNode();
    uint32_t onode = h.GetOrigNode();
    bool peer = m_state == ESTABLISHED && h.GetOrigPort() == pport &&
                (onode == pnode || (onode == 0 && pnode == own) || (pnode == 0 && onode == own));
    if (!peer)
    {
        return;
    }
    if (h.GetErrorCode() != 0)
    {
        // our own probe or ack came back: the peer port is gone (a silent abort in 6.1)
        SetState(DISCONNECTING);
        m_stack->RemoveConn(pnode, m_portId);
        NotifyErrorClose();
        return;
    }
    m_probeUnacked = false;
    switch (h.GetType())
    {
    case CONN_PROBE: {
        TipcHeader r = h;
        r.SetType(CONN_PROBE_REPLY);
        r.SetOrigPort(h.GetDestPort());
        r.SetDestPort(h.GetOrigPort());
        r.SetDestNode(h.GetPrevNode());
        r.SetPrevNode(own);
        r.SetOrigNode(own);
        xmitq.push_back(Create<TipcMsg>(r, nullptr));
        break;
    }
    case CONN_ACK: {
        uint32_t connAck = h.GetConnAck();
        if (connAck > m_sntUnacked)
        {
            return;
        }
        bool wasCong = ConnCongested();
        PushBacklog(h.IsNagleAck());
        m_sntUnacked -= connAck;
        if (m_peerCaps & TIPC_BLOCK_FLOWCTL)
        {
            m_sndWin = h.GetAdvWindow();
        }
        if (wasCong && !ConnCongested())
        {
            NotifyWriteSpace();
        }
        break;
    }
    default:
        break;
    }
}

uint32_t
TipcSocket::GetRxAvailable() const
{
    uint32_t n = 0;
    for (const auto& e : m_rcvQueue)
    {
        if (e.msg->hdr.GetErrorCode() == 0 && e.msg->data)
        {
            n += e.msg->data->GetSize() - e.bytesRead;
        }
    }
    return n;
}

Ptr<Packet>
TipcSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    Address from;
    return RecvFrom(maxSize, flags, from);
}

Ptr<Packet>
TipcSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    Enter();
    Ptr<Packet> p = m_type == TipcSocketType::STREAM ? RecvStream(maxSize, flags, fromAddress)
                                                     : RecvMsg(maxSize, flags, fromAddress);
    Leave();
    return p;
}

Ptr<Packet>
TipcSocket::MakeRecvPacket(const RcvEntry& e, uint32_t offset, uint32_t len) const
{
    const TipcHeader& h = e.msg->hdr;
    Ptr<Packet> p =
        (e.msg->data && len > 0) ? e.msg->data->CreateFragment(offset, len) : Create<Packet>();
    p->RemoveAllPacketTags();
    if (!m_ancillary)
    {
        return p; // no control buffer: no TIPC_ERRINFO, TIPC_RETDATA or TIPC_DESTNAME
    }
    TipcAncillaryTag tag;
    bool any = false;
    if (h.GetErrorCode() != 0)
    {
        tag.SetErrInfo(h.GetErrorCode(), e.msg->data ? e.msg->data->GetSize() : 0);
        any = true;
    }
    switch (h.GetType())
    {
    case TIPC_NAMED_MSG:
        tag.SetDestName(h.GetNameType(), h.GetNameInstance(), h.GetNameInstance());
        any = true;
        break;
    case TIPC_MCAST_MSG:
        tag.SetDestName(h.GetNameType(), h.GetNameLower(), h.GetNameUpper());
        any = true;
        break;
    case TIPC_CONN_MSG:
        if (m_connToService)
        {
            tag.SetDestName(m_phdr.GetNameType(),
                            m_phdr.GetNameInstance(),
                            m_phdr.GetNameInstance());
            any = true;
        }
        break;
    default:
        break;
    }
    if (any)
    {
        p->AddPacketTag(tag);
    }
    return p;
}

Ptr<Packet>
TipcSocket::RecvMsg(uint32_t maxSize, uint32_t flags, Address& from)
{
    if (maxSize == 0)
    {
        Fail(TipcErrno::EINVAL_);
        return nullptr;
    }
    if (m_type == TipcSocketType::SEQPACKET && m_state == OPEN)
    {
        Fail(TipcErrno::ENOTCONN_);
        return nullptr;
    }
    if (m_skErr != TipcErrno::OK)
    {
        Fail(m_skErr);
        m_skErr = TipcErrno::OK;
        return nullptr;
    }
    while (true)
    {
        if (m_rcvQueue.empty())
        {
            Fail(m_rcvShutdown ? TipcErrno::ENOTCONN_ : TipcErrno::EAGAIN_);
            return nullptr;
        }
        const RcvEntry& e = m_rcvQueue.front();
        if (e.msg->hdr.GetDataSize() == 0 && e.msg->hdr.GetErrorCode() == 0)
        {
            m_rmemAlloc -= e.truesize;
            m_rcvQueue.pop_front(); // empty messages are never delivered
            continue;
        }
        break;
    }
    RcvEntry& e = m_rcvQueue.front();
    TipcHeader h = e.msg->hdr;
    uint32_t dlen = e.msg->data ? e.msg->data->GetSize() : 0;
    from = TipcAddress::Socket(h.GetOrigPort(), h.GetOrigNode());
    uint32_t err = h.GetErrorCode();
    Ptr<Packet> p;
    if (err == 0)
    {
        uint32_t remaining = dlen - e.bytesRead;
        uint32_t copy = std::min(remaining, maxSize);
        p = MakeRecvPacket(e, e.bytesRead, copy);
        if (copy < remaining && (flags & TIPC_MSG_EOR))
        {
            if (!(flags & TIPC_MSG_PEEK))
            {
                e.bytesRead += copy; // the rest stays for the next call
            }
            return p;
        }
    }
    else
    {
        if (err != TIPC_CONN_SHUTDOWN && m_type == TipcSocketType::SEQPACKET && !m_ancillary)
        {
            Fail(TipcErrno::ECONNRESET_);
            return nullptr;
        }
        // tipc_recvmsg copies no data of a returned message: it goes only as TIPC_RETDATA
        p = MakeRecvPacket(e, 0, m_ancillary ? dlen : 0);
    }
    if (flags & TIPC_MSG_PEEK)
    {
        return p;
    }
    m_rmemAlloc -= e.truesize;
    m_rcvQueue.pop_front();
    if (m_type == TipcSocketType::SEQPACKET)
    {
        ConsumedBlocks(h, dlen);
    }
    m_errno = TipcErrno::OK;
    return p;
}

Ptr<Packet>
TipcSocket::RecvStream(uint32_t maxSize, uint32_t flags, Address& from)
{
    if (maxSize == 0)
    {
        Fail(TipcErrno::EINVAL_);
        return nullptr;
    }
    if (m_state == OPEN)
    {
        Fail(TipcErrno::ENOTCONN_);
        return nullptr;
    }
    if (m_skErr != TipcErrno::OK)
    {
        Fail(m_skErr);
        m_skErr = TipcErrno::OK;
        return nullptr;
    }
    Ptr<Packet> out = Create<Packet>();
    uint32_t copied = 0;
    bool first = true;
    bool eof = false;
    TipcErrno rc = TipcErrno::OK;
    TipcAncillaryTag tag;
    bool hasTag = false;
    while (!m_rcvQueue.empty())
    {
        RcvEntry& e = m_rcvQueue.front();
        TipcHeader h = e.msg->hdr;
        uint32_t dlen = e.msg->data ? e.msg->data->GetSize() : 0;
        uint32_t err = h.GetErrorCode();
        if (dlen == 0 && err == 0)
        {
            m_rmemAlloc -= e.truesize;
            m_rcvQueue.pop_front();
            continue;
        }
        if (first)
        {
            from = TipcAddress::Socket(h.GetOrigPort(), h.GetOrigNode());
            Ptr<Packet> probe = MakeRecvPacket(e, 0, 0);
            hasTag = probe->PeekPacketTag(tag);
            first = false;
        }
        if (err == 0)
        {
            uint32_t copy = std::min(dlen - e.bytesRead, maxSize - copied);
            out->AddAtEnd(e.msg->data->CreateFragment(e.bytesRead, copy));
            copied += copy;
            if (e.bytesRead + copy < dlen)
            {
                if (!(flags & TIPC_MSG_PEEK))
                {
                    e.bytesRead += copy;
                }
                break;
            }
        }
        else
        {
            rc = (err != TIPC_CONN_SHUTDOWN && !m_ancillary) ? TipcErrno::ECONNRESET_
                                                             : TipcErrno::OK;
            if (copied > 0 || rc != TipcErrno::OK)
            {
                break; // not consumed
            }
            eof = true;
        }
        if (flags & TIPC_MSG_PEEK)
        {
            break;
        }
        m_rmemAlloc -= e.truesize;
        m_rcvQueue.pop_front();
        ConsumedBlocks(h, dlen);
        if (copied == maxSize || eof)
        {
            break;
        }
    }
    if (copied > 0 || eof)
    {
        out->RemoveAllPacketTags();
        if (hasTag)
        {
            out->AddPacketTag(tag);
        }
        m_errno = TipcErrno::OK;
        return out; // an empty packet is end of file
    }
    if (rc != TipcErrno::OK)
    {
        Fail(rc);
        return nullptr;
    }
    Fail(m_rcvShutdown ? TipcErrno::ENOTCONN_ : TipcErrno::EAGAIN_);
    return nullptr;
}

// ---------------------------------------------------------------- shutdown and close

void
TipcSocket::DoShutdown(uint32_t err)
{
    std::deque<Ptr<TipcMsg>> xmitq;
    PushBacklog(false);
    m_writeQueue.clear();
    if (!m_rcvQueue.empty() && m_rcvQueue.front().bytesRead != 0)
    {
        m_rmemAlloc -= m_rcvQueue.front().truesize;
        m_rcvQueue.pop_front();
    }
    if (!IsConnectionType() || m_state == LISTEN)
    {
        for (const auto& e : m_rcvQueue)
        {
            Reject(e.msg, err, xmitq);
        }
        m_rcvQueue.clear();
        m_rmemAlloc = 0;
        DistrXmit(xmitq);
        return;
    }
    if (m_state == CONNECTING || m_state == ESTABLISHED)
    {
        uint32_t pnode = m_phdr.GetDestNode();
        SetState(DISCONNECTING);
        m_stack->RemoveConn(pnode, m_portId);
        if (!m_rcvQueue.empty())
        {
            Ptr<TipcMsg> first = m_rcvQueue.front().msg;
            m_rcvQueue.clear();
            m_rmemAlloc = 0;
            Reject(first, err, xmitq); // "FIN+": the first unread message goes back
        }
        else
        {
            TipcHeader h;
            h.Init(m_stack->GetOwnAddress(),
                   TIPC_CRITICAL_IMPORTANCE,
                   TIPC_CONN_MSG,
                   SHORT_H_SIZE,
                   pnode);
            h.SetDestNode(pnode);
            h.SetDestPort(m_phdr.GetDestPort());
            h.SetOrigPort(m_portId);
            h.SetErrorCode(err);
            std::deque<Ptr<TipcMsg>> fin{Create<TipcMsg>(h, nullptr)};
            NodeXmit(fin, pnode);
        }
        DistrXmit(xmitq);
        return;
    }
    m_rcvQueue.clear();
    m_rmemAlloc = 0;
}

bool
TipcSocket::WaitingToShutdown() const
{
    return m_closePending || m_shutdownPending;
}

bool
TipcSocket::ShutdownMustWait() const
{
    // tipc_wait_for_cond stops at once where tipc_sk_sock_err reports an error: a pending
    // socket error, or a connection socket that is not established; a connectionless
    // socket waits for its congested links
    if (m_skErr != TipcErrno::OK || (IsConnectionType() && m_state != ESTABLISHED))
    {
        return false;
    }
    return m_congLinkCnt != 0 || ConnCongested();
}

bool
TipcSocket::StartShutdownWait()
{
    // __tipc_shutdown: tipc_wait_for_cond(!cong_link_cnt && !tsk_conn_cong), with a
    // timeout of CONN_TIMEOUT_DEFAULT whatever the socket's blocking mode, so that the
    // FIN cannot overtake data still waiting for a link wakeup
    if (!ShutdownMustWait())
    {
        return false;
    }
    if (!m_shutdownWait.IsRunning())
    {
        m_shutdownWait =
            Simulator::Schedule(m_stack->TimerDelay(MilliSeconds(CONN_TIMEOUT_DEFAULT)),
                                &TipcSocket::ResumeShutdown,
                                this);
    }
    return true;
}

void
TipcSocket::CheckShutdownWait()
{
    if (WaitingToShutdown() && !ShutdownMustWait())
    {
        // the waiting caller runs again once woken, after the event that woke it
        m_shutdownWait.Cancel();
        m_shutdownWait = Simulator::ScheduleNow(&TipcSocket::ResumeShutdown, this);
    }
}

void
TipcSocket::ResumeShutdown()
{
    Ptr<TipcSocket> self(this);
    m_shutdownWait.Cancel();
    if (m_shutdownPending)
    {
        m_shutdownPending = false;
        FinishShutdown();
    }
    if (m_closePending)
    {
        m_closePending = false;
        FinishClose();
    }
}

int
TipcSocket::Shutdown()
{
    if (WaitingToShutdown())
    {
        return 0;
    }
    if (StartShutdownWait())
    {
        m_shutdownPending = true;
        // tipc_shutdown: 0 once the connection is DISCONNECTING, else ENOTCONN
        return IsConnectionType() ? 0 : Fail(TipcErrno::ENOTCONN_);
    }
    return FinishShutdown();
}

int
TipcSocket::FinishShutdown()
{
    Enter();
    DoShutdown(TIPC_CONN_SHUTDOWN);
    m_rcvShutdown = true;
    int rc = 0;
    if (m_state == DISCONNECTING)
    {
        m_rcvQueue.clear();
        m_rmemAlloc = 0;
    }
    else
    {
        rc = Fail(TipcErrno::ENOTCONN_);
    }
    Leave();
    return rc;
}

int
TipcSocket::ShutdownSend()
{
    return Fail(TipcErrno::EINVAL_); // Linux TIPC supports only SHUT_RDWR: Shutdown()
}

int
TipcSocket::ShutdownRecv()
{
    return Fail(TipcErrno::EINVAL_); // Linux TIPC supports only SHUT_RDWR: Shutdown()
}

int
TipcSocket::Close()
{
    if (m_closed || m_closePending)
    {
        return 0;
    }
    if (m_shutdownPending || StartShutdownWait())
    {
        m_closePending = true;
        // the application has let go of the socket
        SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        SetDataSentCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                          MakeNullCallback<void, Ptr<Socket>>());
        SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                           MakeNullCallback<void, Ptr<Socket>>());
        return 0;
    }
    FinishClose();
    return 0;
}

void
TipcSocket::CloseNow()
{
    m_shutdownWait.Cancel();
    m_shutdownPending = false;
    m_closePending = false;
    FinishClose();
}

void
TipcSocket::FinishClose()
{
    if (m_closed)
    {
        return;
    }
    Ptr<TipcSocket> self(this);
    Enter();
    DoShutdown(TIPC_ERR_NO_PORT);
    m_rcvShutdown = true;
    Withdraw(nullptr, 0);
    m_timer.Cancel();
    m_connectTimer.Cancel();
    m_stack->UnregisterPort(m_portId);
    m_closed = true;
    m_congLinks.clear();
    m_congLinkCnt = 0;
    Leave(); // what arrived meanwhile: NO_PORT to a connection, dropped otherwise
}

} // namespace ns3
