// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-peer.h"

#include "linux-host.h"
#include "tipc-attribute-check.h"
#include "tipc-bearer.h"
#include "tipc-discoverer.h"
#include "tipc-link.h"
#include "tipc-seq.h"
#include "tipc-stack.h"

#include "ns3/log.h"
#include "ns3/object-map.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcPeer");

NS_OBJECT_ENSURE_REGISTERED(TipcPeer);

using namespace tipc;

TypeId
TipcPeer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcPeer")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddAttribute("MaxKeepalive",
                          "Cap of the node timer (link keepalive) interval, which is "
                          "min(tolerance/4, MaxKeepalive) over the peer's links (Linux 500 ms); "
                          "1 ms .. 30 s.",
                          TimeValue(MilliSeconds(TIPC_MAX_KEEPALIVE)),
                          MakeTimeAccessor(&TipcPeer::SetMaxKeepalive),
                          MakeTimeChecker())
            .AddAttribute("InitialKeepalive",
                          "Node timer interval while the peer has no link (Linux 10000 ms); "
                          "1 ms .. 600 s.",
                          TimeValue(MilliSeconds(TIPC_INIT_KEEPALIVE)),
                          MakeTimeAccessor(&TipcPeer::SetInitialKeepalive),
                          MakeTimeChecker())
            .AddAttribute("CleanupDelay",
                          "A peer that stays down this long is deleted (Linux 300000 ms); "
                          "1 s .. 3600 s.",
                          TimeValue(MilliSeconds(NODE_CLEANUP_AFTER)),
                          MakeTimeAccessor(&TipcPeer::SetCleanupDelay),
                          MakeTimeChecker());
    return tid;
}

TipcPeer::TipcPeer()
    : m_addr(0),
      m_caps(0),
      m_signature(INVALID_NODE_SIG),
      m_peerHashMix(0),
      m_activeLinks{-1, -1},
      m_linkCnt(0),
      m_workingLinks(0),
      m_linkId(0),
      m_syncPoint(0),
      m_keepalive(MilliSeconds(TIPC_INIT_KEEPALIVE)),
      m_maxKeepalive(MilliSeconds(TIPC_MAX_KEEPALIVE)),
      m_initKeepalive(MilliSeconds(TIPC_INIT_KEEPALIVE)),
      m_cleanupDelay(MilliSeconds(NODE_CLEANUP_AFTER))
{
}

void
TipcPeer::SetMaxKeepalive(Time t)
{
    CheckAttributeRange("ns3::TipcPeer", "MaxKeepalive", t, MilliSeconds(1), Seconds(30));
    m_maxKeepalive = t;
}

void
TipcPeer::SetInitialKeepalive(Time t)
{
    CheckAttributeRange("ns3::TipcPeer", "InitialKeepalive", t, MilliSeconds(1), Seconds(600));
    m_initKeepalive = t;
    m_keepalive = t;
}

void
TipcPeer::SetCleanupDelay(Time t)
{
    CheckAttributeRange("ns3::TipcPeer", "CleanupDelay", t, Seconds(1), Seconds(3600));
    m_cleanupDelay = t;
}

TipcPeer::~TipcPeer()
{
}

void
TipcPeer::DoDispose()
{
    if (m_stack)
    {
        m_stack->GetNodeTimers().Remove(m_timer);
        m_timer = TipcTimerQueue::INVALID;
    }
    for (auto& le : m_links)
    {
        if (le.link)
        {
            le.link->Dispose();
            le.link = nullptr;
        }
    }
    if (m_bcRcvLink)
    {
        m_bcRcvLink->Dispose();
        m_bcRcvLink = nullptr;
    }
    m_peerNet = nullptr;
    m_stack = nullptr;
    Object::DoDispose();
}

