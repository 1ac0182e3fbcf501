// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_STATS_COLLECTOR_H
#define TIPC_STATS_COLLECTOR_H

#include "tipc-latency-histogram.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class Node;
class TipcHeader;
class TipcSocket;
class TipcStack;

/**
 * @ingroup tipc
 * @brief Counters and latency histograms of a TIPC simulation, per host,
 *        link, socket and service (FlowMonitor does not see TIPC).
 *
 * Installed on nodes by TipcStatsHelper.  Counters come from trace sources
 * (bearer Tx/Rx, socket Tx/Rx/Reject, the stack's SocketCreated) and from the
 * objects' own counters (TipcLinkStats, TipcStack drop counts, HostCpuModel
 * utilisation), read when a snapshot is taken.  Sockets get
 * TipcSocket::TimestampMessages, so every received message gives a one-way
 * latency sample (send call to delivery into the receiving socket; messages
 * without data, such as the SYN of connect(), carry no timestamp).
 *
 * Scopes and entities of the tidy output (`time_s,scope,entity,metric,value`):
 * - `host`: one per TIPC node (ns3::Names name, else `node<id>`): frames and
 *   bytes through its bearers, drops by reason, peers and links up, sockets,
 *   CPU utilisation per core when the node is a namespace of a LinuxHost with
 *   an enabled HostCpuModel.
 * - `link`: `<node>/<link name>`, every unicast link and the broadcast link,
 *   with the `tipc link stat show` counters, window and state.
 * - `socket`: `<node>:<port>` (sockets that carried data): messages and bytes
 *   sent and received, own messages returned with an error code, messages the
 *   socket rejected (receive queue overload), latency summary.
 * - `service`: the service type a socket talks to (the first named or
 *   multicast message it sends or receives, which includes the SYN of a
 *   connection made to a service name); traffic before that is only counted
 *   per socket.
 *
 * Reset() starts a measurement interval (e.g. after a warm-up): counters and
 * histograms restart from zero.  With SampleInterval > 0 a snapshot is kept
 * periodically; WriteCsv() writes them plus the current one.  Output is
 * ordered by scope, entity and metric, so equal runs give identical files.
 */
