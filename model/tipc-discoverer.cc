// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-discoverer.h"

#include "tipc-attribute-check.h"
#include "tipc-bearer.h"
#include "tipc-stack.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcDiscoverer");

NS_OBJECT_ENSURE_REGISTERED(TipcDiscoverer);

using namespace tipc;

TypeId
TipcDiscoverer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcDiscoverer")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddAttribute("InitialInterval",
                          "First discovery interval, also the interval during the address trial "
                          "(Linux TIPC_DISC_INIT, 125 ms); 1 ms .. 60 s.",
                          TimeValue(MilliSeconds(TIPC_DISC_INIT)),
                          MakeTimeAccessor(&TipcDiscoverer::SetInitialInterval),
                          MakeTimeChecker())
            .AddAttribute("MaxIntervalNoPeers",
                          "The doubling interval stops here while no peer is found on the bearer "
                          "(Linux TIPC_DISC_FAST, 1 s); 1 ms .. 600 s.",
                          TimeValue(MilliSeconds(TIPC_DISC_FAST)),
                          MakeTimeAccessor(&TipcDiscoverer::SetMaxIntervalNoPeers),
                          MakeTimeChecker())
            .AddAttribute("MaxIntervalWithPeers",
                          "The doubling interval stops here once peers are found "
                          "(Linux TIPC_DISC_SLOW, 60 s); 1 ms .. 600 s.",
                          TimeValue(MilliSeconds(TIPC_DISC_SLOW)),
                          MakeTimeAccessor(&TipcDiscoverer::SetMaxIntervalWithPeers),
                          MakeTimeChecker());
    return tid;
}

TipcDiscoverer::TipcDiscoverer()
    : m_numNodes(0),
      m_intervalJiffies(0),
      m_inactive(false),
      m_initInterval(MilliSeconds(TIPC_DISC_INIT)),
      m_fastInterval(MilliSeconds(TIPC_DISC_FAST)),
      m_slowInterval(MilliSeconds(TIPC_DISC_SLOW))
{
}

void
TipcDiscoverer::SetInitialInterval(Time t)
{
    CheckAttributeRange("ns3::TipcDiscoverer", "InitialInterval", t, MilliSeconds(1), Seconds(60));
    m_initInterval = t;
}

void
TipcDiscoverer::SetMaxIntervalNoPeers(Time t)
{
    CheckAttributeRange("ns3::TipcDiscoverer",
                        "MaxIntervalNoPeers",
                        t,
                        MilliSeconds(1),
                        Seconds(600));
    m_fastInterval = t;
}

void
TipcDiscoverer::SetMaxIntervalWithPeers(Time t)
{
    CheckAttributeRange("ns3::TipcDiscoverer",
                        "MaxIntervalWithPeers",
                        t,
                        MilliSeconds(1),
                        Seconds(600));
    m_slowInterval = t;
}

Time
TipcDiscoverer::GetInitialInterval() const
{
    return m_initInterval;
}

TipcDiscoverer::~TipcDiscoverer()
{
}

void
TipcDiscoverer::DoDispose()
{
    m_timer.Cancel();
    m_stack = nullptr;
    m_bearer = nullptr;
    Object::DoDispose();
}

TipcHeader
TipcDiscoverer::BuildHeader(uint32_t type) const
{
    TipcHeader h;
    uint32_t domain = m_bearer->GetDomain();
    h.Init(m_stack->GetTrialAddress(), LINK_CONFIG, type, MAX_H_SIZE, domain);
    h.SetSize(MAX_H_SIZE + NODE_ID_LEN);
    h.SetNonSeq(true);
    h.SetNodeSig(m_stack->GetRandom() & 0xffff);
    h.SetNodeCapabilities(TIPC_NODE_CAPABILITIES);
    h.SetDestDomain(domain);
    h.SetBcNetId(m_stack->GetClusterId());
    h.SetMediaInfo(m_bearer->GetMediaAddress().GetBytes().data());
    h.SetPeerNetHash(m_stack->GetNetHashMixes());
    return h;
}

void
TipcDiscoverer::Transmit(const TipcHeader& hdr, const TipcMediaAddress& dest)
{
    uint8_t id[NODE_ID_LEN];
    m_stack->GetNodeId().CopyTo(id);
    Ptr<Packet> p = Create<Packet>(id, NODE_ID_LEN);
    p->AddHeader(hdr);
    m_bearer->Send(p, dest);
}