void
TipcPeer::Setup(Ptr<TipcStack> stack, uint32_t addr, const TipcNodeId& id, uint32_t caps)
{
    m_stack = stack;
    m_addr = addr;
    m_id = id;
    m_caps = caps;
    m_signature = INVALID_NODE_SIG;
    m_deleteAt = Simulator::Now() + m_cleanupDelay;
    m_keepalive = m_initKeepalive;
    m_timer = stack->GetNodeTimers().Add(&TipcPeer::TimerExpired, this);
    ArmTimer();
    // the receive side of the peer's broadcasts (and the peer as an acker of ours)
    m_bcRcvLink = CreateObject<TipcLink>();
    m_bcRcvLink->SetupBcastRcv(this, stack->GetBcLink());
}

Ptr<TipcLink>
TipcPeer::GetBcRcvLink() const
{
    return m_bcRcvLink;
}

void
TipcPeer::AssignPeerNet(uint32_t hashMixes)
{
    if (m_peerNet)
    {
        return;
    }
    Ptr<LinuxHost> host = m_stack->GetHost();
    if (!host)
    {
        return;
    }
    Ptr<TipcStack> s = host->FindPeerNet(m_stack->GetClusterId(), m_id, hashMixes);
    if (s && s != m_stack)
    {
        NS_LOG_INFO("peer " << std::hex << m_addr << " is a local namespace: crossover enabled");
        m_peerNet = s;
        m_peerHashMix = hashMixes;
    }
}

uint32_t
TipcPeer::GetPeerHashMix() const
{
    return m_peerHashMix;
}

Ptr<TipcStack>
TipcPeer::GetPeerNet() const
{
    return m_peerNet;
}

void
TipcPeer::ClearPeerNet(Ptr<TipcStack> dying)
{
    if (m_peerNet == dying)
    {
        m_peerNet = nullptr;
        m_peerHashMix = 0;
    }
}

void
TipcPeer::CountPath(bool crossover)
{
    ++(crossover ? m_lxcMsgs : m_linkMsgs);
}

uint64_t
TipcPeer::GetCrossoverMessages() const
{
    return m_lxcMsgs;
}

uint64_t
TipcPeer::GetLinkMessages() const
{
    return m_linkMsgs;
}

void
TipcPeer::ResetAllLinks()
{
    NS_LOG_WARN("Resetting all links to " << std::hex << m_addr);
    for (uint32_t b = 0; b < MAX_BEARERS; ++b)
    {
        if (m_links[b].link)
        {
            LinkDown(b, false);
        }
    }
}

void
TipcPeer::BcReceive(uint32_t bearerId, Ptr<TipcMsg> msg)
{
    // tipc_bcast_rcv: other clusters' broadcasts and those of a peer whose
    // broadcast link is not open are dropped silently
    if (msg->hdr.GetMcNetId() != m_stack->GetClusterId() || !m_bcRcvLink->IsUp() ||
        msg->hdr.GetUser() == BCAST_PROTOCOL)
    {
        return;
    }
    uint32_t rc = m_bcRcvLink->Receive(msg);
    if (rc & TIPC_LINK_SND_STATE)
    {
        Ptr<TipcLink> l = m_links[bearerId].link;
        if (l && l->IsUp())
        {
            l->SendStateMsg(); // carries the broadcast ack / gap
        }
    }
    if (rc & TIPC_LINK_DOWN_EVT)
    {
        ResetAllLinks();
    }
}

