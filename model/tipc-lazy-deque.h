// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LAZY_DEQUE_H
#define TIPC_LAZY_DEQUE_H

#include <cstddef>
#include <deque>
#include <memory>
#include <utility>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief A std::deque that owns no memory while it is empty.
 *
 * libstdc++'s std::deque allocates a 512-byte block and its map on
 * construction.  A link has five queues and a node of a 1000-node cluster
 * has about 2000 links that mostly stay idle, so eager deques would cost
 * gigabytes.  This wrapper creates the deque on the first insertion and
 * frees it on clear(); otherwise it behaves as the subset of std::deque the
 * link and the name distributor use (same iterators, same complexity).
 * It counts its elements itself, so size() and empty() do not touch the
 * deque: a link's node-timer tick asks for them on a million idle links.
 */
template <typename T>
class TipcLazyDeque
{
  public:
    using Deque = std::deque<T>;                           //!< the wrapped container
    using iterator = typename Deque::iterator;             //!< iterator
    using const_iterator = typename Deque::const_iterator; //!< const iterator

    TipcLazyDeque() = default;

    /** @param o queue to copy */
    TipcLazyDeque(const TipcLazyDeque& o)
        : m_q(o.empty() ? nullptr : std::make_unique<Deque>(*o.m_q)),
          m_n(o.m_n)
    {
    }

    /**
     * @param o queue to copy
     * @return this
     */
    TipcLazyDeque& operator=(const TipcLazyDeque& o)
    {
        if (this != &o)
        {
            m_q = o.empty() ? nullptr : std::make_unique<Deque>(*o.m_q);
            m_n = o.m_n;
        }
        return *this;
    }

    /** @param o queue to move from (left empty) */
    TipcLazyDeque(TipcLazyDeque&& o) noexcept
        : m_q(std::move(o.m_q)),
          m_n(o.m_n)
    {
        o.m_n = 0;
    }

    /**
     * @param o queue to move from (left empty)
     * @return this
     */
    TipcLazyDeque& operator=(TipcLazyDeque&& o) noexcept
    {
        if (this != &o)
        {
            m_q = std::move(o.m_q);
            m_n = o.m_n;
            o.m_n = 0;
        }
        return *this;
    }

    ~TipcLazyDeque() = default;

    /** @return true if empty */
    bool empty() const
    {
        return m_n == 0;
    }

    /** @return number of elements */
    std::size_t size() const
    {
        return m_n;
    }

    /** @return first element (not empty) */
    T& front()
    {
        return m_q->front();
    }

    /** @return first element (not empty) */
    const T& front() const
    {
        return m_q->front();
    }

    /** @return last element (not empty) */
    T& back()
    {
        return m_q->back();
    }

    /** @return last element (not empty) */
    const T& back() const
    {
        return m_q->back();
    }

    /** @param v element to append */
    void push_back(const T& v)
    {
        Get().push_back(v);
        ++m_n;
    }

    /** @param v element to append */
    void push_back(T&& v)
    {
        Get().push_back(std::move(v));
        ++m_n;
    }

    /**
     * @param args constructor arguments of the appended element
     * @return the element
     */
    template <typename... Args>
    T& emplace_back(Args&&... args)
    {
        T& v = Get().emplace_back(std::forward<Args>(args)...);
        ++m_n;
        return v;
    }

    /** @brief Remove the first element (not empty). */
    void pop_front()
    {
        m_q->pop_front();
        --m_n;
    }

    /** @brief Remove every element and release the memory. */
    void clear()
    {
        m_q.reset();
        m_n = 0;
    }

    /** @return iterator to the first element */
    iterator begin()
    {
        return m_q ? m_q->begin() : Empty().begin();
    }

    /** @return past-the-end iterator */
    iterator end()
    {
        return m_q ? m_q->end() : Empty().end();
    }

    /** @return iterator to the first element */
    const_iterator begin() const
    {
        return m_q ? m_q->cbegin() : Empty().cbegin();
    }

    /** @return past-the-end iterator */
    const_iterator end() const
    {
        return m_q ? m_q->cend() : Empty().cend();
    }

    /**
     * @param it element to remove (from begin() .. end())
     * @return iterator to the next element
     */
    iterator erase(iterator it)
    {
        --m_n;
        return m_q->erase(it);
    }

    /**
     * @param pos position (from begin() .. end())
     * @param v element to insert before it
     * @return iterator to the inserted element
     */
    iterator insert(iterator pos, const T& v)
    {
        if (!m_q)
        {
            push_back(v); // empty: pos is end()
            return m_q->begin();
        }
        ++m_n;
        return m_q->insert(pos, v);
    }

  private:
    /** @return the deque, created if needed */
    Deque& Get()
    {
        if (!m_q)
        {
            m_q = std::make_unique<Deque>();
        }
        return *m_q;
    }

    /**
     * @return a shared deque that stays empty, whose iterators (const or
     *         not) stand for begin() == end() while nothing is allocated
     *         (never modified: erase needs an element, insert allocates the
     *         real deque)
     */
    static Deque& Empty()
    {
        static Deque empty;
        return empty;
    }

    std::unique_ptr<Deque> m_q; //!< the elements, null until the first insertion
    std::size_t m_n{0};         //!< number of elements (size() without touching m_q)
};

} // namespace ns3

#endif // TIPC_LAZY_DEQUE_H
