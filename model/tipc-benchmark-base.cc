// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-benchmark-base.h"

#include "linux-tcp-socket.h"
#include "tipc-app-util.h"
#include "tipc-constants.h"
#include "tipc-socket.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcBenchmarkBase");

NS_OBJECT_ENSURE_REGISTERED(TipcBenchmarkBase);

TypeId
TipcBenchmarkBase::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcBenchmarkBase")
            .SetParent<Application>()
            .SetGroupName("Tipc")
            .AddAttribute("Transport",
                          "tipc-stream, tipc-rdm or tcp.",
                          StringValue("tipc-stream"),
                          MakeStringAccessor(&TipcBenchmarkBase::m_transportName),
                          MakeStringChecker())
            .AddAttribute("Mode",
                          "throughput (one-way streaming) or latency (ping-pong).",
                          StringValue("throughput"),
                          MakeStringAccessor(&TipcBenchmarkBase::m_mode),
                          MakeStringChecker())
            .AddAttribute("Connections",
                          "Client/server connection pairs (tipcutils benchmark: 100; 1..10000).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&TipcBenchmarkBase::m_connections),
                          MakeUintegerChecker<uint32_t>(1, 10000))
            .AddAttribute("MessageSize",
                          "Bytes per message (1..66000 for TIPC, any for TCP).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&TipcBenchmarkBase::m_size),
                          MakeUintegerChecker<uint32_t>(1, 1 << 20))
            .AddAttribute("ServiceType",
                          "TIPC service type the servers bind (instance 1 for stream, the "
                          "pair index for RDM).",
                          UintegerValue(4711),
                          MakeUintegerAccessor(&TipcBenchmarkBase::m_serviceType),
                          MakeUintegerChecker<uint32_t>(64, 0xffffffff))
            .AddAttribute("Port",
                          "TCP port of the server.",
                          UintegerValue(5001),
                          MakeUintegerAccessor(&TipcBenchmarkBase::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("NoDelay",
                          "Disable Nagle (TIPC_NODELAY / TcpNoDelay).  The published crossover "
                          "figures predate TIPC's smart Nagle (Linux 5.5), hence true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TipcBenchmarkBase::m_nodelay),
                          MakeBooleanChecker());
    return tid;
}

TipcBenchmarkBase::TipcBenchmarkBase()
    : m_transport(Transport::TIPC_STREAM),
      m_connections(100),
      m_size(64),
      m_serviceType(4711),
      m_port(5001),
      m_nodelay(true)
{
}

TipcBenchmarkBase::~TipcBenchmarkBase()
{
}

void
TipcBenchmarkBase::DoDispose()
{
    for (auto& p : m_procs)
    {
        if (p->sock)
        {
            p->sock->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
            p->sock->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        }
    }
    m_procs.clear();
    Application::DoDispose();
}

TipcBenchmarkBase::Transport
TipcBenchmarkBase::ParseTransport(const std::string& name)
{
    if (name == "tipc-stream")
    {
        return Transport::TIPC_STREAM;
    }
    if (name == "tipc-rdm")
    {
        return Transport::TIPC_RDM;
    }
    if (name == "tcp")
    {
        return Transport::TCP;
    }
    NS_FATAL_ERROR("ns3::TipcBenchmarkBase::Transport: '" << name
                                                          << "' is not one of tipc-stream, "
                                                             "tipc-rdm, tcp");
    return Transport::TCP;
}

TipcBenchmarkBase::Transport
TipcBenchmarkBase::GetTransport() const
{
    return m_transport;
}

void
TipcBenchmarkBase::ResetCounters()
{
    m_rxBytes = 0;
    m_rxMsgs = 0;
    m_rtts.clear();
}

uint64_t
TipcBenchmarkBase::GetRxBytes() const
{
    return m_rxBytes;
}

uint64_t
TipcBenchmarkBase::GetRxMessages() const
{
    return m_rxMsgs;
}

const std::vector<Time>&
TipcBenchmarkBase::GetRtts() const
{
    return m_rtts;
}

Ptr<HostCpuModel>
TipcBenchmarkBase::GetCpu() const
{
    return HostCpuModel::Find(GetNode());
}

void
TipcBenchmarkBase::Configure()
{
    m_transport = ParseTransport(m_transportName);
    if (m_mode != "throughput" && m_mode != "latency")
    {
        NS_FATAL_ERROR("ns3::TipcBenchmarkBase::Mode: '" << m_mode
                                                         << "' is not throughput or latency");
    }
    m_latency = m_mode == "latency";
    if (m_size > tipc::TIPC_MAX_USER_MSG_SIZE && m_transport == Transport::TIPC_RDM)
    {
        NS_FATAL_ERROR("ns3::TipcBenchmarkBase::MessageSize: "
                       << m_size << " exceeds " << tipc::TIPC_MAX_USER_MSG_SIZE << " for RDM");
    }
}

Ptr<Socket>
TipcBenchmarkBase::CreateTransportSocket()
{
    if (m_transport == Transport::TCP)
    {
        // ns-3 TCP plus Linux's window update on read (LinuxTcpSocket)
        Ptr<Socket> s = LinuxTcpSocket::Create(GetNode());
        s->SetAttribute("TcpNoDelay", BooleanValue(m_nodelay));
        return s;
    }
    Ptr<TipcSocket> s = tipc::CreateAppSocket(
        "ns3::TipcBenchmarkBase",
        GetNode(),
        m_transport == Transport::TIPC_RDM ? TipcSocketType::RDM : TipcSocketType::STREAM);
    if (m_nodelay && m_transport == Transport::TIPC_STREAM)
    {
        s->SetSockOpt(tipc::TIPC_NODELAY, 1);
    }
    return s;
}

TipcBenchmarkBase::Proc*
TipcBenchmarkBase::AddProc(Ptr<Socket> sock, uint32_t index)
{
    auto p = std::make_unique<Proc>();
    p->sock = sock;
    p->index = index;
    Ptr<HostCpuModel> cpu = GetCpu();
    p->core = cpu ? cpu->AllocateProcessCore() : 0;
    Proc* proc = p.get();
    // each socket's callbacks carry their process: no lookup per event
    sock->SetRecvCallback(
        Callback<void, Ptr<Socket>>([this, proc](Ptr<Socket>) { DataReady(proc); }));
    sock->SetSendCallback(Callback<void, Ptr<Socket>, uint32_t>(
        [this, proc](Ptr<Socket>, uint32_t avail) { SendReady(proc, avail); }));
    m_procs.push_back(std::move(p));
    return proc;
}

void
TipcBenchmarkBase::RunOnCore(Proc* p,
                             HostCpuModel::Stage stage,
                             Time cost,
                             std::function<void()> fn)
{
    Ptr<HostCpuModel> cpu = GetCpu();
    if (!cpu)
    {
        fn();
        return;
    }
    cpu->ExecuteProcess(p->core,
                        reinterpret_cast<uintptr_t>(p),
                        stage,
                        cost,
                        std::move(fn),
                        GetNode()->GetId());
}

void
TipcBenchmarkBase::SendMessage(Proc* p)
{
    p->toSend = m_size;
    p->sentAt = Simulator::Now();
    Time cost;
    if (Ptr<HostCpuModel> cpu = GetCpu())
    {
        cost =
            cpu->GetSyscallCost() + cpu->Copy(m_size) +
            (m_transport == Transport::TCP ? cpu->GetTcpSendCost(m_size) : cpu->GetTipcSendCost());
    }
    RunOnCore(p, HostCpuModel::PROC_SEND, cost, [this, p]() { DoSend(p); });
}

void
TipcBenchmarkBase::DoSend(Proc* p)
{
    if (!p->sock || p->toSend == 0)
    {
        return;
    }
    Ptr<Packet> pkt = Create<Packet>(p->toSend);
    int rc = p->hasDest ? p->sock->SendTo(pkt, 0, p->dest) : p->sock->Send(pkt, 0);
    NS_LOG_LOGIC("proc " << p->index << " send " << p->toSend << " -> " << rc);
    if (rc < 0 || static_cast<uint32_t>(rc) < p->toSend)
    {
        // sleep until the socket has room (flow control, link congestion, TCP buffer)
        if (rc > 0)
        {
            p->toSend -= rc;
        }
        p->sendBlocked = true;
        return;
    }
    p->toSend = 0;
    MessageSent(p);
}

void
TipcBenchmarkBase::SendReady(Proc* p, uint32_t avail)
{
    NS_LOG_LOGIC("send ready " << avail << (p->sendBlocked ? " (blocked)" : ""));
    // a TCP writer sleeps until the message fits (sk_stream_wait_memory)
    if (!p->sendBlocked || (m_transport == Transport::TCP && avail < p->toSend))
    {
        return;
    }
    p->sendBlocked = false;
    Time cost;
    if (Ptr<HostCpuModel> cpu = GetCpu())
    {
        cost = cpu->GetSyscallCost(); // the core charges the switch back to it
    }
    RunOnCore(p, HostCpuModel::PROC_SEND, cost, [this, p]() { DoSend(p); });
}

void
TipcBenchmarkBase::DataReady(Proc* p)
{
    if (p->running)
    {
        return; // awake already: it finds the data in its loop
    }
    p->running = true;
    Ptr<HostCpuModel> cpu = GetCpu();
    if (!cpu)
    {
        ScheduleRecv(p);
        return;
    }
    // the deliverer wakes the sleeping receiver on its own core
    cpu->Execute(
        cpu->GetCurrentCore(cpu->GetSoftirqCore(GetNode())),
        HostCpuModel::WAKEUP,
        cpu->GetWakeupCost(),
        [this, p]() { ScheduleRecv(p); },
        GetNode()->GetId(),
        true);
}

void
TipcBenchmarkBase::ScheduleRecv(Proc* p)
{
    uint32_t avail = p->sock ? p->sock->GetRxAvailable() : 0;
    NS_LOG_LOGIC("proc " << p->index << " rx available " << avail);
    if (avail == 0)
    {
        p->running = false; // sleeps in recv
        return;
    }
    uint32_t n = std::min(avail, m_size);
    Time cost;
    if (Ptr<HostCpuModel> cpu = GetCpu())
    {
        cost =
            cpu->GetSyscallCost() + cpu->Copy(n) + cpu->GetRecvCost(m_transport == Transport::TCP);
    }
    RunOnCore(p, HostCpuModel::PROC_RECV, cost, [this, p, n]() { DoRecv(p, n); });
}

void
TipcBenchmarkBase::DoRecv(Proc* p, uint32_t n)
{
    Address from;
    Ptr<Packet> pkt =
        m_transport == Transport::TIPC_RDM
            ? p->sock->RecvFrom(std::max<uint32_t>(n, tipc::TIPC_MAX_USER_MSG_SIZE), 0, from)
            : p->sock->Recv(n, 0);
    if (!pkt)
    {
        p->running = false;
        return;
    }
    uint32_t bytes = pkt->GetSize();
    m_rxBytes += bytes;
    NS_LOG_LOGIC("proc " << p->index << " recv " << bytes);
    if (m_transport == Transport::TIPC_RDM)
    {
        if (m_isServer)
        {
            p->dest = from;
            p->hasDest = true;
        }
        ++m_rxMsgs;
        if (m_latency)
        {
            MessageReceived(p);
        }
    }
    else
    {
        p->rxPending += bytes;
        while (p->rxPending >= m_size)
        {
            p->rxPending -= m_size;
            ++m_rxMsgs;
            if (m_latency)
            {
                MessageReceived(p);
            }
        }
    }
    ScheduleRecv(p);
}

} // namespace ns3
