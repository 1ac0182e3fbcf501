// SPDX-License-Identifier: GPL-2.0-only
//
// TipcTimerQueue: many timers behind one simulator event.  A random workload
// (arm, re-arm, cancel, remove, handlers that re-arm or remove themselves) runs
// once on the queue and once with one simulator event per timer; both must
// fire the same timers at the same times in the same order.  Equal expiries
// cost one simulator event.

#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/tipc-timer-queue.h"

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// A fired timer: (time in ns, timer index).
using Firing = std::pair<int64_t, uint32_t>;

/// The workload, driven by a seeded generator so both runs see the same one.
class Workload
{
  public:
    static constexpr uint32_t TIMERS = 200;

    /// The operations a run must provide.
    struct Ops
    {
        std::function<void(uint32_t, Time)> schedule; //!< arm or re-arm timer i
        std::function<void(uint32_t)> cancel;         //!< disarm timer i
        std::function<void(uint32_t)> remove;         //!< free timer i
    };

    explicit Workload(Ops ops)
        : m_ops(std::move(ops)),
          m_rng(12345)
    {
    }

    /// Arm every timer and schedule random disturbances.
    void Start()
    {
        for (uint32_t i = 0; i < TIMERS; ++i)
        {
            m_ops.schedule(i, Delay());
        }
        for (uint32_t k = 0; k < 300; ++k)
        {
            Simulator::Schedule(MicroSeconds(500 + 1000 * (m_rng() % 5000)),
                                [this]() { Disturb(); });
        }
    }

    /// A timer expired: record it; usually re-arm (a periodic timer).
    void Fired(uint32_t i)
    {
        firings.emplace_back(Simulator::Now().GetNanoSeconds(), i);
        uint32_t r = m_rng() % 20;
        if (r == 0)
        {
            m_ops.remove(i); // a peer deleted from inside its own timer
            m_removed[i] = true;
        }
        else if (r != 1)
        {
            m_ops.schedule(i, Delay());
        }
    }

    std::vector<Firing> firings; //!< what fired, in order

  private:
    /// Millisecond-grained delays, so that equal expiries are common.
    Time Delay()
    {
        return MilliSeconds(1 + m_rng() % 400);
    }

    void Disturb()
    {
        uint32_t i = m_rng() % TIMERS;
        if (m_removed[i])
        {
            return;
        }
        if (m_rng() % 3 == 0)
        {
            m_ops.cancel(i);
        }
        else
        {
            m_ops.schedule(i, Delay());
        }
    }

    Ops m_ops;                                                      //!< the run's operations
    std::mt19937 m_rng;                                             //!< the workload's randomness
    std::vector<bool> m_removed = std::vector<bool>(TIMERS, false); //!< freed timers
};

/// Same firings as one simulator event per timer.
class TimerQueueEquivalenceTestCase : public TestCase
{
  public:
    TimerQueueEquivalenceTestCase()
        : TestCase("random arm, re-arm, cancel and remove: same firings as one event per timer")
    {
    }

  private:
    std::vector<Firing> RunQueue()
    {
        TipcTimerQueue q;
        std::vector<TipcTimerQueue::Id> ids(Workload::TIMERS);
        Workload* w = nullptr;
        Workload work({[&](uint32_t i, Time d) { q.Schedule(ids[i], d); },
                       [&](uint32_t i) { q.Cancel(ids[i]); },
                       [&](uint32_t i) { q.Remove(ids[i]); }});
        w = &work;
        // even timers have Callback handlers, odd ones raw (function, object) handlers
        std::vector<std::pair<Workload*, uint32_t>> ctx(Workload::TIMERS);
        for (uint32_t i = 0; i < Workload::TIMERS; ++i)
        {
            ctx[i] = {w, i};
            ids[i] = i % 2 == 0 ? q.Add(Callback<void>([w, i]() { w->Fired(i); }))
                                : q.Add(
                                      [](void* c) {
                                          auto* p = static_cast<std::pair<Workload*, uint32_t>*>(c);
                                          p->first->Fired(p->second);
                                      },
                                      &ctx[i]);
        }
        work.Start();
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        Simulator::Destroy();
        return work.firings;
    }

    std::vector<Firing> RunEvents()
    {
        std::vector<EventId> ev(Workload::TIMERS);
        Workload* w = nullptr;
        Workload work({[&](uint32_t i, Time d) {
                           ev[i].Cancel();
                           ev[i] = Simulator::Schedule(d, [&w, i]() { w->Fired(i); });
                       },
                       [&](uint32_t i) { ev[i].Cancel(); },
                       [&](uint32_t i) { ev[i].Cancel(); }});
        w = &work;
        work.Start();
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        Simulator::Destroy();
        return work.firings;
    }

    void DoRun() override
    {
        std::vector<Firing> a = RunQueue();
        std::vector<Firing> b = RunEvents();
        NS_TEST_ASSERT_MSG_GT(a.size(), 1000, "the workload fires many timers");
        NS_TEST_ASSERT_MSG_EQ(a.size(), b.size(), "same number of firings");
        for (size_t k = 0; k < a.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(a[k].first, b[k].first, "firing " << k << ": same time");
            NS_TEST_ASSERT_MSG_EQ(a[k].second, b[k].second, "firing " << k << ": same timer");
        }
    }
};

/// Timers that expire together cost one simulator event; a cleared queue is silent.
class TimerQueueEventCountTestCase : public TestCase
{
  public:
    TimerQueueEventCountTestCase()
        : TestCase("1 000 timers: one simulator event pending, one per distinct expiry")
    {
    }

  private:
    void DoRun() override
    {
        TipcTimerQueue q;
        uint32_t fired = 0;
        for (uint32_t i = 0; i < 1000; ++i)
        {
            TipcTimerQueue::Id id = q.Add(Callback<void>([&fired]() { ++fired; }));
            q.Schedule(id, MilliSeconds(100 + 10 * (i % 4))); // four distinct expiries
        }
        NS_TEST_ASSERT_MSG_EQ(q.GetPendingCount(), 1000, "all armed");
        NS_TEST_ASSERT_MSG_EQ(q.GetExpiry(7), MilliSeconds(130), "expiry of timer 7");
        const uint64_t before = Simulator::GetEventCount();
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(fired, 1000, "every timer fired");
        NS_TEST_ASSERT_MSG_EQ(Simulator::GetEventCount() - before, 4, "one event per expiry");
        NS_TEST_ASSERT_MSG_EQ(q.GetPendingCount(), 0, "nothing armed");
        // a cleared queue fires nothing, and removing after the clear is harmless
        TipcTimerQueue::Id id = q.Add(Callback<void>([&fired]() { ++fired; }));
        q.Schedule(id, Seconds(1));
        q.Clear();
        q.Remove(id);
        q.Remove(TipcTimerQueue::INVALID);
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(fired, 1000, "a cleared timer does not fire");
        Simulator::Destroy();
    }
};

/// The suite.
class TipcTimerQueueTestSuite : public TestSuite
{
  public:
    TipcTimerQueueTestSuite()
        : TestSuite("tipc-timer-queue", TestSuite::Type::UNIT)
    {
        AddTestCase(new TimerQueueEquivalenceTestCase);
        AddTestCase(new TimerQueueEventCountTestCase);
    }
};

TipcTimerQueueTestSuite g_tipcTimerQueueTestSuite; //!< registers the suite

} // namespace
