// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_WINDOW_CONTROL_H
#define TIPC_WINDOW_CONTROL_H

#include "tipc-constants.h"

#include "ns3/object.h"

#include <array>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Send-window state of one link (the window fields of struct tipc_link).
 */
struct TipcWindowState
{
    uint32_t window{tipc::TIPC_DEF_LINK_WIN};   //!< current window (packets)
    uint32_t minWin{tipc::TIPC_DEF_LINK_WIN};   //!< minimum window
    uint32_t maxWin{tipc::TIPC_MAX_LINK_WIN};   //!< maximum window
    uint32_t ssthresh{tipc::TIPC_MAX_LINK_WIN}; //!< slow-start threshold
    uint32_t congAcks{0};                       //!< released packets counted in avoidance
};

/**
 * @ingroup tipc
 * @brief Link send-window policy, pluggable like TCP's TcpCongestionOps and
 *        chosen with the TipcStack attribute "WindowControl".
 *
 * Pure logic (no simulator calls).  Implementations: TipcVariableWindow
 * (Linux >= 5.7, commit 16ad3f4022bb) and TipcFixedWindow (Linux 5.4).
 */
class TipcWindowControl : public Object
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    /**
     * @brief The policy type for a short name, as scripts take it on the
     *        command line; any other name stops the program with a message
     *        naming the allowed values.
     * @param name "variable" (Linux >= 5.7) or "fixed" (Linux 5.4)
     * @param option what the name was given as, for the message (e.g. "--window")
     * @return TipcVariableWindow's or TipcFixedWindow's TypeId
     */
    static TypeId LookupByName(const std::string& name, const std::string& option);

    /** @return a short name for logs */
    virtual std::string GetName() const = 0;

    /**
     * @brief Whether an established link probes its peer at every node-timer
     *        tick in which it sent nothing (and restarts slow start there).
     *
     * Linux added this "checkpoint" probe with the variable window (5.7);
     * Linux 5.4, whose fixed window TipcFixedWindow models, probes only after
     * a silent interval.
     * @return true for the variable window
     */
    virtual bool ProbesIdleLink() const = 0;

    /**
     * @brief Whether a receiver reports a gap (NACK) on any STATE message
     *        whose next-sent field is ahead of its rcv_nxt.
     *
     * Linux 5.4 does.  Since 5.6 (commit "tipc: eliminate more unnecessary
     * nacks and retransmissions") only probes and probe replies are checked,
     * and only while the deferred queue is empty.  The two rules belong with
     * the two idle-link policies: a sender that never probes an idle link
     * relies on the receiver reading the next-sent field of its plain STATE
     * messages, or a lost tail packet on an unmonitored link is never resent.
     * @return true for the fixed window (Linux 5.4)
     */
    virtual bool NacksOnAnyState() const = 0;

    /**
     * @brief Set the window and backlog limits of a new link
     *        (tipc_link_set_queue_limits).
     * @param s window state
     * @param minWin bearer minimum window
     * @param maxWin bearer maximum window
     * @param mtu link MTU (for the SYSTEM backlog limit)
     * @param[out] limits backlog limits per importance (LOW..SYSTEM)
     */
    virtual void Init(TipcWindowState& s,
                      uint32_t minWin,
                      uint32_t maxWin,
                      uint32_t mtu,
                      std::array<uint32_t, 5>& limits) const = 0;

    /**
     * @brief Update the window after acks (tipc_link_update_cwin).
     * @param s window state
     * @param released packets released by this ack (0: called from the timer, nothing sent)
     * @param retransmitted a retransmission happened in this ack round
     * @param txq transmit queue length
     * @param blq backlog length
     * @param holes the transmit queue has holes (selective acks)
     */
    virtual void Update(TipcWindowState& s,
                        uint32_t released,
                        bool retransmitted,
                        uint32_t txq,
                        uint32_t blq,
                        bool holes) const = 0;
};

/**
 * @ingroup tipc
 * @brief Variable (Reno-like) link window of Linux >= 5.7.
 *
 * Slow start from the minimum window (50) while window <= ssthresh, then one
 * packet per window of acks; fast recovery on retransmission sets
 * ssthresh = max(window/2, 300) and window = min(ssthresh, window); an idle
 * or stalled timer tick restarts from the minimum window.
 */
class TipcVariableWindow : public TipcWindowControl
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    std::string GetName() const override;
    bool ProbesIdleLink() const override;
    bool NacksOnAnyState() const override;
    void Init(TipcWindowState& s,
              uint32_t minWin,
              uint32_t maxWin,
              uint32_t mtu,
              std::array<uint32_t, 5>& limits) const override;
    void Update(TipcWindowState& s,
                uint32_t released,
                bool retransmitted,
                uint32_t txq,
                uint32_t blq,
                bool holes) const override;
    /**
     * @brief Attribute SsthreshMin setter (checked against its range)
     * @param n packets
     */
    void SetSsthreshMin(uint32_t n);

  private:
    uint32_t m_ssthreshMin{tipc::TIPC_LINK_SSTHRESH_MIN}; //!< slow-start threshold floor
};

/**
 * @ingroup tipc
 * @brief Fixed link window of Linux 5.4: window = the bearer's minimum window
 *        (default 50); backlog limits max(50,w), max(100,2w), max(150,3w),
 *        max(200,4w).
 */
class TipcFixedWindow : public TipcWindowControl
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    std::string GetName() const override;
    bool ProbesIdleLink() const override;
    bool NacksOnAnyState() const override;
    void Init(TipcWindowState& s,
              uint32_t minWin,
              uint32_t maxWin,
              uint32_t mtu,
              std::array<uint32_t, 5>& limits) const override;
    void Update(TipcWindowState& s,
                uint32_t released,
                bool retransmitted,
                uint32_t txq,
                uint32_t blq,
                bool holes) const override;
};

} // namespace ns3

#endif // TIPC_WINDOW_CONTROL_H
