// SPDX-License-Identifier: GPL-2.0-only

#include "host-cpu-model.h"

#include "ethernet-frame-header.h"
#include "linux-host.h"
#include "linux-net-namespace.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HostCpuModel");

NS_OBJECT_ENSURE_REGISTERED(HostCpuModel);

namespace
{
/// Ethertype of IPv4.
constexpr uint16_t ETH_P_IP = 0x0800;
/// IPv4 protocol number of TCP.
constexpr uint8_t TCP_PROTOCOL = 6;
/// IPv4 protocol number of UDP.
constexpr uint8_t UDP_PROTOCOL = 17;
/// Offset of the IPv4 header in an Ethernet frame.
constexpr uint32_t IP_START = EthernetFrameHeader::SIZE;

/**
 * Whether a frame is IPv4, from its first bytes.
 * @param b the frame's first bytes
 * @param n how many there are
 * @param[out] proto the IPv4 protocol, 0 if the bytes end before it
 * @return true for ethertype IPv4
 */
bool
Ipv4(const uint8_t* b, uint32_t n, uint8_t& proto)
{
    bool ip = n >= IP_START && b[12] == (ETH_P_IP >> 8) && b[13] == (ETH_P_IP & 0xff);
    proto = ip && n >= IP_START + 10 ? b[IP_START + 9] : 0;
    return ip;
}
} // namespace

