// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-bearer.h"

#include "host-cpu-model.h"
#include "tipc-attribute-check.h"
#include "tipc-discoverer.h"
#include "tipc-stack.h"
#include "tipc-trace.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBearer");

NS_OBJECT_ENSURE_REGISTERED(TipcBearer);

using namespace tipc;

TypeId
TipcBearer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcBearer")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddAttribute(
                "Priority",
                "Link priority given to links on this bearer, 0..31 (Linux default 10).",
                UintegerValue(TIPC_DEF_LINK_PRI),
                MakeUintegerAccessor(&TipcBearer::SetPriorityAttr, &TipcBearer::GetPriority),
                MakeUintegerChecker<uint32_t>())
            .AddAttribute("Tolerance",
                          "Link tolerance given to links on this bearer, 50 ms .. 30 s "
                          "(Linux default 1500 ms).",
                          TimeValue(MilliSeconds(TIPC_DEF_LINK_TOL)),
                          MakeTimeAccessor(&TipcBearer::SetTolerance, &TipcBearer::GetTolerance),
                          MakeTimeChecker())
            .AddAttribute(
                "MinWindow",
                "Initial (and minimum) link window in packets, 16..8191 "
                "(Ethernet and UDP default 50).",
                UintegerValue(TIPC_DEF_LINK_WIN),
                MakeUintegerAccessor(&TipcBearer::SetMinWindow, &TipcBearer::GetMinWindow),
                MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "MaxWindow",
                "Maximum link window in packets, MinWindow..8191; 0 = the media default "
                "(Ethernet 8191, UDP 50).",
                UintegerValue(0),
                MakeUintegerAccessor(&TipcBearer::SetMaxWindow, &TipcBearer::GetMaxWindow),
                MakeUintegerChecker<uint32_t>())
            .AddAttribute("Domain",
                          "Discovery domain: 0 accepts any node; a node address limits links "
                          "to that node and stops discovery once it is found.  On a node "
                          "with a configured (legacy) address, a cluster <Z.C.0> or zone "
                          "<Z.0.0> domain accepts that cluster's or zone's nodes "
                          "(tipc_in_scope).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TipcBearer::m_domain),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TxDuplicateProbability",
                          "Egress impairment (like tc netem duplicate): probability that a frame "
                          "is sent twice.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&TipcBearer::m_dupProb),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("TxReorderProbability",
                          "Egress impairment (like tc netem delay/reorder): probability that a "
                          "frame is held back by TxReorderDelay, so later frames overtake it.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&TipcBearer::m_reorderProb),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("TxReorderDelay",
                          "How long a reordered frame is held back.",
                          TimeValue(MicroSeconds(100)),
                          MakeTimeAccessor(&TipcBearer::m_reorderDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Tx",
                            "A TIPC message was handed to the medium.",
                            MakeTraceSourceAccessor(&TipcBearer::m_txTrace),
                            "ns3::TipcBearer::FrameTracedCallback")
            .AddTraceSource("Rx",
                            "A frame arrived from the medium (before validation).",
                            MakeTraceSourceAccessor(&TipcBearer::m_rxTrace),
                            "ns3::TipcBearer::FrameTracedCallback")
            .AddTraceSource("Drop",
                            "A message was not sent (bearer down).",
                            MakeTraceSourceAccessor(&TipcBearer::m_dropTrace),
                            "ns3::TipcStack::DropTracedCallback");
    return tid;
}

TipcBearer::TipcBearer()
    : m_id(MAX_BEARERS),
      m_priority(TIPC_DEF_LINK_PRI),
      m_tolerance(MilliSeconds(TIPC_DEF_LINK_TOL)),
      m_minWindow(TIPC_DEF_LINK_WIN),
      m_maxWindow(0),
      m_domain(0),
      m_enabled(false),
      m_mediumUp(false),
      m_dupProb(0.0),
      m_reorderProb(0.0),
      m_reorderDelay(MicroSeconds(100))
{
    NS_LOG_FUNCTION(this);
    m_rng = CreateObject<UniformRandomVariable>();
}

TipcBearer::~TipcBearer()
{
    NS_LOG_FUNCTION(this);
}

