// SPDX-License-Identifier: GPL-2.0-only
//
// TipcMonitor (Linux monitor.c, reference section 11): domain size, the
// activation threshold, roles in a cluster that has exchanged its domain
// records (at N = 400 every node supervises 38 peers, Linux's figure), and
// how a failure reported by domain heads makes the others probe the lost node.

#include "ns3/tipc-monitor.h"

#include <catch2/catch.hpp>
#include <map>
#include <memory>

using namespace ns3;

namespace
{

/// N monitors (addresses 1 .. N) whose links are all up and that exchanged records.
class Cluster
{
  public:
    explicit Cluster(uint32_t n)
    {
        for (uint32_t a = 1; a <= n; ++a)
        {
            mon[a] = std::make_unique<TipcMonitor>(a);
        }
        for (auto& [a, m] : mon)
        {
            for (auto& [b, other] : mon)
            {
                if (a != b)
                {
                    m->PeerUp(b);
                }
            }
        }
        Exchange();
    }

    /// Every live node sends a STATE with its record to every live peer, twice.
    void Exchange()
    {
        for (int round = 0; round < 2; ++round)
        {
            for (auto& [a, m] : mon)
            {
                for (auto& [b, other] : mon)
                {
                    if (a != b && !dead.count(a) && !dead.count(b))
                    {
                        other->ApplyRecord(a, m->BuildRecord(b));
                    }
                }
            }
        }
    }

    std::map<uint32_t, std::unique_ptr<TipcMonitor>> mon; //!< by address
    std::map<uint32_t, bool> dead;                        //!< failed nodes
};

} // namespace

TEST_CASE("dom_size is the ceiling of the square root, at most 64", "[monitor]")
{
    CHECK(TipcMonitor::DomainSize(1) == 1);
    CHECK(TipcMonitor::DomainSize(4) == 2);
    CHECK(TipcMonitor::DomainSize(5) == 3);
    CHECK(TipcMonitor::DomainSize(33) == 6);
    CHECK(TipcMonitor::DomainSize(400) == 20);
    CHECK(TipcMonitor::DomainSize(4096) == 64);
    CHECK(TipcMonitor::DomainSize(10000) == 64);
}

TEST_CASE("up to the threshold every peer is supervised (full mesh), no record", "[monitor]")
{
    Cluster c(32); // 32 nodes including self: peer_cnt 32 is not above 32
    TipcMonitor& m = *c.mon.at(1);
    CHECK_FALSE(m.IsActive());
    CHECK(m.GetMonitored().size() == 31);
    CHECK(m.GetState(17).monitoring);
    CHECK(m.BuildRecord(2).members.empty());
    Cluster d(33);
    CHECK(d.mon.at(1)->IsActive());
    CHECK(d.mon.at(1)->GetMonitored().size() < 32);
}

TEST_CASE("actively monitored peers: local domain plus heads (38 at N = 400)", "[monitor]")
{
    // local domain dom_size(N) - 1, then one head per (head + its domain) round the ring
    const std::map<uint32_t, size_t> expected = {{50, 13}, {100, 18}, {200, 27}, {400, 38}};
    for (const auto& [n, count] : expected)
    {
        Cluster c(n);
        for (auto& [a, m] : c.mon)
        {
            INFO("N = " << n << ", node " << a);
            REQUIRE(m->GetMonitored().size() == count);
            REQUIRE(m->GetDomainSize() == TipcMonitor::DomainSize(n));
        }
    }
}

TEST_CASE("records: full until acknowledged, then header only", "[monitor]")
{
    TipcMonitor a(1);
    TipcMonitor b(2);
    for (uint32_t p = 2; p <= 40; ++p)
    {
        a.PeerUp(p);
    }
    for (uint32_t p = 1; p <= 40; ++p)
    {
        b.PeerUp(p);
    }
    TipcMonitorRecord first = a.BuildRecord(2);
    REQUIRE(first.members.size() == TipcMonitor::DomainSize(40) - 1);
    CHECK(first.members.front() == 2);
    CHECK(first.upMap == (uint64_t(1) << first.members.size()) - 1);
    CHECK(a.GetState(2).probing); // b has not acknowledged our domain yet
    b.ApplyRecord(1, first);
    a.ApplyRecord(2, b.BuildRecord(1)); // carries ack_gen = our generation
    CHECK(a.BuildRecord(2).members.empty());
    CHECK_FALSE(a.GetState(2).probing);
}

TEST_CASE("a failure reported by its domain heads makes everyone probe the node", "[monitor]")
{
    Cluster c(100);
    const uint32_t victim = 50;
    // who supervises the victim actively; nobody probes it while all is well
    std::map<uint32_t, bool> watcher;
    for (auto& [a, m] : c.mon)
    {
        if (a != victim)
        {
            watcher[a] = m->GetState(victim).monitoring;
            REQUIRE_FALSE(m->GetState(victim).probing);
        }
    }
    size_t watchers = 0;
    for (const auto& [a, w] : watcher)
    {
        watchers += w ? 1 : 0;
    }
    CHECK(watchers > 0);
    CHECK(watchers < 20); // about 2 sqrt(N), not N
    // the supervisors' links time out; the others only hear it in the heads' records
    c.dead[victim] = true;
    for (const auto& [a, w] : watcher)
    {
        if (w)
        {
            c.mon.at(a)->PeerDown(victim);
        }
    }
    c.Exchange();
    for (const auto& [a, w] : watcher)
    {
        if (!w)
        {
            INFO("node " << a << " learns of the loss from a domain head");
            CHECK(c.mon.at(a)->GetState(victim).probing);
            CHECK_FALSE(c.mon.at(a)->GetState(victim).reset);
        }
    }
}