bool
TipcPeer::BcPreReceive(uint32_t bearerId, const Ptr<TipcMsg>& msg)
{
    const TipcHeader& h = msg->hdr;
    uint32_t user = h.GetUser();
    Ptr<TipcLink> snd = m_stack->GetBcLink();
    if (user != LINK_PROTOCOL)
    {
        // every unicast packet acknowledges our broadcasts (tipc_bcast_ack_rcv)
        bool invalid = (user == BCAST_PROTOCOL || user == NAME_DISTRIBUTOR) && h.IsBcAckInvalid();
        if (!invalid && h.GetBcastAck() != m_bcRcvLink->GetAcked())
        {
            snd->BcAckRcv(m_bcRcvLink, h.GetBcastAck(), 0, nullptr, false);
        }
        return true;
    }
    if (h.GetType() != STATE_MSG || h.IsBcAckInvalid())
    {
        return true;
    }
    // tipc_bcast_sync_rcv: acks, NACKs (gap and gap ACK blocks), the peer's snd_nxt
    TipcGapAckBlocks ga;
    const std::vector<TipcGapAck>* blocks = nullptr;
    if ((m_caps & TIPC_GAP_ACK_BLOCK) && msg->data->GetSize() >= 4)
    {
        std::vector<uint8_t> d = msg->PayloadBytes();
        if (TipcGapAckBlocks::Deserialize(d.data(), static_cast<uint32_t>(d.size()), ga) &&
            !ga.bcast.empty())
        {
            blocks = &ga.bcast;
        }
    }
    uint32_t rc = snd->BcAckRcv(m_bcRcvLink,
                                h.GetBcastAck(),
                                static_cast<uint16_t>(h.GetBcGap()),
                                blocks,
                                true);
    rc |= m_bcRcvLink->BcSyncRcv(h);
    if (rc & TIPC_LINK_DOWN_EVT)
    {
        ResetAllLinks();
        return false;
    }
    if ((rc & TIPC_LINK_SND_STATE) && !h.IsProbe())
    {
        Ptr<TipcLink> l = m_links[bearerId].link;
        if (l && l->IsUp())
        {
            l->SendStateMsg();
        }
    }
    return true;
}

uint32_t
TipcPeer::GetAddress() const
{
    return m_addr;
}

TipcNodeId
TipcPeer::GetNodeId() const
{
    return m_id;
}

uint32_t
TipcPeer::GetCapabilities() const
{
    return m_caps;
}

void
TipcPeer::SetCapabilities(uint32_t caps)
{
    m_caps = caps;
    // tipc_node_create: a node back with new capabilities updates its unicast links
    for (LinkEntry& e : m_links)
    {
        if (e.link)
        {
            e.link->UpdateCapabilities(caps);
        }
    }
}

Ptr<TipcStack>
TipcPeer::GetStack() const
{
    return m_stack;
}

uint32_t
TipcPeer::GetState() const
{
    return m_fsm.GetState();
}

bool
TipcPeer::IsUp() const
{
    return m_activeLinks[0] != -1;
}

Ptr<TipcLink>
TipcPeer::GetLink(uint32_t bearerId) const
{
    return bearerId < MAX_BEARERS ? m_links[bearerId].link : nullptr;
}

TipcMediaAddress
TipcPeer::GetLinkMediaAddress(uint32_t bearerId) const
{
    return bearerId < MAX_BEARERS && m_links[bearerId].link ? m_links[bearerId].maddr
                                                            : TipcMediaAddress();
}

uint32_t
TipcPeer::GetLinkCount() const
{
    return m_linkCnt;
}

uint32_t
TipcPeer::GetWorkingLinks() const
{
    return m_workingLinks;
}

int32_t
TipcPeer::GetActiveLink(uint32_t slot) const
{
    return m_activeLinks.at(slot);
}

Time
TipcPeer::GetKeepaliveInterval() const
{
    return m_keepalive;
}

uint16_t
TipcPeer::GetSyncPoint() const
{
    return m_syncPoint;
}

void
TipcPeer::FsmEvent(uint32_t event)
{
    uint32_t old = m_fsm.GetState();
    TipcNodeFsm::Result r = m_fsm.Apply(event);
    if (r.illegal)
    {
        NS_LOG_WARN("Illegal node fsm evt " << TipcNodeFsm::EventName(event) << " in state "
                                            << TipcNodeFsm::StateName(old) << " for peer "
                                            << std::hex << m_addr);
    }
    else if (r.state != old)
    {
        NS_LOG_LOGIC("peer " << std::hex << m_addr << std::dec << " " << TipcNodeFsm::StateName(old)
                             << " -> " << TipcNodeFsm::StateName(r.state));
    }
}

void
TipcPeer::NotifyLinkState(Ptr<TipcLink> link, uint32_t oldState, uint32_t newState)
{
    m_stack->NotifyLinkState(link, oldState, newState);
}

