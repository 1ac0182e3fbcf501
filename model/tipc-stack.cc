// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-stack.h"

#include "host-cpu-model.h"
#include "linux-host.h"
#include "linux-net-namespace.h"
#include "tipc-attribute-check.h"
#include "tipc-discoverer.h"
#include "tipc-link.h"
#include "tipc-message-codec.h"
#include "tipc-peer.h"
#include "tipc-timer-wheel.h"
#include "tipc-trace.h"

#include "ns3/boolean.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/object-map.h"
#include "ns3/object-vector.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcStack");

NS_OBJECT_ENSURE_REGISTERED(TipcStack);

using namespace tipc;

TypeId
TipcStack::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcStack")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcStack>()
            .AddAttribute(
                "NodeIdentity",
                "128-bit node identity: up to 16 characters [0-9A-Za-z.:_-@] or up to "
                "32 hex digits.  Empty: derived from the first bearer's media address "
                "(MAC or IPv4), as Linux does.",
                StringValue(""),
                MakeStringAccessor(&TipcStack::SetNodeIdentity, &TipcStack::GetNodeIdentity),
                MakeStringChecker())
            .AddAttribute(
                "NodeAddress",
                "Configured 32-bit node address (legacy configuration); 0: the "
                "address is the hash of the identity, confirmed by the 1 s "
                "duplicate-address trial.",
                UintegerValue(0),
                MakeUintegerAccessor(&TipcStack::SetNodeAddress, &TipcStack::GetOwnAddress),
                MakeUintegerChecker<uint32_t>())
            .AddAttribute("ClusterId",
                          "Cluster (network) id, 1..9999 (Linux default 4711).",
                          UintegerValue(TIPC_DEF_NET_ID),
                          MakeUintegerAccessor(&TipcStack::SetClusterId, &TipcStack::GetClusterId),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("CryptoBuild",
                          "The kernel is built with CONFIG_TIPC_CRYPTO (Debian's 6.1 is): link "
                          "MSS = MTU - 72 instead of MTU - 40, whether or not keys are set.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TipcStack::m_cryptoBuild),
                          MakeBooleanChecker())
            .AddAttribute("WindowControl",
                          "Link send-window policy: ns3::TipcVariableWindow (Linux >= 5.7, "
                          "default) or ns3::TipcFixedWindow (Linux 5.4).",
                          TypeIdValue(TipcVariableWindow::GetTypeId()),
                          MakeTypeIdAccessor(&TipcStack::m_windowTypeId),
                          MakeTypeIdChecker())
            .AddAttribute(
                "BroadcastMode",
                "Multicast transmission method (tipc link set broadcast): AUTOSELECT "
                "(replicast when the destinations are at most 1 + peers x "
                "BroadcastRatio/100, else broadcast), BROADCAST or REPLICAST (also "
                "name updates go by replicast).",
                StringValue("AUTOSELECT"),
                MakeStringAccessor(&TipcStack::SetBroadcastMode, &TipcStack::GetBroadcastMode),
                MakeStringChecker())
            .AddAttribute("BroadcastRatio",
                          "Replicast/broadcast ratio in percent (Linux 10); 1 .. 100.",
                          UintegerValue(TIPC_DEF_BC_RC_RATIO),
                          MakeUintegerAccessor(&TipcStack::SetBroadcastRatio),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MonitorThreshold",
                          "Cluster size (self included) up to which every link is supervised "
                          "(full mesh); above it the overlapping-ring neighbour monitor "
                          "supervises a domain of about sqrt(N) peers plus domain heads "
                          "(tipc link monitor set threshold; 0 .. 4095, Linux 32).",
                          UintegerValue(TIPC_DEF_MON_THRESHOLD),
                          MakeUintegerAccessor(&TipcStack::SetMonitorThreshold,
                                               &TipcStack::GetMonitorThreshold),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("BroadcastWindow",
                          "Maximum window of the broadcast send link as Linux reports it "
                          "(50 .. 8191, default 50); the window in use stays 50, as in Linux.",
                          UintegerValue(BCLINK_WIN_DEFAULT),
                          MakeUintegerAccessor(&TipcStack::SetBroadcastWindow),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Hz",
                          "Kernel timer frequency: link retransmission hold-off and failure "
                          "limits are counted in jiffies (Debian: 250).",
                          UintegerValue(250),
                          MakeUintegerAccessor(&TipcStack::SetHz),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Uptime",
                          "Time since this kernel booted when the simulation starts: sets its "
                          "jiffies counter, so the instants of its ticks and of the multiples "
                          "of 8, 64, ... ticks on which timer-wheel timers run. The namespaces "
                          "of a LinuxHost share the first namespace's kernel. Negative: a fixed "
                          "hash of the node id, below 2^15 ticks (131 s at HZ 250). Set it "
                          "before the simulation runs.",
                          TimeValue(Seconds(-1)),
                          MakeTimeAccessor(&TipcStack::SetUptime),
                          MakeTimeChecker())
            .AddAttribute("TimerWheel",
                          "Kernel timers (link supervision, discovery, socket and "
                          "subscription timers) run as Linux >= 4.8's timer wheel runs "
                          "them: on the next multiple of 8^level jiffies after their "
                          "expiry, level 0 below 63 jiffies, 1 below 504, 2 below 4032, ... "
                          "(375 ms keepalive -> 384 ms period at HZ 250). false: on the "
                          "expiry jiffy itself.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TipcStack::m_timerWheel),
                          MakeBooleanChecker())
            .AddAttribute("AddressTrialPeriod",
                          "How long an auto-addressed node sends DSC_TRIAL messages before it "
                          "takes its address (Linux 1000 ms); 1 ms .. 60 s.",
                          TimeValue(MilliSeconds(TIPC_ADDR_TRIAL_PERIOD)),
                          MakeTimeAccessor(&TipcStack::SetAddressTrialPeriod),
                          MakeTimeChecker())
            .AddAttribute("BearerList",
                          "The bearers of this node, by bearer id.",
                          ObjectVectorValue(),
                          MakeObjectVectorAccessor(&TipcStack::m_bearers),
                          MakeObjectVectorChecker<TipcBearer>())
            .AddAttribute("PeerList",
                          "The peer nodes, by node address.",
                          ObjectMapValue(),
                          MakeObjectMapAccessor(&TipcStack::m_peers),
                          MakeObjectMapChecker<TipcPeer>())
            .AddTraceSource("Deliver",
                            "A message was delivered to a local port (header, payload, from node).",
                            MakeTraceSourceAccessor(&TipcStack::m_deliverTrace),
                            "ns3::TipcStack::DeliverTracedCallback")
            .AddTraceSource("Path",
                            "User data to a peer took the crossover path (true) or the link "
                            "(false): (peer address, crossover, first header).",
                            MakeTraceSourceAccessor(&TipcStack::m_pathTrace),
                            "ns3::TipcStack::PathTracedCallback")
            .AddTraceSource("Drop",
                            "A received frame was dropped; the string says why.",
                            MakeTraceSourceAccessor(&TipcStack::m_dropTrace),
                            "ns3::TipcStack::DropTracedCallback")
            .AddTraceSource("Rx",
                            "A valid TIPC frame arrived on a bearer.",
                            MakeTraceSourceAccessor(&TipcStack::m_rxTrace),
                            "ns3::TipcBearer::FrameTracedCallback")
            .AddTraceSource("Discovery",
                            "Discovery event: message sent (DSC_REQ_MSG, DSC_RESP_MSG, "
                            "DSC_TRIAL_MSG, DSC_TRIAL_FAIL_MSG), trial-fail-received, "
                            "peer-created, link-created.",
                            MakeTraceSourceAccessor(&TipcStack::m_discoveryTrace),
                            "ns3::TipcStack::DiscoveryTracedCallback")
            .AddTraceSource("LinkState",
                            "A link changed state (values tipc::LINK_*).",
                            MakeTraceSourceAccessor(&TipcStack::m_linkStateTrace),
                            "ns3::TipcStack::LinkStateTracedCallback")
            .AddTraceSource("LinkUp",
                            "A link came up.",
                            MakeTraceSourceAccessor(&TipcStack::m_linkUpTrace),
                            "ns3::TipcStack::LinkUpDownTracedCallback")
            .AddTraceSource("LinkDown",
                            "A link went down.",
                            MakeTraceSourceAccessor(&TipcStack::m_linkDownTrace),
                            "ns3::TipcStack::LinkUpDownTracedCallback")
            .AddTraceSource("SocketCreated",
                            "A socket was created on this node (TipcSocketFactory, accept()).",
                            MakeTraceSourceAccessor(&TipcStack::m_socketCreatedTrace),
                            "ns3::TipcStack::SocketTracedCallback")
            .AddTraceSource("NodeUp",
                            "First working link to a peer node.",
                            MakeTraceSourceAccessor(&TipcStack::m_nodeUpTrace),
                            "ns3::TipcStack::NodeTracedCallback")
            .AddTraceSource("NodeDown",
                            "Contact with a peer node lost.",
                            MakeTraceSourceAccessor(&TipcStack::m_nodeDownTrace),
                            "ns3::TipcStack::NodeTracedCallback")
            .AddTraceSource("AddressSet",
                            "The node address became final (end of the address trial).",
                            MakeTraceSourceAccessor(&TipcStack::m_addressTrace),
                            "ns3::TipcStack::AddressTracedCallback")
            .AddTraceSource("DuplicateAddress",
                            "Another node was seen using this address (Linux warns).",
                            MakeTraceSourceAccessor(&TipcStack::m_duplicateTrace),
                            "ns3::TipcStack::AddressTracedCallback");
    return tid;
}

TipcStack::TipcStack()
    : m_addr(0),
      m_trialAddr(0),
      m_trialEnd(0),
      m_trialStarted(false),
      m_clusterId(TIPC_DEF_NET_ID),
      m_random(0),
      m_randomSet(false),
      m_kernelHashMix(0),
      m_cryptoBuild(true),
      m_started(false),
      m_hz(250),
      m_timerWheel(true),
      m_jiffyPhase(-1),
      m_uptime(Seconds(-1)),
      m_trialPeriod(MilliSeconds(TIPC_ADDR_TRIAL_PERIOD)),
      m_bcMode(BCLINK_MODE_SEL),
      m_bcRatio(TIPC_DEF_BC_RC_RATIO),
      m_bcMaxWin(BCLINK_WIN_DEFAULT),
      m_bcPrimary(-1),
      m_bcastSupport(false),
      m_bcThreshold(0),
      m_nodeStatePublished(false),
      m_legacyAddr(false),
      m_rcvDepth(0),
      m_draining(false),
      m_dead(false)
{
    NS_LOG_FUNCTION(this);
    m_rng = CreateObject<UniformRandomVariable>();
    m_portRng = CreateObject<UniformRandomVariable>();
    m_names = CreateObject<TipcNameDistributor>();
}

TipcStack::~TipcStack()
{
    NS_LOG_FUNCTION(this);
}

void
TipcStack::NotifyNewAggregate()
{
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    // a namespace may join the aggregate before or after the stack; looked up
    // here once instead of on every packet
    m_netns = GetObject<LinuxNetNamespace>();
    m_names->SetStack(this);
    if (!m_bcLink)
    {
        m_bcLink = CreateObject<TipcLink>();
        m_bcLink->SetupBcastSend(this, TIPC_BC_ONE_PAGE_MTU, m_bcMaxWin);
    }
    Object::NotifyNewAggregate();
}

void
TipcStack::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    if (!m_randomSet)
    {
        m_random = m_rng->GetInteger(0, 0xffffffff);
        m_randomSet = true;
    }
    m_started = true;
    m_names->SetStack(this);
    if (Ptr<LinuxHost> host = GetHost())
    {
        // net_hash_mix(&init_net) ^ net_hash_mix(net): only this kernel can compute it
        m_kernelHashMix = host->GetKernelHashMix(m_node);
    }
    if (!m_topsrv)
    {
        // the topology server starts with the namespace, before the address is known
        m_topsrv = CreateObject<TipcTopologyServer>();
        m_topsrv->Start(this);
    }
    if (m_addr != 0)
    {
        PublishNodeState(); // configured address: tipc_net_init finalizes at once
    }
    for (uint32_t id = 0; id < m_bearers.size(); ++id)
    {
        if (!m_bearers[id]->IsEnabled())
        {
            StartBearer(id);
        }
    }
    Object::DoInitialize();
}

