// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-monitor.h"

#include "tipc-constants.h"

#include <algorithm>

namespace ns3
{

TipcMonitor::TipcMonitor(uint32_t self, uint32_t threshold)
    : m_self(self),
      m_threshold(threshold)
{
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

uint32_t
TipcMonitor::GetPeerCount() const
{
    return static_cast<uint32_t>(m_peers.size()) + 1;
}

bool
TipcMonitor::IsActive() const
{
    return GetPeerCount() > m_threshold;
}

uint32_t
TipcMonitor::GetDomainSize() const
{
    return DomainSize(GetPeerCount());
}

uint16_t
TipcMonitor::GetGeneration() const
{
    return m_local.gen;
}

std::vector<uint32_t>
TipcMonitor::Ring() const
{
    // successors of self in address order, wrapping round
    std::vector<uint32_t> ring;
    ring.reserve(m_peers.size());
    for (auto it = m_peers.upper_bound(m_self); it != m_peers.end(); ++it)
    {
        ring.push_back(it->first);
    }
    for (auto it = m_peers.begin(); it != m_peers.end() && it->first < m_self; ++it)
    {
        ring.push_back(it->first);
    }
    return ring;
}

void
TipcMonitor::UpdateLocalDomain()
{
    std::vector<uint32_t> ring = Ring();
    m_localApplied = std::min<uint32_t>(GetDomainSize() - 1, ring.size());
    std::vector<uint32_t> members(ring.begin(), ring.begin() + m_localApplied);
    uint64_t upMap = 0;
    for (uint32_t i = 0; i < m_localApplied; ++i)
    {
        if (m_peers.at(members[i]).up)
        {
            upMap |= uint64_t(1) << i;
        }
    }
    if (members != m_local.members || upMap != m_local.upMap)
    {
        m_local.members = members;
        m_local.upMap = upMap;
        ++m_local.gen;
    }
}

std::vector<uint32_t>
TipcMonitor::SuccessorsOf(uint32_t addr, uint32_t count) const
{
    std::vector<uint32_t> full{m_self};
    std::vector<uint32_t> ring = Ring();
    full.insert(full.end(), ring.begin(), ring.end());
    size_t pos = std::find(full.begin(), full.end(), addr) - full.begin();
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < count; ++i)
    {
        out.push_back(full[(pos + 1 + i) % full.size()]);
    }
    return out;
}

void
TipcMonitor::ApplyDomain(uint32_t addr)
{
    Peer& p = m_peers.at(addr);
    p.applied = 0;
    if (!p.haveDomain)
    {
        return;
    }
    std::vector<uint32_t> next = SuccessorsOf(addr, p.domain.members.size());
    while (p.applied < next.size() && p.domain.members[p.applied] == next[p.applied])
    {
        ++p.applied;
    }
}

void
TipcMonitor::AssignRoles()
{
    uint32_t headApplied = m_localApplied;
    bool headIsSelf = true;
    uint32_t i = 0;
    for (uint32_t addr : Ring())
    {
        Peer& p = m_peers.at(addr);
        p.isLocal = false;
        p.isHead = false;
        if (i < headApplied)
        {
            ++i;
            p.isLocal = headIsSelf;
            continue;
        }
        if (!p.up)
        {
            continue; // a down peer heads nothing; the next up peer does
        }
        p.isHead = true;
        headApplied = p.applied;
        headIsSelf = false;
        i = 0;
    }
}

void
TipcMonitor::PeerUp(uint32_t addr)
{
    if (addr == m_self)
    {
        return;
    }
    bool fresh = m_peers.count(addr) == 0;
    Peer& p = m_peers[addr];
    p.up = true;
    p.downCnt = 0;
    UpdateLocalDomain();
    if (fresh)
    {
        for (auto& [a, q] : m_peers)
        {
            ApplyDomain(a); // ring positions moved
        }
    }
    AssignRoles();
}

void
TipcMonitor::PeerDown(uint32_t addr)
{
    auto it = m_peers.find(addr);
    if (it == m_peers.end())
    {
        return;
    }
    it->second.up = false;
    it->second.downCnt = 0;
    it->second.haveDomain = false;
    it->second.applied = 0;
    UpdateLocalDomain();
    AssignRoles();
}

void
TipcMonitor::RemovePeer(uint32_t addr)
{
    if (m_peers.erase(addr) == 0)
    {
        return;
    }
    UpdateLocalDomain();
    for (auto& [a, q] : m_peers)
    {
        ApplyDomain(a);
    }
    AssignRoles();
}

void
TipcMonitor::ApplyRecord(uint32_t from, const TipcMonitorRecord& rec)
{
    auto it = m_peers.find(from);
    if (it == m_peers.end() || rec.members.size() > tipc::MAX_MON_DOMAIN)
    {
        return;
    }
    Peer& p = it->second;
    p.downCnt = 0; // it is alive
    p.ackedGen = rec.ackGen;
    if (rec.members.empty())
    {
        return; // header only (or an inactive monitor): no domain change
    }
    if (p.haveDomain && rec.gen == p.domain.gen)
    {
        return; // nothing new
    }
    TipcMonitorRecord before = p.domain;
    uint32_t appliedBefore = p.applied;
    p.domain = rec;
    p.haveDomain = true;
    ApplyDomain(from);
    if (p.isHead)
    {
        // members the head saw up before and now reports down (or dropped)
        std::vector<uint32_t> next = SuccessorsOf(from, appliedBefore);
        for (uint32_t i = 0; i < appliedBefore; ++i)
        {
            uint32_t addr = next[i];
            if (addr == m_self || (before.upMap & (uint64_t(1) << i)) == 0)
            {
                continue;
            }
            Peer& member = m_peers.at(addr);
            if (!member.up || member.isLocal)
            {
                continue; // already down here, or ours to detect by probing
            }
            if (p.applied == 0 || p.applied < i)
            {
                member.downCnt = 1; // left the head's domain: start probing it
            }
            else if ((p.domain.upMap & (uint64_t(1) << i)) == 0)
            {
                ++member.downCnt; // loss confirmed by the head
            }
        }
    }
    if (p.applied != appliedBefore)
    {
        AssignRoles();
    }
}

TipcMonitorRecord
TipcMonitor::BuildRecord(uint32_t to) const
{
    TipcMonitorRecord rec;
    if (!IsActive())
    {
        return rec; // no record below the threshold
    }
    rec = m_local;
    auto it = m_peers.find(to);
    if (it != m_peers.end())
    {
        rec.ackGen = it->second.domain.gen;
        if (it->second.ackedGen == m_local.gen)
        {
            rec.members.clear(); // it has our current domain: header only
        }
    }
    return rec;
}

TipcMonitor::PeerState
TipcMonitor::GetState(uint32_t addr) const
{
    PeerState s;
    auto it = m_peers.find(addr);
    if (!IsActive() || it == m_peers.end())
    {
        return s; // full mesh
    }
    const Peer& p = it->second;
    s.monitoring = p.isLocal || p.isHead;
    s.probing = p.ackedGen != m_local.gen || p.downCnt > 0;
    s.reset = p.downCnt >= tipc::MAX_PEER_DOWN_EVENTS;
    return s;
}

std::vector<uint32_t>
TipcMonitor::GetMonitored() const
{
    std::vector<uint32_t> v;
    for (const auto& [addr, p] : m_peers)
    {
        if (!IsActive() || p.isLocal || p.isHead)
        {
            v.push_back(addr);
        }
    }
    return v;
}

} // namespace ns3