void
TipcPeer::CalculateTimer(Ptr<TipcLink> link)
{
    int64_t tol = link->GetTolerance().GetMilliSeconds();
    Time intv = std::min(MilliSeconds(tol / 4), m_maxKeepalive);
    if (intv < m_keepalive)
    {
        m_keepalive = intv;
    }
    link->SetAbortLimit(static_cast<uint32_t>(tol / m_keepalive.GetMilliSeconds()));
}

void
TipcPeer::CheckDest(Ptr<TipcBearer> bearer,
                    uint32_t signature,
                    uint32_t hashMixes,
                    const TipcMediaAddress& media,
                    bool& respond,
                    bool& duplAddr)
{
    uint32_t b = bearer->GetId();
    LinkEntry& le = m_links[b];
    Ptr<TipcLink> l = le.link;
    bool linkUp = l && l->IsUp();
    bool linkIsReset = l && l->IsReset();
    bool addrMatch = l && le.maddr == media;
    bool signMatch = signature == m_signature;
    bool acceptAddr = false;
    bool reset = false;
    respond = false;
    duplAddr = false;

    if (signMatch && addrMatch && linkUp)
    {
        // Peer and link are known and up: remember its hash mix (d408bef4bfa6)
        if (m_peerHashMix == 0)
        {
            m_peerHashMix = hashMixes;
        }
    }
    else if (signMatch && addrMatch && !linkUp)
    {
        respond = true; // peer known, link being established
    }
    else if (signMatch && !addrMatch && linkUp)
    {
        duplAddr = true; // another node with the same address
    }
    else if (signMatch && !addrMatch && !linkUp)
    {
        acceptAddr = true; // peer changed media address, or no link yet
        respond = true;
        reset = true;
    }
    else if (!signMatch && addrMatch && linkUp)
    {
        m_signature = signature; // peer rebooted; links will notice
    }
    else if (!signMatch && addrMatch && !linkUp)
    {
        m_signature = signature;
        respond = true;
    }
    else if (!signMatch && !addrMatch && linkUp)
    {
        duplAddr = true;
    }
    else
    {
        m_signature = signature; // new peer, or rebooted with a new media address
        acceptAddr = true;
        respond = true;
        reset = true;
    }

    if (acceptAddr)
    {
        if (!l)
        {
            if (m_linkCnt == 2)
            {
                // at most two links are created per peer from discovery
                if (reset && !linkIsReset)
                {
                    LinkDown(b, false);
                }
                return;
            }
            l = CreateObject<TipcLink>();
            l->Setup(this, bearer, m_stack->RandomSession());
            le.link = l;
            l->Reset();
            l->FsmEvent(LINK_RESET_EVT);
            if (m_fsm.GetState() == NODE_FAILINGOVER)
            {
                l->FsmEvent(LINK_FAILOVER_BEGIN_EVT);
            }
            linkIsReset = l->IsReset();
            ++m_linkCnt;
            CalculateTimer(l);
            if (m_linkCnt == 1)
            {
                ArmTimer();
            }
            m_stack->NotifyDiscovery("link-created", b, m_addr);
        }
        le.maddr = media;
    }
    if (reset && !linkIsReset)
    {
        LinkDown(b, false);
    }
}

void
TipcPeer::Timeout()
{
    // Delete a peer that has been down long enough (tipc_node_cleanup)
    if (!IsUp() && Simulator::Now() > m_deleteAt)
    {
        m_stack->DeletePeer(m_addr); // disposes this object
        return;
    }
    m_keepalive = m_initKeepalive;
    for (uint32_t b = 0; b < MAX_BEARERS; ++b)
    {
        Ptr<TipcLink> l = m_links[b].link;
        if (!l)
        {
            continue;
        }
        CalculateTimer(l);
        uint32_t rc = l->Timeout();
        if (rc & TIPC_LINK_DOWN_EVT)
        {
            LinkDown(b, false);
        }
    }
    ArmTimer();
}

void
TipcPeer::TimerExpired(void* peer)
{
    static_cast<TipcPeer*>(peer)->Timeout();
}