void
TipcStack::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [addr, peer] : m_peers)
    {
        peer->Dispose();
    }
    m_peers.clear();
    m_peerIndex.clear();
    m_nodeTimers.Clear();
    m_peersById.clear();
    m_winCtl = nullptr;
    m_ports.clear();
    for (auto& b : m_bearers)
    {
        b->Dispose();
    }
    m_bearers.clear();
    for (auto& b : m_retiredBearers)
    {
        b->Dispose();
    }
    m_retiredBearers.clear();
    if (m_topsrv)
    {
        m_topsrv->Dispose();
        m_topsrv = nullptr;
    }
    std::map<uint32_t, Ptr<TipcSocket>> sockets;
    sockets.swap(m_sockets); // disposing a socket unregisters its port
    for (auto& [port, s] : sockets)
    {
        s->Dispose();
    }
    m_conns.clear();
    m_portRng = nullptr;
    m_names->Dispose();
    m_names = nullptr;
    if (m_bcLink)
    {
        m_bcLink->Dispose();
        m_bcLink = nullptr;
    }
    for (uint32_t i = 0; i < MAX_BEARERS; ++i)
    {
        DeleteMonitor(i);
    }
    m_node = nullptr;
    m_netns = nullptr; // aggregated to the same node: holding it would keep the node alive
    m_rng = nullptr;
    Object::DoDispose();
}

// ---------------------------------------------------------------- attributes

void
TipcStack::SetNodeIdentity(const std::string& id)
{
    if (id.empty())
    {
        m_nodeId = TipcNodeId();
        return;
    }
    TipcNodeId parsed;
    if (!TipcNodeId::Parse(id, parsed))
    {
        NS_FATAL_ERROR("ns3::TipcStack attribute NodeIdentity=\""
                       << id
                       << "\" is invalid: use up to 16 characters [0-9A-Za-z.:_-@] or up to 32 "
                          "hex digits");
    }
    m_nodeId = parsed;
    if (m_addr == 0)
    {
        m_trialAddr = m_nodeId.Hash();
    }
}

std::string
TipcStack::GetNodeIdentity() const
{
    return m_nodeId.ToString();
}

void
TipcStack::SetClusterId(uint32_t id)
{
    CheckAttributeRange("ns3::TipcStack", "ClusterId", id, TIPC_MIN_NET_ID, TIPC_MAX_NET_ID);
    if (m_started && m_addr != 0)
    {
        NS_FATAL_ERROR("ns3::TipcStack attribute ClusterId can only be set before the node "
                       "has an address");
    }
    m_clusterId = id;
}

bool
TipcStack::IsLegacyAddressFormat() const
{
    return m_legacyAddr;
}

void
TipcStack::SetNodeAddress(uint32_t addr)
{
    m_legacyAddr = addr != 0;
    if (m_started)
    {
        NS_FATAL_ERROR("ns3::TipcStack attribute NodeAddress can only be set before the start");
    }
    m_addr = addr;
    if (addr != 0)
    {
        // Linux tipc_set_node_addr: an identity is derived from the address if none is set
        if (m_nodeId.IsZero())
        {
            m_nodeId = TipcNodeId::FromAddress(addr);
        }
        m_trialAddr = addr;
    }
}

// ---------------------------------------------------------------- bearers