TypeId
HostCpuModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HostCpuModel")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddConstructor<HostCpuModel>()
            .AddAttribute("Enabled",
                          "Charge processing costs.  false: zero processing time (plain ns-3).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&HostCpuModel::m_enabled),
                          MakeBooleanChecker())
            .AddAttribute("NumCores",
                          "CPU cores of the host (1..1024).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&HostCpuModel::m_nCores),
                          MakeUintegerChecker<uint32_t>(1, 1024))
            .AddAttribute("SyscallCost",
                          "Syscall entry/exit incl. socket lock (calibration.md 3: 0.1-0.2 us).",
                          TimeValue(NanoSeconds(200)),
                          MakeTimeAccessor(&HostCpuModel::m_syscall),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("CopyRate",
                          "memcpy bandwidth for copies to/from user space and reassembly "
                          "(calibration.md 3: ~10 GB/s DRAM-sized buffers).",
                          DataRateValue(DataRate("68.8Gbps")),
                          MakeDataRateAccessor(&HostCpuModel::m_copyRate),
                          MakeDataRateChecker())
            .AddAttribute("ContextSwitchCost",
                          "A core switching from one process to another (calibration.md 3: "
                          "wakeups and context switches ~10-20 us per round trip on a VM).",
                          TimeValue(NanoSeconds(2000)),
                          MakeTimeAccessor(&HostCpuModel::m_contextSwitch),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("WakeupCost",
                          "Waking a sleeping task, charged on the waker's core "
                          "(try_to_wake_up).",
                          TimeValue(NanoSeconds(800)),
                          MakeTimeAccessor(&HostCpuModel::m_wakeup),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TipcSendCost",
                          "TIPC per-sendmsg work: header build, destination lookup, "
                          "flow-control accounting.",
                          TimeValue(NanoSeconds(500)),
                          MakeTimeAccessor(&HostCpuModel::m_tipcSend),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TipcRecvCost",
                          "TIPC per-recvmsg work: socket lock, dequeue, skb free, connection "
                          "acknowledge accounting.",
                          TimeValue(NanoSeconds(800)),
                          MakeTimeAccessor(&HostCpuModel::m_tipcRecv),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TcpRecvCost",
                          "TCP per-recvmsg work: socket lock, tcp_recvmsg, skb free, window "
                          "update.",
                          TimeValue(NanoSeconds(800)),
                          MakeTimeAccessor(&HostCpuModel::m_tcpRecv),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SockRcvCost",
                          "Per message socket delivery: tipc_sk_rcv lookup, socket lock, "
                          "filter, enqueue, sk_data_ready.",
                          TimeValue(NanoSeconds(700)),
                          MakeTimeAccessor(&HostCpuModel::m_sockRcv),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TipcLinkTxCost",
                          "Per TIPC link packet sent: sequence, window, transmq clone, bearer "
                          "xmit, skb alloc (calibration.md 3: skb alloc 24 ns, free 18 ns, "
                          "locks 14 ns, cache misses 32 ns each).",
                          TimeValue(NanoSeconds(450)),
                          MakeTimeAccessor(&HostCpuModel::m_tipcLinkTx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TipcLinkRxCost",
                          "Per TIPC link packet received: tipc_rcv, link receive, acks, "
                          "deferred queue, bundle extraction.",
                          TimeValue(NanoSeconds(450)),
                          MakeTimeAccessor(&HostCpuModel::m_tipcLinkRx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ReassemblyCopy",
                          "Fragments are copied once on reassembly (CopyRate).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HostCpuModel::m_reassemblyCopy),
                          MakeBooleanChecker())
            .AddAttribute("VethCost",
                          "Per frame through a veth pair: veth_xmit, netif_rx backlog, "
                          "__netif_receive_skb (calibration.md 3: receive path ~120 ns at "
                          "4 GHz plus skb alloc/free).",
                          TimeValue(NanoSeconds(250)),
                          MakeTimeAccessor(&HostCpuModel::m_veth),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("BridgeCost",
                          "Per frame forwarded by the bridge (br_handle_frame, fdb lookup, "
                          "br_forward).",
                          TimeValue(NanoSeconds(200)),
                          MakeTimeAccessor(&HostCpuModel::m_bridge),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TcpSendCost",
                          "TCP per-sendmsg fixed work (tcp_sendmsg, skb allocation).",
                          TimeValue(NanoSeconds(500)),
                          MakeTimeAccessor(&HostCpuModel::m_tcpSend),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TcpByteRate",
                          "TCP per-byte stack work besides the two copies (page frags, "
                          "memory accounting, cache effects); with the copies it makes "
                          "loopback TCP reach ~0.28 of memcpy bandwidth (calibration.md 3).",
                          DataRateValue(DataRate("10Gbps")),
                          MakeDataRateAccessor(&HostCpuModel::m_tcpByteRate),
                          MakeDataRateChecker())
            .AddAttribute("IpTxCost",
                          "Per IP packet (GSO super-packet) sent: tcp_transmit_skb, "
                          "ip_queue_xmit, neighbour output.  With IpRxCost fitted to the "
                          "published ping-pong ratios TCP RTT / TIPC RTT (calibration.md 2: "
                          "2 within a node at 64 B, 1.33 between nodes).",
                          TimeValue(NanoSeconds(1800)),
                          MakeTimeAccessor(&HostCpuModel::m_ipTx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("IpRxCost",
                          "Per IP packet (GRO super-packet) received: ip_rcv, tcp_v4_rcv, "
                          "ack processing (fitted with IpTxCost).",
                          TimeValue(NanoSeconds(1900)),
                          MakeTimeAccessor(&HostCpuModel::m_ipRx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Gso",
                          "GSO/GRO for TCP over veth: full-sized segments of a burst move "
                          "through the stack as one super-packet of GsoMaxSize bytes, so "
                          "per-packet costs are paid once per super-packet.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HostCpuModel::m_gso),
                          MakeBooleanChecker())
            .AddAttribute("NicTxCost",
                          "Per frame a host's NIC sends (a VethNetDevice with a DataRate in "
                          "the root namespace): qdisc, ndo_start_xmit, descriptor and doorbell, "
                          "completion and skb free (calibration.md 3: skb free 18 ns, locks "
                          "14 ns, cache misses 32 ns each).  With Gso (TSO) full-sized TCP "
                          "segments pay it once per super-packet.",
                          TimeValue(NanoSeconds(150)),
                          MakeTimeAccessor(&HostCpuModel::m_nicTx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("NicRxCost",
                          "Per frame a host's NIC receives: driver poll, skb build, GRO entry "
                          "(calibration.md 3: ~120 ns at 4 GHz).  Paid per wire frame; GRO "
                          "shares only the work above it (bridge, veth, IP).",
                          TimeValue(NanoSeconds(120)),
                          MakeTimeAccessor(&HostCpuModel::m_nicRx),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Rss",
                          "Receive-side scaling: a NIC spreads IPv4 TCP/UDP flows over the "
                          "cores by a hash of addresses and ports; TIPC and other non-IP "
                          "frames stay on receive queue 0 (the root namespace's softirq "
                          "core).  false: every frame on queue 0.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HostCpuModel::m_rss),
                          MakeBooleanChecker())
            .AddAttribute("Timeslice",
                          "How long a process with work keeps its core before another runnable "
                          "process gets it (CFS sched_min_granularity: 0.75 ms x (1 + log2 "
                          "cores) = 2.25 ms on 4 cores).",
                          TimeValue(MicroSeconds(2250)),
                          MakeTimeAccessor(&HostCpuModel::m_timeslice),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("GsoMaxSize",
                          "GSO super-packet size in bytes (1500..65536).",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&HostCpuModel::m_gsoMaxSize),
                          MakeUintegerChecker<uint32_t>(1500, 65536));
    return tid;
}

HostCpuModel::HostCpuModel()
    : m_enabled(false),
      m_nCores(4),
      m_reassemblyCopy(true),
      m_gso(true),
      m_rss(true),
      m_gsoMaxSize(65536)
{
}

HostCpuModel::~HostCpuModel()
{
}

void
HostCpuModel::DoDispose()
{
    m_cores.clear();
    m_host = nullptr;
    Object::DoDispose();
}

uint32_t
HostCpuModel::TcpMss(uint32_t mtu)
{
    return mtu > IP_TCP_HEADER ? mtu - IP_TCP_HEADER : 1;
}

Ptr<HostCpuModel>
HostCpuModel::Find(Ptr<Node> node)
{
    if (!node)
    {
        return nullptr;
    }
    Ptr<LinuxNetNamespace> ns = node->GetObject<LinuxNetNamespace>();
    return OfHost(ns ? ns->GetHost() : nullptr);
}

Ptr<HostCpuModel>
HostCpuModel::OfHost(Ptr<LinuxHost> host)
{
    Ptr<HostCpuModel> cpu = host ? host->GetCpu() : nullptr;
    return (cpu && cpu->IsEnabled()) ? cpu : nullptr;
}

const char*
HostCpuModel::StageName(Stage s)
{
    static const char* const names[N_STAGES] = {"proc-send",
                                                "proc-recv",
                                                "wakeup",
                                                "sock-rcv",
                                                "tipc-tx",
                                                "tipc-rx",
                                                "veth",
                                                "bridge",
                                                "ip-tx",
                                                "ip-rx",
                                                "nic-tx",
                                                "nic-rx",
                                                "tcp-tsq"};
    return s < N_STAGES ? names[s] : "?";
}

void
HostCpuModel::SetHost(LinuxHost* host)
{
    m_host = host;
}

bool
HostCpuModel::IsEnabled() const
{
    return m_enabled;
}

uint32_t
HostCpuModel::GetNCores() const
{
    return m_nCores;
}

uint32_t
HostCpuModel::AllocateProcessCore()
{
    return m_nextProcessCore++ % m_nCores;
}

uint32_t
HostCpuModel::GetSoftirqCore(Ptr<Node> node)
{
    auto it = m_softirqCore.find(node->GetId());
    if (it != m_softirqCore.end())
    {
        return it->second;
    }
    uint32_t index = 0;
    if (m_host)
    {
        auto all = m_host->GetNamespaces();
        auto pos = std::find(all.begin(), all.end(), node);
        index = pos == all.end() ? 0 : static_cast<uint32_t>(pos - all.begin());
    }
    uint32_t core = index % m_nCores;
    m_softirqCore[node->GetId()] = core;
    return core;
}

uint32_t
HostCpuModel::GetCurrentCore(uint32_t fallback) const
{
    return m_current >= 0 ? static_cast<uint32_t>(m_current) : fallback;
}

bool
HostCpuModel::IsRoot(Ptr<Node> node) const
{
    return m_host && node && m_host->GetRoot() == node; // no copy of the namespace list
}

void
HostCpuModel::Execute(uint32_t core,
                      Stage stage,
                      Time cost,
                      std::function<void()> done,
                      uint32_t context,
                      bool softirq)
{
    Enqueue(core, Item{stage, cost, std::move(done), context, 0}, softirq);
}

void
HostCpuModel::ExecuteProcess(uint32_t core,
                             uint64_t owner,
                             Stage stage,
                             Time cost,
                             std::function<void()> done,
                             uint32_t context)
{
    Enqueue(core, Item{stage, cost, std::move(done), context, owner}, false);
}

void
HostCpuModel::Enqueue(uint32_t core, Item item, bool softirq)
{
    if (!m_enabled)
    {
        item.done();
        return;
    }
    if (m_cores.size() != m_nCores)
    {
        m_cores.resize(m_nCores);
    }
    NS_ASSERT_MSG(core < m_nCores, "core " << core << " out of range");
    (softirq ? m_cores[core].soft : m_cores[core].proc).push_back(std::move(item));
    if (!m_cores[core].busy)
    {
        StartNext(core);
    }
}

uint64_t
HostCpuModel::GetContextSwitches() const
{
    return m_switches;
}

void
HostCpuModel::StartNext(uint32_t core)
{
    Core& c = m_cores[core];
    if (!c.soft.empty())
    {
        c.running = std::move(c.soft.front());
        c.soft.pop_front();
    }
    else if (!c.proc.empty())
    {
        // the running process keeps the core while it has work, within its slice
        auto pick = c.proc.begin();
        if (c.lastOwner != 0 && Simulator::Now() - c.sliceStart < m_timeslice)
        {
            auto mine = std::find_if(c.proc.begin(), c.proc.end(), [&c](const Item& i) {
                return i.owner == c.lastOwner;
            });
            if (mine != c.proc.end())
            {
                pick = mine;
            }
        }
        c.running = std::move(*pick);
        c.proc.erase(pick);
        if (c.running.owner != c.lastOwner)
        {
            c.running.cost += m_contextSwitch;
            c.lastOwner = c.running.owner;
            c.sliceStart = Simulator::Now();
            ++m_switches;
        }
    }
    else
    {
        c.busy = false;
        return;
    }
    c.busy = true;
    c.busyTime += c.running.cost;
    ++m_items[c.running.stage];
    m_stageTime[c.running.stage] += c.running.cost;
    Simulator::ScheduleWithContext(c.running.context,
                                   c.running.cost,
                                   &HostCpuModel::Complete,
                                   this,
                                   core);
}

void
HostCpuModel::Complete(uint32_t core)
{
    if (m_cores.empty())
    {
        return; // disposed
    }
    std::function<void()> done = std::move(m_cores[core].running.done);
    RunAsCore(core, done);
    if (!m_cores.empty())
    {
        StartNext(core);
    }
}

void
HostCpuModel::RunAsCore(uint32_t core, const std::function<void()>& fn)
{
    NS_ASSERT(core < m_nCores);
    int32_t previous = m_current;
    m_current = static_cast<int32_t>(core);
    fn();
    m_current = previous;
}

Time
HostCpuModel::Copy(uint32_t bytes) const
{
    return m_copyRate.GetBitRate() ? m_copyRate.CalculateBytesTxTime(bytes) : Time(0);
}

Time
HostCpuModel::GetSyscallCost() const
{
    return m_syscall;
}

Time
HostCpuModel::GetContextSwitchCost() const
{
    return m_contextSwitch;
}

Time
HostCpuModel::GetWakeupCost() const
{
    return m_wakeup;
}

Time
HostCpuModel::GetTipcSendCost() const
{
    return m_tipcSend;
}

Time
HostCpuModel::GetRecvCost(bool tcp) const
{
    return tcp ? m_tcpRecv : m_tipcRecv;
}

Time
HostCpuModel::GetSockRcvCost() const
{
    return m_sockRcv;
}

Time
HostCpuModel::GetTipcLinkTxCost() const
{
    return m_tipcLinkTx;
}

Time
HostCpuModel::GetTipcLinkRxCost(uint32_t bytes, bool fragment) const
{
    return m_tipcLinkRx + ((fragment && m_reassemblyCopy) ? Copy(bytes) : Time(0));
}

Time
HostCpuModel::GetTcpSendCost(uint32_t bytes) const
{
    Time perByte = m_tcpByteRate.GetBitRate() ? m_tcpByteRate.CalculateBytesTxTime(bytes) : Time(0);
    return m_tcpSend + perByte;
}

uint32_t
HostCpuModel::SuperPacketShare(Ptr<const Packet> frame, uint32_t mss, bool& ip) const
{
    std::array<uint8_t, IP_START + 10> b{};
    uint8_t proto = 0;
    ip = Ipv4(b.data(), frame->CopyData(b.data(), b.size()), proto);
    // only TCP moves in super-packets (UDP and TIPC over UDP do not)
    if (proto != TCP_PROTOCOL || !m_gso || mss == 0)
    {
        return 1;
    }
    uint32_t payload = frame->GetSize() > IP_START + IP_TCP_HEADER
                           ? frame->GetSize() - IP_START - IP_TCP_HEADER
                           : 0;
    // full-sized segments are pieces of one GSO super-packet (and an ACK covers
    // a GRO super-packet): per-packet work is shared among the pieces
    uint32_t perSuper = std::max<uint32_t>(1, m_gsoMaxSize / mss);
    if (payload == 0)
    {
        return perSuper / 2 + 1;
    }
    return payload + 12 >= mss ? perSuper : 1;
}

Time
HostCpuModel::GetFrameCost(Ptr<const Packet> frame, bool fromRoot, uint32_t mss, Stage& stage) const
{
    Time cost = m_veth;
    stage = VETH;
    if (fromRoot)
    {
        cost += m_bridge;
        stage = BRIDGE;
    }
    bool ip = false;
    uint32_t share = SuperPacketShare(frame, mss, ip);
    if (!ip)
    {
        return cost;
    }
    // IP + TCP work: the sending namespace's output when it leaves a namespace,
    // the receiving namespace's input when the bridge hands it to one
    stage = fromRoot ? IP_RX : IP_TX;
    return (cost + (fromRoot ? m_ipRx : m_ipTx)) / static_cast<int64_t>(share);
}

Time
HostCpuModel::GetNicTxCost(Ptr<const Packet> frame, uint32_t mss) const
{
    bool ip = false;
    uint32_t share = SuperPacketShare(frame, mss, ip);
    return (m_bridge + m_nicTx) / static_cast<int64_t>(share);
}

Time
HostCpuModel::GetNicRxCost() const
{
    return m_nicRx;
}

uint32_t
HostCpuModel::GetNicRxCore(Ptr<const Packet> frame)
{
    uint32_t queue0 = m_host ? GetSoftirqCore(m_host->GetRoot()) : 0;
    if (!m_rss)
    {
        return queue0;
    }
    // Ethernet + IPv4 header (up to 60 bytes) + the two ports
    constexpr uint32_t ETH = IP_START;
    std::array<uint8_t, ETH + 60 + 4> b{};
    uint32_t n = frame->CopyData(b.data(), b.size());
    uint8_t proto = 0;
    if (!Ipv4(b.data(), n, proto) || n < ETH + 20)
    {
        return queue0;
    }
    uint32_t ihl = (b[ETH] & 0x0f) * 4u;
    if ((proto != TCP_PROTOCOL && proto != UDP_PROTOCOL) || ihl < 20)
    {
        return queue0;
    }
    // FNV-1a over addresses and ports: one flow, one core (Toeplitz in a real NIC);
    // a fragment (more-fragments bit or an offset) by its addresses only
    bool fragment = (b[ETH + 6] & 0x3f) != 0 || b[ETH + 7] != 0;
    bool ports = !fragment && n >= ETH + ihl + 4;
    uint32_t h = 2166136261u;
    auto mix = [&h](uint8_t x) { h = (h ^ x) * 16777619u; };
    for (uint32_t i = ETH + 12; i < ETH + 20; ++i)
    {
        mix(b[i]);
    }
    for (uint32_t i = ETH + ihl; ports && i < ETH + ihl + 4; ++i)
    {
        mix(b[i]);
    }
    return h % m_nCores;
}

void
HostCpuModel::ResetStats()
{
    for (auto& c : m_cores)
    {
        c.busyTime = Time(0); // items are counted when they start
    }
    m_items.fill(0);
    m_stageTime.fill(Time(0));
    m_switches = 0;
    m_statsStart = Simulator::Now();
}

double
HostCpuModel::GetUtilisation(uint32_t core) const
{
    Time span = Simulator::Now() - m_statsStart;
    if (core >= m_cores.size() || span.IsZero())
    {
        return 0.0;
    }
    return std::min(1.0, m_cores[core].busyTime.GetSeconds() / span.GetSeconds());
}

uint64_t
HostCpuModel::GetItems(Stage s) const
{
    return s < N_STAGES ? m_items[s] : 0;
}

void
HostCpuModel::Report(std::ostream& os) const
{
    double span = (Simulator::Now() - m_statsStart).GetSeconds();
    os << "  cores:";
    for (uint32_t c = 0; c < m_cores.size(); ++c)
    {
        os << " " << std::fixed << std::setprecision(0) << 100.0 * GetUtilisation(c) << "%";
    }
    os << "  (queued:";
    for (const auto& c : m_cores)
    {
        os << " " << c.soft.size() << "/" << c.proc.size() << (c.busy ? "*" : "");
    }
    os << ")\n  context switches/s " << std::setprecision(0)
       << (span > 0 ? m_switches / span : 0.0);
    os << "\n  stage      items/s   busy (core-s/s)\n";
    for (uint32_t s = 0; s < N_STAGES; ++s)
    {
        if (m_items[s] == 0)
        {
            continue;
        }
        os << "  " << std::left << std::setw(10) << StageName(static_cast<Stage>(s)) << std::right
           << std::setw(10) << std::setprecision(0) << (span > 0 ? m_items[s] / span : 0.0)
           << std::setw(10) << std::setprecision(3)
           << (span > 0 ? m_stageTime[s].GetSeconds() / span : 0.0) << "\n";
    }
    os.unsetf(std::ios::floatfield);
}

} // namespace ns3
