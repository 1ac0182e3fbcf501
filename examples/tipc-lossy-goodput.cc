// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-lossy-goodput: application goodput and one-way message latency of a
// TIPC connection over a lossy Ethernet link.
//
//   sender n0 ==== CSMA (DataRate, Delay) ==== n1 sink
//                                    ^ RateErrorModel (--loss) on n1's device
//
// A TipcBulkSender writes --size-byte messages to a TipcBulkSink bound to
// service {1000,1} as fast as the socket accepts them; the link recovers the
// lost frames with NACKs and retransmissions (Linux link.c).  Goodput is user
// payload delivered to the sink during the measurement interval (after the
// warm-up); latency is from the send call to delivery into the receiving
// socket (TipcStatsHelper).
//
// One run = one (loss, size) point; the loss pattern depends on --RngRun, so
// repetitions with different run numbers give the spread.  A sweep:
//
//   scripts/tipc-sweep.py --program build/examples/tipc-lossy-goodput
//       --param loss=0,0.001,0.01 --param size=64,1024,8192,65536 --runs 3
//       --dir results/lossy
//   scripts/tipc-plot.py results/lossy/results.csv --x size --y goodput_mbps
//       --hue loss --logx
//
// Output (--output, default tipc-lossy-goodput.csv, also on stdout): one row
// with the parameters and the results.  --stats=FILE also writes every
// counter of TipcStatsHelper (FILE.csv tidy, FILE.json, or FILE-hist.csv).

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

using namespace ns3;

int
main(int argc, char* argv[])
{
    double loss = 0.01;
    uint32_t size = 8192;
    std::string socketType = "STREAM";
    std::string rate = "1Gbps";
    Time delay = MicroSeconds(5);
    Time warmup = MilliSeconds(500);
    Time duration = Seconds(1);
    std::string window = "variable";
    std::string output = "tipc-lossy-goodput.csv";
    std::string statsFile;
    CommandLine cmd(__FILE__);
    cmd.AddValue("loss", "Frame loss rate at the receiver's device, 0 .. 1", loss);
    cmd.AddValue("size", "User message size in bytes, 1 .. 66000", size);
    cmd.AddValue("socketType", "STREAM, SEQPACKET or RDM", socketType);
    cmd.AddValue("rate", "CSMA data rate", rate);
    cmd.AddValue("delay", "CSMA propagation delay", delay);
    cmd.AddValue("window", "Link window: variable (Linux >= 5.7) or fixed (50, Linux 5.4)", window);
    cmd.AddValue("warmup", "Time from the first message to the start of the measurement", warmup);
    cmd.AddValue("duration", "Measurement interval", duration);
    cmd.AddValue("output",
                 "Result CSV file (relative to the working directory; - for stdout)",
                 output);
    cmd.AddValue("stats", "Also write TipcStatsHelper output to this file (.csv/.json)", statsFile);
    cmd.Parse(argc, argv);

    if (loss < 0 || loss > 1)
    {
        NS_FATAL_ERROR("--loss=" << loss << " outside 0 .. 1");
    }
    if (size < 1 || size > 66000)
    {
        NS_FATAL_ERROR("--size=" << size << " outside 1 .. 66000");
    }
    Config::SetDefault("ns3::TipcStack::WindowControl",
                       TypeIdValue(TipcWindowControl::LookupByName(window, "--window")));

    NodeContainer nodes;
    nodes.Create(2);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(rate));
    csma.SetChannelAttribute("Delay", TimeValue(delay));
    csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
    NetDeviceContainer devs = csma.Install(nodes);
    Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
    em->SetAttribute("ErrorRate", DoubleValue(loss));
    em->SetAttribute("ErrorUnit", EnumValue(RateErrorModel::ERROR_UNIT_PACKET));
    devs.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(em));

    TipcHelper tipc;
    tipc.Install(nodes);
    tipc.AddEthBearers(devs);
    int64_t stream = tipc.AssignStreams(nodes, 0);
    stream += em->AssignStreams(stream);
    csma.AssignStreams(devs, stream);

    const Time start = Seconds(1); // links are up after about 0.3 s
    TipcBulkSinkHelper sink(1000, 1);
    sink.SetAttribute("SocketType", StringValue(socketType));
    ApplicationContainer sinkApp = sink.Install(nodes.Get(1));
    sinkApp.Start(Seconds(0.5));
    TipcBulkSenderHelper sender(1000, 1);
    sender.SetAttribute("SocketType", StringValue(socketType));
    sender.SetAttribute("MessageSize", UintegerValue(size));
    ApplicationContainer senderApp = sender.Install(nodes.Get(0));
    senderApp.Start(start);

    TipcStatsHelper stats;
    Ptr<TipcStatsCollector> collector = stats.Install(nodes);
    Ptr<TipcBulkSink> app = DynamicCast<TipcBulkSink>(sinkApp.Get(0));
    uint64_t rxAtStart = 0;
    uint64_t rxAtEnd = 0;
    Simulator::Schedule(start + warmup, [&]() {
        rxAtStart = app->GetTotalRx();
        collector->Reset();
    });
    Simulator::Schedule(start + warmup + duration, [&]() {
        rxAtEnd = app->GetTotalRx();
        Simulator::Stop();
    });
    Simulator::Run();

    // the data direction's link as seen by the sender, and the sink's service
    std::string link;
    for (const auto& row : collector->GetSnapshot())
    {
        if (row.scope == "link" && row.metric == "up" && row.value > 0 &&
            row.entity.rfind("node0/", 0) == 0 && row.entity.find("broadcast") == std::string::npos)
        {
            link = row.entity;
        }
    }
    const TipcLatencyHistogram* lat = collector->GetLatency("service", "1000");
    auto us = [](Time t) { return TipcCsvWriter::Num(t.GetNanoSeconds() / 1e3); };
    TipcCsvWriter csv(output,
                      {"loss",
                       "size",
                       "socket",
                       "window",
                       "goodput_mbps",
                       "messages",
                       "retransmitted",
                       "nacks",
                       "latency_mean_us",
                       "latency_p50_us",
                       "latency_p99_us"});
    csv.Row({TipcCsvWriter::Num(loss),
             std::to_string(size),
             socketType,
             window,
             TipcCsvWriter::Num((rxAtEnd - rxAtStart) * 8.0 / duration.GetSeconds() / 1e6),
             lat ? std::to_string(lat->GetCount()) : "0",
             TipcCsvWriter::Num(collector->Get("link", link, "retransmitted")),
             TipcCsvWriter::Num(collector->Get("link", link, "recv_nacks")),
             lat ? us(lat->GetMean()) : "",
             lat ? us(lat->GetPercentile(0.5)) : "",
             lat ? us(lat->GetPercentile(0.99)) : ""});
    if (!statsFile.empty())
    {
        stats.Write(statsFile);
    }
    Simulator::Destroy();
    return 0;
}