uint32_t
TipcStack::AddBearer(Ptr<TipcBearer> bearer)
{
    NS_LOG_FUNCTION(this << bearer);
    if (m_dead)
    {
        NS_FATAL_ERROR("TipcStack: cannot add bearer " << bearer->GetName()
                                                       << ": the namespace was deleted");
    }
    // bearer_disable frees a bearer's slot; tipc_enable_bearer takes the lowest free one
    auto slot = std::find_if(m_bearers.begin(), m_bearers.end(), [this](const auto& b) {
        return IsFreeSlot(b);
    });
    if (slot == m_bearers.end() && m_bearers.size() >= MAX_BEARERS)
    {
        NS_FATAL_ERROR("TipcStack: cannot add bearer " << bearer->GetName() << ": at most "
                                                       << MAX_BEARERS
                                                       << " bearers per node (MAX_BEARERS)");
    }
    ApplyBearerRules(bearer);
    uint32_t id = static_cast<uint32_t>(slot - m_bearers.begin());
    if (slot == m_bearers.end())
    {
        m_bearers.push_back(bearer);
    }
    else
    {
        // the disabled bearer's slot; it stays alive, ignoring what its device still
        // hands it (its handlers are registered with the node and the device)
        (*slot)->Retire();
        m_retiredBearers.push_back(*slot);
        m_bearers[id] = bearer;
    }
    if (m_started)
    {
        StartBearer(id);
    }
    return id;
}

bool
TipcStack::IsFreeSlot(const Ptr<TipcBearer>& b) const
{
    return m_started && !b->IsEnabled();
}

void
TipcStack::ApplyBearerRules(Ptr<TipcBearer> bearer) const
{
    for (const auto& b : m_bearers)
    {
        if (b != bearer && !IsFreeSlot(b) && b->GetName() == bearer->GetName())
        {
            NS_FATAL_ERROR("TipcStack: bearer " << bearer->GetName() << " is already enabled");
        }
    }
    // At most two bearers may share a priority: a third one gets priority - 1 (Linux).
    uint32_t prio = bearer->GetPriority();
    for (;;)
    {
        uint32_t same = std::count_if(m_bearers.begin(), m_bearers.end(), [&](const auto& b) {
            return b != bearer && !IsFreeSlot(b) && b->GetPriority() == prio;
        });
        if (same < 2)
        {
            break;
        }
        if (prio == 0)
        {
            NS_FATAL_ERROR("TipcStack: bearer " << bearer->GetName()
                                                << ": two bearers already have priority 0");
        }
        --prio;
    }
    bearer->SetPriority(prio);
}

void
TipcStack::StartBearer(uint32_t id)
{
    Ptr<TipcBearer> b = m_bearers.at(id);
    if (m_nodeId.IsZero())
    {
        // Linux auto-configuration: identity from the first bearer's media address
        TipcMediaAddress a = b->GetMediaAddress();
        m_nodeId = a.GetMediaType() == TIPC_MEDIA_TYPE_ETH ? TipcNodeId::FromMac(a.GetMac())
                                                           : TipcNodeId::FromIpv4(a.GetUdpIpv4());
        m_trialAddr = m_nodeId.Hash();
        NS_LOG_INFO("node identity " << m_nodeId << " derived from " << a);
    }
    b->Enable(this, id);
    // tipc_mon_create arms the monitor timer when the bearer is enabled; the
    // monitor itself is made at its first use, once the own address is final
    // (a monitor with no peers has nothing to do on a timeout)
    ArmMonitorTimer(id);
}

void
TipcStack::DisableBearer(uint32_t bearerId)
{
    NS_LOG_FUNCTION(this << bearerId);
    Ptr<TipcBearer> b = GetBearer(bearerId);
    if (!b || !b->IsEnabled())
    {
        return;
    }
    for (auto& [addr, peer] : m_peers)
    {
        peer->LinkDown(bearerId, true);
    }
    DeleteMonitor(bearerId); // tipc_mon_delete
    b->Disable();
}

void
TipcStack::EnableBearer(uint32_t bearerId)
{
    NS_LOG_FUNCTION(this << bearerId);
    Ptr<TipcBearer> b = GetBearer(bearerId);
    if (!b || b->IsEnabled() || m_dead)
    {
        return;
    }
    if (m_started)
    {
        ApplyBearerRules(b); // enabled again: the rules of a new bearer
        StartBearer(bearerId);
    }
}

void
TipcStack::ResetBearer(uint32_t bearerId)
{
    NS_LOG_FUNCTION(this << bearerId);
    for (auto& [addr, peer] : m_peers)
    {
        peer->LinkDown(bearerId, true);
    }
    if (Ptr<TipcBearer> b = GetBearer(bearerId); b && b->GetDiscoverer())
    {
        b->GetDiscoverer()->Reset();
    }
}

Ptr<TipcBearer>
TipcStack::GetBearer(uint32_t bearerId) const
{
    return bearerId < m_bearers.size() ? m_bearers[bearerId] : nullptr;
}

uint32_t
TipcStack::GetNBearers() const
{
    return static_cast<uint32_t>(m_bearers.size());
}

// ---------------------------------------------------------------- identity

TipcNodeId
TipcStack::GetNodeId() const
{
    return m_nodeId;
}

uint32_t
TipcStack::GetOwnAddress() const
{
    return m_addr;
}

uint32_t
TipcStack::GetTrialAddress() const
{
    return m_trialAddr;
}

uint32_t
TipcStack::GetClusterId() const
{
    return m_clusterId;
}

uint32_t
TipcStack::GetRandom() const
{
    return m_random;
}

void
TipcStack::SetKernelHashMix(uint32_t mix)
{
    m_kernelHashMix = mix;
}

uint32_t
TipcStack::GetNetHashMixes() const
{
    return m_kernelHashMix ^ m_random;
}

bool
TipcStack::IsCryptoBuild() const
{
    return m_cryptoBuild;
}

bool
TipcStack::InAddressTrial() const
{
    // time_before(jiffies, addr_trial_end)
    return m_trialStarted && m_addr == 0 && Jiffies() < m_trialEnd;
}

int64_t
TipcStack::TrialEnd() const
{
    // addr_trial_end = jiffies + msecs_to_jiffies(1000)
    return Jiffies() + MsecsToJiffies(m_trialPeriod);
}

void
TipcStack::StartAddressTrial()
{
    m_trialStarted = true;
    m_trialEnd = TrialEnd();
}

void
TipcStack::RestartAddressTrial(uint32_t addr)
{
    m_trialAddr = addr;
    m_trialEnd = TrialEnd();
}

void
TipcStack::FinalizeAddress()
{
    if (m_addr != 0)
    {
        return; // tipc_net_finalize runs once
    }
    m_addr = m_trialAddr;
    m_trialEnd = Jiffies();
    NS_LOG_INFO("node " << m_nodeId << " address " << std::hex << m_addr);
    PublishNodeState();
    m_addressTrace(m_addr);
}

void
TipcStack::PublishNodeState()
{
    if (m_nodeStatePublished)
    {
        return;
    }
    m_nodeStatePublished = true;
    // tipc_net_finalize: own bindings made so far get the address, then the
    // node announces itself with {TIPC_NODE_STATE, addr, addr}, cluster scope
    m_names->Reinit(m_addr);
    m_names->Publish(TIPC_NODE_STATE, m_addr, m_addr, TIPC_CLUSTER_SCOPE, 0, m_addr);
}

Ptr<TipcNameDistributor>
TipcStack::GetNameDistributor() const
{
    return m_names;
}

TipcNameTable&
TipcStack::GetNameTable()
{
    return m_names->GetTable();
}

Ptr<TipcTopologyServer>
TipcStack::GetTopologyServer() const
{
    return m_topsrv;
}