void
TipcBearer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_discoverer)
    {
        m_discoverer->Dispose();
        m_discoverer = nullptr;
    }
    m_enabled = false; // device callbacks still registered find a disposed bearer
    m_stack = nullptr;
    m_rng = nullptr;
    Object::DoDispose();
}

void
TipcBearer::SetTolerance(Time tolerance)
{
    CheckAttributeRange("ns3::TipcBearer",
                        "Tolerance",
                        tolerance,
                        MilliSeconds(TIPC_MIN_LINK_TOL),
                        MilliSeconds(TIPC_MAX_LINK_TOL));
    m_tolerance = tolerance;
}

void
TipcBearer::SetPriorityAttr(uint32_t priority)
{
    CheckAttributeRange("ns3::TipcBearer",
                        "Priority",
                        priority,
                        TIPC_MIN_LINK_PRI,
                        TIPC_MAX_LINK_PRI);
    m_priority = priority;
}

void
TipcBearer::SetPriority(uint32_t priority)
{
    SetPriorityAttr(priority);
}

void
TipcBearer::SetMinWindow(uint32_t w)
{
    CheckAttributeRange("ns3::TipcBearer", "MinWindow", w, TIPC_MIN_LINK_WIN, TIPC_MAX_LINK_WIN);
    m_minWindow = w;
}

void
TipcBearer::SetMaxWindow(uint32_t w)
{
    if (w != 0)
    {
        CheckAttributeRange("ns3::TipcBearer",
                            "MaxWindow",
                            w,
                            TIPC_MIN_LINK_WIN,
                            TIPC_MAX_LINK_WIN);
    }
    m_maxWindow = w;
}

std::string
TipcBearer::GetName() const
{
    return GetMediaName() + ":" + m_ifName;
}

void
TipcBearer::SetInterfaceName(const std::string& ifName)
{
    if (ifName.empty() || ifName.size() >= TIPC_MAX_IF_NAME)
    {
        NS_FATAL_ERROR("TIPC bearer interface name \"" << ifName << "\" must have 1.."
                                                       << TIPC_MAX_IF_NAME - 1 << " characters");
    }
    m_ifName = ifName;
}

std::string
TipcBearer::GetInterfaceName() const
{
    return m_ifName;
}

uint32_t
TipcBearer::GetId() const
{
    return m_id;
}

void
TipcBearer::Retire()
{
    NS_ASSERT(!m_enabled);
    m_id = MAX_BEARERS;
}

uint32_t
TipcBearer::GetPriority() const
{
    return m_priority;
}

Time
TipcBearer::GetTolerance() const
{
    return m_tolerance;
}

uint32_t
TipcBearer::GetMinWindow() const
{
    return m_minWindow;
}

uint32_t
TipcBearer::GetMaxWindow() const
{
    return std::max(m_maxWindow == 0 ? GetMediaMaxWindow() : m_maxWindow, m_minWindow);
}

uint32_t
TipcBearer::GetMediaMaxWindow() const
{
    return TIPC_MAX_LINK_WIN;
}

uint32_t
TipcBearer::GetDomain() const
{
    return m_domain;
}

bool
TipcBearer::MayPad() const
{
    return false;
}

bool
TipcBearer::CanBroadcast() const
{
    return true;
}

bool
TipcBearer::IsUp() const
{
    return m_enabled && m_mediumUp;
}

bool
TipcBearer::IsEnabled() const
{
    return m_enabled;
}

Ptr<TipcDiscoverer>
TipcBearer::GetDiscoverer() const
{
    return m_discoverer;
}

void
TipcBearer::Enable(Ptr<TipcStack> stack, uint32_t id)
{
    NS_LOG_FUNCTION(this << id);
    NS_ASSERT(!m_enabled);
    if (m_ifName.empty())
    {
        NS_FATAL_ERROR("TIPC bearer has no interface name");
    }
    if (GetMtu() < TIPC_MIN_BEARER_MTU)
    {
        NS_FATAL_ERROR("TIPC bearer " << GetName() << ": MTU " << GetMtu()
                                      << " is below the minimum " << TIPC_MIN_BEARER_MTU);
    }
    m_stack = stack;
    m_id = id;
    m_enabled = true;
    DoEnable();
    m_mediumUp = true;
    m_discoverer = CreateObject<TipcDiscoverer>();
    m_discoverer->Start(stack, this);
}

