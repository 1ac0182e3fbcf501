// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_BENCHMARK_BASE_H
#define TIPC_BENCHMARK_BASE_H

#include "host-cpu-model.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/socket.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Common part of the benchmark applications modelled on tipcutils
 *        `benchmark`: connection "processes" that send and receive through
 *        sockets and charge their socket calls to the host CPU model.
 *
 * Each connection is a process placed on a core of its host
 * (HostCpuModel::AllocateProcessCore).  A send is a syscall, a copy in and the
 * transport's per-send work on that core, then the socket call; a blocked send
 * sleeps until the socket has room and pays a context switch to resume.  A
 * sleeping receiver is woken by whoever delivers to its socket (WakeupCost on
 * that core) and pays a context switch; each recv is a syscall and a copy out.
 * Without an enabled CPU model all of this takes no time, and the sender paces
 * itself with the Interval attribute instead.
 *
 * Transports: "tipc-stream" (SOCK_STREAM connections), "tipc-rdm" (one RDM
 * socket per pair, addressed by service instance) and "tcp" (ns-3 TCP).
 */
class TipcBenchmarkBase : public Application
{
  public:
    /// Transport under test.
    enum class Transport
    {
        TIPC_STREAM, //!< TIPC SOCK_STREAM
        TIPC_RDM,    //!< TIPC SOCK_RDM
        TCP,         //!< ns-3 TCP
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    TipcBenchmarkBase();
    ~TipcBenchmarkBase() override;

    /** Start a measurement interval: clear the counters. */
    void ResetCounters();
    /** @return payload bytes received since ResetCounters */
    uint64_t GetRxBytes() const;
    /** @return messages received since ResetCounters (bytes / MessageSize for streams) */
    uint64_t GetRxMessages() const;
    /** @return round-trip times measured since ResetCounters (latency mode) */
    const std::vector<Time>& GetRtts() const;
    /** @return the transport (attribute Transport) */
    Transport GetTransport() const;
    /**
     * @brief Parse a transport name.
     * @param name "tipc-stream", "tipc-rdm" or "tcp"
     * @return the transport (fatal error naming the attribute otherwise)
     */
    static Transport ParseTransport(const std::string& name);

  protected:
    /// One connection end, a process on a core.
    struct Proc
    {
        Ptr<Socket> sock;        //!< its socket
        uint32_t core{0};        //!< its core
        uint32_t index{0};       //!< pair index
        bool running{false};     //!< a work item is queued or running for it
        bool sendBlocked{false}; //!< waiting for room to send
        uint32_t toSend{0};      //!< bytes of the current message still to hand over
        uint64_t rxPending{0};   //!< latency mode: bytes of the current reply received
        Time sentAt;             //!< latency mode: when the request was sent
        Address dest;            //!< RDM: where to send (client: the pair's server)
        bool hasDest{false};     //!< RDM: dest is set
    };

    /** @brief Unhook the sockets' receive and send callbacks and delete the processes. */
    void DoDispose() override;
    /**
     * @brief Make a process for a socket and hook its callbacks.
     * @param sock the socket (connected or bound)
     * @param index pair index
     * @return the process
     */
    Proc* AddProc(Ptr<Socket> sock, uint32_t index);
    /**
     * @brief Queue the sending of one message of MessageSize bytes.
     * @param p the process
     */
    void SendMessage(Proc* p);
    /**
     * @brief Hook: a whole message of MessageSize bytes has been received (only
     *        in latency mode, and for RDM).
     * @param p the process
     */
    virtual void MessageReceived(Proc* p) = 0;
    /**
     * @brief Hook: the last handed-over message left the process (throughput
     *        senders continue here).
     * @param p the process
     */
    virtual void MessageSent(Proc* p) = 0;
    /** Parse and check Transport, Mode and MessageSize (fatal error naming the attribute). */
    void Configure();
    /**
     * @brief Create a socket of the transport on this node (after Configure).
     * @return the socket
     */
    Ptr<Socket> CreateTransportSocket();
    /** @return the CPU model (null: zero costs) */
    Ptr<HostCpuModel> GetCpu() const;

    std::string m_transportName;                //!< attribute Transport
    Transport m_transport;                      //!< parsed transport
    std::string m_mode;                         //!< attribute Mode
    bool m_latency{false};                      //!< ping-pong mode
    uint32_t m_connections;                     //!< attribute Connections
    uint32_t m_size;                            //!< attribute MessageSize
    uint32_t m_serviceType;                     //!< attribute ServiceType
    uint16_t m_port;                            //!< attribute Port
    bool m_nodelay;                             //!< attribute NoDelay
    bool m_isServer{false};                     //!< RDM: reply to the sender
    std::vector<std::unique_ptr<Proc>> m_procs; //!< the processes
    uint64_t m_rxBytes{0};                      //!< counter
    uint64_t m_rxMsgs{0};                       //!< counter (RDM, latency)
    std::vector<Time> m_rtts;                   //!< latency samples

  private:
    /**
     * @brief Data arrived at a process's socket.
     * @param p the process
     */
    void DataReady(Proc* p);
    /**
     * @brief Room to send at a process's socket.
     * @param p the process
     * @param avail bytes available
     */
    void SendReady(Proc* p, uint32_t avail);
    /**
     * @brief Queue one recv call if data is waiting.
     * @param p the process
     */
    void ScheduleRecv(Proc* p);
    /**
     * @brief The recv call: take up to n bytes.
     * @param p the process
     * @param n bytes charged for
     */
    void DoRecv(Proc* p, uint32_t n);
    /**
     * @brief The send call proper.
     * @param p the process
     */
    void DoSend(Proc* p);
    /**
     * @brief Queue work on a process's core (or run it now without a CPU model).
     * @param p the process
     * @param stage counters
     * @param cost processing time
     * @param fn the effect
     */
    void RunOnCore(Proc* p, HostCpuModel::Stage stage, Time cost, std::function<void()> fn);
};

} // namespace ns3

#endif /* TIPC_BENCHMARK_BASE_H */