void
TipcStack::NotifyNameActions(uint32_t peer,
                             uint16_t caps,
                             bool nodeDown,
                             bool nodeUp,
                             bool linkUp,
                             bool linkDown,
                             uint32_t linkId)
{
    if (nodeDown)
    {
        AbortConnections(peer);
        m_names->NodeDown(peer, caps);
    }
    if (nodeUp)
    {
        m_names->NodeUp(peer, caps);
    }
    if (linkUp)
    {
        m_names->Publish(TIPC_LINK_STATE, peer, peer, TIPC_NODE_SCOPE, linkId, linkId);
    }
    if (linkDown)
    {
        m_names->Withdraw(TIPC_LINK_STATE, peer, peer, linkId, linkId);
    }
}

void
TipcStack::NodeBroadcast(Ptr<TipcMsg> msg, uint32_t rcDests)
{
    if (rcDests == 0 && m_bcMode != BCLINK_MODE_RCAST)
    {
        std::deque<Ptr<TipcMsg>> list{msg};
        uint16_t cong = 0;
        BcastXmit(list, cong); // congestion is ignored; no peers: dropped
        return;
    }
    for (const auto& [addr, peer] : m_peers)
    {
        if (!peer->IsUp())
        {
            continue;
        }
        Ptr<TipcMsg> copy = msg->Clone();
        copy->hdr.SetDestNode(addr);
        std::deque<Ptr<TipcMsg>> list{copy};
        Xmit(list, addr, 0);
    }
}

uint32_t
TipcStack::SuggestAddress(uint32_t addr) const
{
    addr ^= m_random;
    while (m_peers.count(addr) != 0)
    {
        ++addr;
    }
    return addr;
}

uint32_t
TipcStack::TryAddress(const TipcNodeId& id, uint32_t addr)
{
    // Some other peer uses this address?
    auto it = m_peers.find(addr);
    if (it != m_peers.end())
    {
        if (it->second->GetNodeId() == id)
        {
            return 0;
        }
        return SuggestAddress(addr);
    }
    // A known peer: suggest its previous address
    auto byId = m_peersById.find(id);
    if (byId != m_peersById.end())
    {
        return byId->second;
    }
    // Even this node may be in conflict
    if (m_trialAddr == addr)
    {
        return SuggestAddress(addr);
    }
    return 0;
}

// ---------------------------------------------------------------- node table

void
TipcStack::CheckDest(uint32_t addr,
                     const TipcNodeId& peerId,
                     Ptr<TipcBearer> bearer,
                     uint32_t caps,
                     uint32_t signature,
                     uint32_t hashMixes,
                     const TipcMediaAddress& media,
                     bool& respond,
                     bool& duplAddr)
{
    respond = false;
    duplAddr = false;
    // tipc_node_create: find by address, then by identity, else create
    Ptr<TipcPeer> peer = GetPeer(addr);
    if (!peer)
    {
        auto byId = m_peersById.find(peerId);
        if (byId != m_peersById.end())
        {
            peer = GetPeer(byId->second);
        }
    }
    if (!peer)
    {
        peer = CreateObject<TipcPeer>();
        m_peers[addr] = peer;
        m_peerIndex[addr] = PeekPointer(peer);
        m_peersById[peerId] = addr;
        peer->Setup(this, addr, peerId, caps);
        peer->AssignPeerNet(hashMixes);
        NotifyDiscovery("peer-created", bearer->GetId(), addr);
    }
    else
    {
        if (peer->GetPeerHashMix() != hashMixes)
        {
            peer->AssignPeerNet(hashMixes);
        }
        if (peer->GetCapabilities() != caps)
        {
            peer->SetCapabilities(caps);
        }
    }
    peer->CheckDest(bearer, signature, hashMixes, media, respond, duplAddr);
}

Ptr<TipcPeer>
TipcStack::GetPeer(uint32_t addr) const
{
    auto it = m_peerIndex.find(addr);
    return it == m_peerIndex.end() ? nullptr : it->second;
}

TipcTimerQueue&
TipcStack::GetNodeTimers()
{
    return m_nodeTimers;
}

std::vector<Ptr<TipcPeer>>
TipcStack::GetPeers() const
{
    std::vector<Ptr<TipcPeer>> v;
    v.reserve(m_peers.size());
    for (const auto& [a, p] : m_peers)
    {
        v.push_back(p);
    }
    return v;
}

uint32_t
TipcStack::GetNUpPeers() const
{
    return static_cast<uint32_t>(std::count_if(m_peers.begin(), m_peers.end(), [](const auto& p) {
        return p.second->IsUp();
    }));
}

void
TipcStack::DeletePeer(uint32_t addr)
{
    auto it = m_peers.find(addr);
    if (it == m_peers.end())
    {
        return;
    }
    NS_LOG_INFO("deleting peer " << std::hex << addr);
    Ptr<TipcPeer> peer = it->second;
    m_peers.erase(it);
    m_peerIndex.erase(addr);
    m_peersById.erase(peer->GetNodeId());
    peer->Dispose();
    if (m_names)
    {
        m_names->ForgetPeer(addr);
    }
}

uint16_t
TipcStack::RandomSession()
{
    return static_cast<uint16_t>(m_rng->GetInteger(0, 0xffff));
}

// ---------------------------------------------------------------- frames

void
TipcStack::Receive(Ptr<TipcBearer> bearer, Ptr<Packet> wire)
{
    if (m_dead)
    {
        return;
    }
    // Messages for sockets are delivered after the frame has been processed
    // (Linux tipc_rcv hands its input queue to tipc_sk_rcv at the end), so
    // that a socket that sends at once finds the link in a consistent state.
    ++m_rcvDepth;
    ReceiveFrame(bearer, wire);
    if (--m_rcvDepth == 0)
    {
        DrainInput();
    }
}

void
TipcStack::QueueNamed(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    m_namedq.emplace_back(msg, fromNode);
    if (m_rcvDepth == 0)
    {
        DrainInput();
    }
}

void
TipcStack::PurgeNamed(uint32_t fromNode)
{
    m_namedq.erase(std::remove_if(m_namedq.begin(),
                                  m_namedq.end(),
                                  [fromNode](const auto& e) { return e.second == fromNode; }),
                   m_namedq.end());
}

void
TipcStack::QueueInput(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    // tipc_data_input: multicast and group messages go to the node's multicast input
    // queue (bc_entry.inputq1), the rest to the link's input queue
    const TipcHeader& h = msg->hdr;
    const uint32_t user = h.GetUser();
    const uint32_t type = h.GetType();
    const bool mc =
        user == GROUP_PROTOCOL ||
        (user <= TIPC_CRITICAL_IMPORTANCE &&
         (type == TIPC_MCAST_MSG || (type >= TIPC_GRP_MEMBER_EVT && type <= TIPC_GRP_UCAST_MSG)));
    (mc ? m_mcInputq : m_inputq).emplace_back(msg, fromNode);
    if (m_rcvDepth == 0)
    {
        DrainInput();
    }
}

void
TipcStack::DrainInput()
{
    if (m_draining)
    {
        return;
    }
    m_draining = true;
    // tipc_rcv, after the link's up or down events: tipc_named_rcv, tipc_node_mcast_rcv,
    // then tipc_sk_rcv of the link's input queue
    while (!m_namedq.empty() || !m_mcInputq.empty() || !m_inputq.empty())
    {
        if (!m_namedq.empty())
        {
            auto [msg, from] = m_namedq.front();
            m_namedq.pop_front();
            m_names->Receive(msg, from);
            continue;
        }
        auto& q = m_mcInputq.empty() ? m_inputq : m_mcInputq;
        auto [msg, from] = q.front();
        q.pop_front();
        DeliverUp(msg, from);
    }
    m_draining = false;
}