void
TipcBearer::Disable()
{
    NS_LOG_FUNCTION(this);
    if (!m_enabled)
    {
        return;
    }
    m_enabled = false;
    if (m_discoverer)
    {
        m_discoverer->Dispose();
        m_discoverer = nullptr;
    }
    DoDisable();
    m_stack = nullptr;
}

bool
TipcBearer::Send(Ptr<Packet> wire, const TipcMediaAddress& dest, bool isReset)
{
    if (!m_enabled || (!m_mediumUp && !isReset))
    {
        m_dropTrace(wire, "bearer down");
        return false;
    }
    tipc::FireTrace(m_txTrace, wire, m_id);
    if (Ptr<HostCpuModel> cpu = m_stack->GetCpu())
    {
        // link work is serialized by the link/node lock: the namespace's softirq core
        uint32_t core = cpu->GetSoftirqCore(m_stack->GetNode());
        Ptr<TipcBearer> self = this;
        cpu->Execute(
            core,
            HostCpuModel::TIPC_TX,
            cpu->GetTipcLinkTxCost(),
            [self, wire, dest, isReset]() {
                if (self->m_enabled || isReset)
                {
                    self->ImpairedSend(wire, dest);
                }
            },
            Simulator::GetContext(),
            true);
        return true;
    }
    return ImpairedSend(wire, dest);
}

bool
TipcBearer::ImpairedSend(Ptr<Packet> wire, const TipcMediaAddress& dest)
{
    if (m_dupProb == 0.0 && m_reorderProb == 0.0)
    {
        return DoSend(wire, dest);
    }
    if (m_reorderProb > 0.0 && m_rng->GetValue() < m_reorderProb)
    {
        Simulator::Schedule(m_reorderDelay, [this, wire, dest]() {
            if (m_enabled)
            {
                DoSend(wire, dest);
            }
        });
        return true;
    }
    // the copy is taken first: a device owns (and may modify) what it is given
    Ptr<Packet> dup =
        m_dupProb > 0.0 && m_rng->GetValue() < m_dupProb ? wire->Copy() : Ptr<Packet>(nullptr);
    bool ok = DoSend(wire, dest);
    if (dup)
    {
        DoSend(dup, dest);
    }
    return ok;
}

int64_t
TipcBearer::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

bool
TipcBearer::Broadcast(Ptr<Packet> wire)
{
    return Send(wire, GetBroadcastAddress());
}

void
TipcBearer::DeliverUp(Ptr<Packet> wire)
{
    if (!m_enabled || !m_stack)
    {
        return; // no bearer for it (Linux: the device's frames find no TIPC bearer)
    }
    tipc::FireTrace(m_rxTrace, wire, m_id);
    if (Ptr<HostCpuModel> cpu = m_stack->GetCpu())
    {
        uint8_t w0 = 0;
        wire->CopyData(&w0, 1);
        bool fragment = TipcHeader::PeekUser(w0) == MSG_FRAGMENTER;
        Ptr<TipcBearer> self = this;
        cpu->Execute(
            cpu->GetSoftirqCore(m_stack->GetNode()),
            HostCpuModel::TIPC_RX,
            cpu->GetTipcLinkRxCost(wire->GetSize(), fragment),
            [self, wire]() {
                if (self->m_enabled && self->m_stack)
                {
                    self->m_stack->Receive(self, wire);
                }
            },
            Simulator::GetContext(),
            true);
        return;
    }
    m_stack->Receive(this, wire);
}

void
TipcBearer::NotifyMediumState(bool up)
{
    NS_LOG_FUNCTION(this << up);
    if (!m_enabled || up == m_mediumUp)
    {
        return;
    }
    m_mediumUp = up;
    if (!up)
    {
        // Linux: carrier lost / going down => clear "up" and reset the bearer
        m_stack->ResetBearer(m_id);
    }
}

} // namespace ns3
