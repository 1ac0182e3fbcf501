// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-link.h"

#include "tipc-attribute-check.h"
#include "tipc-bearer.h"
#include "tipc-bytes.h"
#include "tipc-gap-ack-blocks.h"
#include "tipc-peer.h"
#include "tipc-seq.h"
#include "tipc-stack.h"
#include "tipc-trace.h"

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

std::string
TipcXmitResultToString(TipcXmitResult r)
{
    switch (r)
    {
    case TipcXmitResult::OK:
        return "OK";
    case TipcXmitResult::LINK_CONG:
        return "LINK_CONG";
    case TipcXmitResult::MSG_SIZE:
        return "MSG_SIZE";
    case TipcXmitResult::NO_BUFS:
        return "NO_BUFS";
    case TipcXmitResult::HOST_UNREACH:
        return "HOST_UNREACH";
    }
    return "?";
}

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
                            "ns3::TipcLink::PacketTracedCallback")
            .AddTraceSource("Retransmit",
                            "A packet was retransmitted (seqno, its retransmission count).",
                            MakeTraceSourceAccessor(&TipcLink::m_retransmitTrace),
                            "ns3::TipcLink::RetransmitTracedCallback")
            .AddTraceSource("Window",
                            "The send window (packets).",
                            MakeTraceSourceAccessor(&TipcLink::m_cwnd),
                            "ns3::TracedValueCallback::Uint32")
            .AddAttribute("AckInterval",
                          "Send an explicit acknowledgement (STATE) after this many in-order "
                          "packets without one (Linux TIPC_MIN_LINK_WIN, 16); 1 .. 8191.",
                          UintegerValue(TIPC_MIN_LINK_WIN),
                          MakeUintegerAccessor(&TipcLink::SetAckInterval),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RetransmitInterval",
                          "A packet is retransmitted at most once per this interval, rounded up "
                          "to whole jiffies (ns3::TipcStack::Hz) as Linux does "
                          "(TIPC_UC_RETR_TIME, 1 ms); 0 .. 1 s.",
                          TimeValue(MilliSeconds(TIPC_UC_RETR_TIME)),
                          MakeTimeAccessor(&TipcLink::SetRetransmitInterval),
                          MakeTimeChecker())
            .AddAttribute("RetransmitFailureMultiple",
                          "The link fails when its oldest unacknowledged packet is still "
                          "unacknowledged this many tolerances after its first retransmission "
                          "(Linux >= 5.10: 10); 1 .. 1000.",
                          UintegerValue(TIPC_RETR_FAIL_TOL_MULT),
                          MakeUintegerAccessor(&TipcLink::SetRetransmitFailureMultiple),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

TipcLink::TipcLink()
    : m_role(TipcLinkRole::UNICAST),
      m_ackers(0),
      m_bcPeerIsUp(false),
      m_bearerId(0),
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
      m_acked(0),
      m_dropPoint(1),
      m_suppressTx(false),
      m_ackInterval(TIPC_MIN_LINK_WIN),
      m_retrInterval(MilliSeconds(TIPC_UC_RETR_TIME)),
      m_retrFailMultiple(TIPC_RETR_FAIL_TOL_MULT)
{
}

void
TipcLink::SetAckInterval(uint32_t n)
{
    CheckAttributeRange("ns3::TipcLink", "AckInterval", n, 1, TIPC_MAX_LINK_WIN);
    m_ackInterval = n;
}

void
TipcLink::SetRetransmitInterval(Time t)
{
    CheckAttributeRange("ns3::TipcLink", "RetransmitInterval", t, MilliSeconds(0), Seconds(1));
    m_retrInterval = t;
}

uint32_t
TipcLink::RetransmitIntervalMs() const
{
    // whole milliseconds, rounded up (msecs_to_jiffies rounds up as well)
    return static_cast<uint32_t>((m_retrInterval.GetMicroSeconds() + 999) / 1000);
}

void
TipcLink::SetRetransmitFailureMultiple(uint32_t n)
{
    CheckAttributeRange("ns3::TipcLink", "RetransmitFailureMultiple", n, 1, 1000);
    m_retrFailMultiple = n;
}

TipcLink::~TipcLink()
{
}

void
TipcLink::DoDispose()
{
    m_transmq.clear();
    m_backlogq.clear();
    m_deferdq.clear();
    m_failoverDeferdq.clear();
    for (auto& b : m_backlog)
    {
        b.target = nullptr;
    }
    m_wakeupq.clear();
    m_winCtl = nullptr;
    m_peer = nullptr;
    m_bearer = nullptr;
    m_stack = nullptr;
    m_bcSnd = nullptr;
    Object::DoDispose();
}

void
TipcLink::Setup(Ptr<TipcPeer> peer, Ptr<TipcBearer> bearer, uint16_t session)
{
    m_peer = peer;
    m_bearer = bearer;
    m_bearerId = bearer->GetId();
    Ptr<TipcStack> stack = peer->GetStack();
    m_stack = stack;
    m_ownAddr = stack->GetOwnAddress();
    m_peerAddr = peer->GetAddress();
    m_peerIfName.clear();
    m_peerCaps = peer->GetCapabilities();
    m_session = session;
    m_peerSession = 0;
    m_inSession = false;
    SetTolerance(bearer->GetTolerance());
    m_netPlane = static_cast<char>(TIPC_NET_PLANE_BASE + m_bearerId);
    m_advertisedMtu = bearer->GetMtu();
    m_mtu = m_advertisedMtu;
    m_priority = bearer->GetPriority();
    m_winCtl = stack->GetWindowControl();
    std::array<uint32_t, 5> limits;
    m_winCtl->Init(m_win, bearer->GetMinWindow(), bearer->GetMaxWindow(), m_mtu, limits);
    for (uint32_t i = 0; i < 5; ++i)
    {
        m_backlog[i].limit = limits[i];
    }
    m_cwnd = m_win.window;
}

std::string
TipcLink::GetName() const
{
    switch (m_role)
    {
    case TipcLinkRole::BCAST_SEND:
        return "broadcast-link";
    case TipcLinkRole::BCAST_RCV:
        return "broadcast-link:" + IdForLinkName(m_peer->GetNodeId(), m_peerAddr);
    default:
        return IdForLinkName(m_stack->GetNodeId(), m_ownAddr) + ":" + m_bearer->GetInterfaceName() +
               "-" + IdForLinkName(m_peer->GetNodeId(), m_peerAddr) + ":" +
               (m_peerIfName.empty() ? std::string("unknown") : m_peerIfName);
    }
}

TipcLinkRole
TipcLink::GetRole() const
{
    return m_role;
}

// ---------------------------------------------------------------- broadcast links

void
TipcLink::SetupBcastSend(Ptr<TipcStack> stack, uint32_t mtu, uint32_t maxWin)
{
    m_role = TipcLinkRole::BCAST_SEND;
    m_stack = stack;
    m_bearerId = MAX_BEARERS;
    m_netPlane = 'Z';
    m_priority = 0;
    m_advertisedMtu = mtu;
    m_mtu = mtu;
    // the broadcast window never grows: min = 50; maxWin is what users configure
    m_winCtl = CreateObject<TipcVariableWindow>();
    std::array<uint32_t, 5> limits;
    m_winCtl->Init(m_win, BCLINK_WIN_DEFAULT, maxWin, m_mtu, limits);
    for (uint32_t i = 0; i < 5; ++i)
    {
        m_backlog[i].limit = limits[i];
    }
    m_cwnd = m_win.window;
    m_sndNxt = 1;
    m_rcvNxt = 1;
    m_fsm.Force(LINK_ESTABLISHED);
}

uint32_t
TipcLink::GetPeerCapabilities() const
{
    return m_peerCaps;
}

void
TipcLink::UpdateCapabilities(uint32_t caps)
{
    m_peerCaps = caps;
}

void
TipcLink::SetupBcastRcv(Ptr<TipcPeer> peer, Ptr<TipcLink> sndLink)
{
    m_role = TipcLinkRole::BCAST_RCV;
    m_peer = peer;
    m_stack = peer->GetStack();
    m_bcSnd = sndLink;
    m_bearerId = MAX_BEARERS;
    m_ownAddr = m_stack->GetOwnAddress();
    m_peerAddr = peer->GetAddress();
    m_peerCaps = peer->GetCapabilities();
    m_netPlane = 'Z';
    m_priority = 0;
    m_tolerance = MilliSeconds(TIPC_DEF_LINK_TOL);
    m_advertisedMtu = 65535;
    m_mtu = 65535;
    m_win.window = BCLINK_WIN_DEFAULT;
    m_win.minWin = BCLINK_WIN_DEFAULT;
    m_win.maxWin = sndLink->m_win.maxWin;
    m_sndNxt = 1;
    m_rcvNxt = 1;
    m_fsm.Force(LINK_RESET);
}

void
TipcLink::BcReset()
{
    WakeupAll();
    m_transmq.clear();
    m_backlogq.clear();
    m_deferdq.clear();
    for (auto& b : m_backlog)
    {
        b.len = 0;
        b.target = nullptr;
    }
    m_reasm.Clear();
    m_rcvUnacked = 0;
    m_sndNxt = 1;
    m_rcvNxt = 1;
    m_acked = 0;
    m_bcPeerIsUp = false;
    m_mtu = m_advertisedMtu;
    ResetStats();
    m_fsm.Force(LINK_RESET);
}

uint32_t
TipcLink::GetAckers() const
{
    return m_ackers;
}

void
TipcLink::LowerBcMtu(uint32_t mtu)
{
    if (mtu >= m_mtu)
    {
        return;
    }
    m_mtu = mtu;
    std::array<uint32_t, 5> limits;
    m_winCtl->Init(m_win, BCLINK_WIN_DEFAULT, m_win.maxWin, m_mtu, limits);
    for (uint32_t i = 0; i < 5; ++i)
    {
        m_backlog[i].limit = limits[i];
    }
}

void
TipcLink::AddBcPeer(Ptr<TipcLink> r)
{
    ++m_ackers;
    r->m_acked = static_cast<uint16_t>(m_sndNxt - 1);
    m_fsm.Force(LINK_ESTABLISHED);
}

void
TipcLink::RemoveBcPeer(Ptr<TipcLink> r)
{
    uint16_t ack = static_cast<uint16_t>(m_sndNxt - 1);
    if (m_ackers > 0)
    {
        --m_ackers;
    }
    // release on behalf of the lost peer what it has not acknowledged
    r->m_bcPeerIsUp = true;
    r->m_fsm.Force(LINK_ESTABLISHED);
    BcAckRcv(r, ack, 0, nullptr, false);
    r->BcReset();
    if (m_ackers == 0)
    {
        BcReset(); // sequence numbers restart at 1, the MTU goes back to one page
    }
}

uint32_t
TipcLink::BcAckRcv(Ptr<TipcLink> r,
                   uint16_t acked,
                   uint16_t gap,
                   const std::vector<TipcGapAck>* blocks,
                   bool retransmit)
{
    if (!r->IsUp() || !r->m_bcPeerIsUp)
    {
        return 0;
    }
    size_t nblocks = blocks ? blocks->size() : 0;
    if (gap != 0)
    {
        ++m_stats.recvNacks;
        ++r->m_stats.recvNacks;
    }
    if (SeqLess(acked, r->m_acked) || (acked == r->m_acked && gap == 0 && nblocks == 0))
    {
        return 0;
    }
    uint32_t rc = 0;
    bool newlyAcked = false;
    uint16_t nacked = acked;
    uint16_t ngap = gap;
    size_t n = 0;
    int64_t now = Jiffies();
    int64_t retrTime = m_stack->MsecsToJiffies(TIPC_BC_RETR_LIM);
    uint32_t who = r->m_peerAddr;
    auto it = m_transmq.begin();
    while (it != m_transmq.end())
    {
        Ptr<TipcMsg> p = *it;
        uint16_t s = p->hdr.GetSeqno();
        if (SeqLessEq(s, nacked))
        {
            if (SeqLessEq(s, r->m_acked) ||
                std::find(p->ackedBy.begin(), p->ackedBy.end(), who) != p->ackedBy.end())
            {
                ++it; // acknowledged by this peer before
                continue;
            }
            p->ackedBy.push_back(who);
            newlyAcked = true;
            if (p->ackers > 0)
            {
                --p->ackers;
            }
            if (p->ackers == 0)
            {
                it = m_transmq.erase(it); // every peer has it: release
                continue;
            }
            ++it;
            continue;
        }
        if (SeqLessEq(s, static_cast<uint16_t>(nacked + ngap)))
        {
            if (!retransmit)
            {
                ++it;
                continue;
            }
            if (s == static_cast<uint16_t>(acked + 1) && !m_transmq.empty())
            {
                Ptr<TipcMsg> h = m_transmq.front();
                int64_t limit = m_stack->MsecsToJiffies(
                    static_cast<uint32_t>(m_retrFailMultiple * r->m_tolerance.GetMilliSeconds()));
                if (h->retrCnt != 0 && now > h->retrStamp + limit &&
                    !SeqLessEq(h->hdr.GetSeqno(), r->m_acked))
                {
                    NS_LOG_WARN("Retransmission failure on link "
                                << GetName() << ": seqno " << h->hdr.GetSeqno() << " blamed on "
                                << r->GetName());
                    r->m_fsm.Force(LINK_RESET);
                    rc |= TIPC_LINK_DOWN_EVT;
                    break;
                }
            }
            if (now < p->nxtRetr)
            {
                ++it;
                continue;
            }
            Retransmit(p, now, retrTime, 0, 0); // broadcast copies carry no acks
            ++r->m_stats.retransmitted;
            ++it;
            continue;
        }
        if (n >= nblocks)
        {
            break;
        }
        nacked = (*blocks)[n].ack;
        ngap = (*blocks)[n].gap;
        ++n;
    }
    if (newlyAcked && SeqMore(acked, r->m_acked))
    {
        r->m_acked = acked;
    }
    AdvanceBacklog();
    if (!m_wakeupq.empty())
    {
        PrepareWakeup();
    }
    return rc;
}

uint32_t
TipcLink::BcSyncRcv(const TipcHeader& hdr)
{
    if (!IsUp())
    {
        return 0;
    }
    if (hdr.GetAck() != 0)
    {
        m_bcPeerIsUp = true; // the peer has our broadcast-init
    }
    if (!m_bcPeerIsUp)
    {
        return 0;
    }
    uint16_t peerSndNxt = static_cast<uint16_t>(hdr.GetLastBcast() + 1);
    if (SeqMore(peerSndNxt, static_cast<uint16_t>(m_rcvNxt + m_win.window)))
    {
        return 0;
    }
    m_sndNxt = peerSndNxt;
    return BcRcvGap() != 0 ? TIPC_LINK_SND_STATE : 0;
}

uint16_t
TipcLink::BcRcvGap() const
{
    if (!m_deferdq.empty())
    {
        return SeqDistance(m_rcvNxt, m_deferdq.front()->hdr.GetSeqno());
    }
    if (SeqMore(m_sndNxt, m_rcvNxt))
    {
        return SeqDistance(m_rcvNxt, m_sndNxt);
    }
    return 0;
}

void
TipcLink::BcInitRcv(uint16_t lastBcast)
{
    if (IsUp())
    {
        return;
    }
    m_rcvNxt = static_cast<uint16_t>(lastBcast + 1);
    m_fsm.Force(LINK_ESTABLISHED);
}

void
TipcLink::BcEstablish()
{
    m_fsm.Force(LINK_ESTABLISHED);
}

uint32_t
TipcLink::GetRcvUnacked() const
{
    return m_rcvUnacked;
}

uint16_t
TipcLink::GetAcked() const
{
    return m_acked;
}

bool
TipcLink::IsBcPeerUp() const
{
    return m_bcPeerIsUp;
}

std::vector<TipcGapAck>
TipcLink::GetBcGapAckBlocks() const
{
    return BuildGapAckBlocks();
}

void
TipcLink::CountBcNack()
{
    ++m_stats.sentNacks;
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
    uint32_t reserve = INT_H_SIZE + (m_stack->IsCryptoBuild() ? EMSG_OVERHEAD : 0);
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

uint16_t
TipcLink::GetRcvNxtState() const
{
    return m_rcvNxtState;
}

const TipcLinkStats&
TipcLink::GetStats() const
{
    return m_stats;
}

void
TipcLink::PrintStats(std::ostream& os) const
{
    const TipcLinkStats& s = m_stats;
    if (m_role != TipcLinkRole::UNICAST)
    {
        // iproute2 _show_bc_link_stat
        os << "Link <" << GetName() << ">\n"
           << "  Window:" << m_win.maxWin << " packets\n"
           << "  RX packets:" << s.recvPkts << " fragments:" << s.recvFragments << "/"
           << s.recvFragmented << " bundles:" << s.recvBundles << "/" << s.recvBundled << "\n"
           << "  TX packets:" << s.sentPkts << " fragments:" << s.sentFragments << "/"
           << s.sentFragmented << " bundles:" << s.sentBundles << "/" << s.sentBundled << "\n"
           << "  RX naks:" << s.recvNacks << " defs:" << s.deferredRecv << " dups:" << s.duplicates
           << "\n"
           << "  TX naks:" << s.sentNacks << " acks:" << s.sentAcks
           << " retrans:" << s.retransmitted << "\n"
           << "  Congestion link:" << s.linkCongs << "  Send queue max:" << s.maxQueueSz
           << " avg:" << (s.queueSzCounts ? s.accuQueueSz / s.queueSzCounts : 0) << "\n";
        return;
    }
    const char* role = "DEFUNCT";
    if (IsUp())
    {
        bool active = m_peer && (m_peer->GetActiveLink(0) == static_cast<int32_t>(m_bearerId) ||
                                 m_peer->GetActiveLink(1) == static_cast<int32_t>(m_bearerId));
        role = active ? "ACTIVE" : "STANDBY";
    }
    os << "Link <" << GetName() << ">\n"
       << "  " << role << "  MTU:" << m_mtu << "  Priority:" << m_priority
       << "  Tolerance:" << m_tolerance.GetMilliSeconds() << " ms  Window:" << GetWindow()
       << " packets\n"
       << "  RX packets:" << s.recvPkts << " fragments:" << s.recvFragments << "/"
       << s.recvFragmented << " bundles:" << s.recvBundles << "/" << s.recvBundled << "\n"
       << "  TX packets:" << s.sentPkts << " fragments:" << s.sentFragments << "/"
       << s.sentFragmented << " bundles:" << s.sentBundles << "/" << s.sentBundled << "\n"
       << "  RX states:" << s.recvStates << " probes:" << s.recvProbes << " naks:" << s.recvNacks
       << " defs:" << s.deferredRecv << " dups:" << s.duplicates << "\n"
       << "  TX states:" << s.sentStates << " probes:" << s.sentProbes << " naks:" << s.sentNacks
       << " acks:" << s.sentAcks << " dups:" << s.retransmitted << "\n"
       << "  Congestion link:" << s.linkCongs << "  Send queue max:" << s.maxQueueSz
       << " avg:" << (s.queueSzCounts ? s.accuQueueSz / s.queueSzCounts : 0) << "\n";
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
        if (m_role == TipcLinkRole::UNICAST)
        {
            m_peer->NotifyLinkState(this, old, r.state);
        }
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
    WakeupAll();
    m_transmq.clear();
    m_backlogq.clear();
    m_deferdq.clear();
    m_failoverDeferdq.clear();
    for (auto& b : m_backlog)
    {
        b.len = 0;
        b.target = nullptr;
    }
    m_reasm.Clear();
    m_tnlReasm.Clear();
    m_failoverReasm.Clear();
    m_rcvUnacked = 0;
    m_sndNxt = 1;
    m_rcvNxt = 1;
    m_sndNxtState = 1;
    m_rcvNxtState = 1;
    m_acked = 0;
    m_silentIntvCnt = 0;
    m_rstCnt = 0;
    m_monState = TipcMonitor::LinkState();
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
        m_stats.accuQueueSz += m_transmq.size();
        ++m_stats.queueSzCounts;
        // the neighbour monitor says whether to supervise this peer actively
        m_stack->GetMonitor(m_bearerId)->GetState(m_peerAddr, m_monState);
        const bool monProbing = m_monState.probing;
        const bool monMonitoring = m_monState.monitoring;
        if (m_monState.reset)
        {
            NS_LOG_INFO("link " << GetName() << " reset: domain heads report the peer lost");
            return FsmEvent(LINK_FAILURE_EVT);
        }
        if (m_silentIntvCnt > m_abortLimit)
        {
            NS_LOG_INFO("link " << GetName() << " lost contact after " << m_silentIntvCnt
                                << " silent intervals");
            return FsmEvent(LINK_FAILURE_EVT);
        }
        state = m_rcvUnacked != 0 || !m_transmq.empty();
        // the peer has not acknowledged all our broadcasts, or we owe it an ack
        Ptr<TipcLink> bcl = m_peer->GetBcRcvLink();
        if (bcl)
        {
            state = state || bcl->GetRcvUnacked() != 0 ||
                    bcl->GetAcked() != static_cast<uint16_t>(m_stack->GetBcSndNxt() - 1);
        }
        probe = monProbing || m_silentIntvCnt != 0;
        if (probe || monMonitoring)
        {
            ++m_silentIntvCnt;
        }
        if (!m_deferdq.empty())
        {
            probe = true;
        }
        if (m_sndNxt == m_checkpoint && m_winCtl->ProbesIdleLink())
        {
            UpdateCwin(0, false); // nothing sent since the last tick: slow start again
            probe = true;
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
    bool bcRcvUp = m_peer->IsBcRcvUp();
    h.SetBcastAck(static_cast<uint16_t>(m_peer->GetBcRcvNxt() - 1));
    h.SetBcAckInvalid(!bcRcvUp);
    h.SetLastBcast(static_cast<uint16_t>(m_stack->GetBcSndNxt() - 1));
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
        Ptr<TipcLink> bcl = m_peer->GetBcRcvLink();
        uint16_t bcgap = bcl ? static_cast<uint16_t>(bcl->BcRcvGap() & 0x3ff) : 0;
        h.SetBcGap(bcgap);
        if (bcgap != 0)
        {
            bcl->CountBcNack();
        }
        h.SetProbe(probe);
        h.SetKeepalive(probe || probeReply);
        std::vector<uint8_t> data;
        if (m_peerCaps & TIPC_GAP_ACK_BLOCK)
        {
            TipcGapAckBlocks ga;
            if (bcl)
            {
                ga.bcast = bcl->GetBcGapAckBlocks(); // broadcast blocks come first
            }
            if (rcvgap != 0)
            {
                ga.ucast = BuildGapAckBlocks();
            }
            data.resize(ga.GetSerializedSize());
            ga.Serialize(data.data());
        }
        // the neighbour monitor's domain record follows (only above the threshold)
        TipcMonitorRecord rec;
        if (m_stack->GetMonitor(m_bearerId)->Prepare(m_monState, rec))
        {
            size_t glen = data.size();
            data.resize(glen + rec.GetSerializedSize());
            rec.Serialize(data.data() + glen);
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
        const std::string& ifName = m_bearer->GetInterfaceName();
        std::memcpy(name, ifName.data(), std::min<size_t>(ifName.size(), TIPC_MAX_IF_NAME - 1));
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
    ++m_stats.sentAcks;
    SendProtoMsg(STATE_MSG, false, false, 0, 0, 0);
}

void
TipcLink::Transmit(Ptr<TipcMsg> msg)
{
    if (m_suppressTx)
    {
        return;
    }
    tipc::FireTrace(m_txTrace, msg->hdr, msg->data);
    if (m_role == TipcLinkRole::BCAST_SEND)
    {
        m_stack->BcastTransmit(msg);
        return;
    }
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
    tipc::FireTrace(m_rxTrace, msg->hdr, msg->data);
    if (msg->hdr.GetUser() == LINK_PROTOCOL)
    {
        return ProtoReceive(msg);
    }
    m_silentIntvCnt = 0;
    uint32_t rc = 0;
    uint32_t released = 0;
    Ptr<TipcMsg> skb = msg;
    while (skb)
    {
        uint16_t seqno = skb->hdr.GetSeqno();
        uint16_t r = m_rcvNxt;
        uint16_t lim = static_cast<uint16_t>(r + TIPC_MAX_LINK_WIN);
        if (!IsUp())
        {
            if (IsEstablishing())
            {
                rc = TIPC_LINK_UP_EVT; // the packet is dropped; it will come again
            }
            break;
        }
        if (SeqLess(seqno, r) || SeqMore(seqno, lim))
        {
            ++m_stats.duplicates;
            break;
        }
        bool retransmitted = false;
        if (m_role == TipcLinkRole::UNICAST)
        {
            released += AdvanceTransmq(skb->hdr.GetAck(), 0, nullptr, retransmitted, rc);
        }
        if (seqno != r)
        {
            if (!InsertSorted(m_deferdq, skb))
            {
                ++m_stats.duplicates;
            }
            if (m_role == TipcLinkRole::BCAST_RCV)
            {
                // tipc_link_build_nack_msg: receivers NACK at their own phase
                ++m_stats.deferredRecv;
                if ((m_stats.deferredRecv & 0xf) == (m_stack->GetOwnAddress() & 0xf))
                {
                    rc |= TIPC_LINK_SND_STATE;
                }
            }
            else
            {
                BuildNack();
            }
            break;
        }
        ++m_rcvNxt;
        ++m_stats.recvPkts;
        if (skb->hdr.GetUser() == TUNNEL_PROTOCOL)
        {
            rc |= TunnelReceive(skb);
        }
        else if (!DataInput(skb))
        {
            rc |= LinkInput(skb, m_reasm);
        }
        if (m_role == TipcLinkRole::BCAST_RCV)
        {
            // explicit broadcast acks every 16 packets, at a phase set by the own address
            if (++m_rcvUnacked >= m_ackInterval &&
                ((m_rcvNxt ^ m_stack->GetOwnAddress()) & 0xf) == 0xf)
            {
                m_rcvUnacked = 0;
                m_sndNxt = m_rcvNxt;
                rc |= TIPC_LINK_SND_STATE;
            }
        }
        else if (++m_rcvUnacked >= m_ackInterval)
        {
            SendStateMsg();
        }
        if (rc & (TIPC_LINK_UP_EVT | TIPC_LINK_DOWN_EVT))
        {
            break;
        }
        skb = nullptr;
        if (!m_deferdq.empty() && SeqLessEq(m_deferdq.front()->hdr.GetSeqno(), m_rcvNxt))
        {
            skb = m_deferdq.front();
            m_deferdq.pop_front();
        }
    }
    if (released > 0)
    {
        UpdateCwin(released, false);
        AdvanceBacklog();
        if (!m_wakeupq.empty())
        {
            PrepareWakeup();
        }
    }
    return rc;
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
        m_stack->DropFrame("link protocol message outside the session");
        return 0;
    }
    uint32_t peerTol = hdr.GetLinkTolerance();
    uint32_t peerPrio = hdr.GetLinkPriority();
    if (peerTol != 0 && (peerTol < TIPC_MIN_LINK_TOL || peerTol > TIPC_MAX_LINK_TOL))
    {
        m_stack->CountAnomaly("link tolerance out of range ignored");
    }
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
            SetTolerance(MilliSeconds(peerTol));
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
            SetTolerance(MilliSeconds(peerTol));
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
        if (!IsUp())
        {
            if (IsEstablishing())
            {
                rc = TIPC_LINK_UP_EVT;
            }
            return rc;
        }
        // gap ACK blocks, then the neighbour monitor's domain record
        TipcGapAckBlocks ga;
        const std::vector<TipcGapAck>* blocks = nullptr;
        std::vector<uint8_t> d = msg->PayloadBytes();
        uint32_t glen = 0; // the blocks' own length field, valid or not, as Linux
        if ((m_peerCaps & TIPC_GAP_ACK_BLOCK) && d.size() >= 2)
        {
            glen = tipc::ReadBe16(d.data());
            if (TipcGapAckBlocks::Deserialize(d.data(), static_cast<uint32_t>(d.size()), ga) &&
                !ga.ucast.empty())
            {
                blocks = &ga.ucast;
            }
        }
        ReceiveMonitorRecord(d, glen);
        uint16_t rcvgap = 0;
        const bool checkGap = m_winCtl->NacksOnAnyState()
                                  ? true
                                  : (hdr.IsProbe() || hdr.IsKeepalive()) && m_deferdq.empty();
        if (checkGap && SeqMore(hdr.GetNextSent(), m_rcvNxt) && !IsSynching())
        {
            rcvgap = SeqDistance(m_rcvNxt, hdr.GetNextSent());
        }
        if (rcvgap != 0 || hdr.IsProbe())
        {
            SendProtoMsg(STATE_MSG, false, hdr.IsProbe(), rcvgap, 0, 0);
        }
        if (hdr.GetSeqGap() != 0)
        {
            ++m_stats.recvNacks;
        }
        // Release acked packets and retransmit what the peer reports missing
        bool retransmitted = false;
        uint32_t released = AdvanceTransmq(hdr.GetAck(),
                                           static_cast<uint16_t>(hdr.GetSeqGap()),
                                           blocks,
                                           retransmitted,
                                           rc);
        if (released > 0 || retransmitted)
        {
            UpdateCwin(released, retransmitted);
        }
        if (released > 0)
        {
            AdvanceBacklog();
        }
        if (!m_wakeupq.empty())
        {
            PrepareWakeup();
        }
        return rc;
    }
    default:
        return 0;
    }
}

// ---------------------------------------------------------------- data path

int64_t
TipcLink::Jiffies() const
{
    return m_stack->Jiffies();
}

uint32_t
TipcLink::GetWindow() const
{
    return m_win.window;
}

const TipcWindowState&
TipcLink::GetWindowState() const
{
    return m_win;
}

uint32_t
TipcLink::GetTransmitQueueLength() const
{
    return static_cast<uint32_t>(m_transmq.size());
}

uint32_t
TipcLink::GetBacklogLength() const
{
    return static_cast<uint32_t>(m_backlogq.size());
}

uint32_t
TipcLink::GetBacklogLimit(uint32_t imp) const
{
    return m_backlog.at(imp).limit;
}

uint32_t
TipcLink::GetDeferredQueueLength() const
{
    return static_cast<uint32_t>(m_deferdq.size());
}

void
TipcLink::EnqueueAndSend(Ptr<TipcMsg> p, uint16_t seqno)
{
    Ptr<TipcStack> stack = m_stack;
    p->hdr.SetSeqno(seqno);
    if (m_role == TipcLinkRole::BCAST_SEND)
    {
        // broadcasts carry no acks; every current peer has to acknowledge them
        p->hdr.SetAck(0);
        p->hdr.SetBcastAck(0);
        p->nxtRetr = Jiffies() + stack->MsecsToJiffies(TIPC_BC_RETR_LIM);
        p->ackers = static_cast<uint16_t>(m_ackers);
        p->ackedBy.clear();
    }
    else
    {
        p->hdr.SetAck(static_cast<uint16_t>(m_rcvNxt - 1));
        p->hdr.SetBcastAck(static_cast<uint16_t>(m_peer->GetBcRcvNxt() - 1));
        p->nxtRetr = Jiffies() + stack->MsecsToJiffies(RetransmitIntervalMs());
        p->ackers = 1;
    }
    if (p->enqueued.IsZero())
    {
        p->enqueued = Simulator::Now();
    }
    m_transmq.push_back(p);
    Transmit(p);
    m_rcvUnacked = 0;
    ++m_stats.sentPkts;
}

TipcXmitResult
TipcLink::Xmit(std::deque<Ptr<TipcMsg>>& list)
{
    if (list.empty())
    {
        return TipcXmitResult::OK;
    }
    const TipcHeader& h = list.front()->hdr;
    if (h.GetSize() > m_mtu)
    {
        NS_LOG_WARN("Too large msg (" << h.GetSize() << " > MTU " << m_mtu << ") on link "
                                      << GetName());
        list.clear();
        return TipcXmitResult::MSG_SIZE;
    }
    uint32_t imp = h.GetImportance();
    TipcXmitResult rc = TipcXmitResult::OK;
    if (m_backlog[imp].len >= m_backlog[imp].limit)
    {
        if (imp == TIPC_SYSTEM_IMPORTANCE)
        {
            NS_LOG_WARN("link overflow on " << GetName());
            list.clear();
            return TipcXmitResult::NO_BUFS;
        }
        ScheduleUser(list.front());
        rc = TipcXmitResult::LINK_CONG;
    }
    if (list.size() > 1)
    {
        ++m_stats.sentFragmented;
        m_stats.sentFragments += list.size();
    }
    uint32_t mss = GetMss();
    uint16_t seqno = m_sndNxt;
    while (!list.empty())
    {
        Ptr<TipcMsg> p = list.front();
        list.pop_front();
        // Linux keeps "backlog not empty => send queue full"; a sender must
        // never overtake packets waiting in the backlog
        if (m_transmq.size() < m_win.window && m_backlogq.empty())
        {
            EnqueueAndSend(p, seqno++);
            continue;
        }
        Backlog& bl = m_backlog[imp];
        if (TipcMsg::IsBundleable(p, mss))
        {
            bool newBundle = false;
            if (TipcMsg::Bundle(bl.target, p, mss, m_peerAddr, newBundle))
            {
                if (newBundle)
                {
                    ++m_stats.sentBundles;
                    ++m_stats.sentBundled;
                }
                ++m_stats.sentBundled;
                continue;
            }
            bl.target = p;
            ++bl.len;
            m_backlogq.push_back(p);
            continue;
        }
        // Not bundleable: the rest of the chain follows it into the backlog
        bl.target = nullptr;
        bl.len += 1 + static_cast<uint32_t>(list.size());
        m_backlogq.push_back(p);
        for (auto& q : list)
        {
            m_backlogq.push_back(q);
        }
        list.clear();
    }
    m_sndNxt = seqno;
    return rc;
}

void
TipcLink::AdvanceBacklog()
{
    uint16_t seqno = m_sndNxt;
    while (m_transmq.size() < m_win.window && !m_backlogq.empty())
    {
        Ptr<TipcMsg> p = m_backlogq.front();
        m_backlogq.pop_front();
        uint32_t imp = p->hdr.GetImportance();
        if (m_backlog[imp].len > 0)
        {
            --m_backlog[imp].len;
        }
        if (m_backlog[imp].target == p)
        {
            m_backlog[imp].target = nullptr;
        }
        EnqueueAndSend(p, seqno++);
    }
    m_sndNxt = seqno;
}

bool
TipcLink::RetransmitFailure(uint32_t& rc)
{
    if (m_transmq.empty())
    {
        return false;
    }
    Ptr<TipcMsg> h = m_transmq.front();
    if (h->retrCnt == 0)
    {
        return false;
    }
    int64_t limit = m_stack->MsecsToJiffies(
        static_cast<uint32_t>(m_retrFailMultiple * m_tolerance.GetMilliSeconds()));
    if (!(Jiffies() > h->retrStamp + limit))
    {
        return false;
    }
    NS_LOG_WARN("Retransmission failure on link "
                << GetName() << ": seqno " << h->hdr.GetSeqno() << " retransmitted " << h->retrCnt
                << " times; transmq " << m_transmq.size() << " backlog " << m_backlogq.size());
    rc |= FsmEvent(LINK_FAILURE_EVT);
    return true;
}

uint32_t
TipcLink::AdvanceTransmq(uint16_t acked,
                         uint16_t gap,
                         const std::vector<TipcGapAck>* blocks,
                         bool& retransmitted,
                         uint32_t& rc)
{
    size_t qlen = m_transmq.size();
    uint16_t nacked = acked;
    uint16_t ngap = gap;
    size_t n = 0;
    size_t nblocks = blocks ? blocks->size() : 0;
    uint16_t ack = static_cast<uint16_t>(m_rcvNxt - 1);
    uint16_t bcAck = static_cast<uint16_t>(m_peer->GetBcRcvNxt() - 1);
    // the clock is read only when a gap is reported: most acks just release packets
    int64_t now = -1;
    int64_t retrTime = 0;
    auto it = m_transmq.begin();
    while (it != m_transmq.end())
    {
        Ptr<TipcMsg> p = *it;
        uint16_t s = p->hdr.GetSeqno();
        if (SeqLessEq(s, nacked))
        {
            it = m_transmq.erase(it); // acked: release
            continue;
        }
        if (SeqLessEq(s, static_cast<uint16_t>(nacked + ngap)))
        {
            if (s == static_cast<uint16_t>(acked + 1) && RetransmitFailure(rc))
            {
                break;
            }
            if (now < 0)
            {
                now = Jiffies();
                retrTime = m_stack->MsecsToJiffies(RetransmitIntervalMs());
            }
            if (now < p->nxtRetr)
            {
                ++it; // (re)sent within the current jiffy
                continue;
            }
            Retransmit(p, now, retrTime, ack, bcAck);
            retransmitted = true;
            ++it;
            continue;
        }
        if (n >= nblocks)
        {
            break;
        }
        nacked = (*blocks)[n].ack;
        ngap = (*blocks)[n].gap;
        ++n;
    }
    if (SeqMore(acked, m_acked))
    {
        m_acked = acked;
    }
    return static_cast<uint32_t>(qlen - m_transmq.size());
}

void
TipcLink::Retransmit(Ptr<TipcMsg> p, int64_t now, int64_t retrTime, uint16_t ack, uint16_t bcAck)
{
    p->nxtRetr = now + retrTime;
    Ptr<TipcMsg> copy = p->Clone();
    copy->hdr.SetAck(ack);
    copy->hdr.SetBcastAck(bcAck);
    Transmit(copy);
    ++m_stats.retransmitted;
    if (p->retrCnt == 0)
    {
        p->retrStamp = now;
    }
    ++p->retrCnt;
    m_retransmitTrace(p->hdr.GetSeqno(), p->retrCnt);
}

void
TipcLink::UpdateCwin(uint32_t released, bool retransmitted)
{
    uint32_t txq = static_cast<uint32_t>(m_transmq.size());
    // Linux subtracts the two 16-bit sequence numbers as ints, not modulo 2^16: while the
    // queue straddles the wrap the difference is negative and counts as holes, so those
    // acks grow no window
    bool holes = txq > 0 && static_cast<int32_t>(m_sndNxt) -
                                    static_cast<int32_t>(m_transmq.front()->hdr.GetSeqno()) !=
                                static_cast<int32_t>(txq);
    m_winCtl->Update(m_win,
                     released,
                     retransmitted,
                     txq,
                     static_cast<uint32_t>(m_backlogq.size()),
                     holes);
    m_cwnd = m_win.window;
}

void
TipcLink::SetTolerance(Time tolerance)
{
    m_tolerance = tolerance;
    Ptr<TipcLink> bcRcv = m_peer ? m_peer->GetBcRcvLink() : nullptr;
    if (bcRcv)
    {
        bcRcv->m_tolerance = tolerance;
    }
}

void
TipcLink::ScheduleUser(Ptr<TipcMsg> m)
{
    uint32_t port = m->hdr.GetOrigPort();
    if (m->hdr.GetUser() == MSG_FRAGMENTER && m->data->GetSize() >= SHORT_H_SIZE)
    {
        // a first fragment carries the original header: its origin port counts
        uint8_t inner[SHORT_H_SIZE];
        m->data->CopyData(inner, SHORT_H_SIZE);
        port = ReadBe32(inner + 16);
    }
    m_wakeupq.emplace_back(m->hdr.GetImportance(), port);
    ++m_stats.linkCongs;
}

void
TipcLink::PrepareWakeup()
{
    std::array<int64_t, 5> avail;
    for (uint32_t i = 0; i < 5; ++i)
    {
        avail[i] = static_cast<int64_t>(m_backlog[i].limit) - m_backlog[i].len;
    }
    auto it = m_wakeupq.begin();
    while (it != m_wakeupq.end())
    {
        uint32_t imp = std::min<uint32_t>(it->first, TIPC_SYSTEM_IMPORTANCE);
        if (avail[imp] <= 0)
        {
            ++it;
            continue;
        }
        --avail[imp];
        uint32_t port = it->second;
        it = m_wakeupq.erase(it);
        WakeupPort(port);
    }
}

void
TipcLink::WakeupAll()
{
    while (!m_wakeupq.empty())
    {
        uint32_t port = m_wakeupq.front().second;
        m_wakeupq.pop_front();
        WakeupPort(port);
    }
}

void
TipcLink::WakeupPort(uint32_t port)
{
    if (m_role == TipcLinkRole::BCAST_SEND)
    {
        if (m_stack)
        {
            m_stack->WakeupPort(port, 0); // the broadcast link's wakeups come from node 0
        }
        return;
    }
    if (m_peer)
    {
        m_peer->WakeupSender(port);
    }
}

bool
TipcLink::InsertSorted(TipcLazyDeque<Ptr<TipcMsg>>& q, Ptr<TipcMsg> p)
{
    uint16_t s = p->hdr.GetSeqno();
    if (q.empty() || SeqMore(s, q.back()->hdr.GetSeqno()))
    {
        q.push_back(p);
        return true;
    }
    for (auto it = q.begin(); it != q.end(); ++it)
    {
        uint16_t t = (*it)->hdr.GetSeqno();
        if (t == s)
        {
            return false;
        }
        if (SeqLess(s, t))
        {
            q.insert(it, p);
            return true;
        }
    }
    q.push_back(p);
    return true;
}

void
TipcLink::BuildNack()
{
    ++m_stats.deferredRecv;
    size_t q = m_deferdq.size();
    if (q >= 3 && (q - 3) % 16 == 0)
    {
        uint16_t gap = SeqDistance(m_rcvNxt, m_deferdq.front()->hdr.GetSeqno());
        SendProtoMsg(STATE_MSG, false, false, gap, 0, 0);
    }
}

void
TipcLink::ReceiveMonitorRecord(const std::vector<uint8_t>& data, uint32_t offset)
{
    if (offset >= data.size())
    {
        m_monState.probing = false; // tipc_mon_rcv clears it before its checks
        return;                     // no record: the peer's monitor is not active
    }
    TipcMonitorRecord rec;
    if (!TipcMonitorRecord::Deserialize(data.data() + offset,
                                        static_cast<uint32_t>(data.size() - offset),
                                        rec))
    {
        m_monState.probing = false;
        m_stack->CountAnomaly("malformed monitor domain record ignored");
        return;
    }
    m_stack->GetMonitor(m_bearerId)->Receive(m_peerAddr, rec, m_monState);
}

std::vector<TipcGapAck>
TipcLink::BuildGapAckBlocks() const
{
    std::vector<TipcGapAck> blocks;
    if (m_deferdq.empty())
    {
        return blocks;
    }
    uint16_t expect = m_deferdq.front()->hdr.GetSeqno();
    uint16_t last = expect;
    for (const auto& p : m_deferdq)
    {
        uint16_t s = p->hdr.GetSeqno();
        if (SeqMore(s, expect))
        {
            blocks.push_back({static_cast<uint16_t>(expect - 1), SeqDistance(expect, s)});
            if (blocks.size() >= MAX_GAP_ACK_BLKS_PER_LINK)
            {
                return blocks;
            }
        }
        else if (SeqLess(s, expect))
        {
            continue;
        }
        expect = static_cast<uint16_t>(s + 1);
        last = s;
    }
    blocks.push_back({last, 0});
    return blocks;
}

bool
TipcLink::DataInput(Ptr<TipcMsg> m)
{
    uint32_t user = m->hdr.GetUser();
    switch (user)
    {
    case TIPC_LOW_IMPORTANCE:
    case TIPC_MEDIUM_IMPORTANCE:
    case TIPC_HIGH_IMPORTANCE:
    case TIPC_CRITICAL_IMPORTANCE:
    case CONN_MANAGER:
    case GROUP_PROTOCOL:
        m_peer->DeliverData(m);
        return true;
    case NAME_DISTRIBUTOR:
        m_peer->BcRcvEstablish();
        m_peer->NamedInput(m);
        return true;
    case MSG_BUNDLER:
    case TUNNEL_PROTOCOL:
    case MSG_FRAGMENTER:
    case BCAST_PROTOCOL:
        return false;
    default:
        NS_LOG_WARN("Dropping received illegal msg type " << m->hdr.ToString());
        m_stack->DropFrame("illegal message user on link");
        return true;
    }
}

uint32_t
TipcLink::LinkInput(Ptr<TipcMsg> m, TipcReassembler& reasm)
{
    switch (m->hdr.GetUser())
    {
    case MSG_BUNDLER: {
        ++m_stats.recvBundles;
        m_stats.recvBundled += m->hdr.GetMsgCount();
        for (const auto& inner : TipcMsg::Extract(m))
        {
            if (!DataInput(inner))
            {
                m_stack->DropFrame("unbundled message not deliverable");
            }
        }
        return 0;
    }
    case MSG_FRAGMENTER: {
        ++m_stats.recvFragments;
        Ptr<TipcMsg> whole;
        TipcReassembler::Result r = reasm.Append(m, whole);
        if (r == TipcReassembler::Result::COMPLETE)
        {
            ++m_stats.recvFragmented;
            if (!DataInput(whole))
            {
                m_stack->DropFrame("reassembled message not deliverable");
            }
        }
        else if (r == TipcReassembler::Result::ERROR)
        {
            NS_LOG_WARN("Unable to build fragment list on link " << GetName());
            if (m_role == TipcLinkRole::BCAST_RCV)
            {
                return 0; // the message is lost; broadcast links do not fail on it
            }
            return FsmEvent(LINK_FAILURE_EVT);
        }
        return 0;
    }
    case BCAST_PROTOCOL:
        m_peer->BcInitReceive(m->hdr);
        return 0;
    default:
        return 0;
    }
}

uint32_t
TipcLink::TunnelReceive(Ptr<TipcMsg> m)
{
    if (m->hdr.GetType() == SYNCH_MSG)
    {
        return 0; // synch messages only carry the synch point
    }
    Ptr<TipcMsg> inner;
    uint32_t nof = m->hdr.GetNofFragms();
    if (nof == 0)
    {
        std::vector<Ptr<TipcMsg>> v = TipcMsg::Extract(m);
        if (v.empty())
        {
            NS_LOG_WARN("Unable to extract msg from tunnel on " << GetName());
            return 0;
        }
        inner = v.front();
    }
    else
    {
        uint32_t no = m->hdr.GetFragmNo();
        uint32_t type = no == 1 ? FIRST_FRAGMENT : (no < nof ? FRAGMENT : LAST_FRAGMENT);
        TipcReassembler::Result r = m_tnlReasm.Append(m, type, inner);
        if (r == TipcReassembler::Result::INCOMPLETE)
        {
            return 0;
        }
        if (r == TipcReassembler::Result::ERROR)
        {
            NS_LOG_WARN("Unable to reassemble tunnel msg on " << GetName());
            return FsmEvent(LINK_FAILURE_EVT);
        }
    }
    uint32_t rc = 0;
    while (inner)
    {
        uint16_t s = inner->hdr.GetSeqno();
        if (SeqLess(s, m_dropPoint))
        {
            // already received over the failed link
        }
        else if (SeqMore(s, m_dropPoint))
        {
            InsertSorted(m_failoverDeferdq, inner);
        }
        else
        {
            ++m_dropPoint;
            if (!DataInput(inner))
            {
                rc |= LinkInput(inner, m_failoverReasm);
            }
        }
        if (rc != 0)
        {
            break;
        }
        inner = nullptr;
        if (!m_failoverDeferdq.empty() &&
            SeqLessEq(m_failoverDeferdq.front()->hdr.GetSeqno(), m_dropPoint))
        {
            inner = m_failoverDeferdq.front();
            m_failoverDeferdq.pop_front();
        }
    }
    return rc;
}

void
TipcLink::TunnelPrepare(Ptr<TipcLink> tnl, uint32_t type)
{
    if (!tnl)
    {
        return;
    }
    if (type == SYNCH_MSG && (tnl->m_peerCaps & TIPC_TUNNEL_ENHANCED))
    {
        TipcHeader h;
        h.Init(m_ownAddr, TUNNEL_PROTOCOL, SYNCH_MSG, INT_H_SIZE, m_peerAddr);
        h.SetSyncPoint(static_cast<uint16_t>(m_sndNxt + m_backlogq.size() - 1));
        h.SetBearerId(m_peerBearerId);
        std::deque<Ptr<TipcMsg>> one{Create<TipcMsg>(h, nullptr)};
        tnl->Xmit(one);
        return;
    }
    // A dummy packet so that there is always something to tunnel; it is queued, never sent.
    TipcHeader dh;
    dh.Init(m_ownAddr, TIPC_LOW_IMPORTANCE, TIPC_DIRECT_MSG, BASIC_H_SIZE, m_peerAddr);
    dh.SetErrorCode(TIPC_ERR_NO_PORT);
    std::deque<Ptr<TipcMsg>> dummy{Create<TipcMsg>(dh, nullptr)};
    m_suppressTx = true;
    Xmit(dummy);
    m_suppressTx = false;

    TipcHeader t;
    t.Init(m_ownAddr, TUNNEL_PROTOCOL, type, INT_H_SIZE, m_peerAddr);
    t.SetBearerId(m_peerBearerId);
    uint32_t pktcnt =
        type == FAILOVER_MSG
            ? static_cast<uint32_t>(m_transmq.size() + m_backlogq.size())
            : static_cast<uint32_t>(
                  (m_transmq.empty() ? 0
                                     : SeqDistance(m_transmq.front()->hdr.GetSeqno(), m_sndNxt)) +
                  m_backlogq.size());
    t.SetMsgCount(static_cast<uint16_t>(pktcnt));
    std::deque<Ptr<TipcMsg>> tnlq;
    bool fragmented = false;
    uint16_t seqno = m_sndNxt;
    auto tunnel = [&](Ptr<TipcMsg> p) -> bool {
        if (p->GetSize() > tnl->m_mtu - INT_H_SIZE)
        {
            if (type == FAILOVER_MSG && (tnl->m_peerCaps & TIPC_TUNNEL_ENHANCED))
            {
                std::vector<Ptr<TipcMsg>> frags = TipcMsg::Fragment(p, t, tnl->m_mtu);
                if (frags.empty())
                {
                    return false;
                }
                pktcnt += static_cast<uint32_t>(frags.size() - 1);
                tnlq.insert(tnlq.end(), frags.begin(), frags.end());
                fragmented = true;
                return true;
            }
            NS_LOG_WARN("Failed to tunnel too large msg on " << GetName());
            return false;
        }
        TipcHeader h = t;
        h.SetSize(INT_H_SIZE + p->GetSize());
        tnlq.push_back(Create<TipcMsg>(h, p->ToPacket()));
        return true;
    };
    for (const auto& p : m_transmq)
    {
        if (!tunnel(p))
        {
            return;
        }
    }
    for (const auto& p : m_backlogq)
    {
        p->hdr.SetSeqno(seqno++);
        if (!tunnel(p))
        {
            return;
        }
    }
    if (fragmented)
    {
        for (auto& p : tnlq)
        {
            p->hdr.SetMsgCount(static_cast<uint16_t>(pktcnt));
        }
    }
    tnl->Xmit(tnlq);
    if (type == FAILOVER_MSG)
    {
        tnl->m_dropPoint = m_rcvNxt;
        tnl->m_failoverReasm = m_reasm;
        m_reasm.Clear();
        if (!tnl->m_failoverDeferdq.empty())
        {
            NS_LOG_WARN("Link failover deferdq not empty on " << tnl->GetName());
        }
        tnl->m_failoverDeferdq = m_deferdq;
        m_deferdq.clear();
    }
}

void
TipcLink::FailoverPrepare()
{
    TipcHeader inner;
    inner.Init(m_ownAddr, TIPC_LOW_IMPORTANCE, TIPC_DIRECT_MSG, BASIC_H_SIZE, m_peerAddr);
    inner.SetErrorCode(TIPC_ERR_NO_PORT);
    TipcHeader t;
    t.Init(m_ownAddr, TUNNEL_PROTOCOL, FAILOVER_MSG, INT_H_SIZE, m_peerAddr);
    t.SetMsgCount(1);
    t.SetBearerId(m_peerBearerId);
    t.SetSize(INT_H_SIZE + BASIC_H_SIZE);
    Ptr<Packet> in = Create<Packet>();
    in->AddHeader(inner);
    std::deque<Ptr<TipcMsg>> one{Create<TipcMsg>(t, in)};
    Xmit(one);
    m_dropPoint = 1;
    m_failoverReasm.Clear();
    if (!m_failoverDeferdq.empty())
    {
        NS_LOG_WARN("Link failover deferdq not empty on " << GetName());
        m_failoverDeferdq.clear();
    }
}

} // namespace ns3