void
TipcStack::ReceiveFrame(Ptr<TipcBearer> bearer, Ptr<Packet> wire)
{
    uint32_t len = wire->GetSize();
    // Header-only validation needs the first bytes; structured payloads need all of them.
    uint8_t head[MAX_H_SIZE];
    uint32_t copied = wire->CopyData(head, std::min(len, MAX_H_SIZE));
    std::vector<uint8_t> whole;
    const uint8_t* bytes = head;
    if (copied < len && TipcMessageCodec::ValidationReadsPayload(TipcHeader::PeekUser(head[0])))
    {
        whole.resize(len);
        wire->CopyData(whole.data(), len);
        bytes = whole.data();
    }
    TipcHeader hdr;
    TipcDecodeError e =
        TipcMessageCodec::Validate(bytes,
                                   len,
                                   hdr,
                                   bearer->MayPad() ? TipcMessageCodec::Trailer::ETHERNET_PADDING
                                                    : TipcMessageCodec::Trailer::EXACT);
    if (e != TipcDecodeError::NONE)
    {
        DropFrame("malformed: " + TipcDecodeErrorToString(e), wire);
        return;
    }
    if (!bearer->IsUp())
    {
        DropFrame("bearer down", wire);
        return;
    }
    tipc::FireTrace(m_rxTrace, wire, bearer->GetId());
    if (hdr.GetSize() < len)
    {
        wire->RemoveAtEnd(len - hdr.GetSize()); // link-layer padding
    }
    const uint8_t* payload = bytes + hdr.GetHeaderSize();
    if (hdr.IsNonSeq())
    {
        if (hdr.GetUser() == LINK_CONFIG)
        {
            uint8_t info[TIPC_MEDIA_INFO_SIZE];
            hdr.GetMediaInfo(info);
            // an identity only from a peer with TIPC_NODE_ID128 (validated: 16 bytes)
            const bool id128 = (hdr.GetNodeCapabilities() & TIPC_NODE_ID128) != 0;
            bearer->GetDiscoverer()->Receive(hdr,
                                             id128 ? TipcNodeId::FromBuffer(payload) : TipcNodeId(),
                                             TipcMediaAddress::FromMediaInfo(info));
            return;
        }
        Ptr<TipcPeer> bpeer = GetPeer(hdr.GetPrevNode());
        if (!bpeer)
        {
            DropFrame("broadcast from unknown peer", wire);
            return;
        }
        wire->RemoveAtStart(hdr.GetHeaderSize());
        bpeer->BcReceive(bearer->GetId(), Create<TipcMsg>(hdr, wire));
        return;
    }
    if (hdr.GetHeaderSize() != SHORT_H_SIZE && hdr.GetDestNode() != m_addr)
    {
        DropFrame("not for this node", wire);
        return;
    }
    Ptr<TipcPeer> peer = GetPeer(hdr.GetPrevNode());
    if (!peer)
    {
        DropFrame("unknown peer", wire);
        return;
    }
    wire->RemoveAtStart(hdr.GetHeaderSize());
    peer->Receive(bearer->GetId(), Create<TipcMsg>(hdr, wire));
}

void
TipcStack::DropFrame(const std::string& reason, Ptr<const Packet> packet)
{
    NS_LOG_WARN("node " << std::hex << m_trialAddr << std::dec << " dropped frame: " << reason);
    ++m_drops[reason];
    m_dropTrace(packet, reason);
}

void
TipcStack::CountAnomaly(const std::string& what)
{
    NS_LOG_WARN("node " << std::hex << m_trialAddr << std::dec << ": " << what);
    ++m_drops["ignored: " + what];
}

const std::map<std::string, uint64_t>&
TipcStack::GetDropCounts() const
{
    return m_drops;
}

// ---------------------------------------------------------------- notifications

void
TipcStack::NotifyDiscovery(const std::string& event, uint32_t bearerId, uint32_t peer)
{
    NS_LOG_LOGIC("discovery " << event << " bearer " << bearerId << " peer " << std::hex << peer);
    m_discoveryTrace(event, bearerId, peer);
}

void
TipcStack::NotifyDuplicateAddress(uint32_t bearerId, uint32_t addr, const TipcMediaAddress& media)
{
    NS_LOG_WARN("Duplicate " << std::hex << addr << std::dec << " using " << media
                             << " seen on bearer " << bearerId);
    m_duplicateTrace(addr);
}

void
TipcStack::NotifyLinkState(Ptr<TipcLink> link, uint32_t oldState, uint32_t newState)
{
    NS_LOG_INFO(Simulator::Now().As(Time::MS)
                << " link " << link->GetName() << " " << TipcLinkFsm::StateName(oldState) << " -> "
                << TipcLinkFsm::StateName(newState));
    if (!m_linkStateTrace.IsEmpty())
    {
        m_linkStateTrace(link->GetName(), oldState, newState); // names are built on demand
    }
}

void
TipcStack::NotifyLinkUpDown(Ptr<TipcLink> link, uint32_t peer, bool up)
{
    NS_LOG_INFO(Simulator::Now().As(Time::MS)
                << " link " << link->GetName() << (up ? " up" : " down"));
    auto& trace = up ? m_linkUpTrace : m_linkDownTrace;
    if (!trace.IsEmpty())
    {
        trace(link->GetName(), peer, link->GetBearerId());
    }
}

void
TipcStack::NotifyNodeUpDown(uint32_t peer, bool up)
{
    NS_LOG_INFO(Simulator::Now().As(Time::MS)
                << " node " << std::hex << peer << std::dec << (up ? " up" : " down"));
    if (up)
    {
        m_nodeUpTrace(peer);
    }
    else
    {
        m_nodeDownTrace(peer);
    }
}

int64_t
TipcStack::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    int64_t used = 1;
    for (uint32_t i = 0; i < MAX_BEARERS; ++i)
    {
        // bearers may be added later: reserve their streams now
        if (i < m_bearers.size())
        {
            m_bearers[i]->AssignStreams(stream + used);
        }
        ++used;
    }
    m_portRng->SetStream(stream + used);
    ++used;
    return used;
}

// ---------------------------------------------------------------- messages

void
TipcStack::SetHz(uint32_t hz)
{
    CheckAttributeRange("ns3::TipcStack", "Hz", hz, 100, 1000);
    m_hz = hz;
}

void
TipcStack::SetAddressTrialPeriod(Time t)
{
    CheckAttributeRange("ns3::TipcStack", "AddressTrialPeriod", t, MilliSeconds(1), Seconds(60));
    m_trialPeriod = t;
}

void
TipcStack::SetUptime(Time uptime)
{
    m_uptime = uptime;
    m_jiffyPhase = -1; // derived again at the next use
}

int64_t
TipcStack::JiffyPhase() const
{
    if (m_jiffyPhase < 0)
    {
        // one jiffies counter per kernel: the namespaces of a host share the
        // first namespace's; separate machines have unrelated uptimes, so their
        // ticks, and the multiples of 8, 64, ... ticks on which wheel timers run,
        // fall at unrelated instants
        Ptr<LinuxHost> host = GetHost();
        Ptr<TipcStack> kernel = host && !host->GetNamespaces().empty()
                                    ? host->GetNamespaces().front()->GetObject<TipcStack>()
                                    : nullptr;
        if (kernel && kernel != this)
        {
            m_jiffyPhase = kernel->JiffyPhase();
        }
        else if (!m_uptime.IsNegative())
        {
            m_jiffyPhase = m_uptime.GetNanoSeconds();
        }
        else
        {
            // a fixed hash of the node id (splitmix64), up to 2^15 ticks: no random
            // stream is consumed
            uint64_t z = (m_node ? m_node->GetId() : 0) + 0x9e3779b97f4a7c15ULL;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            z ^= z >> 31;
            const uint64_t range = (uint64_t{1} << 15) * (1000000000ULL / m_hz);
            m_jiffyPhase = static_cast<int64_t>(z % range);
        }
    }
    return m_jiffyPhase;
}

int64_t
TipcStack::Jiffies() const
{
    return (Simulator::Now().GetNanoSeconds() + JiffyPhase()) * m_hz / 1000000000LL;
}

Time
TipcStack::TickTime(int64_t jiffies) const
{
    // rounded up, so that Jiffies() reads @p jiffies at that instant for any HZ
    return NanoSeconds((jiffies * 1000000000LL + m_hz - 1) / m_hz - JiffyPhase());
}

