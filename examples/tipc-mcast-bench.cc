// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-mcast-bench: broadcast vs replicast for service multicast, as the
// number of destination nodes grows.
//
//   node 0 (sender) ---- CSMA 1 Gb/s ---- nodes 1..N-1 (receivers)
//
// The first k receivers bind the multicast range; node 0 sends a paced
// stream of messages to it with the transmission method forced to BROADCAST
// (one frame per packet on the broadcast link) or REPLICAST (one copy per
// destination over the unicast links), and with Linux's automatic selection
// (replicast while k <= 1 + peers x 10 %).  For each run the table gives the
// messages the socket accepted (a send refused with EAGAIN while the links
// are congested is not retried), the frames the sender put on the wire
// (bearer load, including its link-protocol frames), the frames per message,
// and the delivery latency from send() to the receiving socket (mean and
// maximum over all destinations and messages; the CSMA channel is shared
// with the keepalive traffic of all links).
//
//   ./tipc-mcast-bench [--nodes=33] [--messages=1000] [--size=1000]
//                      [--interval=1ms] [--dests=1,2,4,8,16,32]

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

/// Results of one run.
struct Result
{
    uint64_t frames{0};   //!< frames sent by the sender's device
    uint64_t sent{0};     //!< messages the socket accepted
    uint64_t received{0}; //!< messages received over all destinations
    double meanUs{0};     //!< mean latency (us)
    double maxUs{0};      //!< maximum latency (us)
};

Result
Run(uint32_t n, uint32_t k, const std::string& mode, uint32_t messages, uint32_t size, Time gap)
{
    NodeContainer nodes(n);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NetDeviceContainer devs = csma.Install(nodes);
    TipcHelper tipc;
    tipc.SetStackAttributes("BroadcastMode", StringValue(mode));
    tipc.Install(nodes);
    tipc.AddEthBearers(devs);
    tipc.AssignStreams(nodes, 1);

    Result r;
    const Time start = Seconds(3);
    std::vector<Time> sentAt(messages);
    double sumUs = 0;
    for (uint32_t i = 1; i <= k; ++i)
    {
        Ptr<TipcSocket> s =
            nodes.Get(i)->GetObject<TipcSocketFactory>()->CreateSocket(TipcSocketType::RDM);
        s->Bind(TipcAddress::ServiceRange(18888, 0, 999));
        s->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> sock) {
            while (Ptr<Packet> p = sock->Recv())
            {
                uint8_t b[4];
                p->CopyData(b, 4);
                uint32_t seq = tipc::ReadBe32(b);
                double us = (Simulator::Now() - sentAt.at(seq)).GetMicroSeconds();
                sumUs += us;
                r.maxUs = std::max(r.maxUs, us);
                ++r.received;
            }
        }));
    }
    devs.Get(0)->TraceConnectWithoutContext(
        "MacTx",
        Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) {
            if (Simulator::Now() >= start)
            {
                ++r.frames;
            }
        }));
    Ptr<TipcSocket> tx =
        nodes.Get(0)->GetObject<TipcSocketFactory>()->CreateSocket(TipcSocketType::RDM);
    for (uint32_t m = 0; m < messages; ++m)
    {
        Simulator::Schedule(start + gap * m, [&, m]() {
            std::vector<uint8_t> b(size, 0);
            tipc::WriteBe32(b.data(), m);
            sentAt[m] = Simulator::Now();
            if (tx->SendTo(Create<Packet>(b.data(), size),
                           0,
                           TipcAddress::ServiceRange(18888, 0, 999)) > 0)
            {
                ++r.sent; // (EAGAIN while the links are congested: not sent)
            }
        });
    }
    // only the stream's frames: stop before the next keepalive round adds much
    Simulator::Stop(start + gap * messages + MilliSeconds(50));
    Simulator::Run();
    Simulator::Destroy();
    r.meanUs = r.received ? sumUs / r.received : 0;
    return r;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t n = 33;
    uint32_t messages = 1000;
    uint32_t size = 1000;
    Time interval = MilliSeconds(1);
    std::string dests = "1,2,4,8,16,32";
    std::string output = "tipc-mcast-bench.csv";
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Nodes on the segment (sender included)", n);
    cmd.AddValue("messages", "Messages per run", messages);
    cmd.AddValue("size", "Message size (bytes, >= 4)", size);
    cmd.AddValue("interval", "Time between messages", interval);
    cmd.AddValue("dests", "Comma-separated numbers of destination nodes", dests);
    cmd.AddValue("output", "Result CSV (relative to the working directory; - for stdout)", output);
    cmd.Parse(argc, argv);
    if (size < 4)
    {
        NS_FATAL_ERROR(
            "tipc-mcast-bench: --size must be at least 4 (it carries a sequence number)");
    }

    std::cout << "# " << n << " nodes, " << messages << " messages of " << size << " bytes every "
              << interval.As(Time::US) << ", 1 Gb/s CSMA" << std::endl;
    TipcCsvWriter csv(output,
                      {"dests",
                       "method",
                       "sent",
                       "frames",
                       "frames_per_msg",
                       "delivered",
                       "mean_latency_us",
                       "max_latency_us"});
    for (uint32_t k : TipcListArgument::Numbers(dests, "--dests", 1, n - 1))
    {
        for (const std::string mode : {"BROADCAST", "REPLICAST", "AUTOSELECT"})
        {
            Result r = Run(n, k, mode, messages, size, interval);
            csv.Row({std::to_string(k),
                     mode,
                     std::to_string(r.sent),
                     std::to_string(r.frames),
                     TipcCsvWriter::Num(static_cast<double>(r.frames) / messages, 4),
                     std::to_string(r.received),
                     TipcCsvWriter::Num(r.meanUs, 4),
                     TipcCsvWriter::Num(r.maxUs, 4)});
        }
    }
    return 0;
}
