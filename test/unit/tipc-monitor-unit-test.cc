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
#include <utility>

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
        // the periodic re-evaluation sizes every local domain (Linux does it
        // MON_TIMEOUT after start at the latest), then records go round
        for (auto& [a, m] : mon)
        {
            m->Timeout();
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
                        Send(a, b);
                    }
                }
            }
        }
    }

    /// One STATE message from a to b; false if it carried no record.
    bool Send(uint32_t a, uint32_t b)
    {
        TipcMonitorRecord rec;
        if (!mon.at(a)->Prepare(link[{a, b}], rec))
        {
            return false;
        }
        mon.at(b)->Receive(a, rec, link[{b, a}]);
        return true;
    }

    /// The state of a's link to b after its timer looked at the monitor.
    TipcMonitor::LinkState State(uint32_t a, uint32_t b)
    {
        TipcMonitor::LinkState& s = link[{a, b}];
        mon.at(a)->GetState(b, s);
        return s;
    }

    std::map<uint32_t, std::unique_ptr<TipcMonitor>> mon;                 //!< by address
    std::map<std::pair<uint32_t, uint32_t>, TipcMonitor::LinkState> link; //!< (from, to)
    std::map<uint32_t, bool> dead;                                        //!< failed nodes
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
    CHECK(c.State(1, 17).monitoring);
    CHECK_FALSE(c.State(1, 17).probing);
    CHECK_FALSE(c.Send(1, 2)); // STATE messages carry no record
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
            REQUIRE(m->GetLocalDomainMembers() == TipcMonitor::DomainSize(n) - 1);
            size_t monitoring = 0;
            for (auto& [b, other] : c.mon)
            {
                monitoring += (a != b && c.State(a, b).monitoring) ? 1 : 0;
            }
            REQUIRE(monitoring == count);
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
    a.Timeout();
    b.Timeout();
    TipcMonitor::LinkState ab; // a's link to b
    TipcMonitor::LinkState ba;
    TipcMonitorRecord first;
    REQUIRE(a.Prepare(ab, first));
    REQUIRE(first.members.size() == TipcMonitor::DomainSize(40) - 1);
    CHECK(first.members.front() == 2);
    CHECK(first.upMap == (uint64_t(1) << first.members.size()) - 1);
    CHECK(first.GetSerializedSize() == 16 + 4 * first.members.size());
    a.GetState(2, ab);
    CHECK(ab.probing); // b has not acknowledged our domain yet
    b.Receive(1, first, ba);
    TipcMonitorRecord reply;
    REQUIRE(b.Prepare(ba, reply));
    CHECK(reply.ackGen == a.GetGeneration());
    a.Receive(2, reply, ab);
    TipcMonitorRecord next;
    REQUIRE(a.Prepare(ab, next));
    CHECK(next.members.empty()); // header only from now on
    CHECK(next.GetSerializedSize() == 16);
    a.GetState(2, ab);
    CHECK_FALSE(ab.probing);
    // a duplicate (same generation) changes nothing
    const uint16_t listGen = b.GetListGeneration();
    b.Receive(1, first, ba);
    CHECK(b.GetListGeneration() == listGen);
}

TEST_CASE("the local domain grows with the ring only when a change touches it", "[monitor]")
{
    // Linux resizes the local domain when a peer comes up inside it (its head
    // is self) and otherwise only at the periodic MON_TIMEOUT re-evaluation.
    TipcMonitor m(1);
    for (uint32_t p = 2; p <= 100; ++p)
    {
        m.PeerUp(p); // each new peer lands behind the last one, which heads it
    }
    CHECK(m.GetLocalDomainMembers() == 1);
    CHECK(m.GetMonitored().size() == 99); // every peer heads an (unknown) domain
    m.Timeout();
    CHECK(m.GetLocalDomainMembers() == TipcMonitor::DomainSize(100) - 1);
    TipcMonitor late(1);
    for (uint32_t p = 100; p >= 2; --p)
    {
        late.PeerUp(p); // farthest first: later peers land inside the local domain
    }
    CHECK(late.GetLocalDomainMembers() == TipcMonitor::DomainSize(100) - 1);
    // a peer far round the ring does not resize it; the timer does
    TipcMonitor far(1);
    for (uint32_t p = 2; p <= 17; ++p)
    {
        far.PeerUp(p);
    }
    const uint32_t before = far.GetLocalDomainMembers();
    for (uint32_t p = 1000; p < 1100; ++p)
    {
        far.PeerUp(p);
    }
    far.PeerUp(2000); // its head is not self
    far.Timeout();
    CHECK(far.GetLocalDomainMembers() == TipcMonitor::DomainSize(far.GetPeerCount()) - 1);
    CHECK(far.GetLocalDomainMembers() > before);
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
            TipcMonitor::LinkState s = c.State(a, victim);
            watcher[a] = s.monitoring;
            REQUIRE_FALSE(s.probing);
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
    size_t probing = 0;
    for (const auto& [a, w] : watcher)
    {
        if (!w)
        {
            INFO("node " << a << " learns of the loss from a domain head");
            TipcMonitor::LinkState s = c.State(a, victim);
            CHECK(s.probing);
            probing += s.probing ? 1 : 0;
        }
    }
    CHECK(probing == 99 - watchers);
}