int64_t
TipcStack::MsecsToJiffies(uint32_t ms) const
{
    return (static_cast<int64_t>(ms) * m_hz + 999) / 1000;
}

int64_t
TipcStack::MsecsToJiffies(Time t) const
{
    return MsecsToJiffies(static_cast<uint32_t>(t.GetMilliSeconds()));
}

Time
TipcStack::TimerDelay(int64_t jiffies) const
{
    const int64_t now = Jiffies();
    const int64_t due =
        m_timerWheel ? TimerWheelExpiry(now, now + jiffies, TimerWheelDepth(m_hz)) : now + jiffies;
    return Max(TickTime(due) - Simulator::Now(), Seconds(0));
}

Time
TipcStack::TimerDelay(Time interval) const
{
    return TimerDelay(MsecsToJiffies(interval));
}

Ptr<TipcWindowControl>
TipcStack::GetWindowControl() const
{
    if (!m_winCtl || m_winCtl->GetInstanceTypeId() != m_windowTypeId)
    {
        m_winCtl = CreateWindowControl();
    }
    return m_winCtl;
}

Ptr<TipcWindowControl>
TipcStack::CreateWindowControl() const
{
    ObjectFactory f;
    f.SetTypeId(m_windowTypeId);
    return f.Create<TipcWindowControl>();
}

uint16_t
TipcStack::GetBcSndNxt() const
{
    return m_bcLink ? m_bcLink->GetSndNxt() : 1;
}

TipcXmitResult
TipcStack::Xmit(std::deque<Ptr<TipcMsg>>& list, uint32_t dnode, uint32_t selector)
{
    if (dnode == m_addr || dnode == 0)
    {
        for (auto& m : list)
        {
            DeliverUp(m, m_addr);
        }
        list.clear();
        return TipcXmitResult::OK;
    }
    Ptr<TipcPeer> peer = GetPeer(dnode);
    if (!peer || m_dead)
    {
        list.clear();
        return TipcXmitResult::HOST_UNREACH;
    }
    if (IsUserData(list.front()))
    {
        // tipc_node_xmit: user data to a kernel-local peer skips link and devices
        Ptr<TipcStack> pn = peer->GetPeerNet();
        bool crossover =
            peer->IsUp() && pn && !pn->IsShutDown() && GetHost() && GetHost()->IsCrossoverEnabled();
        peer->CountPath(crossover);
        m_pathTrace(dnode, crossover, list.front()->hdr);
        if (crossover)
        {
            LxcXmit(pn, list);
            return TipcXmitResult::OK;
        }
    }
    return peer->Xmit(list, selector);
}

uint32_t
TipcStack::GetMtu(uint32_t dnode, uint32_t selector, bool connected) const
{
    Ptr<TipcPeer> peer = GetPeer(dnode);
    if (!peer)
    {
        return MAX_MSG_SIZE;
    }
    if (connected && peer->GetPeerNet() && GetHost() && GetHost()->IsCrossoverEnabled())
    {
        return MAX_MSG_SIZE; // crossover: one buffer, no fragmentation
    }
    return peer->GetMtu(selector);
}

void
TipcStack::RegisterPort(uint32_t port, PortHandler handler)
{
    m_ports[port] = handler;
}

void
TipcStack::UnregisterPort(uint32_t port)
{
    m_ports.erase(port);
    m_sockets.erase(port);
}

Ptr<TipcSocket>
TipcStack::CreateSocket(TipcSocketType type)
{
    Ptr<TipcSocket> s = CreateObject<TipcSocket>();
    s->Init(this, type);
    m_sockets[s->GetPortId()] = s;
    m_socketCreatedTrace(s);
    return s;
}

std::vector<Ptr<TipcSocket>>
TipcStack::GetSockets() const
{
    std::vector<Ptr<TipcSocket>> v;
    v.reserve(m_sockets.size());
    for (const auto& [port, s] : m_sockets)
    {
        v.push_back(s);
    }
    return v;
}

uint32_t
TipcStack::AllocatePort()
{
    uint32_t port = 1 + m_portRng->GetInteger(0, TIPC_MAX_PORT - 1);
    while (m_ports.count(port) != 0)
    {
        port = port == TIPC_MAX_PORT ? TIPC_MIN_PORT : port + 1;
    }
    return port;
}

uint32_t
TipcStack::SocketRandom()
{
    return m_portRng->GetInteger(0, 0xffff);
}

uint16_t
TipcStack::GetPeerCapabilities(uint32_t node) const
{
    if (node != 0 && node != m_addr)
    {
        if (Ptr<TipcPeer> p = GetPeer(node))
        {
            return static_cast<uint16_t>(p->GetCapabilities());
        }
    }
    return TIPC_NODE_CAPABILITIES;
}

void
TipcStack::AddConn(uint32_t peerNode, uint32_t port, uint32_t peerPort)
{
    if (peerNode == 0 || peerNode == m_addr)
    {
        return;
    }
    if (!GetPeer(peerNode))
    {
        NS_LOG_WARN("Connecting sock to node " << std::hex << peerNode << " failed");
        return;
    }
    m_conns[peerNode].emplace_back(port, peerPort);
}

void
TipcStack::RemoveConn(uint32_t peerNode, uint32_t port)
{
    auto it = m_conns.find(peerNode);
    if (it == m_conns.end())
    {
        return;
    }
    auto& v = it->second;
    v.erase(
        std::remove_if(v.begin(),
                       v.end(),
                       [port](const std::pair<uint32_t, uint32_t>& c) { return c.first == port; }),
        v.end());
}

void
TipcStack::AbortConnections(uint32_t peer)
{
    auto it = m_conns.find(peer);
    if (it == m_conns.end())
    {
        return;
    }
    std::vector<std::pair<uint32_t, uint32_t>> conns;
    conns.swap(it->second);
    m_conns.erase(it);
    for (const auto& [port, peerPort] : conns)
    {
        // node_lost_contact: a connection message from the lost peer, error NO_NODE
        TipcHeader h;
        h.Init(peer, TIPC_CRITICAL_IMPORTANCE, TIPC_CONN_MSG, SHORT_H_SIZE, m_addr);
        h.SetDestNode(m_addr);
        h.SetDestPort(port);
        h.SetOrigPort(peerPort);
        h.SetErrorCode(TIPC_ERR_NO_NODE);
        QueueInput(Create<TipcMsg>(h, nullptr), peer);
    }
}

Ptr<LinuxHost>
TipcStack::GetHost() const
{
    return m_netns ? m_netns->GetHost() : nullptr;
}

Ptr<Node>
TipcStack::GetNode() const
{
    return m_node;
}

Ptr<HostCpuModel>
TipcStack::GetCpu() const
{
    return HostCpuModel::OfHost(GetHost());
}

bool
TipcStack::IsUserData(const Ptr<TipcMsg>& m)
{
    uint32_t user = m->hdr.GetUser();
    if (user <= TIPC_CRITICAL_IMPORTANCE)
    {
        uint32_t t = m->hdr.GetType();
        return t == TIPC_CONN_MSG || t == TIPC_NAMED_MSG || t == TIPC_DIRECT_MSG ||
               t == TIPC_MCAST_MSG;
    }
    if (user == MSG_FRAGMENTER && m->data->GetSize() >= MIN_H_SIZE)
    {
        uint8_t w[4];
        m->data->CopyData(w, 4);
        uint32_t inner = TipcHeader::PeekUser(w[0]); // user of the fragmented message
        return inner <= TIPC_CRITICAL_IMPORTANCE;
    }
    return user == GROUP_PROTOCOL || user == CONN_MANAGER;
}

