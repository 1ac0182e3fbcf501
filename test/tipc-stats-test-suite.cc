// SPDX-License-Identifier: GPL-2.0-only
//
// TipcStatsHelper / TipcStatsCollector: counters per socket, service, link
// and host agree with what the test sent; one-way latency equals the frame's
// serialisation plus propagation time on an idle link; Reset() starts a
// measurement interval; equal runs write identical files.

#include "tipc-net-fixture.h"

#include "ns3/config.h"
#include "ns3/pointer.h"
#include "ns3/test.h"
#include "ns3/tipc-bulk-helper.h"
#include "ns3/tipc-bulk-sink.h"
#include "ns3/tipc-constants.h"
#include "ns3/tipc-stats-helper.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tipctest;

namespace
{

const uint32_t SRV_TYPE = 1000; //!< service type used by the tests

/// Send @p n messages of @p size bytes from @p s to {SRV_TYPE, 1}.
void
SendBurst(Ptr<TipcSocket> s, uint32_t n, uint32_t size, uint32_t type = SRV_TYPE)
{
    for (uint32_t i = 0; i < n; ++i)
    {
        s->SendTo(Create<Packet>(size), 0, TipcAddress::Service(type, 1));
    }
}

/// From @p start, send @p n 100-byte messages to {SRV_TYPE, 1}, 40 ms apart.
void
SendSpaced(Ptr<TipcSocket> s, Time start, uint32_t n)
{
    for (uint32_t i = 0; i < n; ++i)
    {
        Simulator::Schedule(start + MilliSeconds(40 * i), &SendBurst, s, 1, 100, SRV_TYPE);
    }
}

/**
 * RDM messages by service name: exact per-socket and per-service counts,
 * latency on an idle 1 Gb/s CSMA link, a message to an unbound name counted
 * as rejected, and Reset().
 */
class StatsCountsTestCase : public TestCase
{
  public:
    StatsCountsTestCase()
        : TestCase("socket, service, link and host counters; latency; reject; reset")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Ptr<TipcSocket> srv = net.Create(1, TipcSocketType::RDM);
        NS_TEST_ASSERT_MSG_EQ(srv->Bind(TipcAddress::Service(SRV_TYPE, 1)), 0, "bind");
        TipcStatsHelper stats;
        Ptr<TipcStatsCollector> c = stats.Install(net.nodes);     // srv exists already
        Ptr<TipcSocket> cli = net.Create(0, TipcSocketType::RDM); // created afterwards
        std::string cliKey = "node0:" + std::to_string(cli->GetPortId());
        std::string srvKey = "node1:" + std::to_string(srv->GetPortId());

        // phase A (before Reset): 10 messages, 40 ms apart (the link is idle for each)
        SendSpaced(cli, Seconds(2), 10);
        double linkSentBeforeReset = 0;
        std::string link;
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(c->Get("socket", cliKey, "tx_msgs"), 10, "phase A sent");
            NS_TEST_EXPECT_MSG_EQ(c->Get("socket", srvKey, "rx_msgs"), 10, "phase A received");
            for (const auto& r : c->GetSnapshot())
            {
                if (r.scope == "link" && r.entity.rfind("node0/", 0) == 0 &&
                    r.entity.find("broadcast") == std::string::npos && r.metric == "sent_pkts")
                {
                    link = r.entity;
                    linkSentBeforeReset = r.value;
                }
            }
            c->Reset();
        });
        // phase B: 20 messages of 100 bytes, 40 ms apart, and one to a missing port
        SendSpaced(cli, Seconds(4), 20);
        Simulator::Schedule(Seconds(5), [&]() {
            // a port that does not exist: the message comes back with TIPC_ERR_NO_PORT
            cli->SetSockOpt(tipc::TIPC_DEST_DROPPABLE, 0);
            cli->SendTo(Create<Packet>(10), 0, TipcAddress::Socket(12345, net.Addr(1)));
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(link.empty(), false, "the link node0 -> node1 is reported");
        NS_TEST_EXPECT_MSG_GT(linkSentBeforeReset, 10, "link counted phase A and set-up");
        // phase B only
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", cliKey, "tx_msgs"), 21, "sent after reset");
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", cliKey, "tx_bytes"), 2010, "bytes sent");
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", cliKey, "returned"), 1, "NO_PORT came back");
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", srvKey, "rx_msgs"), 20, "received after reset");
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", srvKey, "rx_bytes"), 2000, "bytes received");
        NS_TEST_EXPECT_MSG_EQ(c->Get("service", "1000", "rx_msgs"), 20, "service received");
        NS_TEST_EXPECT_MSG_EQ(c->Get("socket", srvKey, "latency_samples"), 20, "samples");
        // the link counts relative to the reset: 20 data packets plus supervision
        double sent = c->Get("link", link, "sent_pkts");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(sent, 20, "link sent the data");
        NS_TEST_EXPECT_MSG_LT(sent, 30, "link counters restarted at Reset()");
        NS_TEST_EXPECT_MSG_EQ(c->Get("link", link, "up"), 1, "link up");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(c->Get("host", "node0", "frames_tx"), 21, "frames sent");
        NS_TEST_EXPECT_MSG_EQ(c->Get("host", "node0", "peers_up"), 1, "one peer up");
        NS_TEST_EXPECT_MSG_EQ(std::isnan(c->Get("host", "node0", "no_such_metric")),
                              true,
                              "unknown metric is NaN");

        // one-way latency on an idle link: frame = 14 Ethernet + 40 named header
        // + 100 payload + 4 FCS = 158 bytes at 1 Gb/s, plus 1 us propagation
        const double expectUs = 158 * 8 / 1e3 + 1.0;
        const TipcLatencyHistogram* h = c->GetLatency("socket", srvKey);
        NS_TEST_ASSERT_MSG_NE(h, nullptr, "histogram");
        NS_TEST_EXPECT_MSG_EQ_TOL(h->GetMin().GetNanoSeconds() / 1e3, expectUs, 0.01, "min");
        NS_TEST_EXPECT_MSG_EQ_TOL(h->GetMax().GetNanoSeconds() / 1e3, expectUs, 0.01, "max");
        NS_TEST_EXPECT_MSG_EQ_TOL(c->Get("service", "1000", "latency_p50_us"),
                                  expectUs,
                                  0.01,
                                  "service median");
    }
};

