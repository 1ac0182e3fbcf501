// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BENCHMARK_CLIENT_H
#define TIPC_BENCHMARK_CLIENT_H

#include "tipc-benchmark-base.h"

#include "ns3/address.h"

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Benchmark client (tipcutils `benchmark` client side): Connections
 *        processes, each with one connection (or RDM socket) to the server,
 *        streaming MessageSize messages one way as fast as its core allows, or
 *        in latency mode sending one message and waiting for the echo (RTT).
 */
class TipcBenchmarkClient : public TipcBenchmarkBase
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    TipcBenchmarkClient();
    ~TipcBenchmarkClient() override;
    /** @return connections established */
    uint32_t GetConnected() const;

  private:
    /**
     * @brief Open Connections sockets: RDM ones start sending at once to instance i of
     *        ServiceType; stream ones connect to instance 1 of ServiceType, TCP ones to
     *        Remote, and start when connected.  Fatal error if Interval is 0 outside
     *        latency mode without an enabled HostCpuModel, or for TCP without Remote.
     */
    void StartApplication() override;
    /** @brief Stop sending and close every socket. */
    void StopApplication() override;
    void MessageReceived(Proc* p) override;
    void MessageSent(Proc* p) override;
    /**
     * @brief A connection is up: start its traffic.
     * @param p its process
     */
    void Connected(Proc* p);
    /**
     * @brief A connection failed.
     * @param sock the socket
     */
    void ConnectFailed(Ptr<Socket> sock);
    /**
     * @brief Start a process's traffic.
     * @param p the process
     */
    void Begin(Proc* p);

    Address m_remote;        //!< attribute Remote (TCP server address)
    Time m_interval;         //!< attribute Interval
    bool m_stopped{false};   //!< StopApplication ran
    uint32_t m_connected{0}; //!< established connections
};

} // namespace ns3

#endif /* TIPC_BENCHMARK_CLIENT_H */
