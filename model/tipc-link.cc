// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-link.h"

#include "tipc-bearer.h"
#include "tipc-gap-ack-blocks.h"
#include "tipc-peer.h"
#include "tipc-seq.h"
#include "tipc-stack.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcLink");

NS_OBJECT_ENSURE_REGISTERED(TipcLink);

using namespace tipc;

namespace
{
/// Bytes reserved in the MSS for the crypto header and tag (EHDR_SIZE + GCM tag).
constexpr uint32_t EMSG_OVERHEAD = 32;

/// Printable identity as used in link names: the string, or the hex address if it is long.
std::string
IdForLinkName(const TipcNodeId& id, uint32_t addr)
{
    std::string s = id.ToString();
    if (s.size() > NODE_ID_LEN)
    {
        std::ostringstream os;
        os << std::hex << addr;
        return os.str();
    }
    return s;
}
} // namespace

TypeId
TipcLink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcLink")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddTraceSource("State",
                            "Link FSM state change (old, new; values tipc::LINK_*).",
                            MakeTraceSourceAccessor(&TipcLink::m_stateTrace),
                            "ns3::TipcLink::StateTracedCallback")
            .AddTraceSource("Tx",
                            "A link packet (data or protocol) was handed to the bearer.",
                            MakeTraceSourceAccessor(&TipcLink::m_txTrace),
                            "ns3::TipcLink::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A packet arrived on the link (before sequence checks).",
                            MakeTraceSourceAccessor(&TipcLink::m_rxTrace),
                            "ns3::TipcLink::PacketTracedCallback");
    return tid;
}

TipcLink::TipcLink()
    : m_bearerId(0),
      m_ownAddr(0),
      m_peerAddr(0),
      m_peerCaps(0),
      m_session(0),
      m_peerSession(0),
      m_inSession(false),
      m_peerBearerId(0),
      m_abortLimit(0),
      m_silentIntvCnt(0),
      m_priority(TIPC_DEF_LINK_PRI),
      m_netPlane('A'),
      m_advertisedMtu(0),
      m_mtu(0),
      m_rstCnt(0),
      m_sndNxt(0),
      m_rcvNxt(0),
      m_sndNxtState(0),
      m_rcvNxtState(0),
      m_checkpoint(0),
      m_rcvUnacked(0),
      m_acked(0)
{
}

TipcLink::~TipcLink()
{
}

void
TipcLink::DoDispose()
{
    m_transmq.clear();
    m_deferdq.clear();
    m_peer = nullptr;
    m_bearer = nullptr;
    Object::DoDispose();
}

void
TipcLink::Setup(Ptr<TipcPeer> peer, Ptr<TipcBearer> bearer, uint16_t session)
{
    m_peer = peer;
    m_bearer = bearer;
    m_bearerId = bearer->GetId();
    Ptr<TipcStack> stack = peer->GetStack();
    m_ownAddr = stack->GetOwnAddress();
    m_peerAddr = peer->GetAddress();
    m_ownIdStr = IdForLinkName(stack->GetNodeId(), m_ownAddr);
    m_peerIdStr = IdForLinkName(peer->GetNodeId(), m_peerAddr);
    m_ifName = bearer->GetInterfaceName();
    m_peerIfName = "unknown";
    m_peerCaps = peer->GetCapabilities();
    m_session = session;
    m_peerSession = 0;
    m_inSession = false;
    m_tolerance = bearer->GetTolerance();
    m_netPlane = static_cast<char>(TIPC_NET_PLANE_BASE + m_bearerId);
    m_advertisedMtu = bearer->GetMtu();
    m_mtu = m_advertisedMtu;
    m_priority = bearer->GetPriority();
}

std::string
TipcLink::GetName() const
{
    return m_ownIdStr + ":" + m_ifName + "-" + m_peerIdStr + ":" + m_peerIfName;
}

uint32_t
TipcLink::GetBearerId() const
{
    return m_bearerId;
}

uint32_t
TipcLink::GetPeerBearerId() const
{
    return m_peerBearerId;
}

uint32_t
TipcLink::GetLinkId() const
{
    return (m_peerBearerId << 16) | m_bearerId;
}

uint32_t
TipcLink::GetState() const
{
    return m_fsm.GetState();
}

bool
TipcLink::IsUp() const
{
    return m_fsm.IsUp();
}

bool
TipcLink::IsReset() const
{
    return m_fsm.IsReset();
}

bool
TipcLink::IsBlocked() const
{
    return m_fsm.IsBlocked();
}

bool
TipcLink::IsEstablishing() const
{
    return m_fsm.IsEstablishing();
}

bool
TipcLink::IsSynching() const
{
    return m_fsm.IsSynching();
}

bool
TipcLink::IsPeerDown() const
{
    return m_fsm.GetState() == LINK_PEER_RESET;
}

