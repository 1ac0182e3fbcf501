// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LATENCY_HISTOGRAM_H
#define TIPC_LATENCY_HISTOGRAM_H

#include "ns3/nstime.h"

#include <cstdint>
#include <map>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief A latency histogram with logarithmic bins (a fixed number per
 *        decade from 1 ns), exact count, sum, minimum and maximum, and
 *        percentiles interpolated inside a bin.
 *
 * Logarithmic bins keep the relative resolution constant from microsecond
 * crossover latencies to second-long retransmission delays, with memory
 * proportional to the number of occupied bins.  Used by TipcStatsCollector.
 */
class TipcLatencyHistogram
{
  public:
    /**
     * @brief An empty histogram.
     * @param binsPerDecade bins per factor of ten (1 .. 1000; 20 gives a bin
     *        width of about 12 %)
     */
    explicit TipcLatencyHistogram(uint32_t binsPerDecade = 20);

    /**
     * @brief Add one sample.
     * @param latency the sample (negative values count as zero)
     */
    void Add(Time latency);
    /** @brief Forget all samples. */
    void Clear();

    /** @return number of samples */
    uint64_t GetCount() const;
    /** @return mean, zero without samples */
    Time GetMean() const;
    /** @return smallest sample, zero without samples */
    Time GetMin() const;
    /** @return largest sample, zero without samples */
    Time GetMax() const;
    /**
     * @brief A percentile, interpolated geometrically inside its bin and
     *        clamped to [min, max].
     * @param q the quantile in [0, 1] (0.5 = median)
     * @return the estimate, zero without samples
     */
    Time GetPercentile(double q) const;
    /** @return bins per decade */
    uint32_t GetBinsPerDecade() const;
    /**
     * @brief The occupied bins.
     * @return bin index -> count; bin i covers [BinLower(i), BinLower(i+1))
     */
    const std::map<int32_t, uint64_t>& GetBins() const;
    /**
     * @brief Lower edge of a bin.
     * @param bin bin index
     * @return the edge in nanoseconds
     */
    double BinLower(int32_t bin) const;

  private:
    uint32_t m_binsPerDecade;           //!< resolution
    std::map<int32_t, uint64_t> m_bins; //!< occupied bins (index -1 holds zero latency)
    uint64_t m_count{0};                //!< samples
    double m_sumNs{0};                  //!< sum of samples in ns
    int64_t m_minNs{0};                 //!< smallest sample in ns
    int64_t m_maxNs{0};                 //!< largest sample in ns
};

} // namespace ns3

#endif // TIPC_LATENCY_HISTOGRAM_H
