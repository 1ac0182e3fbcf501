// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-latency-histogram.h"

#include "ns3/fatal-error.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

TipcLatencyHistogram::TipcLatencyHistogram(uint32_t binsPerDecade)
    : m_binsPerDecade(binsPerDecade)
{
    if (binsPerDecade < 1 || binsPerDecade > 1000)
    {
        NS_FATAL_ERROR("TipcLatencyHistogram: bins per decade " << binsPerDecade
                                                                << " outside 1 .. 1000");
    }
}

void
TipcLatencyHistogram::Add(Time latency)
{
    int64_t ns = std::max<int64_t>(0, latency.GetNanoSeconds());
    // samples below 1 ns go to bin -1
    int32_t bin = ns < 1 ? -1
                         : static_cast<int32_t>(
                               std::floor(std::log10(static_cast<double>(ns)) * m_binsPerDecade));
    ++m_bins[bin];
    if (m_count == 0 || ns < m_minNs)
    {
        m_minNs = ns;
    }
    if (m_count == 0 || ns > m_maxNs)
    {
        m_maxNs = ns;
    }
    ++m_count;
    m_sumNs += static_cast<double>(ns);
}

void
TipcLatencyHistogram::Clear()
{
    m_bins.clear();
    m_count = 0;
    m_sumNs = 0;
    m_minNs = 0;
    m_maxNs = 0;
}

uint64_t
TipcLatencyHistogram::GetCount() const
{
    return m_count;
}

Time
TipcLatencyHistogram::GetMean() const
{
    return m_count == 0 ? Time(0) : NanoSeconds(std::llround(m_sumNs / m_count));
}

Time
TipcLatencyHistogram::GetMin() const
{
    return NanoSeconds(m_minNs);
}

Time
TipcLatencyHistogram::GetMax() const
{
    return NanoSeconds(m_maxNs);
}

double
TipcLatencyHistogram::BinLower(int32_t bin) const
{
    return bin < 0 ? 0.0 : std::pow(10.0, static_cast<double>(bin) / m_binsPerDecade);
}

Time
TipcLatencyHistogram::GetPercentile(double q) const
{
    if (m_count == 0)
    {
        return Time(0);
    }
    q = std::min(1.0, std::max(0.0, q));
    double target = q * static_cast<double>(m_count);
    double seen = 0;
    for (const auto& [bin, n] : m_bins)
    {
        if (seen + static_cast<double>(n) >= target)
        {
            double lo = BinLower(bin);
            double hi = BinLower(bin + 1);
            double frac = n == 0 ? 0.0 : (target - seen) / static_cast<double>(n);
            double v = bin < 0 ? 0.0 : lo * std::pow(hi / lo, frac);
            v = std::min(static_cast<double>(m_maxNs), std::max(static_cast<double>(m_minNs), v));
            return NanoSeconds(std::llround(v));
        }
        seen += static_cast<double>(n);
    }
    return NanoSeconds(m_maxNs);
}

uint32_t
TipcLatencyHistogram::GetBinsPerDecade() const
{
    return m_binsPerDecade;
}

const std::map<int32_t, uint64_t>&
TipcLatencyHistogram::GetBins() const
{
    return m_bins;
}

} // namespace ns3
