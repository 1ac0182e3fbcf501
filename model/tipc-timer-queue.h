// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_TIMER_QUEUE_H
#define TIPC_TIMER_QUEUE_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Many one-shot timers behind one simulator event.
 *
 * A node keeps one timer per peer (tipc_node_timeout), so a cluster of N
 * nodes has N(N-1) timers pending at any time: about a million at N = 1 000.
 * Held directly in the simulator's scheduler they make every insert a walk
 * down a million-entry tree.  This queue keeps a node's timers in its own
 * binary heap and puts only the earliest expiry into the simulator, so the
 * simulator holds one event per node and every timer operation works on a
 * heap of N entries.
 *
 * Timers expire at exactly the times they were scheduled for; timers that
 * expire at the same time run in the order they were scheduled, as
 * simulator events would.  Relative to other simulator events at the same
 * time the order can differ from scheduling each timer separately (still
 * deterministic).
 *
 * A timer is a slot obtained with Add(); Schedule() (re)arms it, Cancel()
 * disarms it, Remove() frees it.  Cancelled entries stay in the heap and are
 * skipped when they reach the top.
 */
class TipcTimerQueue
{
  public:
    /// A timer slot.
    using Id = uint32_t;
    /// No slot (Remove() ignores it).
    static constexpr Id INVALID = 0xffffffff;

    TipcTimerQueue();
    ~TipcTimerQueue();
    TipcTimerQueue(const TipcTimerQueue&) = delete;
    TipcTimerQueue& operator=(const TipcTimerQueue&) = delete;

    /**
     * @brief Create a timer slot (disarmed).
     * @param handler what runs when the timer expires
     * @return the slot
     */
    Id Add(Callback<void> handler);

    /// A handler as a plain function of its object (no allocation, no reference counts).
    using RawHandler = void (*)(void* obj);

    /**
     * @brief Create a timer slot (disarmed) whose handler is @p fn(@p obj):
     *        the form for the hundreds of thousands of per-peer timers of a
     *        large cluster, whose expiry then touches no handler object.
     * @param fn what runs when the timer expires
     * @param obj its argument (must outlive the slot)
     * @return the slot
     */
    Id Add(RawHandler fn, void* obj);
    /**
     * @brief Free a slot; a pending expiry is dropped.  The id may be reused.
     *        Removing a free slot (or after Clear()) does nothing.
     * @param id the slot
     */
    void Remove(Id id);
    /**
     * @brief Arm a timer to expire after @p delay; an earlier arming is replaced.
     * @param id the slot
     * @param delay delay from now (not negative)
     */
    void Schedule(Id id, Time delay);
    /**
     * @brief Disarm a timer.
     * @param id the slot
     */
    void Cancel(Id id);
    /**
     * @param id the slot
     * @return true if the timer is armed
     */
    bool IsPending(Id id) const;
    /**
     * @param id the slot
     * @return when an armed timer expires
     */
    Time GetExpiry(Id id) const;
    /** @return armed timers */
    uint32_t GetPendingCount() const;
    /** @brief Disarm everything, free all slots and cancel the simulator event. */
    void Clear();

  private:
    /// One arming of a timer.
    struct Entry
    {
        int64_t ts;   //!< expiry, simulator time steps
        uint64_t seq; //!< scheduling order, breaks ties
        Id id;        //!< slot
        uint32_t gen; //!< the slot's generation when armed
    };

    /// Heap order: the earliest expiry (then the earliest arming) on top.
    struct Later
    {
        /**
         * @param a entry
         * @param b entry
         * @return true if @p a expires after @p b
         */
        bool operator()(const Entry& a, const Entry& b) const
        {
            return a.ts != b.ts ? a.ts > b.ts : a.seq > b.seq;
        }
    };

    /// A timer slot's state.
    struct Slot
    {
        Callback<void> handler; //!< expiry handler (null and no raw handler: free slot)
        RawHandler fn{nullptr}; //!< raw expiry handler (instead of handler)
        void* obj{nullptr};     //!< its argument

        /** @return true if no handler is set (the slot is free) */
        bool IsFree() const
        {
            return fn == nullptr && handler.IsNull();
        }

        uint32_t gen{0};     //!< arming generation; entries of older ones are stale
        bool pending{false}; //!< armed
        int64_t ts{0};       //!< expiry when armed
    };

    /** @return a free slot, reused or new (no handler set yet) */
    Id NewSlot();

    /** @brief Run every timer due now, then arm the simulator event for the next. */
    void Expire();
    /** @brief Drop stale entries from the top, and (re)arm the simulator event. */
    void Arm();

    std::vector<Entry> m_heap; //!< armings, a binary heap by Later
    std::vector<Slot> m_slots; //!< slots by id
    std::vector<Id> m_free;    //!< free slot ids
    uint64_t m_seq;            //!< next arming sequence number
    uint32_t m_pending;        //!< armed timers
    EventId m_event;           //!< the simulator event of the earliest expiry
    int64_t m_eventTs;         //!< its time (valid while m_event is pending)
    bool m_expiring;           //!< inside Expire(): handlers' re-armings wait for its end
};

} // namespace ns3

#endif // TIPC_TIMER_QUEUE_H
