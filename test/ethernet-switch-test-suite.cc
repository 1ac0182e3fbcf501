// SPDX-License-Identifier: GPL-2.0-only
//
// EthernetSwitch and full-duplex cables (VethNetDevice with a DataRate):
// learning, flooding, filtering, and frame timing through an idle device
// (queue bypass, no event) and a busy one (queued frames leave back to back).

#include "ns3/data-rate.h"
#include "ns3/ethernet-switch.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/switched-lan-helper.h"
#include "ns3/test.h"
#include "ns3/veth-helper.h"
#include "ns3/veth-net-device.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

using namespace ns3;

namespace
{

/// A frame seen by a host's protocol handler.
struct Seen
{
    uint32_t host;              //!< receiving host
    int64_t ns;                 //!< arrival time
    uint32_t size;              //!< payload bytes
    NetDevice::PacketType type; //!< how the device classified it
    Mac48Address from;          //!< source address the device reported
};

/// EtherType of the test frames (IEEE local experimental).
constexpr uint16_t PROTO = 0x88B5;

/// Records every frame (promiscuous handler) each host receives.
class Recorder
{
  public:
    /// Listen on host i's device.
    void Listen(Ptr<Node> node, Ptr<NetDevice> dev, uint32_t host)
    {
        node->RegisterProtocolHandler(MakeBoundCallback(&Recorder::Rx, this, host),
                                      PROTO,
                                      dev,
                                      true);
    }

    std::vector<Seen> seen; //!< in arrival order

  private:
    static void Rx(Recorder* r,
                   uint32_t host,
                   Ptr<NetDevice>,
                   Ptr<const Packet> p,
                   uint16_t,
                   const Address& from,
                   const Address&,
                   NetDevice::PacketType type)
    {
        r->seen.push_back({host,
                           Simulator::Now().GetNanoSeconds(),
                           p->GetSize(),
                           type,
                           Mac48Address::ConvertFrom(from)});
    }
};

/// Frames to a host that delivered to its stack (not PACKET_OTHERHOST).
uint32_t
Delivered(const std::vector<Seen>& seen, uint32_t host)
{
    uint32_t n = 0;
    for (const Seen& s : seen)
    {
        n += s.host == host && s.type != NetDevice::PACKET_OTHERHOST ? 1 : 0;
    }
    return n;
}

/// Two nodes joined by a 1 Gb/s full-duplex cable with 1 us delay; the frames
/// node 1 receives are recorded.
struct CableBench
{
    NodeContainer nodes{2};  //!< the two nodes
    NetDeviceContainer devs; //!< their cable ends
    Recorder rec;            //!< frames received by node 1 (and node 0 if listened to)

    CableBench()
    {
        VethHelper veth;
        veth.SetDeviceAttributes("DataRate", DataRateValue(DataRate("1Gbps")));
        veth.SetChannelAttributes("Delay", TimeValue(MicroSeconds(1)));
        devs = veth.Install(nodes.Get(0), nodes.Get(1));
        rec.Listen(nodes.Get(1), devs.Get(1), 1);
    }

    /// Calls @p sink for every frame end @p i's Sniffer trace sees (@p sink must outlive the run).
    void OnSniffer(uint32_t i, std::function<void(Ptr<const Packet>)>& sink)
    {
        devs.Get(i)->TraceConnectWithoutContext(
            "Sniffer",
            MakeCallback(&std::function<void(Ptr<const Packet>)>::operator(), &sink));
    }
};

/// Learning, flooding and filtering on four hosts.
class SwitchForwardingTestCase : public TestCase
{
  public:
    SwitchForwardingTestCase()
        : TestCase("learning switch: broadcast and unknown unicast flooded, learned unicast to "
                   "one port, same-port destination filtered, exact arrival times")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer hosts(4);
        SwitchedLanHelper lan;
        lan.SetCable("full-duplex");
        lan.SetChannelAttribute("DataRate", DataRateValue(DataRate("1Gbps")));
        lan.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
        NetDeviceContainer devs = lan.Install(hosts);
        Ptr<EthernetSwitch> sw = lan.GetEthernetSwitch();
        NS_TEST_ASSERT_MSG_EQ(sw->GetNPorts(), 4, "one port per host");
        NS_TEST_ASSERT_MSG_EQ(lan.GetSwitch()->GetObject<EthernetSwitch>(), sw, "aggregated");
        Recorder rec;
        for (uint32_t i = 0; i < 4; ++i)
        {
            rec.Listen(hosts.Get(i), devs.Get(i), i);
        }
        auto send = [&devs](uint32_t from, Address to, uint32_t size) {
            devs.Get(from)->Send(Create<Packet>(size), to, PROTO);
        };
        const Address bcast = Mac48Address::GetBroadcast();
        // t = 0: host 0 broadcasts 986 B (a 1000 B frame: 8 us on the wire)
        Simulator::Schedule(Seconds(0), [&]() { send(0, bcast, 986); });
        // t = 1 ms: host 1 to host 0 (learned at t = 0): one port
        Simulator::Schedule(MilliSeconds(1), [&]() { send(1, devs.Get(0)->GetAddress(), 100); });
        // t = 2 ms: host 0 to host 3 (never heard from): flooded
        Simulator::Schedule(MilliSeconds(2), [&]() { send(0, devs.Get(3)->GetAddress(), 100); });
        // t = 3 ms: host 0 to an address it claimed itself at t = 2.5 ms: filtered
        const Mac48Address alias("02:00:00:00:00:99");
        Simulator::Schedule(MicroSeconds(2500), [&devs, alias]() {
            devs.Get(0)->SendFrom(Create<Packet>(100), alias, Mac48Address::GetBroadcast(), PROTO);
        });
        Simulator::Schedule(MilliSeconds(3), [&]() { send(0, alias, 100); });
        Simulator::Stop(MilliSeconds(10));
        Simulator::Run();

