// SPDX-License-Identifier: GPL-2.0-only
//
// Validation of the host cost model against calibration.md: ratios of simulated
// results of the main experiment (never wall-clock times), the mechanisms
// behind them, the disabled model and reproducibility.

#include "ns3/config.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-crossover-experiment.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{

/// Throughput of one default point.
double
Tput(const std::string& scenario, uint32_t size, uint32_t mtu = 1500, bool gso = true)
{
    TipcCrossoverExperiment::Config c;
    c.scenario = scenario;
    c.size = size;
    c.vethMtu = mtu;
    c.gso = gso;
    double mbps = TipcCrossoverExperiment::Run(c).mbps;
    std::cout << "  " << scenario << " " << size << " B (MTU " << mtu << ", GSO " << gso
              << "): " << mbps << " Mb/s" << std::endl;
    return mbps;
}

/// calibration.md section 1: the published ratios from one default configuration.
class CalibrationTestCase : public TestCase
{
  public:
    CalibrationTestCase()
        : TestCase("Default run reproduces the crossover measurement's ratios (calibration.md 1)")
    {
    }

  private:
    void DoRun() override
    {
        std::map<std::string, std::map<uint32_t, double>> t;
        for (const std::string s : {"node-internal", "crossover", "full-stack", "tcp"})
        {
            for (uint32_t size : {64u, 65536u})
            {
                t[s][size] = Tput(s, size);
            }
        }
        for (uint32_t size : {4096u, 16384u})
        {
            t["full-stack"][size] = Tput("full-stack", size);
        }
        double r64 = t["crossover"][64] / t["full-stack"][64];
        double r64k = t["crossover"][65536] / t["full-stack"][65536];
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r64, 1.66 * 0.65, "crossover/full-stack at 64 B");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r64, 1.66 * 1.35, "crossover/full-stack at 64 B");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r64k, 12.9 * 0.75, "crossover/full-stack at 64 KiB");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r64k, 12.9 * 1.25, "crossover/full-stack at 64 KiB");
        for (uint32_t size : {64u, 65536u})
        {
            double r = t["crossover"][size] / t["node-internal"][size];
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r, 0.85, "crossover/node-internal at " << size);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(r, 1.15, "crossover/node-internal at " << size);
        }
        double rTcp = t["crossover"][65536] / t["tcp"][65536];
        NS_TEST_EXPECT_MSG_GT_OR_EQ(rTcp, 3.0, "crossover/TCP at 64 KiB");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(rTcp, 5.0, "crossover/TCP at 64 KiB");
        double lo =
            std::min({t["full-stack"][4096], t["full-stack"][16384], t["full-stack"][65536]});
        double hi =
            std::max({t["full-stack"][4096], t["full-stack"][16384], t["full-stack"][65536]});
        NS_TEST_EXPECT_MSG_LT_OR_EQ(hi / lo, 1.5, "full stack roughly flat from 4 KiB to 64 KiB");
        std::cout << "  ratios: 64 B " << r64 << ", 64 KiB " << r64k << ", crossover/TCP " << rTcp
                  << ", full-stack max/min 4-64 KiB " << hi / lo << std::endl;
    }
};

/// The mechanisms: link packet rate (MTU) and GSO.
class MechanismTestCase : public TestCase
{
  public:
    MechanismTestCase()
        : TestCase("A 9000-byte veth MTU speeds up full stack, not crossover; GSO off slows TCP")
    {
    }

  private:
    void DoRun() override
    {
        double fs1500 = Tput("full-stack", 65536, 1500);
        double fs9000 = Tput("full-stack", 65536, 9000);
        NS_TEST_EXPECT_MSG_GT(fs9000, 1.5 * fs1500, "fewer link packets per message");
        double x1500 = Tput("crossover", 65536, 1500);
        double x9000 = Tput("crossover", 65536, 9000);
        NS_TEST_EXPECT_MSG_EQ_TOL(x9000 / x1500, 1.0, 0.05, "crossover does not use the MTU");
        double tcpGso = Tput("tcp", 65536, 1500, true);
        double tcpNoGso = Tput("tcp", 65536, 1500, false);
        NS_TEST_EXPECT_MSG_LT(tcpNoGso, 0.8 * tcpGso, "GSO/GRO off costs TCP throughput");
    }
};

/// The current default of an attribute, as a string.
std::string
DefaultOf(const std::string& tid, const std::string& attribute)
{
    TypeId::AttributeInformation info;
    TypeId::LookupByName(tid).LookupAttributeByName(attribute, &info);
    return info.initialValue->SerializeToString(info.checker);
}

/// Disabled model: zero processing time; and reproducibility.
class DisabledAndReproducibleTestCase : public TestCase
{
  public:
    DisabledAndReproducibleTestCase()
        : TestCase("Disabled cost model takes no time; same configuration, same result; "
                   "attribute defaults as they were after a run")
    {
    }

  private:
    void DoRun() override
    {
        // defaults of the caller's own, which the experiment overrides for its run
        const std::string mss0 = DefaultOf("ns3::TcpSocket", "SegmentSize");
        const std::string arp0 = DefaultOf("ns3::ArpCache", "PendingQueueSize");
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1234));
        Config::SetDefault("ns3::ArpCache::PendingQueueSize", UintegerValue(7));
        TipcCrossoverExperiment::Config c;
        c.scenario = "crossover";
        c.latency = true;
        c.cpuModel = false;
        auto r = TipcCrossoverExperiment::Run(c);
        NS_TEST_EXPECT_MSG_GT(r.rttSamples, 100, "ping-pong ran");
        NS_TEST_EXPECT_MSG_EQ(r.rttUs, 0.0, "plain ns-3: crossover round trip takes no time");
        c.cpuModel = true;
        auto a = TipcCrossoverExperiment::Run(c);
        auto b = TipcCrossoverExperiment::Run(c);
        NS_TEST_EXPECT_MSG_GT(a.rttUs, 1.0, "with the model, processing takes time");
        NS_TEST_EXPECT_MSG_EQ(a.rttUs, b.rttUs, "reproducible");
        NS_TEST_EXPECT_MSG_EQ(a.events, b.events, "reproducible");
        // the experiment sets these defaults for its own run only
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::TcpSocket", "SegmentSize"),
                              "1234",
                              "TCP MSS default");
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::ArpCache", "PendingQueueSize"),
                              "7",
                              "ARP queue default");
        Config::SetDefault("ns3::TcpSocket::SegmentSize", StringValue(mss0));
        Config::SetDefault("ns3::ArpCache::PendingQueueSize", StringValue(arp0));
    }
};

} // namespace

/// The host cost model test suite.
class TipcHostTestSuite : public TestSuite
{
  public:
    TipcHostTestSuite()
        : TestSuite("tipc-host", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new CalibrationTestCase);
        AddTestCase(new MechanismTestCase);
        AddTestCase(new DisabledAndReproducibleTestCase);
    }
};

/// Static instance.
static TipcHostTestSuite g_tipcHostTestSuite;
