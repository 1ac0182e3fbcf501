// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BENCHMARK_SERVER_H
#define TIPC_BENCHMARK_SERVER_H

#include "tipc-benchmark-base.h"

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Benchmark server (tipcutils `benchmark` server side): accepts the
 *        clients' connections (TIPC stream on {ServiceType, 1}, TCP on Port) or
 *        binds one RDM socket per pair ({ServiceType, i}); every connection is a
 *        process that receives, and in latency mode echoes each message.
 */
class TipcBenchmarkServer : public TipcBenchmarkBase
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    TipcBenchmarkServer();
    ~TipcBenchmarkServer() override;

  private:
    /**
     * @brief RDM: bind Connections sockets to instances 0..Connections-1 of ServiceType.
     *        Stream and TCP: listen on instance 1 of ServiceType, or on TCP Port, and make
     *        a process for each accepted connection.
     */
    void StartApplication() override;
    /** @brief Close the listening socket and every process's socket. */
    void StopApplication() override;
    void MessageReceived(Proc* p) override;
    void MessageSent(Proc* p) override;
    /**
     * @brief A connection was accepted.
     * @param sock the new socket
     * @param from the peer
     */
    void Accepted(Ptr<Socket> sock, const Address& from);

    Ptr<Socket> m_listener; //!< listening socket
    uint32_t m_accepted{0}; //!< connections accepted
};

} // namespace ns3

#endif /* TIPC_BENCHMARK_SERVER_H */
