// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-monitor.h"

#include "tipc-seq.h"

#include <algorithm>

namespace ns3
{

namespace
{

/**
 * @param map an up map
 * @param i member index
 * @return bit i
 */
bool
MapGet(uint64_t map, uint32_t i)
{
    return (map >> i) & 1U;
}

/**
 * @brief Linux more(): a is after b in 16-bit sequence space.
 * @param a left
 * @param b right
 * @return true if a is newer
 */
bool
GenNewer(uint16_t a, uint16_t b)
{
    return tipc::SeqMore(a, b);
}

} // namespace

TipcMonitor::TipcMonitor(uint32_t self, uint32_t threshold)
    : m_self(self),
      m_threshold(threshold)
{
    Peer& me = m_ring[self];
    me.up = true;
    me.isHead = true;
}

uint32_t
TipcMonitor::DomainSize(uint32_t peers)
{
    uint32_t i = 0;
    while (i * i < peers)
    {
        ++i;
    }
    return std::min(i, tipc::MAX_MON_DOMAIN);
}

void
TipcMonitor::SetThreshold(uint32_t threshold)
{
    m_threshold = threshold;
}

uint32_t
TipcMonitor::GetPeerCount() const
{
    return static_cast<uint32_t>(m_ring.size());
}

bool
TipcMonitor::IsActive() const
{
    return GetPeerCount() > m_threshold;
}

uint32_t
TipcMonitor::GetLocalDomainMembers() const
{
    return m_ring.at(m_self).applied;
}

uint16_t
TipcMonitor::GetGeneration() const
{
    return m_local.gen;
}

uint16_t
TipcMonitor::GetListGeneration() const
{
    return m_listGen;
}

TipcMonitor::Pos
TipcMonitor::Self()
{
    return m_ring.find(m_self);
}

TipcMonitor::Pos
TipcMonitor::Next(Pos p)
{
    ++p;
    return p == m_ring.end() ? m_ring.begin() : p;
}

TipcMonitor::Pos
TipcMonitor::Prev(Pos p)
{
    if (p == m_ring.begin())
    {
        p = m_ring.end();
    }
    return --p;
}

TipcMonitor::Pos
TipcMonitor::HeadOf(Pos p)
{
    while (!p->second.isHead)
    {
        p = Prev(p);
    }
    return p;
}

void
TipcMonitor::UpdateLocalDomain()
{
    Pos self = Self();
    const uint32_t memberCnt = DomainSize(GetPeerCount()) - 1;
    self->second.applied = memberCnt;
    const uint64_t prevUpMap = m_local.upMap;
    bool diff = m_local.members.size() != memberCnt;
    m_local.members.resize(memberCnt);
    Pos p = self;
    for (uint32_t i = 0; i < memberCnt; ++i)
    {
        p = Next(p);
        diff = diff || m_local.members[i] != p->first;
        m_local.members[i] = p->first;
        // only the bits of current members change, as Linux's map_set
        if (p->second.up)
        {
            m_local.upMap |= uint64_t(1) << i;
        }
        else
        {
            m_local.upMap &= ~(uint64_t(1) << i);
        }
    }
    diff = diff || m_local.upMap != prevUpMap;
    if (diff)
    {
        ++m_local.gen;
    }
}

void
TipcMonitor::ApplyDomain(Pos p)
{
    const bool self = p->first == m_self;
    const TipcMonitorRecord& dom = self ? m_local : p->second.domain;
    if (!self && (!p->second.haveDomain || !p->second.up))
    {
        return;
    }
    p->second.applied = 0;
    Pos member = Next(p);
    for (uint32_t addr : dom.members)
    {
        if (addr != member->first)
        {
            return;
        }
        ++p->second.applied;
        member = Next(member);
    }
}

void
TipcMonitor::UpdateNeighbors(Pos p)
{
    const uint32_t dz = DomainSize(GetPeerCount());
    for (uint32_t i = 0; i < dz; ++i)
    {
        ApplyDomain(p);
        p = Prev(p);
    }
}

void
TipcMonitor::AssignRoles(Pos head)
{
    const Pos self = Self();
    uint32_t i = 0;
    for (Pos p = Next(head); p != self; p = Next(p))
    {
        Peer& peer = p->second;
        peer.isLocal = false;
        if (i++ < head->second.applied)
        {
            peer.isHead = false; // a member of the current head's domain
            peer.isLocal = head == self;
            continue;
        }
        if (!peer.up)
        {
            continue; // a down peer heads nothing
        }
        if (peer.isHead)
        {
            break; // the rest of the ring is unchanged
        }
        head = p;
        peer.isHead = true;
        i = 0;
    }
    ++m_listGen;
}

void
TipcMonitor::IdentifyLostMembers(Pos p, const TipcMonitorRecord& before, uint32_t appliedBefore)
{
    const uint32_t appliedAfter = p->second.applied;
    const uint64_t upAfter = p->second.haveDomain ? p->second.domain.upMap : 0;
    Pos member = p;
    for (uint32_t i = 0; i < appliedBefore; ++i)
    {
        member = Next(member);
        Peer& m = member->second;
        if (!m.up || !MapGet(before.upMap, i))
        {
            continue; // we or the head already saw it down
        }
        if (m.isLocal)
        {
            continue; // loss of a local member is detected by our own probing
        }
        if (appliedAfter == 0 || appliedAfter < i)
        {
            m.downCnt = 1; // it left the head's applied domain: probe it
            continue;
        }
        if (!MapGet(upAfter, i))
        {
            ++m.downCnt; // the head confirms the loss
        }
    }
}

void
TipcMonitor::PeerUp(uint32_t addr)
{
    if (addr == m_self)
    {
        return;
    }
    Pos p = m_ring.find(addr);
    if (p == m_ring.end())
    {
        p = m_ring.emplace(addr, Peer{}).first;
        UpdateNeighbors(p);
    }
    p->second.up = true;
    Pos head = HeadOf(p);
    if (head->first == m_self)
    {
        UpdateLocalDomain();
    }
    AssignRoles(head);
}

void
TipcMonitor::PeerDown(uint32_t addr)
{
    if (addr == m_self)
    {
        return;
    }
    Pos p = m_ring.find(addr);
    if (p == m_ring.end())
    {
        return;
    }
    Peer& peer = p->second;
    const uint32_t applied = peer.applied;
    const TipcMonitorRecord before = peer.domain;
    peer.applied = 0;
    peer.haveDomain = false;
    peer.domain = TipcMonitorRecord();
    if (peer.isHead)
    {
        IdentifyLostMembers(p, before, applied);
    }
    peer.up = false;
    peer.isHead = false;
    peer.isLocal = false;
    peer.downCnt = 0;
    Pos head = HeadOf(p);
    if (head->first == m_self)
    {
        UpdateLocalDomain();
    }
    AssignRoles(head);
}

void
TipcMonitor::RemovePeer(uint32_t addr)
{
    if (addr == m_self)
    {
        return;
    }
    Pos p = m_ring.find(addr);
    if (p == m_ring.end())
    {
        return;
    }
    Pos prev = Prev(p);
    m_ring.erase(p);
    Pos head = HeadOf(prev);
    if (head->first == m_self)
    {
        UpdateLocalDomain();
    }
    UpdateNeighbors(prev);
    if (!IsActive())
    {
        // back to full mesh: forget the domains
        for (auto& [a, peer] : m_ring)
        {
            if (a != m_self)
            {
                peer.haveDomain = false;
                peer.domain = TipcMonitorRecord();
                peer.applied = 0;
            }
        }
    }
    AssignRoles(head); // from the re-matched domains (tipc_mon_remove_peer)
}

bool
TipcMonitor::Prepare(const LinkState& s, TipcMonitorRecord& rec) const
{
    if (!IsActive())
    {
        return false;
    }
    if (s.ackedGen == m_local.gen)
    {
        rec = TipcMonitorRecord();
        rec.gen = m_local.gen;
    }
    else
    {
        rec = m_local;
    }
    rec.ackGen = s.peerGen;
    return true;
}

void
TipcMonitor::Receive(uint32_t from, const TipcMonitorRecord& rec, LinkState& s)
{
    const bool probing = s.probing;
    s.probing = false; // only this STATE can answer the probe
    if (!s.synched)
    {
        // first record since the link came up
        s.peerGen = static_cast<uint16_t>(rec.gen - 1);
        s.ackedGen = rec.ackGen;
        s.synched = true;
    }
    if (GenNewer(rec.ackGen, s.ackedGen))
    {
        s.ackedGen = rec.ackGen;
    }
    if (!GenNewer(rec.gen, s.peerGen) && !probing)
    {
        return; // a duplicate, and no probe answer awaited
    }
    Pos p = m_ring.find(from);
    if (p == m_ring.end() || !p->second.up || from == m_self)
    {
        return;
    }
    Peer& peer = p->second;
    peer.downCnt = 0; // it is alive
    if (!GenNewer(rec.gen, s.peerGen))
    {
        return;
    }
    s.peerGen = rec.gen;
    const TipcMonitorRecord before = peer.haveDomain ? peer.domain : TipcMonitorRecord();
    const uint32_t appliedBefore = peer.applied;
    peer.domain = rec;
    peer.haveDomain = true;
    ApplyDomain(p);
    IdentifyLostMembers(p, before, appliedBefore);
    AssignRoles(HeadOf(p));
}

void
TipcMonitor::GetState(uint32_t addr, LinkState& s) const
{
    if (!IsActive())
    {
        s.probing = false;
        s.monitoring = true;
        return;
    }
    if (!s.probing && s.listGen == m_listGen && s.ackedGen == m_local.gen)
    {
        return; // nothing changed since the link last looked
    }
    auto it = m_ring.find(addr);
    if (it == m_ring.end() || addr == m_self)
    {
        return;
    }
    const Peer& peer = it->second;
    s.probing = s.ackedGen != m_local.gen || peer.downCnt > 0;
    s.reset = s.reset || peer.downCnt >= tipc::MAX_PEER_DOWN_EVENTS;
    s.monitoring = peer.isLocal || peer.isHead;
    s.listGen = m_listGen;
}

void
TipcMonitor::Timeout()
{
    const uint32_t best = DomainSize(GetPeerCount()) - 1;
    if (best != Self()->second.applied)
    {
        UpdateLocalDomain();
        AssignRoles(Self());
    }
}

std::vector<uint32_t>
TipcMonitor::GetMonitored() const
{
    std::vector<uint32_t> v;
    const bool active = IsActive();
    for (const auto& [addr, p] : m_ring)
    {
        if (addr != m_self && (!active || p.isLocal || p.isHead))
        {
            v.push_back(addr);
        }
    }
    return v;
}

std::vector<TipcMonitor::PeerInfo>
TipcMonitor::GetPeers() const
{
    std::vector<PeerInfo> v;
    v.reserve(m_ring.size());
    auto emit = [&v](uint32_t addr, const Peer& p) {
        PeerInfo i;
        i.addr = addr;
        i.up = p.up;
        i.isLocal = p.isLocal;
        i.isHead = p.isHead;
        i.applied = p.applied;
        i.downCnt = p.downCnt;
        i.domainMembers = p.haveDomain ? static_cast<uint32_t>(p.domain.members.size()) : 0;
        i.domainGen = p.domain.gen;
        v.push_back(i);
    };
    for (auto it = m_ring.upper_bound(m_self); it != m_ring.end(); ++it)
    {
        emit(it->first, it->second);
    }
    for (auto it = m_ring.begin(); it != m_ring.end() && it->first < m_self; ++it)
    {
        emit(it->first, it->second);
    }
    return v;
}

} // namespace ns3