void
TipcPeer::ArmTimer()
{
    // mod_timer(jiffies + msecs_to_jiffies(keepalive)): a kernel timer runs on a
    // jiffy tick (its timer-wheel bucket's: 375 ms -> 94 jiffies -> every 96 jiffies
    // at HZ 250), and all of a node's peer timers due on one tick run together
    m_stack->GetNodeTimers().Schedule(m_timer, m_stack->TimerDelay(m_keepalive));
}

void
TipcPeer::SendOnBearer(uint32_t bearerId, Ptr<TipcMsg> msg)
{
    Ptr<TipcBearer> bearer = m_stack->GetBearer(bearerId);
    if (!bearer)
    {
        return;
    }
    bool isReset = msg->hdr.GetUser() == LINK_PROTOCOL && msg->hdr.GetType() == RESET_MSG;
    bearer->Send(msg->ToPacket(), m_links[bearerId].maddr, isReset);
}

void
TipcPeer::Receive(uint32_t bearerId, Ptr<TipcMsg> msg)
{
    if (!BcPreReceive(bearerId, msg))
    {
        return;
    }
    Ptr<TipcLink> l = m_links[bearerId].link;
    uint32_t rc = 0;
    if (m_fsm.GetState() == SELF_UP_PEER_UP && msg->hdr.GetUser() != TUNNEL_PROTOCOL && l)
    {
        rc = l->Receive(msg);
    }
    else if (CheckState(bearerId, msg) && m_links[bearerId].link)
    {
        rc = m_links[bearerId].link->Receive(msg);
    }
    else
    {
        m_stack->DropFrame("refused by peer state");
        return;
    }
    if (rc & TIPC_LINK_UP_EVT)
    {
        LinkUp(bearerId);
    }
    if (rc & TIPC_LINK_DOWN_EVT)
    {
        LinkDown(bearerId, false);
    }
}