void
TipcDiscoverer::Start(Ptr<TipcStack> stack, Ptr<TipcBearer> bearer)
{
    NS_LOG_FUNCTION(this << bearer->GetName());
    m_stack = stack;
    m_bearer = bearer;
    m_request = BuildHeader(DSC_REQ_MSG);
    if (m_stack->GetOwnAddress() == 0)
    {
        // Address trial period first
        m_stack->StartAddressTrial();
        m_request.SetType(DSC_TRIAL_MSG);
    }
    m_numNodes = 0;
    m_inactive = false;
    RestartTimer();
    Transmit(m_request, m_bearer->GetBroadcastAddress());
    m_stack->NotifyDiscovery(m_request.GetTypeName(), m_bearer->GetId(), 0);
}

void
TipcDiscoverer::Reset()
{
    NS_LOG_FUNCTION(this);
    m_request = BuildHeader(DSC_REQ_MSG);
    m_numNodes = 0;
    m_inactive = false;
    RestartTimer();
    Transmit(m_request, m_bearer->GetBroadcastAddress());
}

void
TipcDiscoverer::Timeout()
{
    NS_LOG_FUNCTION(this);
    // Stop searching if the only desired node has been found (a domain that
    // names a node, not a cluster or zone: tipc_node(domain) != 0)
    if ((m_bearer->GetDomain() & tipc::TIPC_NODE_MASK) != 0 && m_numNodes > 0)
    {
        m_inactive = true;
        return;
    }
    // Did we just leave the trial period?
    if (!m_stack->InAddressTrial() && m_stack->GetOwnAddress() == 0)
    {
        ArmTimer(InitJiffies());
        m_stack->FinalizeAddress();
        return;
    }
    if (m_stack->InAddressTrial())
    {
        m_intervalJiffies = InitJiffies();
    }
    else
    {
        // d->timer_intv doubles in jiffies: 32, 64, 128, 250 at HZ 250
        m_intervalJiffies *= 2;
        const int64_t cap =
            m_stack->MsecsToJiffies(m_numNodes > 0 ? m_slowInterval : m_fastInterval);
        if (m_intervalJiffies > cap)
        {
            m_intervalJiffies = cap;
        }
        m_request.SetType(DSC_REQ_MSG);
        m_request.SetPrevNode(m_stack->GetTrialAddress());
    }
    ArmTimer(m_intervalJiffies);
    Transmit(m_request, m_bearer->GetBroadcastAddress());
    m_stack->NotifyDiscovery(m_request.GetTypeName(), m_bearer->GetId(), 0);
}

int64_t
TipcDiscoverer::InitJiffies() const
{
    return m_stack->MsecsToJiffies(m_initInterval);
}

void
TipcDiscoverer::RestartTimer()
{
    // d->timer_intv = TIPC_DISC_INIT; mod_timer(&d->timer, jiffies + d->timer_intv)
    m_intervalJiffies = InitJiffies();
    ArmTimer(m_intervalJiffies);
}

void
TipcDiscoverer::ArmTimer(int64_t jiffies)
{
    // mod_timer(&d->timer, jiffies + intv): a timer-wheel timer
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_stack->TimerDelay(jiffies), &TipcDiscoverer::Timeout, this);
}

void
TipcDiscoverer::SendTo(uint32_t type, uint32_t dst, uint32_t sugg, const TipcMediaAddress& dest)
{
    TipcHeader h = BuildHeader(type);
    h.SetSuggNodeAddr(sugg);
    h.SetDestDomain(dst);
    Transmit(h, dest);
    m_stack->NotifyDiscovery(h.GetTypeName(), m_bearer->GetId(), dst);
}

