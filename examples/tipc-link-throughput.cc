// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-link-throughput: link-level bulk transfer of 64 KiB messages over a
// 1 Gb/s Ethernet link with 1500-byte MTU, with the variable link window of
// Linux >= 5.7 and the fixed window (50) of Linux 5.4, as the bandwidth-delay
// product grows.
//
// Two link models:
//  - csma: ns-3's CSMA segment.  It is half duplex and its channel stays busy
//    for transmission plus propagation time, so its bandwidth-delay product
//    never exceeds one frame; it is measured at zero delay.
//  - veth: a full-duplex point-to-point Ethernet link (VethNetDevice with a
//    DataRate and a channel Delay), where the bandwidth-delay product grows
//    with the delay as on a real cable.
//
// The sender hands messages to the stack as fast as the link accepts them
// (waiting for the link's wakeup after congestion, like a blocking socket).
// Goodput counts user payload delivered in order at the receiver, measured
// over the steady-state interval.  The payload line rate is what the wire can
// carry of user data at this MTU: 64 KiB messages travel as 48 fragments of at
// most 1428 bytes (MSS = MTU - 72 on a CONFIG_TIPC_CRYPTO kernel), each with 18
// bytes of Ethernet header and FCS.
//
//   ./tipc-link-throughput                       # the whole table
//   ./tipc-link-throughput --delays=1ms --windows=fixed --duration=2s

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;
using namespace ns3::tipc;

namespace
{

/// One bulk-transfer run.
class Run
{
  public:
    Run(bool csma, Time delay, bool variable, Time duration, uint32_t msgSize)
        : m_csma(csma),
          m_delay(delay),
          m_variable(variable),
          m_duration(duration),
          m_msgSize(msgSize)
    {
    }

    /// Goodput in bit/s over the measurement interval.
    double Execute()
    {
        Config::Reset();
        Config::SetDefault("ns3::TipcStack::WindowControl",
                           TypeIdValue(m_variable ? TipcVariableWindow::GetTypeId()
                                                  : TipcFixedWindow::GetTypeId()));
        NodeContainer nodes;
        nodes.Create(2);
        NetDeviceContainer devs;
        if (m_csma)
        {
            CsmaHelper csma;
            csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
            csma.SetChannelAttribute("Delay", TimeValue(m_delay));
            csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
            devs = csma.Install(nodes);
        }
        else
        {
            VethHelper veth;
            veth.SetDeviceAttributes("DataRate", StringValue("1Gbps"));
            veth.SetChannelAttributes("Delay", TimeValue(m_delay));
            devs = veth.Install(nodes.Get(0), nodes.Get(1));
        }
        TipcHelper tipc;
        tipc.Install(nodes);
        tipc.AddEthBearers(devs);
        tipc.AssignStreams(nodes, 1);
        m_tx = TipcHelper::GetStack(nodes.Get(0));
        m_rx = TipcHelper::GetStack(nodes.Get(1));
        m_rx->RegisterPort(2, TipcStack::PortHandler(MakeCallback(&Run::OnDeliver, this)));
        m_tx->RegisterPort(1, TipcStack::PortHandler(MakeCallback(&Run::OnWakeup, this)));
        m_payload = Create<Packet>(m_msgSize);
        Simulator::Schedule(m_start, &Run::Pump, this);
        Simulator::Schedule(m_start + m_warmup, [this]() { m_bytesAtStart = m_bytes; });
        Simulator::Schedule(m_start + m_warmup + m_duration, [this]() {
            m_bytesAtEnd = m_bytes;
            Ptr<TipcPeer> p = m_tx->GetPeer(m_rx->GetOwnAddress());
            Ptr<TipcLink> l = p->GetLink(0);
            m_window = l->GetWindow();
            m_retransmitted = l->GetStats().retransmitted;
            Simulator::Stop();
        });
        Simulator::Run();
        Simulator::Destroy();
        return (m_bytesAtEnd - m_bytesAtStart) * 8.0 / m_duration.GetSeconds();
    }

    uint32_t GetWindow() const
    {
        return m_window;
    }

    uint64_t GetRetransmitted() const
    {
        return m_retransmitted;
    }