class TipcStatsCollector : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    TipcStatsCollector();
    ~TipcStatsCollector() override;

    /// One value of a snapshot.
    struct Row
    {
        double time;        //!< simulation time of the snapshot (s)
        std::string scope;  //!< host, link, socket or service
        std::string entity; //!< name inside the scope
        std::string metric; //!< counter name
        double value;       //!< value
    };

    /**
     * @brief Watch a node's TIPC instance (its bearers, links, sockets).
     * @param node a node with a TipcStack (fatal error otherwise)
     */
    void Install(Ptr<Node> node);
    /** @brief Restart all counters and histograms from zero (measurement interval). */
    void Reset();
    /** @brief Take a snapshot now and keep it for WriteCsv(). */
    void Sample();
    /** @return the current values, ordered by scope, entity, metric */
    std::vector<Row> GetSnapshot() const;
    /**
     * @brief One current value.
     * @param scope host, link, socket or service
     * @param entity the entity's name
     * @param metric the metric's name
     * @return the value, or NaN if there is no such value
     */
    double Get(const std::string& scope,
               const std::string& entity,
               const std::string& metric) const;
    /**
     * @brief The latency histogram of a socket or service.
     * @param scope socket or service
     * @param entity the entity's name
     * @return the histogram, or null if none
     */
    const TipcLatencyHistogram* GetLatency(const std::string& scope,
                                           const std::string& entity) const;
    /**
     * @brief Write the kept snapshots and the current one as tidy CSV
     *        (`time_s,scope,entity,metric,value`).
     * @param os output stream
     */
    void WriteCsv(std::ostream& os) const;
    /**
     * @brief Write the latency histograms as tidy CSV
     *        (`scope,entity,bin_lower_us,bin_upper_us,count`).
     * @param os output stream
     */
    void WriteHistogramCsv(std::ostream& os) const;
    /**
     * @brief Write the current snapshot and the histograms as one JSON object.
     * @param os output stream
     */
    void WriteJson(std::ostream& os) const;
    /**
     * @brief Write to a file (the format follows the extension: `.json`, or
     *        CSV otherwise; `-hist.csv` suffix for WriteHistogramCsv()).
     * @param fileName path (relative paths are relative to the working directory)
     */
    void WriteFile(const std::string& fileName) const;

  protected:
    /** @brief Cancel the sampling event and release the stacks. */
    void DoDispose() override;

  private:
    /**
     * @brief The snapshot rows of one scope and entity.
     * @param scope host, link, socket or service; empty for all
     * @param entity the entity's name; empty for all
     * @return the rows, in GetSnapshot order
     */
    std::vector<Row> Collect(const std::string& scope, const std::string& entity) const;

    /// Traffic counters of a socket or service.
    struct Traffic
    {
        uint64_t txMsgs{0};           //!< messages sent
        uint64_t txBytes{0};          //!< user bytes sent
        uint64_t rxMsgs{0};           //!< messages received
        uint64_t rxBytes{0};          //!< user bytes received
        uint64_t returned{0};         //!< own messages that came back rejected
        uint64_t rejected{0};         //!< messages this socket rejected (e.g. overload)
        TipcLatencyHistogram latency; //!< one-way latency of received messages

        /**
         * @brief Zero counters.
         * @param binsPerDecade histogram resolution
         */
        explicit Traffic(uint32_t binsPerDecade)
            : latency(binsPerDecade)
        {
        }
    };

    /// A watched socket.
    struct SocketRecord
    {
        Traffic traffic;         //!< counters
        int64_t serviceType{-1}; //!< service it talks to, -1 unknown

        /**
         * @brief A fresh record.
         * @param binsPerDecade histogram resolution
         */
        explicit SocketRecord(uint32_t binsPerDecade)
            : traffic(binsPerDecade)
        {
        }
    };

    /// A watched TIPC node.
    struct HostRecord
    {
        Ptr<TipcStack> stack;                     //!< the stack
        uint64_t framesTx{0};                     //!< frames sent on its bearers
        uint64_t framesRx{0};                     //!< frames received on its bearers
        uint64_t bytesTx{0};                      //!< bytes sent on its bearers
        uint64_t bytesRx{0};                      //!< bytes received on its bearers
        std::map<std::string, uint64_t> dropBase; //!< drop counts at Reset()
    };

    /// Callback arguments: a socket's record.
    using SocketKey = std::pair<HostRecord*, SocketRecord*>;

    /**
     * @brief Start watching a socket.
     * @param host its node's record
     * @param socket the socket
     */
    void WatchSocket(HostRecord* host, Ptr<TipcSocket> socket);
    /**
     * @brief Trace sink: a socket was created.
     * @param self the collector
     * @param host the node's record
     * @param socket the socket
     */
    static void SocketCreated(TipcStatsCollector* self, HostRecord* host, Ptr<TipcSocket> socket);
    /**
     * @brief Trace sink: a socket sent a message.
     * @param self the collector
     * @param rec the socket's record
     * @param h the message header
     * @param payload the user data
     */
    static void SocketTx(TipcStatsCollector* self,
                         SocketRecord* rec,
                         const TipcHeader& h,
                         Ptr<const Packet> payload);
    /**
     * @brief Trace sink: a socket received a message.
     * @param self the collector
     * @param rec the socket's record
     * @param h the message header
     * @param payload the user data
     */
    static void SocketRx(TipcStatsCollector* self,
                         SocketRecord* rec,
                         const TipcHeader& h,
                         Ptr<const Packet> payload);
    /**
     * @brief Trace sink: the socket rejected a message (sent it back).
     * @param self the collector
     * @param rec the socket's record
     * @param h the rejected message's header
     * @param error the error code
     */
    static void SocketReject(TipcStatsCollector* self,
                             SocketRecord* rec,
                             const TipcHeader& h,
                             uint32_t error);
    /**
     * @brief Trace sink: a bearer sent a frame.
     * @param host the node's record
     * @param frame the frame
     * @param bearerId the bearer
     */
    static void BearerTx(HostRecord* host, Ptr<const Packet> frame, uint32_t bearerId);
    /**
     * @brief Trace sink: a bearer received a frame.
     * @param host the node's record
     * @param frame the frame
     * @param bearerId the bearer
     */
    static void BearerRx(HostRecord* host, Ptr<const Packet> frame, uint32_t bearerId);
    /**
     * @brief Learn a socket's service from a message header: a named or
     *        multicast message names it; a connection message received by
     *        an accepted socket inherits the service its peer's SYN named.
     * @param rec the socket's record
     * @param h the header
     * @param received true on receipt, false on sending
     */
    void LearnService(SocketRecord* rec, const TipcHeader& h, bool received);
    /**
     * @brief The service counters of a socket, if its service is known.
     * @param rec the socket's record
     * @return the counters or null
     */
    Traffic* ServiceOf(const SocketRecord* rec);
    /**
     * @brief Append a traffic block's rows.
     * @param rows output
     * @param scope socket or service
     * @param entity the name
     * @param t the counters
     */
    void AddTrafficRows(std::vector<Row>& rows,
                        const std::string& scope,
                        const std::string& entity,
                        const Traffic& t) const;
    /**
     * @brief Name of a node for output.
     * @param node the node
     * @return ns3::Names name or node<id>
     */
    static std::string NodeName(Ptr<Node> node);
    /** @brief Schedule the next periodic sample. */
    void ScheduleSample();

    Time m_interval;                                                   //!< SampleInterval attribute
    uint32_t m_binsPerDecade;                                          //!< BinsPerDecade attribute
    std::map<std::string, HostRecord> m_hosts;                         //!< by node name
    std::map<std::string, SocketRecord> m_sockets;                     //!< by node:port
    std::map<int64_t, Traffic> m_services;                             //!< by service type
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> m_connService;   //!< SYN origin -> service
    std::map<std::string, std::map<std::string, uint64_t>> m_linkBase; //!< link stats at Reset()
    std::vector<Row> m_samples;                                        //!< kept snapshots
    EventId m_sampleEvent;                                             //!< next periodic sample
};

} // namespace ns3

#endif // TIPC_STATS_COLLECTOR_H