/**
 * STREAM connection with 66 000-byte (fragmented) writes through the bulk
 * applications: the accepted socket inherits the service of the SYN, every
 * byte is counted once on each side, every message carries its timestamp
 * through fragmentation and reassembly.
 */
class StatsStreamTestCase : public TestCase
{
  public:
    StatsStreamTestCase()
        : TestCase("stream connection: service of accepted socket, bytes, latency samples")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        TipcStatsHelper stats;
        Ptr<TipcStatsCollector> c = stats.InstallAll();
        const uint64_t total = 660000;
        TipcBulkSinkHelper sink(SRV_TYPE, 1);
        sink.SetAttribute("SocketType", StringValue("STREAM"));
        ApplicationContainer sinkApp = sink.Install(net.nodes.Get(1));
        sinkApp.Start(Seconds(0.5));
        TipcBulkSenderHelper sender(SRV_TYPE, 1);
        sender.SetAttribute("SocketType", StringValue("STREAM"));
        sender.SetAttribute("MessageSize", UintegerValue(66000));
        sender.SetAttribute("MaxBytes", UintegerValue(total));
        sender.Install(net.nodes.Get(0)).Start(Seconds(2));
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        Ptr<TipcBulkSink> app = DynamicCast<TipcBulkSink>(sinkApp.Get(0));
        NS_TEST_ASSERT_MSG_EQ(app->GetTotalRx(), total, "sink received everything");
        NS_TEST_EXPECT_MSG_EQ(c->Get("service", "1000", "tx_bytes"), total, "service tx bytes");
        NS_TEST_EXPECT_MSG_EQ(c->Get("service", "1000", "rx_bytes"), total, "service rx bytes");
        double rxMsgs = c->Get("service", "1000", "rx_msgs");
        NS_TEST_EXPECT_MSG_GT(rxMsgs, 0, "messages received");
        // the SYN of connect() carries no data, so no bytes to carry a timestamp
        NS_TEST_EXPECT_MSG_EQ(c->Get("service", "1000", "latency_samples"),
                              rxMsgs - 1,
                              "every data message kept its timestamp");
        NS_TEST_EXPECT_MSG_GT(c->Get("service", "1000", "latency_min_us"), 0, "positive latency");
    }
};

/// Build the same scenario and return the collector's three outputs.
std::string
RunAndWrite()
{
    SocketNet net(3);
    // CSMA backoff draws from automatically numbered streams, which keep
    // counting across simulations in one process: fix them
    CsmaHelper().AssignStreams(net.devices, 100);
    TipcStatsHelper stats;
    stats.SetCollectorAttributes("SampleInterval", TimeValue(MilliSeconds(500)));
    Ptr<TipcStatsCollector> c = stats.InstallAll();
    Ptr<TipcSocket> srv = net.Create(2, TipcSocketType::RDM);
    srv->Bind(TipcAddress::Service(SRV_TYPE, 1));
    for (uint32_t n = 0; n < 2; ++n)
    {
        Ptr<TipcSocket> cli = net.Create(n, TipcSocketType::RDM);
        Simulator::Schedule(Seconds(2 + n * 0.1), &SendBurst, cli, 50, 3000, SRV_TYPE);
    }
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    std::ostringstream out;
    c->WriteCsv(out);
    c->WriteHistogramCsv(out);
    c->WriteJson(out);
    return out.str();
}

