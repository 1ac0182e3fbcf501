// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-name-table.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_set>

namespace ns3
{

namespace
{

// ---------------------------------------------------------------------------
// Interval treap over the ranges of one service type.  Keys are ordered by
// lower ascending and, for equal lower, by creation sequence descending: the
// Linux rb-tree puts a new range to the left of every range with the same
// lower bound, so the most recently created one is met first.  Every node
// carries the largest upper bound of its subtree, which prunes overlap
// searches to O(log n + k).
// ---------------------------------------------------------------------------

/// Does key (lower, seq) sort before node n?
template <typename Node>
bool
KeyBefore(uint32_t lower, uint64_t seq, const Node& n)
{
    return lower < n.lower || (lower == n.lower && seq > n.seq);
}

/// Recompute the subtree maximum of a node from its children.
template <typename Node>
void
Pull(Node* n)
{
    uint32_t m = n->upper;
    if (n->left && n->left->maxUpper > m)
    {
        m = n->left->maxUpper;
    }
    if (n->right && n->right->maxUpper > m)
    {
        m = n->right->maxUpper;
    }
    n->maxUpper = m;
}

/// Split t into keys before (lower, seq) and the rest.
template <typename Node>
void
Split(std::unique_ptr<Node> t,
      uint32_t lower,
      uint64_t seq,
      std::unique_ptr<Node>& before,
      std::unique_ptr<Node>& after)
{
    if (!t)
    {
        before.reset();
        after.reset();
        return;
    }
    if (!KeyBefore(lower, seq, *t))
    {
        // t sorts before (lower, seq): t and its left subtree go before
        std::unique_ptr<Node> right = std::move(t->right);
        Split(std::move(right), lower, seq, t->right, after);
        Pull(t.get());
        before = std::move(t);
    }
    else
    {
        std::unique_ptr<Node> left = std::move(t->left);
        Split(std::move(left), lower, seq, before, t->left);
        Pull(t.get());
        after = std::move(t);
    }
}

/// Join two treaps, every key of a before every key of b.
template <typename Node>
std::unique_ptr<Node>
Merge(std::unique_ptr<Node> a, std::unique_ptr<Node> b)
{
    if (!a)
    {
        return b;
    }
    if (!b)
    {
        return a;
    }
    if (a->prio > b->prio)
    {
        std::unique_ptr<Node> ar = std::move(a->right);
        a->right = Merge(std::move(ar), std::move(b));
        Pull(a.get());
        return a;
    }
    std::unique_ptr<Node> bl = std::move(b->left);
    b->left = Merge(std::move(a), std::move(bl));
    Pull(b.get());
    return b;
}

/// Insert a new node (unique key).
template <typename Node>
void
TreapInsert(std::unique_ptr<Node>& t, std::unique_ptr<Node> n)
{
    if (!t)
    {
        t = std::move(n);
        return;
    }
    if (n->prio > t->prio)
    {
        Split(std::move(t), n->lower, n->seq, n->left, n->right);
        Pull(n.get());
        t = std::move(n);
        return;
    }
    if (KeyBefore(n->lower, n->seq, *t))
    {
        TreapInsert(t->left, std::move(n));
    }
    else
    {
        TreapInsert(t->right, std::move(n));
    }
    Pull(t.get());
}

/// Erase the node with key (lower, seq); true if found.
template <typename Node>
bool
TreapErase(std::unique_ptr<Node>& t, uint32_t lower, uint64_t seq)
{
    if (!t)
    {
        return false;
    }
    if (t->lower == lower && t->seq == seq)
    {
        std::unique_ptr<Node> l = std::move(t->left);
        std::unique_ptr<Node> r = std::move(t->right);
        t = Merge(std::move(l), std::move(r));
        return true;
    }
    bool found = KeyBefore(lower, seq, *t) ? TreapErase(t->left, lower, seq)
                                           : TreapErase(t->right, lower, seq);
    if (found)
    {
        Pull(t.get());
    }
    return found;
}

/**
 * Visit, in tree order, every node whose range overlaps [start, end].
 * f(node) returns false to stop.  Returns false if stopped.
 */
template <typename Node, typename F>
bool
VisitOverlaps(Node* n, uint32_t start, uint32_t end, F& f)
{
    if (!n || n->maxUpper < start)
    {
        return true;
    }
    if (!VisitOverlaps(n->left.get(), start, end, f))
    {
        return false;
    }
    if (n->lower > end)
    {
        return true; // the right subtree starts even later
    }
    if (n->upper >= start && !f(n))
    {
        return false;
    }
    return VisitOverlaps(n->right.get(), start, end, f);
}

/// Serial (wrap-around) order of 32-bit binding ids, as Linux time_after32.
bool
IdBefore(uint32_t a, uint32_t b)
{
    return static_cast<int32_t>(a - b) < 0;
}

/// Linux tipc_in_scope(): is addr inside lookup domain?
bool
InScope(bool legacy, uint32_t domain, uint32_t addr)
{
    constexpr uint32_t zoneMask = 0xff000000U;        // <Z.0.0>
    constexpr uint32_t zoneClusterMask = 0xfffff000U; // <Z.C.0>
    if (domain == 0 || domain == addr)
    {
        return true;
    }
    if (!legacy)
    {
        return false;
    }
    return domain == (addr & zoneClusterMask) || domain == (addr & zoneMask);
}

/**
 * Linux gathers multicast destinations with tipc_dest_push: a value already in the list is
 * skipped and a new one goes to the head; the list is then used from its head. Callers
 * append first occurrences here and reverse the vector at the end to get that order.
 */
void
PushDest(std::vector<uint32_t>& dests, std::unordered_set<uint32_t>& seen, uint32_t value)
{
    if (seen.insert(value).second)
    {
        dests.push_back(value);
    }
}

} // namespace

bool
operator==(const TipcPublication& a, const TipcPublication& b)
{
    return a.type == b.type && a.lower == b.lower && a.upper == b.upper && a.scope == b.scope &&
           a.node == b.node && a.port == b.port && a.key == b.key && a.id == b.id;
}

std::ostream&
operator<<(std::ostream& os, const TipcPublication& p)
{
    os << "{" << p.type << "," << p.lower << "," << p.upper << "} scope " << p.scope << " <"
       << p.node << ":" << p.port << "> key " << p.key << " id " << p.id;
    return os;
}

TipcNameTable::TipcNameTable() = default;

TipcNameTable::~TipcNameTable() = default;

void
TipcNameTable::SetOwnNode(uint32_t node)
{
    m_ownNode = node;
}

uint32_t
TipcNameTable::GetOwnNode() const
{
    return m_ownNode;
}

size_t
TipcNameTable::ReinitOwnNode(uint32_t node)
{
    m_ownNode = node;
    std::vector<PublEntry*> moved;
    for (auto& [n, list] : m_byNode)
    {
        if (n == node)
        {
            continue;
        }
        for (PublEntry* e : list)
        {
            if (e->local)
            {
                moved.push_back(e);
            }
        }
    }
    for (PublEntry* e : moved)
    {
        auto old = m_byNode.find(e->publ.node);
        old->second.erase(e->nodeIt);
        if (old->second.empty())
        {
            m_byNode.erase(old);
        }
        e->publ.node = node;
        PublRefList& list = m_byNode[node];
        e->nodeIt = list.insert(list.end(), e);
    }
    return moved.size();
}

const TipcPublication*
TipcNameTable::Insert(uint32_t type,
                      uint32_t lower,
                      uint32_t upper,
                      uint32_t scope,
                      uint32_t node,
                      uint32_t port,
                      uint32_t key)
{
    if (lower > upper)
    {
        return nullptr;
    }
    // tipc_nametbl_publish: every own binding counts, protocol types included
    const bool local = node == m_ownNode || node == 0;
    if (local && m_nLocal >= tipc::TIPC_MAX_PUBL)
    {
        return nullptr;
    }

    Service& sc = GetOrCreateService(type);
    RangeNode* r = nullptr;
    bool first = false;
    auto found = sc.exact.find({lower, upper});
    if (found != sc.exact.end())
    {
        r = found->second;
        for (const PublEntry& e : r->allPubl)
        {
            if (e.publ.key == key && e.publ.port == port &&
                (e.publ.node == 0 || e.publ.node == node))
            {
                return nullptr; // duplicate
            }
        }
    }
    else
    {
        auto n = std::make_unique<RangeNode>();
        n->lower = lower;
        n->upper = upper;
        n->maxUpper = upper;
        n->seq = sc.rangeSeq++;
        n->prio = NextPriority();
        r = n.get();
        TreapInsert(sc.root, std::move(n));
        sc.exact.emplace(std::make_pair(lower, upper), r);
        first = true;
    }

    // New bindings go to the head of both lists (Linux list_add).
    r->allPubl.emplace_front();
    PublEntry& e = r->allPubl.front();
    e.publ.type = type;
    e.publ.lower = lower;
    e.publ.upper = upper;
    e.publ.scope = scope;
    e.publ.node = node;
    e.publ.port = port;
    e.publ.key = key;
    e.publ.id = sc.publCnt++;
    e.local = local;
    if (local)
    {
        r->localPubl.push_front(&e);
        e.localIt = r->localPubl.begin();
        ++m_nLocal;
    }
    PublRefList& byNode = m_byNode[node];
    e.nodeIt = byNode.insert(byNode.end(), &e);
    ++m_nPubl;

    const TipcPublication copy = e.publ;
    Report(type, copy, tipc::TIPC_PUBLISHED, first);
    return &e.publ;
}

bool
TipcNameTable::Remove(uint32_t type,
                      uint32_t lower,
                      uint32_t upper,
                      uint32_t node,
                      uint32_t port,
                      uint32_t key,
                      TipcPublication* removed)
{
    Service* sc = FindService(type);
    if (!sc)
    {
        return false;
    }
    auto found = sc->exact.find({lower, upper});
    if (found == sc->exact.end())
    {
        return false;
    }
    RangeNode* r = found->second;
    auto it = std::find_if(r->allPubl.begin(), r->allPubl.end(), [&](const PublEntry& e) {
        return e.publ.key == key && e.publ.port == port && (node == 0 || e.publ.node == node);
    });
    if (it == r->allPubl.end())
    {
        return false;
    }

    const TipcPublication copy = it->publ;
    if (it->local)
    {
        r->localPubl.erase(it->localIt);
        --m_nLocal;
    }
    auto byNode = m_byNode.find(copy.node);
    byNode->second.erase(it->nodeIt);
    if (byNode->second.empty())
    {
        m_byNode.erase(byNode);
    }
    r->allPubl.erase(it);
    --m_nPubl;

    const bool last = r->allPubl.empty();
    if (last)
    {
        const uint64_t seq = r->seq;
        sc->exact.erase(found);
        TreapErase(sc->root, lower, seq);
    }
    if (removed)
    {
        *removed = copy;
    }
    Report(type, copy, tipc::TIPC_WITHDRAWN, last);
    MaybeEraseService(type);
    return true;
}

size_t
TipcNameTable::RemoveNode(uint32_t node)
{
    size_t n = 0;
    for (const TipcPublication& p : GetPublicationsOfNode(node))
    {
        if (Remove(p.type, p.lower, p.upper, p.node, p.port, p.key))
        {
            ++n;
        }
    }
    return n;
}

bool
TipcNameTable::LookupAnycast(uint32_t type,
                             uint32_t instance,
                             uint32_t lookupNode,
                             bool legacy,
                             uint32_t& node,
                             uint32_t& port)
{
    if (!InScope(legacy, lookupNode, m_ownNode))
    {
        node = lookupNode; // resolved by the lookup node itself
        port = 0;
        return true;
    }
    Service* sc = FindService(type);
    if (!sc)
    {
        return false;
    }
    const TipcPublication* picked = nullptr;
    auto pick = [&](RangeNode* r) -> bool {
        const bool ownOnly = lookupNode == m_ownNode;
        const bool closestFirst = legacy && lookupNode == 0 && !r->localPubl.empty();
        if (ownOnly && r->localPubl.empty())
        {
            return true; // try the next range
        }
        if (ownOnly || closestFirst)
        {
            picked = &r->localPubl.front()->publ;
            r->localPubl.splice(r->localPubl.end(), r->localPubl, r->localPubl.begin());
        }
        else
        {
            picked = &r->allPubl.front().publ;
            r->allPubl.splice(r->allPubl.end(), r->allPubl, r->allPubl.begin());
        }
        return false;
    };
    VisitOverlaps(sc->root.get(), instance, instance, pick);
    if (!picked)
    {
        return false;
    }
    node = picked->node;
    port = picked->port;
    return true;
}

std::vector<uint32_t>
TipcNameTable::LookupMcastNodes(uint32_t type,
                                uint32_t lower,
                                uint32_t upper,
                                bool& includesOwn) const
{
    includesOwn = false;
    std::vector<uint32_t> nodes;
    const Service* sc = FindService(type);
    if (!sc || lower > upper)
    {
        return nodes;
    }
    std::unordered_set<uint32_t> seen;
    auto collect = [&](const RangeNode* r) -> bool {
        for (const PublEntry& e : r->allPubl)
        {
            if (e.publ.node == m_ownNode)
            {
                includesOwn = true;
            }
            else
            {
                PushDest(nodes, seen, e.publ.node);
            }
        }
        return true;
    };
    VisitOverlaps(sc->root.get(), lower, upper, collect);
    std::reverse(nodes.begin(), nodes.end());
    return nodes;
}

std::vector<uint32_t>
TipcNameTable::LookupMcastSockets(uint32_t type,
                                  uint32_t lower,
                                  uint32_t upper,
                                  uint32_t scope) const
{
    std::vector<uint32_t> ports;
    const Service* sc = FindService(type);
    if (!sc || lower > upper)
    {
        return ports;
    }
    const bool any = scope == static_cast<uint32_t>(tipc::TIPC_ANY_SCOPE);
    std::unordered_set<uint32_t> seen;
    auto collect = [&](const RangeNode* r) -> bool {
        for (const PublEntry* e : r->localPubl)
        {
            if (any || e->publ.scope == scope)
            {
                PushDest(ports, seen, e->publ.port);
            }
        }
        return true;
    };
    VisitOverlaps(sc->root.get(), lower, upper, collect);
    std::reverse(ports.begin(), ports.end());
    return ports;
}

std::vector<TipcPublication>
TipcNameTable::GetOverlapping(uint32_t type, uint32_t lower, uint32_t upper) const
{
    std::vector<TipcPublication> out;
    const Service* sc = FindService(type);
    if (!sc || lower > upper)
    {
        return out;
    }
    auto collect = [&](const RangeNode* r) -> bool {
        for (const PublEntry& e : r->allPubl)
        {
            out.push_back(e.publ);
        }
        return true;
    };
    VisitOverlaps(sc->root.get(), lower, upper, collect);
    return out;
}

std::vector<TipcPublication>
TipcNameTable::GetPublicationsOfNode(uint32_t node) const
{
    std::vector<TipcPublication> out;
    auto it = m_byNode.find(node);
    if (it != m_byNode.end())
    {
        for (const PublEntry* e : it->second)
        {
            out.push_back(e->publ);
        }
    }
    return out;
}

std::vector<TipcPublication>
TipcNameTable::Dump() const
{
    std::vector<TipcPublication> out;
    out.reserve(m_nPubl);
    for (const auto& [type, sc] : m_services)
    {
        for (const auto& [range, r] : sc.exact)
        {
            const size_t from = out.size();
            for (const PublEntry& e : r->allPubl)
            {
                out.push_back(e.publ);
            }
            std::sort(
                out.begin() + from,
                out.end(),
                [](const TipcPublication& a, const TipcPublication& b) { return a.id < b.id; });
        }
    }
    return out;
}

void
TipcNameTable::Print(std::ostream& os) const
{
    static const char* const scopeNames[] = {"", "zone", "cluster", "node"};
    char line[128];
    std::snprintf(line,
                  sizeof(line),
                  "%-10s %-10s %-10s %-8s %-10s %s\n",
                  "Type",
                  "Lower",
                  "Upper",
                  "Scope",
                  "Port",
                  "Node");
    os << line;
    for (const TipcPublication& p : Dump())
    {
        char scope[12];
        if (p.scope < 4)
        {
            std::snprintf(scope, sizeof(scope), "%s", scopeNames[p.scope]);
        }
        else
        {
            std::snprintf(scope, sizeof(scope), "%u", p.scope);
        }
        std::snprintf(line,
                      sizeof(line),
                      "%-10u %-10u %-10u %-8s %-10u %x\n",
                      p.type,
                      p.lower,
                      p.upper,
                      scope,
                      p.port,
                      p.node);
        os << line;
    }
}

size_t
TipcNameTable::GetNLocalPublications() const
{
    return m_nLocal;
}

size_t
TipcNameTable::GetNPublications() const
{
    return m_nPubl;
}

void
TipcNameTable::SetEventCallback(EventCallback cb)
{
    m_eventCb = std::move(cb);
}

uint64_t
TipcNameTable::Subscribe(const TipcServiceRange& seq,
                         uint32_t filter,
                         std::vector<TipcNameEvent>& initial)
{
    TipcSubscription sub;
    sub.seq = seq;
    sub.filter = filter;
    return Subscribe(sub, initial);
}

uint64_t
TipcNameTable::Subscribe(const TipcSubscription& sub, std::vector<TipcNameEvent>& initial)
{
    const uint32_t filter = sub.filter;
    if (((filter & tipc::TIPC_SUB_PORTS) && (filter & tipc::TIPC_SUB_SERVICE)) ||
        (filter & tipc::TIPC_SUB_CANCEL) || sub.seq.lower > sub.seq.upper)
    {
        return 0;
    }
    if (m_subs.size() >= tipc::TIPC_MAX_SUBSCR)
    {
        return 0;
    }
    Service& sc = GetOrCreateService(sub.seq.type);
    const uint64_t id = m_nextSubId++;
    sc.subs.push_front(id); // Linux list_add: newest subscription first
    SubEntry& entry = m_subs[id];
    entry.sub = sub;
    entry.it = sc.subs.begin();

    if (filter & tipc::TIPC_SUB_NO_STATUS)
    {
        return id;
    }
    std::vector<const TipcPublication*> status;
    auto collect = [&](const RangeNode* r) -> bool {
        if (filter & tipc::TIPC_SUB_PORTS)
        {
            for (const PublEntry& e : r->allPubl)
            {
                status.push_back(&e.publ);
            }
            return true;
        }
        const TipcPublication* oldest = nullptr;
        for (const PublEntry& e : r->allPubl)
        {
            if (!oldest || IdBefore(e.publ.id, oldest->id))
            {
                oldest = &e.publ;
            }
        }
        if (oldest)
        {
            status.push_back(oldest);
        }
        return true;
    };
    VisitOverlaps(sc.root.get(), sub.seq.lower, sub.seq.upper, collect);
    std::stable_sort(
        status.begin(),
        status.end(),
        [](const TipcPublication* a, const TipcPublication* b) { return IdBefore(a->id, b->id); });
    for (const TipcPublication* p : status)
    {
        if (Wants(sub, *p, true))
        {
            initial.push_back(MakeEvent(id, sub, *p, tipc::TIPC_PUBLISHED));
        }
    }
    return id;
}

bool
TipcNameTable::Unsubscribe(uint64_t id)
{
    auto it = m_subs.find(id);
    if (it == m_subs.end())
    {
        return false;
    }
    const uint32_t type = it->second.sub.seq.type;
    Service* sc = FindService(type);
    if (sc)
    {
        sc->subs.erase(it->second.it);
    }
    m_subs.erase(it);
    MaybeEraseService(type);
    return true;
}

size_t
TipcNameTable::UnsubscribeOwner(uint64_t owner)
{
    std::vector<uint64_t> ids;
    for (const auto& [id, entry] : m_subs)
    {
        if (entry.sub.owner == owner)
        {
            ids.push_back(id);
        }
    }
    for (uint64_t id : ids)
    {
        Unsubscribe(id);
    }
    return ids.size();
}

uint64_t
TipcNameTable::FindSubscription(const TipcSubscription& request) const
{
    const uint32_t filter = request.filter & ~tipc::TIPC_SUB_CANCEL;
    for (auto it = m_subs.rbegin(); it != m_subs.rend(); ++it)
    {
        const TipcSubscription& s = it->second.sub;
        if (s.owner == request.owner && s.seq == request.seq && s.filter == filter &&
            s.timeout == request.timeout && s.userHandle == request.userHandle)
        {
            return it->first;
        }
    }
    return 0;
}

uint64_t
TipcNameTable::Cancel(const TipcSubscription& request)
{
    const uint64_t id = FindSubscription(request);
    if (id != 0)
    {
        Unsubscribe(id);
    }
    return id;
}

const TipcSubscription*
TipcNameTable::GetSubscription(uint64_t id) const
{
    auto it = m_subs.find(id);
    return it == m_subs.end() ? nullptr : &it->second.sub;
}

size_t
TipcNameTable::GetNSubscriptions() const
{
    return m_subs.size();
}

TipcNameTable::Service&
TipcNameTable::GetOrCreateService(uint32_t type)
{
    return m_services[type];
}

const TipcNameTable::Service*
TipcNameTable::FindService(uint32_t type) const
{
    auto it = m_services.find(type);
    return it == m_services.end() ? nullptr : &it->second;
}

TipcNameTable::Service*
TipcNameTable::FindService(uint32_t type)
{
    auto it = m_services.find(type);
    return it == m_services.end() ? nullptr : &it->second;
}

void
TipcNameTable::MaybeEraseService(uint32_t type)
{
    // Linux frees the service (and with it the binding id counter) once it
    // has neither ranges nor subscriptions.
    auto it = m_services.find(type);
    if (it != m_services.end() && it->second.exact.empty() && it->second.subs.empty())
    {
        m_services.erase(it);
    }
}

void
TipcNameTable::Report(uint32_t type, const TipcPublication& p, uint32_t event, bool must)
{
    const Service* sc = FindService(type);
    if (!sc || sc->subs.empty())
    {
        return;
    }
    // Snapshot: a callback may unsubscribe (even erase the service record).
    const std::vector<uint64_t> ids(sc->subs.begin(), sc->subs.end());
    for (uint64_t id : ids)
    {
        auto it = m_subs.find(id);
        if (it == m_subs.end() || !Wants(it->second.sub, p, must))
        {
            continue;
        }
        const TipcNameEvent ev = MakeEvent(id, it->second.sub, p, event);
        if (m_eventCb)
        {
            m_eventCb(id, ev);
        }
    }
}

bool
TipcNameTable::Wants(const TipcSubscription& sub, const TipcPublication& p, bool must)
{
    const uint32_t lo = std::max(sub.seq.lower, p.lower);
    const uint32_t hi = std::min(sub.seq.upper, p.upper);
    if (lo > hi)
    {
        return false;
    }
    if (!must && !(sub.filter & tipc::TIPC_SUB_PORTS))
    {
        return false;
    }
    const uint32_t nodeScope = static_cast<uint32_t>(tipc::TIPC_NODE_SCOPE);
    if ((sub.filter & tipc::TIPC_SUB_CLUSTER_SCOPE) && p.scope == nodeScope)
    {
        return false;
    }
    if ((sub.filter & tipc::TIPC_SUB_NODE_SCOPE) && p.scope != nodeScope)
    {
        return false;
    }
    return true;
}

TipcNameEvent
TipcNameTable::MakeEvent(uint64_t subId,
                         const TipcSubscription& sub,
                         const TipcPublication& p,
                         uint32_t event)
{
    TipcNameEvent ev;
    ev.event = event;
    ev.foundLower = p.lower;
    ev.foundUpper = p.upper;
    ev.port = p.port;
    ev.node = p.node;
    ev.scope = p.scope;
    ev.key = p.key;
    ev.subId = subId;
    ev.sub = sub;
    return ev;
}

uint32_t
TipcNameTable::NextPriority()
{
    // xorshift32: deterministic, good enough for treap balance
    uint32_t x = m_rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    m_rng = x;
    return x;
}

} // namespace ns3