uint32_t
TipcLink::GetPriority() const
{
    return m_priority;
}

Time
TipcLink::GetTolerance() const
{
    return m_tolerance;
}

uint32_t
TipcLink::GetMtu() const
{
    return m_mtu;
}

uint32_t
TipcLink::GetMss() const
{
    uint32_t reserve = INT_H_SIZE + (m_peer->GetStack()->IsCryptoBuild() ? EMSG_OVERHEAD : 0);
    return m_mtu - reserve;
}

uint16_t
TipcLink::GetSession() const
{
    return m_session;
}

uint16_t
TipcLink::GetPeerSession() const
{
    return m_peerSession;
}

uint32_t
TipcLink::GetAbortLimit() const
{
    return m_abortLimit;
}

uint16_t
TipcLink::GetRcvNxt() const
{
    return m_rcvNxt;
}

uint16_t
TipcLink::GetSndNxt() const
{
    return m_sndNxt;
}

const TipcLinkStats&
TipcLink::GetStats() const
{
    return m_stats;
}

void
TipcLink::ResetStats()
{
    m_stats = TipcLinkStats();
}

void
TipcLink::SetAbortLimit(uint32_t limit)
{
    m_abortLimit = limit;
}

uint32_t
TipcLink::FsmEvent(uint32_t event)
{
    uint32_t old = m_fsm.GetState();
    TipcLinkFsm::Result r = m_fsm.Apply(event);
    if (r.illegal)
    {
        NS_LOG_WARN("Illegal FSM event " << TipcLinkFsm::EventName(event) << " in state "
                                         << TipcLinkFsm::StateName(old) << " on link "
                                         << GetName());
    }
    if (r.state != old)
    {
        m_stateTrace(old, r.state);
        m_peer->NotifyLinkState(this, old, r.state);
    }
    return r.rc;
}

void
TipcLink::Reset()
{
    NS_LOG_FUNCTION(this << GetName());
    m_inSession = false;
    --m_peerSession;
    ++m_session;
    m_mtu = m_advertisedMtu;
    m_transmq.clear();
    m_deferdq.clear();
    m_rcvUnacked = 0;
    m_sndNxt = 1;
    m_rcvNxt = 1;
    m_sndNxtState = 1;
    m_rcvNxtState = 1;
    m_acked = 0;
    m_silentIntvCnt = 0;
    m_rstCnt = 0;
    ResetStats();
}

uint32_t
TipcLink::Timeout()
{
    uint32_t mtyp = STATE_MSG;
    bool state = false;
    bool probe = false;
    bool setup = false;
    switch (m_fsm.GetState())
    {
    case LINK_ESTABLISHED:
    case LINK_SYNCHING: {
        uint64_t qlen = m_transmq.size();
        m_stats.accuQueueSz += qlen;
        ++m_stats.queueSzCounts;
        // Full-mesh supervision: every link is "monitoring", none is probing.
        const bool monProbing = false;
        const bool monMonitoring = true;
        if (m_silentIntvCnt > m_abortLimit)
        {
            NS_LOG_INFO("link " << GetName() << " lost contact after " << m_silentIntvCnt
                                << " silent intervals");
            return FsmEvent(LINK_FAILURE_EVT);
        }
        state = m_rcvUnacked != 0 || !m_transmq.empty();
        probe = monProbing || m_silentIntvCnt != 0;
        if (probe || monMonitoring)
        {
            ++m_silentIntvCnt;
        }
        if (!m_deferdq.empty())
        {
            probe = true;
        }
        if (m_sndNxt == m_checkpoint)
        {
            probe = true; // nothing sent since the last tick
        }
        m_checkpoint = m_sndNxt;
        break;
    }
    case LINK_RESET:
        setup = m_rstCnt++ <= 4;
        setup = setup || (m_rstCnt % 16) == 0;
        mtyp = RESET_MSG;
        break;
    case LINK_ESTABLISHING:
        setup = true;
        mtyp = ACTIVATE_MSG;
        break;
    default:
        break;
    }
    if (state || probe || setup)
    {
        SendProtoMsg(mtyp, probe, false, 0, 0, 0);
    }
    return 0;
}

void
TipcLink::SendProtoMsg(uint32_t type,
                       bool probe,
                       bool probeReply,
                       uint16_t rcvgap,
                       uint32_t tolerance,
                       uint32_t priority)
{
    if (Ptr<TipcMsg> msg = BuildProtoMsg(type, probe, probeReply, rcvgap, tolerance, priority))
    {
        Transmit(msg);
    }
}