void
TipcStack::LxcXmit(Ptr<TipcStack> peerNet, std::deque<Ptr<TipcMsg>>& list)
{
    std::vector<Ptr<TipcMsg>> msgs;
    if (list.front()->hdr.GetUser() == MSG_FRAGMENTER)
    {
        TipcReassembler reasm;
        for (const auto& f : list)
        {
            Ptr<TipcMsg> whole;
            if (reasm.Append(f, whole) == TipcReassembler::Result::COMPLETE)
            {
                msgs.push_back(whole);
            }
        }
    }
    else
    {
        msgs.assign(list.begin(), list.end());
    }
    list.clear();
    if (GetCpu())
    {
        // tipc_lxc_xmit() runs tipc_sk_rcv() of the peer namespace in the sender's
        // context: the socket delivery is charged to the sender's core (DeliverUp)
        for (const auto& m : msgs)
        {
            peerNet->LxcReceive(m, m_addr);
        }
        return;
    }
    uint32_t context = peerNet->m_node ? peerNet->m_node->GetId() : 0;
    for (const auto& m : msgs)
    {
        // delivered in the receiving namespace's context, as a socket-to-socket hand-over
        Simulator::ScheduleWithContext(context,
                                       Seconds(0),
                                       &TipcStack::LxcReceive,
                                       peerNet,
                                       m,
                                       m_addr);
    }
}

void
TipcStack::LxcReceive(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    if (m_dead)
    {
        return;
    }
    DeliverUp(msg, fromNode);
}

void
TipcStack::PreCleanupNet(Ptr<TipcStack> dying)
{
    for (auto& [addr, peer] : m_peers)
    {
        peer->ClearPeerNet(dying);
    }
}

bool
TipcStack::IsShutDown() const
{
    return m_dead;
}

void
TipcStack::ReleaseSockets()
{
    for (const Ptr<TipcSocket>& s : GetSockets()) // Close unregisters the port
    {
        if (!m_topsrv || !m_topsrv->Owns(s))
        {
            s->CloseNow(); // the namespace goes at once: no congestion wait
        }
    }
}

void
TipcStack::Shutdown()
{
    if (m_dead)
    {
        return;
    }
    NS_LOG_INFO("node " << std::hex << m_addr << std::dec << ": TIPC stopped (namespace deleted)");
    m_dead = true;
    for (auto& [port, s] : m_sockets)
    {
        s->Abort();
    }
    // tipc_net_stop(): every bearer is disabled while its device still exists, so each link
    // sends its RESET (peer_stopping set) and the peers learn of the departure at once
    for (uint32_t id = 0; id < m_bearers.size(); ++id)
    {
        DisableBearer(id);
    }
    for (auto& [addr, peer] : m_peers)
    {
        peer->Dispose(); // timers stop
    }
    m_peers.clear();
    m_peerIndex.clear();
    m_peersById.clear();
    m_inputq.clear();
    m_mcInputq.clear();
    m_namedq.clear();
}

uint32_t
TipcStack::GetBcastMss() const
{
    return m_bcLink->GetMss();
}

// ---------------------------------------------------------------- broadcast base

Ptr<TipcLink>
TipcStack::GetBcLink() const
{
    return m_bcLink;
}

void
TipcStack::SetBroadcastMode(std::string mode)
{
    if (mode == "AUTOSELECT")
    {
        m_bcMode = BCLINK_MODE_SEL;
    }
    else if (mode == "BROADCAST")
    {
        m_bcMode = BCLINK_MODE_BCAST;
    }
    else if (mode == "REPLICAST")
    {
        m_bcMode = BCLINK_MODE_RCAST;
    }
    else
    {
        NS_FATAL_ERROR("ns3::TipcStack attribute BroadcastMode="
                       << mode << " is not one of AUTOSELECT, BROADCAST, REPLICAST");
    }
}

std::string
TipcStack::GetBroadcastMode() const
{
    switch (m_bcMode)
    {
    case BCLINK_MODE_BCAST:
        return "BROADCAST";
    case BCLINK_MODE_RCAST:
        return "REPLICAST";
    default:
        return "AUTOSELECT";
    }
}

void
TipcStack::SetBroadcastRatio(uint32_t ratio)
{
    CheckAttributeRange("ns3::TipcStack", "BroadcastRatio", ratio, 1, 100);
    m_bcRatio = ratio;
    if (m_bcLink)
    {
        BcastCalcThreshold();
    }
}

void
TipcStack::SetMonitorThreshold(uint32_t threshold)
{
    CheckAttributeRange("ns3::TipcStack", "MonitorThreshold", threshold, 0, TIPC_CLUSTER_SIZE);
    m_monThreshold = threshold;
    for (auto& m : m_monitors)
    {
        if (m)
        {
            m->SetThreshold(threshold);
        }
    }
}

uint32_t
TipcStack::GetMonitorThreshold() const
{
    return m_monThreshold;
}

TipcMonitor*
TipcStack::GetMonitor(uint32_t bearerId)
{
    if (bearerId >= MAX_BEARERS)
    {
        return nullptr;
    }
    std::unique_ptr<TipcMonitor>& m = m_monitors[bearerId];
    if (!m)
    {
        // tipc_mon_create (its timer runs since the bearer's enable): the own
        // address is settled once links exist
        m = std::make_unique<TipcMonitor>(m_addr, m_monThreshold);
    }
    return m.get();
}

const TipcMonitor*
TipcStack::PeekMonitor(uint32_t bearerId) const
{
    return bearerId < MAX_BEARERS ? m_monitors[bearerId].get() : nullptr;
}

void
TipcStack::ArmMonitorTimer(uint32_t bearerId)
{
    // mod_timer(&mon->timer, jiffies + mon->timer_intv), timer_intv =
    // msecs_to_jiffies(MON_TIMEOUT + (random & 0xffff)): a wheel timer
    m_monTimers[bearerId].Cancel();
    m_monTimers[bearerId] =
        Simulator::Schedule(TimerDelay(MilliSeconds(MON_TIMEOUT + (m_random & 0xffff))),
                            &TipcStack::MonitorTimeout,
                            this,
                            bearerId);
}

void
TipcStack::MonitorTimeout(uint32_t bearerId)
{
    if (TipcMonitor* m = m_monitors[bearerId].get())
    {
        m->Timeout();
    }
    ArmMonitorTimer(bearerId);
}

void
TipcStack::DeleteMonitor(uint32_t bearerId)
{
    m_monTimers[bearerId].Cancel();
    m_monitors[bearerId].reset();
}

void
TipcStack::SetBroadcastWindow(uint32_t win)
{
    CheckAttributeRange("ns3::TipcStack",
                        "BroadcastWindow",
                        win,
                        BCLINK_WIN_DEFAULT,
                        TIPC_MAX_LINK_WIN);
    m_bcMaxWin = win;
}

void
TipcStack::BcastCalcThreshold()
{
    m_bcThreshold = 1 + (m_bcLink->GetAckers() * m_bcRatio) / 100;
}

void
TipcStack::BcastSelectPrimary()
{
    m_bcPrimary = -1;
    m_bcastSupport = true;
    uint32_t all = m_bcLink->GetAckers();
    if (all == 0)
    {
        return;
    }
    for (uint32_t i = 0; i < m_bearers.size() && i < MAX_BEARERS; ++i)
    {
        if (m_bcDests[i] == 0)
        {
            continue;
        }
        m_bcLink->LowerBcMtu(m_bearers[i]->GetMtu());
        m_bcastSupport = m_bcastSupport && m_bearers[i]->CanBroadcast();
        if (m_bcDests[i] >= all)
        {
            m_bcPrimary = static_cast<int32_t>(i);
            if (((i ^ m_addr) & 1) != 0)
            {
                break; // spread the load: parity of bearer id and own address differ
            }
        }
    }
    if (m_bcPrimary >= 0)
    {
        m_bcastSupport = m_bearers[m_bcPrimary]->CanBroadcast();
    }
}

void
TipcStack::BcastIncBearerDests(uint32_t bearerId)
{
    if (bearerId < MAX_BEARERS)
    {
        ++m_bcDests[bearerId];
    }
    BcastSelectPrimary();
}