bool
TipcPeer::CheckState(uint32_t bearerId, Ptr<TipcMsg> msg)
{
    const TipcHeader& hdr = msg->hdr;
    uint32_t state = m_fsm.GetState();
    Ptr<TipcLink> l = m_links[bearerId].link;
    if (!l)
    {
        return false;
    }
    uint16_t rcvNxt = l->GetRcvNxt();
    uint32_t usr = hdr.GetUser();
    uint32_t mtyp = hdr.GetType();
    uint16_t oseqno = hdr.GetSeqno();
    if (state == SELF_UP_PEER_UP && usr != TUNNEL_PROTOCOL)
    {
        return true;
    }
    Ptr<TipcLink> pl;
    for (uint32_t i = 0; i < MAX_BEARERS; ++i)
    {
        if (i != bearerId && m_links[i].link)
        {
            pl = m_links[i].link;
            break;
        }
    }
    if (!l->ValidateProtoMsg(hdr))
    {
        return false;
    }
    // Check and update the contact state
    if (state == SELF_UP_PEER_COMING)
    {
        if (!l->IsUp())
        {
            return true;
        }
        if (!hdr.PeerLinkIsUp())
        {
            return true;
        }
        FsmEvent(PEER_ESTABL_CONTACT_EVT);
    }
    if (state == SELF_DOWN_PEER_LEAVING)
    {
        if (hdr.PeerNodeIsUp())
        {
            return false;
        }
        FsmEvent(PEER_LOST_CONTACT_EVT);
        return true;
    }
    if (state == SELF_LEAVING_PEER_DOWN)
    {
        return false;
    }
    // Duplicates are accepted here; the link drops them
    if (usr != LINK_PROTOCOL && SeqLess(oseqno, rcvNxt))
    {
        return true;
    }
    // Initiate or update failover mode if applicable
    if (usr == TUNNEL_PROTOCOL && mtyp == FAILOVER_MSG)
    {
        uint16_t syncpt = static_cast<uint16_t>(oseqno + hdr.GetMsgCount() - 1);
        if (pl && !pl->IsReset())
        {
            uint32_t pb = BearerOf(pl);
            DoLinkDown(pb);
        }
        if (m_fsm.GetState() != NODE_FAILINGOVER)
        {
            LinkFailover(pl, l);
        }
        if (SeqLess(syncpt, m_syncPoint))
        {
            m_syncPoint = syncpt;
        }
    }
    // Open the parallel link when the tunnel link reaches the synch point
    if (m_fsm.GetState() == NODE_FAILINGOVER && l->IsUp())
    {
        if (!SeqMore(rcvNxt, m_syncPoint))
        {
            return true;
        }
        FsmEvent(NODE_FAILOVER_END_EVT);
        if (pl)
        {
            pl->FsmEvent(LINK_FAILOVER_END_EVT);
        }
        return true;
    }
    // No synching needed if there is only one link
    if (!pl || !pl->IsUp())
    {
        return true;
    }
    // Initiate synch mode if applicable
    if (usr == TUNNEL_PROTOCOL && mtyp == SYNCH_MSG && oseqno == 1)
    {
        uint16_t syncpt;
        if (m_caps & TIPC_TUNNEL_ENHANCED)
        {
            syncpt = hdr.GetSyncPoint();
        }
        else
        {
            std::vector<Ptr<TipcMsg>> inner = TipcMsg::Extract(msg);
            uint16_t iseq = inner.empty() ? 0 : inner.front()->hdr.GetSeqno();
            syncpt = static_cast<uint16_t>(iseq + hdr.GetMsgCount() - 1);
        }
        if (!l->IsUp())
        {
            LinkUp(bearerId);
        }
        if (m_fsm.GetState() == SELF_UP_PEER_UP)
        {
            m_syncPoint = syncpt;
            l->FsmEvent(LINK_SYNCH_BEGIN_EVT);
            FsmEvent(NODE_SYNCH_BEGIN_EVT);
        }
    }
    // Open the tunnel link when the parallel link reaches the synch point
    if (m_fsm.GetState() == NODE_SYNCHING)
    {
        Ptr<TipcLink> tnl = l->IsSynching() ? l : pl;
        Ptr<TipcLink> old = l->IsSynching() ? pl : l;
        uint16_t dlvNxt = old->GetRcvNxt(); // deliveries are immediate: no input queue
        if (SeqMore(dlvNxt, m_syncPoint))
        {
            tnl->FsmEvent(LINK_SYNCH_END_EVT);
            FsmEvent(NODE_SYNCH_END_EVT);
            return true;
        }
        if (l == old)
        {
            return true;
        }
        if (usr == TUNNEL_PROTOCOL && mtyp == SYNCH_MSG)
        {
            return true;
        }
        if (usr == LINK_PROTOCOL)
        {
            return true;
        }
        return false;
    }
    return true;
}

void
TipcPeer::LinkFailover(Ptr<TipcLink> l, Ptr<TipcLink> tnl)
{
    if (!tnl->IsUp())
    {
        return;
    }
    if (l && !l->IsReset())
    {
        return;
    }
    tnl->FsmEvent(LINK_SYNCH_END_EVT);
    FsmEvent(NODE_SYNCH_END_EVT);
    m_syncPoint = static_cast<uint16_t>(tnl->GetRcvNxt() + 32766);
    tnl->FailoverPrepare();
    if (l)
    {
        l->FsmEvent(LINK_FAILOVER_BEGIN_EVT);
    }
    FsmEvent(NODE_FAILOVER_BEGIN_EVT);
}

uint32_t
TipcPeer::BearerOf(Ptr<TipcLink> l) const
{
    for (uint32_t i = 0; i < MAX_BEARERS; ++i)
    {
        if (m_links[i].link == l)
        {
            return i;
        }
    }
    return MAX_BEARERS;
}