Ptr<TipcMsg>
TipcLink::BuildProtoMsg(uint32_t type,
                        bool probe,
                        bool probeReply,
                        uint16_t rcvgap,
                        uint32_t tolerance,
                        uint32_t priority)
{
    if (IsBlocked() || (type == STATE_MSG && !IsUp()))
    {
        return nullptr;
    }
    if ((probe || probeReply) && !m_deferdq.empty())
    {
        rcvgap = SeqDistance(m_rcvNxt, m_deferdq.front()->hdr.GetSeqno());
    }
    TipcHeader h;
    h.Init(m_ownAddr, LINK_PROTOCOL, type, INT_H_SIZE, m_peerAddr);
    h.SetSession(m_session);
    h.SetBearerId(m_bearerId);
    h.SetNetPlane(m_netPlane);
    h.SetNextSent(m_sndNxt);
    h.SetAck(static_cast<uint16_t>(m_rcvNxt - 1));
    // Broadcast link fields: no broadcast receive link for this peer yet
    bool bcRcvUp = false;
    h.SetBcastAck(0);
    h.SetBcAckInvalid(!bcRcvUp);
    h.SetLastBcast(0);
    h.SetLinkTolerance(tolerance);
    h.SetLinkPriority(priority);
    h.SetRedundantLink(bcRcvUp);
    h.SetSeqGap(0);
    h.SetSeqno(static_cast<uint16_t>(m_sndNxt + 32767));

    Ptr<Packet> payload;
    if (type == STATE_MSG)
    {
        if (m_peerCaps & TIPC_LINK_PROTO_SEQNO)
        {
            h.SetSeqno(m_sndNxtState++);
        }
        h.SetSeqGap(rcvgap);
        h.SetBcGap(0);
        h.SetProbe(probe);
        h.SetKeepalive(probe || probeReply);
        std::vector<uint8_t> data;
        if (m_peerCaps & TIPC_GAP_ACK_BLOCK)
        {
            TipcGapAckBlocks ga;
            data.resize(ga.GetSerializedSize());
            ga.Serialize(data.data());
        }
        payload = Create<Packet>(data.data(), static_cast<uint32_t>(data.size()));
        h.SetSize(INT_H_SIZE + payload->GetSize());
        ++m_stats.sentStates;
        if (probe)
        {
            ++m_stats.sentProbes;
        }
        if (rcvgap != 0)
        {
            ++m_stats.sentNacks;
        }
        m_rcvUnacked = 0;
    }
    else
    {
        if (type == ACTIVATE_MSG)
        {
            h.SetDestSessionValid(true);
            h.SetDestSession(m_peerSession);
        }
        h.SetMaxPkt(m_advertisedMtu);
        uint8_t name[TIPC_MAX_IF_NAME] = {};
        std::memcpy(name, m_ifName.data(), std::min<size_t>(m_ifName.size(), TIPC_MAX_IF_NAME - 1));
        payload = Create<Packet>(name, TIPC_MAX_IF_NAME);
        h.SetSize(INT_H_SIZE + TIPC_MAX_IF_NAME);
    }
    return Create<TipcMsg>(h, payload);
}

void
TipcLink::SendResetMsg()
{
    uint32_t type = IsEstablishing() ? ACTIVATE_MSG : RESET_MSG;
    Ptr<TipcMsg> msg = BuildProtoMsg(type, false, false, 0, 0, 0);
    if (!msg)
    {
        return;
    }
    // A RESET of a link that was just lost tells the peer we are stopping
    if (m_fsm.GetState() == LINK_RESET)
    {
        msg->hdr.SetPeerStopping(true);
    }
    Transmit(msg);
}

void
TipcLink::SendStateMsg()
{
    m_rcvUnacked = 0;
    SendProtoMsg(STATE_MSG, false, false, 0, 0, 0);
}

void
TipcLink::Transmit(Ptr<TipcMsg> msg)
{
    m_txTrace(msg->hdr, msg->data);
    m_peer->SendOnBearer(m_bearerId, msg);
}

bool
TipcLink::ValidateProtoMsg(const TipcHeader& hdr) const
{
    if (hdr.GetUser() != LINK_PROTOCOL)
    {
        return true;
    }
    uint16_t session = hdr.GetSession();
    switch (hdr.GetType())
    {
    case RESET_MSG:
        return !m_inSession || SeqMore(session, m_peerSession);
    case ACTIVATE_MSG:
        return !m_inSession || !SeqLess(session, m_peerSession);
    case STATE_MSG:
        if (!m_inSession || session != m_peerSession)
        {
            return false;
        }
        if (!IsUp() && hdr.GetAck() != 0)
        {
            return false;
        }
        if (!(m_peerCaps & TIPC_LINK_PROTO_SEQNO))
        {
            return true;
        }
        return !SeqLess(hdr.GetSeqno(), m_rcvNxtState);
    default:
        return false;
    }
}