  private:
    void Pump()
    {
        uint32_t dnode = m_rx->GetOwnAddress();
        while (!m_congested)
        {
            TipcHeader h;
            h.Init(m_tx->GetOwnAddress(),
                   TIPC_LOW_IMPORTANCE,
                   TIPC_DIRECT_MSG,
                   BASIC_H_SIZE,
                   dnode);
            h.SetOrigPort(1);
            h.SetDestPort(2);
            auto list = TipcMsg::Build(h, m_payload, m_tx->GetMtu(dnode, 1, true));
            TipcXmitResult rc = m_tx->Xmit(list, dnode, 1);
            if (rc == TipcXmitResult::HOST_UNREACH)
            {
                Simulator::Schedule(MilliSeconds(10), &Run::Pump, this);
                return;
            }
            m_congested = rc == TipcXmitResult::LINK_CONG;
        }
    }

    void OnWakeup(Ptr<TipcMsg>, uint32_t)
    {
        m_congested = false;
        Pump();
    }

    void OnDeliver(Ptr<TipcMsg> m, uint32_t)
    {
        m_bytes += m->data->GetSize();
    }

    bool m_csma;
    Time m_delay;
    bool m_variable;
    Time m_duration;
    uint32_t m_msgSize;
    Time m_start{Seconds(2)};
    Time m_warmup{Seconds(1)};
    Ptr<TipcStack> m_tx;
    Ptr<TipcStack> m_rx;
    Ptr<Packet> m_payload;
    bool m_congested{false};
    uint64_t m_bytes{0};
    uint64_t m_bytesAtStart{0};
    uint64_t m_bytesAtEnd{0};
    uint32_t m_window{0};
    uint64_t m_retransmitted{0};
};

} // namespace

int
main(int argc, char* argv[])
{
    std::string links = "csma,veth";
    std::string delays = "0us,5us,100us,300us,1ms";
    std::string windows = "variable,fixed";
    Time duration = Seconds(2);
    uint32_t msgSize = 65536;
    CommandLine cmd(__FILE__);
    cmd.AddValue("links", "Comma-separated link models: csma (measured at delay 0), veth", links);
    cmd.AddValue("delays", "Comma-separated one-way propagation delays (veth)", delays);
    cmd.AddValue("windows", "Comma-separated window policies: variable, fixed", windows);
    cmd.AddValue("duration", "Measurement interval (after 1 s of warm-up)", duration);
    cmd.AddValue("msgSize", "User payload per message (bytes)", msgSize);
    cmd.Parse(argc, argv);

    // 64 KiB DIRECT messages (32-byte header) travel as fragments of at most MSS bytes
    const uint32_t mss = 1500 - INT_H_SIZE - 32;
    const uint32_t msz = BASIC_H_SIZE + msgSize;
    const uint32_t chunk = mss - INT_H_SIZE;
    const uint32_t nfrag = msz <= mss ? 1 : (msz + chunk - 1) / chunk;
    const uint32_t tipcBytes = msz <= mss ? msz : msz + nfrag * INT_H_SIZE;

    std::cout << "# 1 Gb/s, MTU 1500, " << msgSize << "-byte messages (" << nfrag
              << " packets each)" << std::endl;
    std::cout << "link,delay_us,rtt_us,bdp_packets,window,goodput_mbps,line_rate_mbps,"
                 "percent_of_line_rate,final_window,retransmitted"
              << std::endl;
    for (const auto& link : TipcListArgument::Split(links))
    {
        bool csma = link == "csma";
        // per frame: Ethernet header (14) plus FCS (4) on CSMA; a veth has no FCS
        uint32_t perFrame = csma ? 18 : 14;
        double lineRate = 1e9 * msgSize / double(tipcBytes + nfrag * perFrame);
        std::vector<std::string> ds =
            csma ? std::vector<std::string>{"0us"} : TipcListArgument::Split(delays);
        for (const auto& d : ds)
        {
            Time delay(d);
            double frameTime = (mss + perFrame) * 8 / 1e9;
            double rtt = 2 * delay.GetSeconds() + frameTime + 64 * 8 / 1e9;
            double bdp = rtt / frameTime;
            for (const auto& w : TipcListArgument::Split(windows))
            {
                Run run(csma, delay, w == "variable", duration, msgSize);
                double goodput = run.Execute();
                std::cout << link << "," << delay.GetMicroSeconds() << "," << std::fixed
                          << std::setprecision(0) << rtt * 1e6 << "," << std::setprecision(1) << bdp
                          << "," << w << "," << goodput / 1e6 << "," << lineRate / 1e6 << ","
                          << 100 * goodput / lineRate << "," << run.GetWindow() << ","
                          << run.GetRetransmitted() << std::endl;
            }
        }
    }
    return 0;
}