void
TipcPeer::LinkUp(uint32_t bearerId)
{
    Ptr<TipcLink> nl = m_links[bearerId].link;
    if (!nl || nl->IsUp())
    {
        return;
    }
    nl->FsmEvent(LINK_ESTABLISH_EVT);
    if (!nl->IsUp())
    {
        return;
    }
    ++m_workingLinks;
    m_linkId = nl->GetLinkId();
    m_links[bearerId].mtu = nl->GetMss();
    m_stack->BcastIncBearerDests(bearerId);
    if (Ptr<TipcBearer> b = m_stack->GetBearer(bearerId); b && b->GetDiscoverer())
    {
        b->GetDiscoverer()->AddDest();
    }
    nl->SendStateMsg();
    m_stack->NotifyLinkUpDown(nl, m_addr, true);
    m_stack->GetMonitor(bearerId)->PeerUp(m_addr);

    if (m_activeLinks[0] == -1)
    {
        // First link: it takes both slots; the node comes up
        m_activeLinks = {static_cast<int32_t>(bearerId), static_cast<int32_t>(bearerId)};
        FsmEvent(SELF_ESTABL_CONTACT_EVT);
        // tipc_bcast_add_peer: the peer acks our broadcasts from now on, and the
        // broadcast-init message is the first packet on the link
        m_stack->BcastAddPeer(m_bcRcvLink);
        TipcHeader bc;
        bc.Init(m_stack->GetOwnAddress(), BCAST_PROTOCOL, STATE_MSG, INT_H_SIZE, m_addr);
        bc.SetBcAckInvalid(true);
        bc.SetLastBcast(static_cast<uint16_t>(m_stack->GetBcSndNxt() - 1));
        std::deque<Ptr<TipcMsg>> q{Create<TipcMsg>(bc, nullptr)};
        nl->Xmit(q);
        m_stack->NotifyNodeUpDown(m_addr, true);
        m_stack->NotifyNameActions(m_addr, m_caps, false, true, true, false, m_linkId);
        return;
    }
    m_stack->NotifyNameActions(m_addr, m_caps, false, false, true, false, m_linkId);
    Ptr<TipcLink> ol = m_links[m_activeLinks[0]].link;
    if (nl->GetPriority() > ol->GetPriority())
    {
        m_activeLinks = {static_cast<int32_t>(bearerId), static_cast<int32_t>(bearerId)};
    }
    else if (nl->GetPriority() == ol->GetPriority())
    {
        m_activeLinks[1] = static_cast<int32_t>(bearerId);
    }
    // lower priority: standby
    ol->TunnelPrepare(nl, SYNCH_MSG);
}

void
TipcPeer::LinkDown(uint32_t bearerId, bool deleteLink)
{
    Ptr<TipcLink> l = m_links[bearerId].link;
    if (!l)
    {
        return;
    }
    if (!l->IsEstablishing())
    {
        uint32_t b = bearerId;
        DoLinkDown(b);
    }
    else
    {
        // defuse a pending link-up
        l->Reset();
        l->FsmEvent(LINK_RESET_EVT);
    }
    if (deleteLink)
    {
        l->Dispose();
        m_links[bearerId].link = nullptr;
        --m_linkCnt;
        m_stack->GetMonitor(bearerId)->RemovePeer(m_addr);
    }
}