/// Same scenario, same seed and run: byte-identical output; the files are well formed.
class StatsReproducibleTestCase : public TestCase
{
  public:
    StatsReproducibleTestCase()
        : TestCase("equal runs write identical CSV and JSON; periodic samples")
    {
    }

  private:
    void DoRun() override
    {
        std::string a = RunAndWrite();
        std::string b = RunAndWrite();
        NS_TEST_ASSERT_MSG_EQ(a.empty(), false, "output");
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "identical output for identical runs");
        NS_TEST_EXPECT_MSG_EQ(a.rfind("time_s,scope,entity,metric,value\n", 0), 0, "CSV header");
        // samples every 500 ms up to 3 s: 6 snapshots (0.5 .. 3.0 s)
        for (const char* t : {"\n0.5,host,node0,", "\n2.5,host,node0,", "\n3,host,node0,"})
        {
            NS_TEST_EXPECT_MSG_NE(a.find(t), std::string::npos, "sample " << t);
        }
        NS_TEST_EXPECT_MSG_NE(a.find("scope,entity,bin_lower_us,bin_upper_us,count\n"),
                              std::string::npos,
                              "histogram header");
        size_t json = a.find("{\n  \"time_s\": 3");
        NS_TEST_ASSERT_MSG_NE(json, std::string::npos, "JSON object");
        int depth = 0;
        int minDepth = 0;
        for (size_t i = json; i < a.size(); ++i)
        {
            depth += a[i] == '{' || a[i] == '[' ? 1 : (a[i] == '}' || a[i] == ']' ? -1 : 0);
            minDepth = std::min(minDepth, depth);
        }
        NS_TEST_EXPECT_MSG_EQ(depth, 0, "balanced JSON");
        NS_TEST_EXPECT_MSG_EQ(minDepth, 0, "JSON never closes more than it opened");
        NS_TEST_EXPECT_MSG_NE(a.find("\"service\": {\n    \"1000\": {"),
                              std::string::npos,
                              "service object");
    }
};

/// Every tunable by Config path: bearers and peers as attributes of the stack.
class ConfigPathTestCase : public TestCase
{
  public:
    ConfigPathTestCase()
        : TestCase("Config paths reach bearer attributes, peers and trace sources")
    {
    }

  private:
    void DoRun() override
    {
        SocketNet net(2);
        Config::Set("/NodeList/*/$ns3::TipcStack/BearerList/0/Tolerance",
                    TimeValue(MilliSeconds(3000)));
        uint32_t nodeUps = 0;
        Config::ConnectWithoutContext("/NodeList/*/$ns3::TipcStack/NodeUp",
                                      MakeBoundCallback(&CountNodeUp, &nodeUps));
        uint64_t frames = 0;
        Config::ConnectWithoutContext("/NodeList/*/$ns3::TipcStack/BearerList/*/Tx",
                                      MakeBoundCallback(&CountFrame, &frames));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        TimeValue tol;
        net.Stack(1)->GetBearer(0)->GetAttribute("Tolerance", tol);
        NS_TEST_EXPECT_MSG_EQ(tol.Get(), MilliSeconds(3000), "tolerance set by Config path");
        NS_TEST_EXPECT_MSG_EQ(nodeUps, 2, "NodeUp on both nodes");
        NS_TEST_EXPECT_MSG_GT(frames, 4, "bearer frames traced");
        Config::MatchContainer peers =
            Config::LookupMatches("/NodeList/0/$ns3::TipcStack/PeerList/*");
        NS_TEST_EXPECT_MSG_EQ(peers.GetN(), 1, "one peer of node 0 by Config path");
    }

    /// Count NodeUp events.
    static void CountNodeUp(uint32_t* n, uint32_t /* peer */)
    {
        ++*n;
    }

    /// Count bearer frames.
    static void CountFrame(uint64_t* n, Ptr<const Packet> /* frame */, uint32_t /* bearer */)
    {
        ++*n;
    }
};

} // namespace

/// The statistics helper test suite.
class TipcStatsTestSuite : public TestSuite
{
  public:
    TipcStatsTestSuite()
        : TestSuite("tipc-stats", TestSuite::Type::UNIT)
    {
        AddTestCase(new StatsCountsTestCase);
        AddTestCase(new StatsStreamTestCase);
        AddTestCase(new StatsReproducibleTestCase);
        AddTestCase(new ConfigPathTestCase);
    }
};

/// Static instance.
static TipcStatsTestSuite g_tipcStatsTestSuite;