        // broadcast: hosts 1..3 once each, 2 x (8 us + 1 us) after sending
        for (uint32_t h = 1; h < 4; ++h)
        {
            bool found = false;
            for (const Seen& s : rec.seen)
            {
                if (s.host == h && s.size == 986)
                {
                    NS_TEST_ASSERT_MSG_EQ(found, false, "broadcast delivered once");
                    NS_TEST_ASSERT_MSG_EQ(s.ns, 18000, "store and forward: two 8 us hops + 2 us");
                    NS_TEST_ASSERT_MSG_EQ(s.type, NetDevice::PACKET_BROADCAST, "type");
                    found = true;
                }
            }
            NS_TEST_ASSERT_MSG_EQ(found, true, "host " << h << " got the broadcast");
        }
        NS_TEST_ASSERT_MSG_EQ(Delivered(rec.seen, 0), 1, "host 0: only host 1's unicast");
        NS_TEST_ASSERT_MSG_EQ(Delivered(rec.seen, 1), 2, "host 1: two broadcasts");
        NS_TEST_ASSERT_MSG_EQ(Delivered(rec.seen, 2), 2, "host 2: two broadcasts");
        NS_TEST_ASSERT_MSG_EQ(Delivered(rec.seen, 3), 3, "host 3: two broadcasts and its unicast");
        uint32_t otherhost = 0;
        for (const Seen& s : rec.seen)
        {
            otherhost += s.type == NetDevice::PACKET_OTHERHOST ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(otherhost, 2, "the flooded unicast reached hosts 1 and 2 too");
        // each frame reports its own source, also when a device hears several in a row
        const Mac48Address mac0 = Mac48Address::ConvertFrom(devs.Get(0)->GetAddress());
        const Mac48Address mac1 = Mac48Address::ConvertFrom(devs.Get(1)->GetAddress());
        std::vector<Mac48Address> host3From;
        for (const Seen& s : rec.seen)
        {
            const Mac48Address expected = s.host == 0 ? mac1 : (s.ns > 2500000 ? alias : mac0);
            NS_TEST_ASSERT_MSG_EQ(s.from,
                                  expected,
                                  "source of the frame host " << s.host << " got at " << s.ns
                                                              << " ns");
            if (s.host == 3)
            {
                host3From.push_back(s.from);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(host3From.size(), 3, "host 3: three frames");
        NS_TEST_ASSERT_MSG_EQ(host3From[1], mac0, "host 3: host 0's unicast");
        NS_TEST_ASSERT_MSG_EQ(host3From[2], alias, "host 3: then the alias' broadcast");
        NS_TEST_ASSERT_MSG_EQ(sw->GetForwarded(), 1, "one learned unicast");
        NS_TEST_ASSERT_MSG_EQ(sw->GetFlooded(), 3, "two broadcasts, one unknown unicast");
        NS_TEST_ASSERT_MSG_EQ(sw->GetFiltered(), 1, "the same-port destination");
        NS_TEST_ASSERT_MSG_EQ(sw->GetLearnedPort(alias), sw->GetPort(0), "alias on port 0");
        NS_TEST_ASSERT_MSG_EQ(
            sw->GetLearnedPort(Mac48Address::ConvertFrom(devs.Get(2)->GetAddress())),
            Ptr<NetDevice>(nullptr),
            "host 2 never sent");
        Simulator::Destroy();
    }
};

/// Queue bypass on an idle device, back-to-back frames from a busy one.
class CableTimingTestCase : public TestCase
{
  public:
    CableTimingTestCase()
        : TestCase("full-duplex cable: an idle device sends at once, queued frames leave back to "
                   "back, both directions at the same time")
    {
    }

  private:
    void DoRun() override
    {
        CableBench bench;
        NetDeviceContainer& devs = bench.devs;
        bench.rec.Listen(bench.nodes.Get(0), devs.Get(0), 0);
        // three 1000 B frames from each end at t = 0, and one more from node 0
        // at 30 us when its device is idle again
        for (uint32_t k = 0; k < 3; ++k)
        {
            devs.Get(0)->Send(Create<Packet>(986), devs.Get(1)->GetAddress(), PROTO);
            devs.Get(1)->Send(Create<Packet>(986), devs.Get(0)->GetAddress(), PROTO);
        }
        Simulator::Schedule(MicroSeconds(30), [&devs]() {
            devs.Get(0)->Send(Create<Packet>(486), devs.Get(1)->GetAddress(), PROTO);
        });
        Simulator::Run();
        std::vector<int64_t> at0;
        std::vector<int64_t> at1;
        for (const Seen& s : bench.rec.seen)
        {
            (s.host == 0 ? at0 : at1).push_back(s.ns);
        }
        const std::vector<int64_t> expect1{9000, 17000, 25000, 35000};
        const std::vector<int64_t> expect0{9000, 17000, 25000};
        NS_TEST_ASSERT_MSG_EQ(at1.size(), expect1.size(), "node 1 frames");
        NS_TEST_ASSERT_MSG_EQ(at0.size(), expect0.size(), "node 0 frames");
        for (std::size_t i = 0; i < expect1.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(at1[i], expect1[i], "frame " << i << " to node 1");
        }
        for (std::size_t i = 0; i < expect0.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(at0[i], expect0[i], "frame " << i << " to node 0");
        }
        Simulator::Destroy();
    }
};

/// A sender that queues its next frame from the Sniffer trace (the frame pump
/// of tipc-sim-benchmark): frames still leave one at a time, back to back.
class CableRefillFromTraceTestCase : public TestCase
{
  public:
    CableRefillFromTraceTestCase()
        : TestCase("full-duplex cable: frames queued from the Sniffer trace leave one at a time")
    {
    }

  private:
    void DoRun() override
    {
        CableBench bench;
        const std::vector<Seen>& seen = bench.rec.seen;
        uint32_t sent = 0;
        Ptr<NetDevice> tx = bench.devs.Get(0);
        Address to = bench.devs.Get(1)->GetAddress();
        auto send = [&sent, tx, to]() {
            ++sent;
            tx->Send(Create<Packet>(986), to, PROTO);
        };
        // each frame that starts on the wire queues the next one (two in flight at most)
        std::function<void(Ptr<const Packet>)> refill = [&sent, &send](Ptr<const Packet>) {
            if (sent < 6)
            {
                send();
            }
        };
        bench.OnSniffer(0, refill);
        send();
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(seen.size(), 6, "every frame arrives once");
        for (std::size_t i = 0; i < seen.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(seen[i].ns,
                                  static_cast<int64_t>(9000 + 8000 * i),
                                  "frame " << i << " leaves after the one before it");
        }
        Simulator::Destroy();
    }
};

/// A frame a trace sink keeps is not touched when the device strips the
/// Ethernet header of what it delivers (VethNetDevice::ReceiveOwned strips in
/// place only when it holds the only reference).
class CableKeptFrameTestCase : public TestCase
{
  public:
    CableKeptFrameTestCase()
        : TestCase("full-duplex cable: frames kept by a Sniffer sink keep their Ethernet header")
    {
    }

  private:
    void DoRun() override
    {
        CableBench bench;
        NetDeviceContainer& devs = bench.devs;
        const std::vector<Seen>& seen = bench.rec.seen;
        std::vector<Ptr<const Packet>> kept;
        std::function<void(Ptr<const Packet>)> keep = [&kept](Ptr<const Packet> p) {
            kept.push_back(p);
        };
        bench.OnSniffer(1, keep);
        devs.Get(0)->Send(Create<Packet>(100), devs.Get(1)->GetAddress(), PROTO);
        // a second frame nobody keeps: stripped in place, delivered the same
        Simulator::Schedule(MicroSeconds(50), [&devs]() {
            devs.Get(0)->Send(Create<Packet>(200), devs.Get(1)->GetAddress(), PROTO);
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(seen.size(), 2, "both frames delivered");
        NS_TEST_ASSERT_MSG_EQ(seen[0].size, 100, "first payload without its header");
        NS_TEST_ASSERT_MSG_EQ(seen[1].size, 200, "second payload without its header");
        NS_TEST_ASSERT_MSG_EQ(kept.size(), 2, "the sink saw both frames");
        NS_TEST_ASSERT_MSG_EQ(kept[0]->GetSize(), 114, "the kept frame still has its header");
        uint8_t dst[6];
        kept[0]->CopyData(dst, 6);
        uint8_t mine[6];
        Mac48Address::ConvertFrom(devs.Get(1)->GetAddress()).CopyTo(mine);
        NS_TEST_ASSERT_MSG_EQ(std::equal(dst, dst + 6, mine), true, "destination bytes intact");
        Simulator::Destroy();
    }
};

/// The suite.
class EthernetSwitchTestSuite : public TestSuite
{
  public:
    EthernetSwitchTestSuite()
        : TestSuite("tipc-ethernet-switch", TestSuite::Type::UNIT)
    {
        AddTestCase(new SwitchForwardingTestCase);
        AddTestCase(new CableTimingTestCase);
        AddTestCase(new CableRefillFromTraceTestCase);
        AddTestCase(new CableKeptFrameTestCase);
    }
};

/// Static instance.
EthernetSwitchTestSuite g_ethernetSwitchTestSuite;

} // namespace