void
TipcPeer::DoLinkDown(uint32_t& bearerId)
{
    Ptr<TipcLink> l = m_links[bearerId].link;
    if (!l || l->IsReset())
    {
        return;
    }
    --m_workingLinks;
    m_linkId = l->GetLinkId();
    if (Ptr<TipcBearer> b = m_stack->GetBearer(bearerId); b && b->GetDiscoverer())
    {
        b->GetDiscoverer()->RemoveDest();
    }
    m_stack->NotifyLinkUpDown(l, m_addr, false);
    m_stack->GetMonitor(bearerId)->PeerDown(m_addr);

    // Select the new active links among the other working links
    m_activeLinks = {-1, -1};
    uint32_t highest = 0;
    for (uint32_t i = 0; i < MAX_BEARERS; ++i)
    {
        Ptr<TipcLink> x = m_links[i].link;
        if (!x || !x->IsUp() || x == l)
        {
            continue;
        }
        if (x->GetPriority() < highest)
        {
            continue;
        }
        if (x->GetPriority() > highest)
        {
            highest = x->GetPriority();
            m_activeLinks = {static_cast<int32_t>(i), static_cast<int32_t>(i)};
            continue;
        }
        m_activeLinks[1] = static_cast<int32_t>(i);
    }

    if (!IsUp())
    {
        if (l->IsPeerDown())
        {
            FsmEvent(PEER_LOST_CONTACT_EVT);
        }
        FsmEvent(SELF_LOST_CONTACT_EVT);
        l->FsmEvent(LINK_RESET_EVT);
        l->Reset();
        l->SendResetMsg();
        LostContact();
        m_stack->BcastDecBearerDests(bearerId);
        m_stack->NotifyNameActions(m_addr, m_caps, true, false, false, true, m_linkId);
        return;
    }
    m_stack->NotifyNameActions(m_addr, m_caps, false, false, false, true, m_linkId);

    // Another link is up: fail over to it
    m_stack->BcastDecBearerDests(bearerId);
    Ptr<TipcLink> tnl = m_links[m_activeLinks[0]].link;
    tnl->FsmEvent(LINK_SYNCH_END_EVT);
    FsmEvent(NODE_SYNCH_END_EVT);
    m_syncPoint = static_cast<uint16_t>(tnl->GetRcvNxt() + 32766);
    l->TunnelPrepare(tnl, FAILOVER_MSG);
    l->Reset();
    l->FsmEvent(LINK_RESET_EVT);
    l->FsmEvent(LINK_FAILOVER_BEGIN_EVT);
    FsmEvent(NODE_FAILOVER_BEGIN_EVT);
    bearerId = static_cast<uint32_t>(m_activeLinks[0]);
}

void
TipcPeer::LostContact()
{
    m_deleteAt = Simulator::Now() + m_cleanupDelay;
    m_stack->BcastRemovePeer(m_bcRcvLink); // released on its behalf, receive link reset
    m_stack->PurgeNamed(m_addr);           // node_lost_contact: its name updates not yet handled
    for (auto& le : m_links)
    {
        if (le.link)
        {
            le.link->FsmEvent(LINK_FAILOVER_END_EVT);
        }
    }
    m_peerHashMix = 0;
    m_peerNet = nullptr; // node_lost_contact: no crossover to a lost peer
    m_stack->NotifyNodeUpDown(m_addr, false);
}

TipcXmitResult
TipcPeer::Xmit(std::deque<Ptr<TipcMsg>>& list, uint32_t selector)
{
    int32_t b = m_activeLinks[selector & 1];
    if (b < 0 || !m_links[b].link)
    {
        list.clear();
        return TipcXmitResult::HOST_UNREACH;
    }
    TipcXmitResult rc = m_links[b].link->Xmit(list);
    if (rc == TipcXmitResult::NO_BUFS)
    {
        LinkDown(static_cast<uint32_t>(b), false);
    }
    return rc;
}

uint32_t
TipcPeer::GetMtu(uint32_t selector) const
{
    int32_t b = m_activeLinks[selector & 1];
    if (b < 0)
    {
        return MAX_MSG_SIZE;
    }
    return m_links[b].mtu;
}

bool
TipcPeer::IsBcRcvUp() const
{
    return m_bcRcvLink && m_bcRcvLink->IsUp();
}

uint16_t
TipcPeer::GetBcRcvNxt() const
{
    return m_bcRcvLink ? m_bcRcvLink->GetRcvNxt() : 1;
}

void
TipcPeer::BcRcvEstablish()
{
    m_bcRcvLink->BcEstablish();
}

void
TipcPeer::BcInitReceive(const TipcHeader& hdr)
{
    m_bcRcvLink->BcInitRcv(hdr.GetLastBcast());
}

void
TipcPeer::DeliverData(Ptr<TipcMsg> msg)
{
    m_stack->QueueInput(msg, m_addr);
}

void
TipcPeer::NamedInput(Ptr<TipcMsg> msg)
{
    m_stack->QueueNamed(msg, m_addr);
}

void
TipcPeer::WakeupSender(uint32_t port)
{
    m_stack->WakeupPort(port, m_addr);
}

} // namespace ns3
