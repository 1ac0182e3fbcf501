// SPDX-License-Identifier: GPL-2.0-only

#include "linux-host.h"

#include "linux-net-namespace.h"
#include "tipc-stack.h"
#include "veth-net-device.h"

#include "ns3/boolean.h"
#include "ns3/csma-net-device.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LinuxHost");

NS_OBJECT_ENSURE_REGISTERED(LinuxHost);

TypeId
LinuxHost::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LinuxHost")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddConstructor<LinuxHost>()
            .AddAttribute("Crossover",
                          "TIPC's crossover fast path between namespaces of this host (Linux "
                          ">= 5.5): user data to a peer proven kernel-local skips links and "
                          "devices.  false: the full-stack baseline.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LinuxHost::m_crossover),
                          MakeBooleanChecker())
            .AddAttribute("Cpu",
                          "The host's CPU cores and cost model (HostCpuModel; disabled by "
                          "default: zero processing time).",
                          PointerValue(),
                          MakePointerAccessor(&LinuxHost::m_cpu),
                          MakePointerChecker<HostCpuModel>())
            .AddTraceSource("NamespaceCreated",
                            "A network namespace was created.",
                            MakeTraceSourceAccessor(&LinuxHost::m_createdTrace),
                            "ns3::LinuxHost::NamespaceTracedCallback")
            .AddTraceSource("NamespaceDeleted",
                            "A network namespace was deleted.",
                            MakeTraceSourceAccessor(&LinuxHost::m_deletedTrace),
                            "ns3::LinuxHost::NamespaceTracedCallback");
    return tid;
}

LinuxHost::LinuxHost()
    : m_crossover(true)
{
    m_rng = CreateObject<UniformRandomVariable>();
}

LinuxHost::~LinuxHost()
{
}

void
LinuxHost::DoDispose()
{
    for (auto& n : m_namespaces)
    {
        if (Ptr<LinuxNetNamespace> ns = n->GetObject<LinuxNetNamespace>())
        {
            ns->MarkDeleted(); // breaks the namespace -> host reference
        }
    }
    m_namespaces.clear();
    m_rng = nullptr;
    if (m_cpu)
    {
        m_cpu->Dispose();
        m_cpu = nullptr;
    }
    Object::DoDispose();
}

Ptr<HostCpuModel>
LinuxHost::GetCpu()
{
    if (!m_cpu)
    {
        m_cpu = CreateObject<HostCpuModel>();
    }
    m_cpu->SetHost(this);
    return m_cpu;
}

int64_t
LinuxHost::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

Ptr<Node>
LinuxHost::NewNamespace(const std::string& name)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<LinuxNetNamespace> ns = CreateObject<LinuxNetNamespace>();
    ns->Setup(this, name, m_rng->GetInteger(0, 0xffffffff));
    node->AggregateObject(ns);
    m_namespaces.push_back(node);
    m_createdTrace(name);
    NS_LOG_INFO("namespace " << name << " (node " << node->GetId() << ") created");
    return node;
}

Ptr<Node>
LinuxHost::GetRoot()
{
    if (m_namespaces.empty())
    {
        NewNamespace("root");
    }
    return m_namespaces.front();
}

Ptr<Node>
LinuxHost::CreateNamespace(const std::string& name)
{
    GetRoot();
    if (GetNamespace(name))
    {
        NS_FATAL_ERROR("LinuxHost::CreateNamespace: namespace \"" << name << "\" exists");
    }
    return NewNamespace(name);
}

std::vector<Ptr<Node>>
LinuxHost::GetNamespaces() const
{
    return m_namespaces;
}

Ptr<Node>
LinuxHost::GetNamespace(const std::string& name) const
{
    for (const auto& n : m_namespaces)
    {
        if (n->GetObject<LinuxNetNamespace>()->GetName() == name)
        {
            return n;
        }
    }
    return nullptr;
}

bool
LinuxHost::IsCrossoverEnabled() const
{
    return m_crossover;
}

uint32_t
LinuxHost::GetKernelHashMix(Ptr<Node> ns) const
{
    if (m_namespaces.empty())
    {
        return 0;
    }
    uint32_t init = m_namespaces.front()->GetObject<LinuxNetNamespace>()->GetHashMix();
    return init ^ ns->GetObject<LinuxNetNamespace>()->GetHashMix();
}

Ptr<TipcStack>
LinuxHost::FindPeerNet(uint32_t clusterId, const TipcNodeId& id, uint32_t hashMixes) const
{
    for (const auto& n : m_namespaces)
    {
        Ptr<TipcStack> s = n->GetObject<TipcStack>();
        if (!s || s->IsShutDown())
        {
            continue;
        }
        if (s->GetClusterId() == clusterId && s->GetNodeId() == id &&
            s->GetNetHashMixes() == hashMixes)
        {
            return s;
        }
    }
    return nullptr;
}

void
LinuxHost::DeleteNamespace(Ptr<Node> node)
{
    Ptr<LinuxNetNamespace> ns = node->GetObject<LinuxNetNamespace>();
    auto it = std::find(m_namespaces.begin(), m_namespaces.end(), node);
    if (!ns || !ns->IsAlive() || it == m_namespaces.end())
    {
        NS_FATAL_ERROR("LinuxHost::DeleteNamespace: node " << node->GetId()
                                                           << " is not a namespace of this host");
    }
    if (it == m_namespaces.begin())
    {
        NS_FATAL_ERROR("LinuxHost::DeleteNamespace: the root namespace cannot be deleted");
    }
    std::string name = ns->GetName();
    NS_LOG_INFO("deleting namespace " << name);
    Ptr<TipcStack> dying = node->GetObject<TipcStack>();
    if (dying)
    {
        // a namespace goes away once no process and no user socket holds it: the sockets
        // of its processes were released first (tipc_release), over links and crossover
        dying->ReleaseSockets();
        // pre_exit: nobody may cross over into it any more
        for (const auto& other : m_namespaces)
        {
            if (Ptr<TipcStack> s = other->GetObject<TipcStack>(); s && s != dying)
            {
                s->PreCleanupNet(dying);
            }
        }
    }
    m_namespaces.erase(it);
    ns->MarkDeleted();
    // exit: TIPC stops first (its links send RESET over the still existing devices) ...
    if (dying)
    {
        dying->Shutdown();
    }
    // ... then exit_batch unregisters the devices, once the frames already handed to them are
    // through (a veth has no wire time: they are delivered in the events scheduled so far)
    Simulator::ScheduleNow(&LinuxHost::RemoveDevices, this, node);
    m_deletedTrace(name);
}

void
LinuxHost::RemoveDevices(Ptr<Node> node)
{
    // veth pairs lose carrier at both ends, others stop
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<NetDevice> d = node->GetDevice(i);
        if (Ptr<VethNetDevice> v = DynamicCast<VethNetDevice>(d))
        {
            v->SetLinkUp(false);
        }
        else if (Ptr<CsmaNetDevice> c = DynamicCast<CsmaNetDevice>(d))
        {
            c->SetSendEnable(false);
            c->SetReceiveEnable(false);
        }
    }
}

} // namespace ns3