TEST_CASE("a head's confirmed reports add up to a reset of the link", "[monitor]")
{
    // Node 1 with 40 peers; peer 2 is in its local domain, so 1 supervises it
    // and a record from a head can not make it probe 2. Peer 20 is outside the
    // local domain (5 members): heads' records decide about it.
    Cluster c(40);
    TipcMonitor& m = *c.mon.at(1);
    REQUIRE(m.GetLocalDomainMembers() == 6);
    uint32_t head = 0;
    uint32_t member = 0;
    for (const TipcMonitor::PeerInfo& p : m.GetPeers())
    {
        if (p.isHead && head == 0)
        {
            head = p.addr;
        }
        else if (head != 0 && member == 0)
        {
            member = p.addr; // first member of that head's domain
        }
    }
    REQUIRE(head == 8);
    REQUIRE(member == 9);
    CHECK_FALSE(c.State(1, member).monitoring);
    // the head reports its member down four times (four new generations); the
    // member's own records stop because it is dead
    c.dead[member] = true;
    TipcMonitor::LinkState& s = c.link[{1, member}];
    for (int i = 0; i < 4; ++i)
    {
        c.mon.at(head)->PeerDown(member);
        c.Send(head, 1);
        c.mon.at(1)->GetState(member, s);
        INFO("report " << i + 1);
        CHECK(s.probing);
        CHECK(s.reset == (i == 3));     // MAX_PEER_DOWN_EVENTS = 4
        c.mon.at(head)->PeerUp(member); // flaps back up at the head
        c.Send(head, 1);
    }
    // Only down reports while the member is in the head's applied domain count;
    // a member that answers (a record from it) clears the count.
    c.dead.erase(member);
    c.Send(member, 1);
    c.mon.at(1)->GetState(member, s);
    CHECK_FALSE(s.probing);
}

TEST_CASE("only the first STATE after a probing decision answers the probe", "[monitor]")
{
    // tipc_mon_rcv clears state->probing before anything else: a second
    // duplicate record from the probed peer, before the link timer looked
    // again, does not clear a new down report.
    Cluster c(40);
    const uint32_t head = 8;
    const uint32_t member = 9; // outside node 1's local domain, in head 8's
    TipcMonitor::LinkState& s = c.link[{1, member}];
    auto downCnt = [&c]() {
        for (const TipcMonitor::PeerInfo& p : c.mon.at(1)->GetPeers())
        {
            if (p.addr == member)
            {
                return p.downCnt;
            }
        }
        return uint32_t{99};
    };
    c.mon.at(head)->PeerDown(member);
    c.Send(head, 1);
    REQUIRE(downCnt() == 1);
    c.mon.at(1)->GetState(member, s);
    REQUIRE(s.probing);
    c.Send(member, 1); // the probe's answer: a duplicate record
    CHECK(downCnt() == 0);
    CHECK_FALSE(s.probing);
    // the head reports it down again; another duplicate arrives before the timer
    c.mon.at(head)->PeerUp(member);
    c.Send(head, 1);
    c.mon.at(head)->PeerDown(member);
    c.Send(head, 1);
    REQUIRE(downCnt() == 1);
    c.Send(member, 1);
    CHECK(downCnt() == 1); // dropped as a duplicate: nobody awaited it
    c.mon.at(1)->GetState(member, s);
    CHECK(s.probing);
}

TEST_CASE("a removed peer's neighbours are re-matched before roles are assigned", "[monitor]")
{
    // tipc_mon_remove_peer: mon_update_neighbors, then mon_assign_roles.
    TipcMonitor m(1, 4);
    for (uint32_t a = 2; a <= 17; ++a)
    {
        m.PeerUp(a);
    }
    TipcMonitorRecord rec;
    rec.gen = 1;
    rec.members = {7, 8, 9, 10};
    rec.upMap = 0xf;
    TipcMonitor::LinkState s;
    m.Receive(6, rec, s);
    auto info = [&m](uint32_t addr) {
        for (const TipcMonitor::PeerInfo& p : m.GetPeers())
        {
            if (p.addr == addr)
            {
                return p;
            }
        }
        return TipcMonitor::PeerInfo();
    };
    REQUIRE(info(6).isHead);
    REQUIRE(info(6).applied == 4);
    REQUIRE_FALSE(info(9).isHead);
    m.RemovePeer(8); // 6's domain now matches only 7
    CHECK(info(6).applied == 1);
    CHECK(info(9).isHead);
    CHECK(info(10).isHead);
    CHECK(info(11).isHead);
}

TEST_CASE("a generation half the sequence space ahead is newer (Linux more())", "[monitor]")
{
    Cluster c(40);
    TipcMonitor::LinkState& s = c.link[{1, 8}];
    TipcMonitorRecord rec;
    rec.gen = static_cast<uint16_t>(s.peerGen + 32768);
    rec.ackGen = s.ackedGen;
    c.mon.at(1)->Receive(8, rec, s);
    CHECK(s.peerGen == rec.gen);
}
