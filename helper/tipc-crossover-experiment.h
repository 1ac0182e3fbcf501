// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_CROSSOVER_EXPERIMENT_H
#define TIPC_CROSSOVER_EXPERIMENT_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief One point of the main experiment (examples/tipc-crossover-vs-fullstack.cc,
 *        the tipc-host validation test): a simulated Linux host with two network
 *        namespaces joined by veth and a bridge, the calibrated host CPU model
 *        enabled, and tipcutils-style benchmark pairs between them.
 *
 * Scenarios: "node-internal" (client and server in one namespace), "crossover"
 * (two namespaces, crossover on), "full-stack" (crossover off: link, bearer,
 * veth, bridge) and "tcp" (ns-3 TCP between the namespaces over the same
 * veth/bridge).  "inter-host" (TIPC) and "inter-host-tcp" put the server in a
 * namespace of a second host with the same CPU model: the hosts' full-duplex
 * NICs of nicRate meet at a switch, and the NICs' driver work is charged
 * (NicTxCost, NicRxCost, receive-side scaling of TCP flows).  Each Run() builds, runs and destroys
 * its own simulation; the attribute defaults it needs (ARP pending queue 1 024, TCP MSS of the veth
 * MTU) hold for that run only, so later simulations of the process start from the caller's
 * defaults.
 */
class TipcCrossoverExperiment
{
  public:
    /// What to run.
    struct Config
    {
        std::string scenario{"crossover"}; //!< node-internal, crossover, full-stack, tcp,
                                           //!< inter-host, inter-host-tcp
        std::string transport{"stream"};   //!< stream or rdm (TIPC scenarios)
        uint32_t size{64};                 //!< message size (bytes)
        uint32_t connections{100};         //!< client/server pairs
        bool latency{false};               //!< ping-pong mode (one pair)
        uint32_t cores{4};                 //!< host cores
        uint32_t vethMtu{1500};            //!< veth MTU
        bool gso{true};                    //!< GSO/GRO for TCP
        bool cpuModel{true};               //!< host cost model enabled
        bool nodelay{true};                //!< Nagle off (TIPC_NODELAY / TcpNoDelay)
        DataRate nicRate{"10Gbps"};        //!< NIC speed (inter-host scenarios)
        std::string nicQueue{"10240p"};    //!< NIC transmit queue (drop tail, fq_codel's limit)
        Time start{Seconds(3)};            //!< applications start (after link set-up)
        Time warmup{MilliSeconds(100)};    //!< discarded (TCP start-up)
        Time duration{MilliSeconds(250)};  //!< measured (several flow-control phases)

        /** @return true for the two-host scenarios (inter-host, inter-host-tcp) */
        bool InterHost() const
        {
            return scenario == "inter-host" || scenario == "inter-host-tcp";
        }
    };

    /// What came out.
    struct Result
    {
        double mbps{0};                  //!< payload throughput, Mb/s
        double msgsPerSec{0};            //!< messages received per second
        double rttUs{0};                 //!< mean round trip (latency mode), us
        uint64_t rttSamples{0};          //!< round trips measured
        double linkPacketsPerSec{0};     //!< TIPC link packets sent per second (both ways, all
                                         //!< hosts)
        std::vector<double> utilisation; //!< per core (host 0's, then host 1's), measured
        std::string cpuReport;           //!< per-stage report (per host)
        uint64_t events{0};              //!< simulator events of the run
        double wallSeconds{0};           //!< wall-clock time of the run
        uint32_t connected{0};           //!< pairs that were established
    };

    /**
     * @brief Run one point.
     * @param cfg the configuration
     * @return the measurements
     */
    static Result Run(const Config& cfg);
};

} // namespace ns3

#endif /* TIPC_CROSSOVER_EXPERIMENT_H */
