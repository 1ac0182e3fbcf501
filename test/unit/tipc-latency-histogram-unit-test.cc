// SPDX-License-Identifier: GPL-2.0-only
//
// TipcLatencyHistogram (statistics helper): exact count/mean/min/max and
// percentiles within one logarithmic bin of the exact order statistic.

#include "ns3/tipc-latency-histogram.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace ns3;

TEST_CASE("empty histogram reports zeros", "[stats]")
{
    TipcLatencyHistogram h;
    CHECK(h.GetCount() == 0);
    CHECK(h.GetMean() == Time(0));
    CHECK(h.GetPercentile(0.5) == Time(0));
    CHECK(h.GetBins().empty());
}

TEST_CASE("count, mean, min and max are exact", "[stats]")
{
    TipcLatencyHistogram h;
    h.Add(MicroSeconds(10));
    h.Add(MicroSeconds(20));
    h.Add(MicroSeconds(60));
    CHECK(h.GetCount() == 3);
    CHECK(h.GetMean() == MicroSeconds(30));
    CHECK(h.GetMin() == MicroSeconds(10));
    CHECK(h.GetMax() == MicroSeconds(60));
    CHECK(h.GetPercentile(0) == MicroSeconds(10));
    CHECK(h.GetPercentile(1) == MicroSeconds(60));
}

TEST_CASE("bins are logarithmic with the configured resolution", "[stats]")
{
    TipcLatencyHistogram h(10);
    h.Add(NanoSeconds(1000)); // 10^3 -> bin 30
    h.Add(NanoSeconds(1250)); // log10 = 3.097 -> bin 30
    h.Add(NanoSeconds(1260)); // log10 = 3.1004 -> bin 31
    h.Add(NanoSeconds(0));    // zero -> bin -1
    const auto& bins = h.GetBins();
    REQUIRE(bins.size() == 3);
    CHECK(bins.at(-1) == 1);
    CHECK(bins.at(30) == 2);
    CHECK(bins.at(31) == 1);
    CHECK(h.BinLower(30) == Approx(1000.0));
    CHECK(h.BinLower(31) == Approx(1258.925).epsilon(1e-4));
    CHECK(h.BinLower(-1) == 0.0);
}

TEST_CASE("percentiles are within one bin of the exact order statistic", "[stats]")
{
    const uint32_t binsPerDecade = 20;
    const double binRatio = std::pow(10.0, 1.0 / binsPerDecade);
    TipcLatencyHistogram h(binsPerDecade);
    std::vector<int64_t> samples;
    // a deterministic spread over four decades (1 us .. 10 ms)
    uint64_t x = 12345;
    for (int i = 0; i < 10000; ++i)
    {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        double u = static_cast<double>(x >> 11) / static_cast<double>(1ULL << 53);
        int64_t ns = static_cast<int64_t>(1000.0 * std::pow(10.0, 4.0 * u));
        samples.push_back(ns);
        h.Add(NanoSeconds(ns));
    }
    std::sort(samples.begin(), samples.end());
    for (double q : {0.01, 0.1, 0.5, 0.9, 0.99, 0.999})
    {
        double exact = static_cast<double>(samples[static_cast<size_t>(q * samples.size())]);
        double est = static_cast<double>(h.GetPercentile(q).GetNanoSeconds());
        INFO("q=" << q << " exact=" << exact << " estimate=" << est);
        CHECK(est <= exact * binRatio);
        CHECK(est >= exact / binRatio);
    }
}