uint32_t
TipcLink::Receive(Ptr<TipcMsg> msg)
{
    m_rxTrace(msg->hdr, msg->data);
    if (msg->hdr.GetUser() == LINK_PROTOCOL)
    {
        return ProtoReceive(msg);
    }
    m_silentIntvCnt = 0;
    if (!IsUp())
    {
        return IsEstablishing() ? TIPC_LINK_UP_EVT : 0;
    }
    // Sequenced data path: see TipcLink data-path implementation.
    return 0;
}

uint32_t
TipcLink::ProtoReceive(Ptr<TipcMsg> msg)
{
    const TipcHeader& hdr = msg->hdr;
    uint32_t rc = 0;
    if (hdr.GetDataSize() > 0xffff || IsBlocked())
    {
        return 0;
    }
    if (m_ownAddr > hdr.GetPrevNode())
    {
        m_netPlane = hdr.GetNetPlane(); // the lower address decides the plane
    }
    if (!ValidateProtoMsg(hdr))
    {
        NS_LOG_LOGIC("link " << GetName() << " ignores " << hdr.ToString());
        return 0;
    }
    uint32_t peerTol = hdr.GetLinkTolerance();
    uint32_t peerPrio = hdr.GetLinkPriority();
    switch (hdr.GetType())
    {
    case RESET_MSG:
    case ACTIVATE_MSG: {
        if (hdr.GetMaxPkt() < TIPC_MIN_BEARER_MTU || msg->data->GetSize() < TIPC_MAX_IF_NAME)
        {
            return 0;
        }
        uint8_t name[TIPC_MAX_IF_NAME];
        msg->data->CopyData(name, TIPC_MAX_IF_NAME);
        m_peerIfName = std::string(reinterpret_cast<const char*>(name),
                                   strnlen(reinterpret_cast<const char*>(name), TIPC_MAX_IF_NAME));
        if (peerTol >= TIPC_MIN_LINK_TOL && peerTol <= TIPC_MAX_LINK_TOL)
        {
            m_tolerance = MilliSeconds(peerTol);
        }
        if (peerPrio > m_priority && peerPrio <= TIPC_MAX_LINK_PRI)
        {
            m_priority = peerPrio;
        }
        if (hdr.IsPeerStopping())
        {
            return FsmEvent(LINK_FAILURE_EVT);
        }
        if (hdr.GetType() == ACTIVATE_MSG && hdr.IsDestSessionValid() &&
            hdr.GetDestSession() != m_session)
        {
            if (SeqLess(m_session, hdr.GetDestSession()))
            {
                m_session = static_cast<uint16_t>(hdr.GetDestSession() + 1);
            }
            return 0;
        }
        if (hdr.GetType() == RESET_MSG || !IsUp())
        {
            rc = FsmEvent(LINK_PEER_RESET_EVT);
        }
        if (hdr.GetType() == ACTIVATE_MSG && IsEstablishing())
        {
            rc = TIPC_LINK_UP_EVT;
        }
        m_peerSession = hdr.GetSession();
        m_inSession = true;
        m_peerBearerId = hdr.GetBearerId();
        m_mtu = std::min(m_mtu, hdr.GetMaxPkt());
        return rc;
    }
    case STATE_MSG: {
        m_rcvNxtState = static_cast<uint16_t>(hdr.GetSeqno() + 1);
        if (peerTol >= TIPC_MIN_LINK_TOL && peerTol <= TIPC_MAX_LINK_TOL)
        {
            m_tolerance = MilliSeconds(peerTol);
        }
        if (peerPrio != m_priority && peerPrio >= 1 && peerPrio <= TIPC_MAX_LINK_PRI)
        {
            m_priority = peerPrio;
            rc = FsmEvent(LINK_FAILURE_EVT);
        }
        m_silentIntvCnt = 0;
        ++m_stats.recvStates;
        if (hdr.IsProbe())
        {
            ++m_stats.recvProbes;
        }
        if (hdr.GetSeqGap() != 0)
        {
            ++m_stats.recvNacks;
        }
        if (!IsUp())
        {
            if (IsEstablishing())
            {
                rc = TIPC_LINK_UP_EVT;
            }
            return rc;
        }
        uint16_t rcvgap = 0;
        if ((hdr.IsProbe() || hdr.IsKeepalive()) && SeqMore(hdr.GetNextSent(), m_rcvNxt) &&
            !IsSynching() && m_deferdq.empty())
        {
            rcvgap = SeqDistance(m_rcvNxt, hdr.GetNextSent());
        }
        if (rcvgap != 0 || hdr.IsProbe())
        {
            SendProtoMsg(STATE_MSG, false, hdr.IsProbe(), rcvgap, 0, 0);
        }
        return rc;
    }
    default:
        return 0;
    }
}

} // namespace ns3
