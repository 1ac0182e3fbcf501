// SPDX-License-Identifier: GPL-2.0-only
//
// Reusable two-node link test harness, in the style of ns-3's TcpGeneralTest:
// two TIPC nodes joined by one CSMA segment per bearer, per-direction error
// models, overridable hooks on every trace, and a message source/sink that
// checks order, exactly-once delivery and byte-identical payloads.

#ifndef TIPC_LINK_HARNESS_H
#define TIPC_LINK_HARNESS_H

#include "ns3/csma-helper.h"
#include "ns3/data-rate.h"
#include "ns3/error-model.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/test.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-link.h"
#include "ns3/tipc-stack.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace tipctest
{

/**
 * @brief An error model that drops the frames a predicate selects; the
 *        predicate sees the TIPC header of the frame (Ethernet header and CSMA
 *        trailer are skipped).  Frames that are not TIPC are never dropped.
 */
class TipcSelectiveErrorModel : public ErrorModel
{
  public:
    /// Returns true for frames to drop.
    using Predicate = std::function<bool(const TipcHeader&)>;

    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    TipcSelectiveErrorModel();
    /**
     * @brief Set the predicate.
     * @param p the predicate
     */
    void SetPredicate(Predicate p);
    /** @return frames dropped */
    uint32_t GetDropped() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;
    Predicate m_predicate; //!< selects frames to drop
    uint32_t m_dropped;    //!< frames dropped
};

/**
 * @brief Base class of link tests.  Override the Configure/Create hooks to
 *        shape the scenario, the trace hooks to observe it, and FinalChecks to
 *        assert.  Traffic is queued with SendMessages().
 */
class TipcLinkHarness : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param name test name
     */
    explicit TipcLinkHarness(const std::string& name);

  protected:
    // ---------------------------------------------------------------- configuration
    /** @return number of bearers (CSMA segments) between the nodes */
    virtual uint32_t GetNBearers() const;
    /** @return CSMA data rate */
    virtual DataRate GetDataRate() const;
    /** @return CSMA propagation delay */
    virtual Time GetDelay() const;
    /** @return device transmit queue size (default "1000p", Linux txqueuelen) */
    virtual std::string GetQueueSize() const;
    /** @return when the simulation stops */
    virtual Time GetStopTime() const;
    /** @brief Set defaults (Config::SetDefault) before the topology is built. */
    virtual void ConfigureEnvironment();
    /** @brief Adjust the installed stacks and bearers before the start. */
    virtual void ConfigureProperties();
    /**
     * @brief Error model for frames received by node @p rxNode on bearer @p bearer.
     * @param bearer bearer index
     * @param rxNode receiving node (0 or 1)
     * @return the model, or null for none
     */
    virtual Ptr<ErrorModel> CreateErrorModel(uint32_t bearer, uint32_t rxNode);

    // ---------------------------------------------------------------- hooks
    /**
     * @brief A link changed state.
     * @param node node index
     * @param link link name
     * @param from old state
     * @param to new state
     */
    virtual void LinkState(uint32_t node, const std::string& link, uint32_t from, uint32_t to);
    /**
     * @brief A link handed a packet to its bearer.
     * @param node node index
     * @param bearer bearer id
     * @param hdr header
     * @param payload payload
     */
    virtual void LinkTx(uint32_t node,
                        uint32_t bearer,
                        const TipcHeader& hdr,
                        Ptr<const Packet> payload);
    /**
     * @brief A packet reached a link.
     * @param node node index
     * @param bearer bearer id
     * @param hdr header
     * @param payload payload
     */
    virtual void LinkRx(uint32_t node,
                        uint32_t bearer,
                        const TipcHeader& hdr,
                        Ptr<const Packet> payload);
    /**
     * @brief A link retransmitted a packet.
     * @param node node index
     * @param bearer bearer id
     * @param seqno sequence number
     * @param count retransmissions of that packet so far
     */
    virtual void Retransmit(uint32_t node, uint32_t bearer, uint16_t seqno, uint16_t count);
    /**
     * @brief A test message was delivered intact and in order.
     * @param node receiving node
     * @param index message index in its stream
     * @param size payload size
     * @param latency time since it was handed to the stack
     */
    virtual void Delivered(uint32_t node, uint32_t index, uint32_t size, Time latency);
    /** @brief Called after the simulation, before Simulator::Destroy. */
    virtual void FinalChecks();

    // ---------------------------------------------------------------- traffic and access
    /**
     * @brief Queue a stream of messages from one node to the other.
     * @param from sending node (0 or 1)
     * @param sizes payload sizes, in order
     * @param start when to start
     * @param importance message importance 0..3
     */
    void SendMessages(uint32_t from,
                      const std::vector<uint32_t>& sizes,
                      Time start,
                      uint32_t importance = 0);
    /**
     * @brief Log-uniform random sizes in [min, max] (deterministic per seed).
     * @param n number of sizes
     * @param min smallest
     * @param max largest
     * @param seed generator seed
     * @return the sizes
     */
    static std::vector<uint32_t> MixedSizes(uint32_t n, uint32_t min, uint32_t max, uint32_t seed);
    /** @return the stack of node @p i */
    Ptr<TipcStack> Stack(uint32_t i) const;
    /**
     * @brief The link of node @p node on bearer @p bearer.
     * @param node node index
     * @param bearer bearer id
     * @return the link or null
     */
    Ptr<TipcLink> Link(uint32_t node, uint32_t bearer) const;
    /**
     * @brief The CSMA device of node @p node on bearer @p bearer.
     * @param node node index
     * @param bearer bearer id
     * @return the device
     */
    Ptr<NetDevice> Device(uint32_t node, uint32_t bearer) const;

    /// Per-stream results.
    struct StreamStats
    {
        uint32_t queued{0};      //!< messages queued
        uint32_t sent{0};        //!< messages accepted by the stack
        uint32_t delivered{0};   //!< delivered in order and intact
        uint32_t errors{0};      //!< out of order, duplicated or corrupted deliveries
        uint32_t congestions{0}; //!< LINK_CONG results
        uint64_t bytes{0};       //!< payload bytes delivered
        Time firstSend;          //!< first message handed to the stack
        Time lastDelivery;       //!< last delivery
        Time maxLatency;         //!< largest delivery latency
        Time maxGap;             //!< largest time between two deliveries
    };

    /**
     * @brief Results of the stream sent by node @p from.
     * @param from sending node
     * @return the stats
     */
    const StreamStats& Stream(uint32_t from) const;

    NodeContainer m_nodes;                     //!< the two nodes
    std::vector<NetDeviceContainer> m_devices; //!< per bearer: device of node 0, node 1
    std::vector<CsmaHelper> m_csma;            //!< per bearer helper (pcap)
    uint64_t m_queueDrops{0};                  //!< frames dropped by full device queues

  private:
    void DoRun() override;
    /** @brief Connect link traces when a link appears. */
    void OnDiscovery(uint32_t node, const std::string& event, uint32_t bearer, uint32_t peer);
    /** @brief Send as many queued messages as the link takes. */
    void Pump(uint32_t from);
    /** @brief A message arrived at a port. */
    void OnPort(uint32_t node, Ptr<TipcMsg> msg, uint32_t fromNode);

    /// One direction of traffic.
    struct Flow
    {
        std::vector<uint32_t> sizes; //!< payload sizes
        std::vector<Time> sendTimes; //!< when each message was accepted
        uint32_t next{0};            //!< next message to send
        uint32_t expected{0};        //!< next message index the sink expects
        uint32_t importance{0};      //!< importance
        bool congested{false};       //!< waiting for a wakeup
        StreamStats stats;           //!< results
    };

    std::map<uint32_t, Flow> m_streams; //!< by sending node
};

} // namespace tipctest
} // namespace ns3

#endif // TIPC_LINK_HARNESS_H
