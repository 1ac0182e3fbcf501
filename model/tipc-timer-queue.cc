// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-timer-queue.h"

#include "ns3/assert.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcTimerQueue");

TipcTimerQueue::TipcTimerQueue()
    : m_seq(0),
      m_pending(0),
      m_eventTs(0),
      m_expiring(false)
{
}

TipcTimerQueue::~TipcTimerQueue()
{
    m_event.Cancel();
}

TipcTimerQueue::Id
TipcTimerQueue::NewSlot()
{
    Id id;
    if (!m_free.empty())
    {
        id = m_free.back();
        m_free.pop_back();
    }
    else
    {
        id = static_cast<Id>(m_slots.size());
        m_slots.emplace_back();
    }
    return id;
}

TipcTimerQueue::Id
TipcTimerQueue::Add(Callback<void> handler)
{
    NS_ASSERT_MSG(!handler.IsNull(), "a timer needs a handler");
    Id id = NewSlot();
    m_slots[id].handler = handler;
    return id;
}

TipcTimerQueue::Id
TipcTimerQueue::Add(RawHandler fn, void* obj)
{
    NS_ASSERT_MSG(fn != nullptr, "a timer needs a handler");
    Id id = NewSlot();
    m_slots[id].fn = fn;
    m_slots[id].obj = obj;
    return id;
}

void
TipcTimerQueue::Remove(Id id)
{
    if (id >= m_slots.size() || m_slots[id].IsFree())
    {
        return; // already removed, or the queue was cleared
    }
    Cancel(id);
    m_slots[id].handler = Callback<void>();
    m_slots[id].fn = nullptr;
    m_slots[id].obj = nullptr;
    m_free.push_back(id);
}

void
TipcTimerQueue::Schedule(Id id, Time delay)
{
    NS_ASSERT(id < m_slots.size() && !m_slots[id].IsFree());
    NS_ASSERT_MSG(!delay.IsStrictlyNegative(), "negative timer delay");
    Slot& s = m_slots[id];
    if (s.pending)
    {
        ++s.gen; // the old arming becomes stale
    }
    else
    {
        s.pending = true;
        ++m_pending;
    }
    s.ts = Simulator::Now().GetTimeStep() + delay.GetTimeStep();
    m_heap.push_back({s.ts, m_seq++, id, s.gen});
    std::push_heap(m_heap.begin(), m_heap.end(), Later());
    if (m_heap.size() > 2 * static_cast<size_t>(m_pending) + 64)
    {
        // many re-armings: drop the stale entries at once
        m_heap.erase(std::remove_if(m_heap.begin(),
                                    m_heap.end(),
                                    [this](const Entry& e) {
                                        const Slot& t = m_slots[e.id];
                                        return !t.pending || t.gen != e.gen;
                                    }),
                     m_heap.end());
        std::make_heap(m_heap.begin(), m_heap.end(), Later());
    }
    Arm();
}

void
TipcTimerQueue::Cancel(Id id)
{
    NS_ASSERT(id < m_slots.size());
    Slot& s = m_slots[id];
    if (s.pending)
    {
        s.pending = false;
        ++s.gen;
        --m_pending;
    }
}

bool
TipcTimerQueue::IsPending(Id id) const
{
    return id < m_slots.size() && m_slots[id].pending;
}

Time
TipcTimerQueue::GetExpiry(Id id) const
{
    NS_ASSERT(IsPending(id));
    return TimeStep(m_slots[id].ts);
}

uint32_t
TipcTimerQueue::GetPendingCount() const
{
    return m_pending;
}

void
TipcTimerQueue::Clear()
{
    m_event.Cancel();
    m_heap.clear();
    m_slots.clear();
    m_free.clear();
    m_pending = 0;
}

void
TipcTimerQueue::Arm()
{
    if (m_expiring)
    {
        return; // Expire() arms once when it is done
    }
    while (!m_heap.empty())
    {
        const Entry& top = m_heap.front();
        const Slot& s = m_slots[top.id];
        if (s.pending && s.gen == top.gen)
        {
            break;
        }
        std::pop_heap(m_heap.begin(), m_heap.end(), Later());
        m_heap.pop_back();
    }
    if (m_heap.empty())
    {
        m_event.Cancel();
        return;
    }
    const int64_t ts = m_heap.front().ts;
    if (!m_event.IsExpired() && m_eventTs <= ts)
    {
        return; // an earlier wake-up finds nothing due and re-arms
    }
    m_event.Cancel();
    m_eventTs = ts;
    m_event = Simulator::Schedule(TimeStep(ts - Simulator::Now().GetTimeStep()),
                                  &TipcTimerQueue::Expire,
                                  this);
}

void
TipcTimerQueue::Expire()
{
    const int64_t now = Simulator::Now().GetTimeStep();
    m_expiring = true;
    while (!m_heap.empty() && m_heap.front().ts <= now)
    {
        const Entry e = m_heap.front();
        std::pop_heap(m_heap.begin(), m_heap.end(), Later());
        m_heap.pop_back();
        Slot& s = m_slots[e.id];
        if (!s.pending || s.gen != e.gen)
        {
            continue;
        }
        s.pending = false;
        --m_pending;
        if (s.fn != nullptr)
        {
            s.fn(s.obj); // copied into the call: the handler may free its slot
            continue;
        }
        Callback<void> handler = s.handler; // the handler may free its slot
        handler();
    }
    m_expiring = false;
    Arm();
}

} // namespace ns3