bool
TipcDiscoverer::AddrTrial(const TipcMediaAddress& media,
                          uint32_t dst,
                          uint32_t src,
                          uint32_t sugg,
                          const TipcNodeId& peerId,
                          uint32_t type)
{
    bool trial = m_stack->InAddressTrial();
    uint32_t self = m_stack->GetOwnAddress();
    if (type == DSC_TRIAL_FAIL_MSG)
    {
        if (!trial || dst != m_stack->GetTrialAddress())
        {
            return true; // not trialling, or somebody else already suggested
        }
        NS_LOG_INFO("address " << std::hex << dst << " contested, trying " << sugg);
        m_stack->RestartAddressTrial(sugg);
        m_request.SetPrevNode(sugg);
        m_stack->NotifyDiscovery("trial-fail-received", m_bearer->GetId(), src);
        return true;
    }
    // Apply the trial address if we just left the trial period
    if (!trial && self == 0)
    {
        m_stack->FinalizeAddress();
        m_request.SetPrevNode(m_stack->GetTrialAddress());
        m_request.SetType(DSC_REQ_MSG);
    }
    // Regular requests/responses only after the trial period
    if (type != DSC_TRIAL_MSG)
    {
        return trial;
    }
    uint32_t suggested = m_stack->TryAddress(peerId, src);
    if (suggested != 0)
    {
        SendTo(DSC_TRIAL_FAIL_MSG, src, suggested, media);
    }
    return true;
}

void
TipcDiscoverer::Receive(const TipcHeader& hdr,
                        const TipcNodeId& nodeIdIn,
                        const TipcMediaAddress& info)
{
    NS_LOG_FUNCTION(this << hdr.ToString());
    uint32_t caps = hdr.GetNodeCapabilities();
    uint32_t src = hdr.GetPrevNode();
    uint32_t dst = hdr.GetDestDomain();
    uint32_t type = hdr.GetType();
    // Peers without 128-bit identities are known by their address in hex
    TipcNodeId peerId = (caps & TIPC_NODE_ID128) ? nodeIdIn : TipcNodeId::FromAddress(src);

    // 1. usable media address (the media's msg2addr), not a broadcast address
    TipcMediaAddress media;
    if (!m_bearer->MsgToAddr(info, media) || media.IsBroadcast())
    {
        m_stack->DropFrame("corrupt discovery media address");
        return;
    }
    // 2. own echo
    if (media == m_bearer->GetMediaAddress())
    {
        return;
    }
    // 3. other cluster
    if (hdr.GetBcNetId() != m_stack->GetClusterId())
    {
        m_stack->DropFrame("discovery from another cluster");
        return;
    }
    // 4. address trial handling
    if (AddrTrial(media, dst, src, hdr.GetSuggNodeAddr(), peerId, type))
    {
        return;
    }
    uint32_t self = m_stack->GetOwnAddress();
    // 5. somebody uses this node's address
    if (src == 0 || src == self)
    {
        m_stack->NotifyDuplicateAddress(m_bearer->GetId(), self, media);
        return;
    }
    // 6. domains
    const bool legacy = m_stack->IsLegacyAddressFormat();
    if (!TipcInScope(legacy, dst, self) || !TipcInScope(legacy, m_bearer->GetDomain(), src))
    {
        return;
    }
    // 7. node table decides about node and link creation
    bool respond = false;
    bool duplAddr = false;
    m_stack->CheckDest(src,
                       peerId,
                       m_bearer,
                       caps,
                       hdr.GetNodeSig(),
                       hdr.GetPeerNetHash(),
                       media,
                       respond,
                       duplAddr);
    if (duplAddr)
    {
        m_stack->NotifyDuplicateAddress(m_bearer->GetId(), src, media);
    }
    // 8. answer requests
    if (respond && type == DSC_REQ_MSG)
    {
        SendTo(DSC_RESP_MSG, src, 0, media);
    }
}

void
TipcDiscoverer::AddDest()
{
    ++m_numNodes;
}

void
TipcDiscoverer::RemoveDest()
{
    if (m_numNodes > 0)
    {
        --m_numNodes;
    }
    if (m_numNodes == 0 &&
        (m_inactive || m_intervalJiffies > m_stack->MsecsToJiffies(m_fastInterval)))
    {
        m_inactive = false;
        RestartTimer();
    }
}

Time
TipcDiscoverer::GetInterval() const
{
    return m_stack ? m_stack->JiffiesToTime(m_intervalJiffies) : m_initInterval;
}

uint32_t
TipcDiscoverer::GetNumNodes() const
{
    return m_numNodes;
}

} // namespace ns3