void
TipcStack::BcastDecBearerDests(uint32_t bearerId)
{
    if (bearerId < MAX_BEARERS && m_bcDests[bearerId] > 0)
    {
        --m_bcDests[bearerId];
    }
    BcastSelectPrimary();
}

void
TipcStack::BcastAddPeer(Ptr<TipcLink> bcl)
{
    m_bcLink->AddBcPeer(bcl);
    BcastSelectPrimary();
    BcastCalcThreshold();
}

void
TipcStack::BcastRemovePeer(Ptr<TipcLink> bcl)
{
    m_bcLink->RemoveBcPeer(bcl);
    BcastSelectPrimary();
    BcastCalcThreshold();
}

bool
TipcStack::AllPeersHave(uint16_t capability) const
{
    for (const auto& [addr, peer] : m_peers)
    {
        if (!(peer->GetCapabilities() & capability))
        {
            return false;
        }
    }
    return true;
}

void
TipcStack::BcastSelectMethod(uint32_t remoteDests, TipcMcastMethod& method)
{
    if (!m_bcastSupport)
    {
        method.rcast = true;
        return;
    }
    if (!AllPeersHave(TIPC_BCAST_RCAST))
    {
        method.rcast = false;
        return;
    }
    int64_t expOld = method.expires;
    method.expires = Jiffies() + MsecsToJiffies(TIPC_METHOD_EXPIRE);
    if (method.mandatory)
    {
        return;
    }
    bool rbctl = McastRbctl();
    if (!rbctl && Jiffies() < expOld)
    {
        return;
    }
    if (m_bcMode == BCLINK_MODE_BCAST)
    {
        method.rcast = false;
        return;
    }
    if (m_bcMode == BCLINK_MODE_RCAST)
    {
        method.rcast = true;
        return;
    }
    method.rcast = remoteDests <= m_bcThreshold;
}

bool
TipcStack::McastRbctl() const
{
    return AllPeersHave(TIPC_MCAST_RBCTL);
}

TipcXmitResult
TipcStack::BcastXmit(std::deque<Ptr<TipcMsg>>& list, uint16_t& congLinkCnt)
{
    if (m_bcLink->GetAckers() == 0)
    {
        list.clear(); // nobody to send to: dropped, and the sender sees success
        return TipcXmitResult::OK;
    }
    TipcXmitResult rc = m_bcLink->Xmit(list);
    if (rc == TipcXmitResult::LINK_CONG)
    {
        congLinkCnt = 1;
        rc = TipcXmitResult::OK;
    }
    return rc;
}

void
TipcStack::BcastTransmit(Ptr<TipcMsg> msg)
{
    // tipc_bearer_bc_xmit: the N bit and the cluster id mark a broadcast frame
    msg->hdr.SetNonSeq(true);
    msg->hdr.SetMcNetId(m_clusterId);
    if (m_bcPrimary >= 0)
    {
        m_bearers[m_bcPrimary]->Broadcast(msg->ToPacket());
        return;
    }
    for (uint32_t i = 0; i < m_bearers.size() && i < MAX_BEARERS; ++i)
    {
        if (m_bcDests[i] != 0)
        {
            m_bearers[i]->Broadcast(msg->ToPacket());
        }
    }
}

Time
TipcStack::JiffiesToTime(int64_t jiffies) const
{
    return NanoSeconds(jiffies * 1000000000LL / m_hz);
}

void
TipcStack::DeliverUp(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    Ptr<HostCpuModel> cpu = msg->hdr.GetUser() != NAME_DISTRIBUTOR ? GetCpu() : nullptr;
    if (!cpu)
    {
        SocketDeliver(msg, fromNode);
        return;
    }
    // tipc_sk_rcv(): per message socket work in the context that delivers (the
    // link's softirq core, or the sender's core on the crossover/node-local path)
    Ptr<TipcStack> self = this;
    cpu->Execute(
        cpu->GetCurrentCore(cpu->GetSoftirqCore(m_node)),
        HostCpuModel::SOCK_RCV,
        cpu->GetSockRcvCost(),
        [self, msg, fromNode]() {
            if (!self->m_dead)
            {
                self->SocketDeliver(msg, fromNode);
            }
        },
        m_node->GetId(),
        true);
}

void
TipcStack::SocketDeliver(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    tipc::FireTrace(m_deliverTrace, msg->hdr, msg->data, fromNode);
    const TipcHeader& h = msg->hdr;
    uint32_t user = h.GetUser();
    if (user == NAME_DISTRIBUTOR)
    {
        return; // the name distributor consumes these
    }
    // multicast goes to every matching socket; on the broadcast link word 5
    // holds the cluster id, not a port
    if (user <= TIPC_CRITICAL_IMPORTANCE && h.GetType() == TIPC_MCAST_MSG)
    {
        McastDeliver(msg, fromNode);
        return;
    }
    auto it = m_ports.find(h.GetDestPort());
    if (it == m_ports.end())
    {
        NoSuchPort(msg);
        return;
    }
    it->second(msg, fromNode);
}

void
TipcStack::McastDeliver(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    const TipcHeader& h = msg->hdr;
    uint32_t scope = h.GetOrigNode() == m_addr ? static_cast<uint32_t>(TIPC_ANY_SCOPE)
                                               : static_cast<uint32_t>(TIPC_CLUSTER_SCOPE);
    std::vector<uint32_t> ports = GetNameTable().LookupMcastSockets(h.GetNameType(),
                                                                    h.GetNameLower(),
                                                                    h.GetNameUpper(),
                                                                    scope);
    for (uint32_t port : ports)
    {
        auto it = m_ports.find(port);
        if (it == m_ports.end())
        {
            continue;
        }
        Ptr<TipcMsg> copy = Create<TipcMsg>(h, msg->data ? msg->data->Copy() : nullptr);
        copy->hdr.SetDestPort(port);
        it->second(copy, fromNode);
    }
}

void
TipcStack::NoSuchPort(Ptr<TipcMsg> msg)
{
    TipcHeader& h = msg->hdr;
    uint32_t err = TIPC_ERR_NO_PORT;
    if (h.GetUser() <= TIPC_CRITICAL_IMPORTANCE && h.GetType() == TIPC_NAMED_MSG &&
        h.GetErrorCode() == 0)
    {
        err = TIPC_ERR_NO_NAME;
        if (h.GetRerouteCount() == 0)
        {
            // secondary lookup (tipc_msg_lookup_dest)
            uint32_t lookupNode = h.GetLookupScope() == TIPC_NODE_SCOPE ? m_addr : 0;
            uint32_t node = 0;
            uint32_t port = 0;
            if (GetNameTable().LookupAnycast(h.GetNameType(),
                                             h.GetNameInstance(),
                                             lookupNode,
                                             m_legacyAddr,
                                             node,
                                             port) &&
                port != 0)
            {
                uint32_t selector = h.GetDestPort();
                h.SetRerouteCount(h.GetRerouteCount() + 1);
                if (node != m_addr)
                {
                    h.SetPrevNode(m_addr);
                }
                h.SetDestNode(node);
                h.SetDestPort(port);
                std::deque<Ptr<TipcMsg>> list{msg};
                Xmit(list, node, selector);
                return;
            }
        }
    }
    ++m_drops[err == TIPC_ERR_NO_NAME ? "rejected: no such name" : "rejected: no such port"];
    Ptr<TipcMsg> r = TipcMsg::Reverse(msg, m_addr, err);
    if (r)
    {
        std::deque<Ptr<TipcMsg>> list{r};
        Xmit(list, r->hdr.GetDestNode(), r->hdr.GetOrigPort());
    }
}

void
TipcStack::WakeupPort(uint32_t port, uint32_t node)
{
    auto it = m_ports.find(port);
    if (it == m_ports.end())
    {
        return;
    }
    TipcHeader h;
    h.Init(node, SOCK_WAKEUP, 0, INT_H_SIZE, m_addr);
    h.SetDestPort(port);
    h.SetDestDroppable(true);
    it->second(Create<TipcMsg>(h, nullptr), node);
}

} // namespace ns3
