// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-failover: what an application sees when one of two links between two
// TIPC nodes fails in the middle of a transfer.
//
//            bearer 0: CSMA segment 0 (eth0)
//          +================================+
//   n0 ----+                                +---- n1
//  sender  +================================+   receiver
//            bearer 1: CSMA segment 1 (eth1)
//
// Both nodes enable an Ethernet bearer on each segment, so the peers have two
// links.  With equal priorities (--priorities=10,10, the default) both links
// are active and a socket's traffic goes over the one its port id selects;
// with different priorities (e.g. --priorities=10,5) the lower one is a
// standby.  From 2 s on, node 0 sends --size-byte records, one every
// --interval (0: as fast as the socket accepts them), each starting with a
// 32-bit sequence number, to the service {1000, 1} on node 1, over a STREAM
// connection (records cut out of the byte stream again), a SEQPACKET
// connection, or RDM datagrams (--socketType).  At --failAt the link that
// carries the stream (--failBearer=active, the default; or bearer 0 / 1)
// fails:
//   --failMode=cut      both devices of that segment stop sending and
//                       receiving (a cable cut: no carrier event, the link
//                       is declared down when its tolerance expires);
//   --failMode=disable  node 0 disables the bearer (tipc bearer disable: a
//                       RESET with peer_stopping takes the link down at once).
// TIPC moves the traffic to the other link (failover: the unacknowledged
// packets are tunnelled over it) without loss, duplication or reordering.
// The sender stops one second before the end of the run, so that everything
// it sent can arrive.
//
// Measured (one CSV row):
//   outage_ms            longest gap between two deliveries at the receiver
//                        that ends after --failAt (the application-visible
//                        outage; compare with gap_before_ms, the longest gap
//                        before the failure)
//   link_down_after_ms   from --failAt until both ends declared the failed
//                        link down (LinkDown trace)
//   sent, delivered      records the socket accepted / distinct records
//                        that arrived
//   lost, duplicated, reordered  from the sequence numbers at the receiver
//
// Sanity check (exit status 1 if it fails): every record delivered, none
// duplicated or reordered, the failed link declared down, and the nodes never
// lost contact.  Progress lines go to stderr.
//
//   ./tipc-failover [--failAt=3s] [--failBearer=active] [--failMode=cut]
//       [--priorities=10,10] [--socketType=STREAM] [--size=1000]
//       [--interval=1ms] [--tolerance=1500ms] [--rate=1Gbps] [--delay=1us]
//       [--duration=7s] [--output=tipc-failover.csv]
//   ./tipc-failover --priorities=10,5 --failMode=disable --socketType=RDM
//
// A sweep over the link tolerance and the failure mode:
//
//   scripts/tipc-sweep.py --program build/examples/tipc-failover
//       --param tolerance=200ms,500ms,1500ms --param failMode=cut,disable
//       --runs 3 --dir results/failover
//   scripts/tipc-plot.py results/failover/results.csv --x tolerance
//       --y outage_ms --hue failMode

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// Progress line on stderr, prefixed with the simulation time.
std::ostream&
Progress()
{
    return std::cerr << "# " << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds()
                     << " s ";
}

/// The records' sender on node 0.
struct Sender
{
    Ptr<TipcSocket> socket;         //!< the socket
    TipcSocketType type;            //!< its type
    uint32_t size{0};               //!< record size
    bool ready{false};              //!< connected (or RDM)
    uint32_t next{0};               //!< next sequence number to create
    uint32_t queued{0};             //!< records created but not yet accepted
    uint32_t accepted{0};           //!< records the socket accepted completely
    Ptr<Packet> rest;               //!< unsent rest of a partial STREAM write
    uint64_t stalls{0};             //!< EAGAIN refusals
    bool broken{false};             //!< a send failed for good
    TipcErrno error{TipcErrno::OK}; //!< why

    /**
     * @brief A record.
     * @param seq its sequence number
     * @return the record
     */
    Ptr<Packet> Record(uint32_t seq) const
    {
        std::vector<uint8_t> b(size, 0);
        tipc::WriteBe32(b.data(), seq);
        return Create<Packet>(b.data(), size);
    }

    /** @brief Hand the queued records to the socket until it refuses. */
    void Flush()
    {
        while (ready && !broken && (rest || queued > 0))
        {
            Ptr<Packet> p = rest ? rest : Record(accepted);
            int rc = type == TipcSocketType::RDM
                         ? socket->SendTo(p->Copy(), 0, TipcAddress::Service(1000, 1))
                         : socket->Send(p->Copy(), 0);
            if (rc < 0)
            {
                rest = p;
                if (socket->GetErrno() == Socket::ERROR_AGAIN)
                {
                    ++stalls; // the send callback resumes
                    return;
                }
                broken = true;
                error = socket->GetTipcErrno();
                Progress() << "send failed: " << TipcErrnoName(error) << std::endl;
                return;
            }
            if (static_cast<uint32_t>(rc) < p->GetSize())
            {
                rest = p->CreateFragment(rc, p->GetSize() - rc);
                continue;
            }
            rest = nullptr;
            ++accepted;
            --queued;
        }
    }
};

/// The receiver on node 1: checks the sequence numbers.
struct Receiver
{
    uint32_t size{0};         //!< record size
    std::vector<uint8_t> buf; //!< STREAM bytes not yet a full record
    std::vector<bool> seen;   //!< records seen, by sequence number
    uint32_t delivered{0};    //!< distinct records
    uint32_t duplicated{0};   //!< records seen again
    uint32_t reordered{0};    //!< first arrivals below the highest seen
    int64_t highest{-1};      //!< highest sequence number seen
    std::vector<Time> times;  //!< delivery times

    /**
     * @brief A record arrived.
     * @param b its first four bytes
     */
    void Record(const uint8_t* b)
    {
        uint32_t seq = tipc::ReadBe32(b);
        times.push_back(Simulator::Now());
        if (seq >= seen.size())
        {
            seen.resize(seq + 1, false);
        }
        if (seen[seq])
        {
            ++duplicated;
            return;
        }
        seen[seq] = true;
        ++delivered;
        if (static_cast<int64_t>(seq) < highest)
        {
            ++reordered;
        }
        highest = std::max<int64_t>(highest, seq);
    }

    /**
     * @brief Read what the socket has.
     * @param s the socket
     * @param stream byte stream (records are cut out of it)
     */
    void Read(Ptr<Socket> s, bool stream)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            TipcAncillaryTag tag;
            if ((p->PeekPacketTag(tag) && tag.HasErrInfo()) || p->GetSize() == 0)
            {
                continue; // a returned message or the end of the connection
            }
            std::vector<uint8_t> b(p->GetSize());
            p->CopyData(b.data(), b.size());
            if (!stream)
            {
                if (b.size() >= 4)
                {
                    Record(b.data());
                }
                continue;
            }
            buf.insert(buf.end(), b.begin(), b.end());
            size_t off = 0;
            while (buf.size() - off >= size)
            {
                Record(buf.data() + off);
                off += size;
            }
            buf.erase(buf.begin(), buf.begin() + off);
        }
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    Time failAt = Seconds(3);
    std::string failBearer = "active";
    std::string failMode = "cut";
    std::string priorities = "10,10";
    std::string socketType = "STREAM";
    uint32_t size = 1000;
    Time interval = MilliSeconds(1);
    Time tolerance = MilliSeconds(1500);
    std::string rate = "1Gbps";
    Time delay = MicroSeconds(1);
    Time duration = Seconds(7);
    std::string output = "tipc-failover.csv";
    CommandLine cmd(__FILE__);
    cmd.AddValue("failAt", "When the link fails; 2.5 s .. duration - 1 s", failAt);
    cmd.AddValue("failBearer",
                 "Bearer whose link fails: active (the one carrying the stream), 0 or 1",
                 failBearer);
    cmd.AddValue("failMode",
                 "cut (both devices of the segment go silent) or disable (node 0 disables "
                 "the bearer)",
                 failMode);
    cmd.AddValue("priorities", "Link priorities of bearers 0 and 1, each 0 .. 31", priorities);
    cmd.AddValue("socketType", "STREAM, SEQPACKET or RDM", socketType);
    cmd.AddValue("size", "Record size in bytes, 4 .. 66000 (STREAM: 4 .. 1000000)", size);
    cmd.AddValue("interval",
                 "Time between records, 0 .. 1 s (0: as fast as the socket accepts them)",
                 interval);
    cmd.AddValue("tolerance", "Link tolerance, 50 ms .. 30 s", tolerance);
    cmd.AddValue("rate", "CSMA data rate of both segments", rate);
    cmd.AddValue("delay", "CSMA propagation delay, 0 .. 1 ms", delay);
    cmd.AddValue("duration", "Simulated time, 4 s .. 600 s", duration);
    cmd.AddValue("output",
                 "Result CSV (relative to the working directory; - for stdout only)",
                 output);
    cmd.Parse(argc, argv);

    if (duration < Seconds(4) || duration > Seconds(600))
    {
        NS_FATAL_ERROR("--duration=" << duration.As(Time::S) << " outside 4 s .. 600 s");
    }
    if (failAt < Seconds(2.5) || failAt > duration - Seconds(1))
    {
        NS_FATAL_ERROR("--failAt=" << failAt.As(Time::S) << " outside 2.5 s .. duration - 1 s ("
                                   << (duration - Seconds(1)).As(Time::S) << ")");
    }
    if (failBearer != "active" && failBearer != "0" && failBearer != "1")
    {
        NS_FATAL_ERROR("--failBearer=" << failBearer << ": use active, 0 or 1");
    }
    if (failMode != "cut" && failMode != "disable")
    {
        NS_FATAL_ERROR("--failMode=" << failMode << ": use cut or disable");
    }
    uint32_t prio[2] = {0, 0};
    {
        std::istringstream ss(priorities);
        char comma = 0;
        int64_t p0 = -1;
        int64_t p1 = -1;
        if (!(ss >> p0 >> comma >> p1) || comma != ',' || !ss.eof() || p0 < 0 || p0 > 31 ||
            p1 < 0 || p1 > 31)
        {
            NS_FATAL_ERROR("--priorities=" << priorities
                                           << ": two comma-separated values, each 0 .. 31");
        }
        prio[0] = static_cast<uint32_t>(p0);
        prio[1] = static_cast<uint32_t>(p1);
    }
    TipcSocketType type = TipcSocketType::STREAM;
    if (socketType == "SEQPACKET")
    {
        type = TipcSocketType::SEQPACKET;
    }
    else if (socketType == "RDM")
    {
        type = TipcSocketType::RDM;
    }
    else if (socketType != "STREAM")
    {
        NS_FATAL_ERROR("--socketType=" << socketType << ": use STREAM, SEQPACKET or RDM");
    }
    const uint32_t maxSize = type == TipcSocketType::STREAM ? 1000000 : 66000;
    if (size < 4 || size > maxSize)
    {
        NS_FATAL_ERROR("--size=" << size << " outside 4 .. " << maxSize << " for " << socketType);
    }
    if (interval.IsStrictlyNegative() || interval > Seconds(1))
    {
        NS_FATAL_ERROR("--interval=" << interval.As(Time::MS) << " outside 0 .. 1 s");
    }
    if (tolerance < MilliSeconds(50) || tolerance > Seconds(30))
    {
        NS_FATAL_ERROR("--tolerance=" << tolerance.As(Time::MS) << " outside 50 ms .. 30 s");
    }
    if (delay.IsStrictlyNegative() || delay > MilliSeconds(1))
    {
        NS_FATAL_ERROR("--delay=" << delay.As(Time::US) << " outside 0 .. 1 ms");
    }

    NodeContainer nodes;
    nodes.Create(2);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(rate));
    csma.SetChannelAttribute("Delay", TimeValue(delay));
    csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
    std::vector<NetDeviceContainer> segments;
    for (uint32_t b = 0; b < 2; ++b)
    {
        segments.push_back(csma.Install(nodes));
    }

    TipcHelper tipc;
    tipc.Install(nodes);
    TipcHelper::SetNodeIdentity(nodes.Get(0), "sender");
    TipcHelper::SetNodeIdentity(nodes.Get(1), "receiver");
    for (uint32_t b = 0; b < 2; ++b)
    {
        tipc.SetBearerAttributes("Tolerance",
                                 TimeValue(tolerance),
                                 "Priority",
                                 UintegerValue(prio[b]));
        tipc.AddEthBearer(segments[b].Get(0), "eth" + std::to_string(b));
        tipc.AddEthBearer(segments[b].Get(1), "eth" + std::to_string(b));
    }
    int64_t stream = 1;
    stream += tipc.AssignStreams(nodes, stream);
    for (const auto& seg : segments)
    {
        stream += csma.AssignStreams(seg, stream);
    }
    Ptr<TipcStack> s0 = TipcHelper::GetStack(nodes.Get(0));
    Ptr<TipcStack> s1 = TipcHelper::GetStack(nodes.Get(1));

    // receiver: service {1000, 1} on node 1
    Receiver rx;
    rx.size = size;
    const bool byteStream = type == TipcSocketType::STREAM;
    Ptr<TipcSocket> listener = nodes.Get(1)->GetObject<TipcSocketFactory>()->CreateSocket(type);
    std::vector<Ptr<Socket>> accepted;
    Simulator::Schedule(Seconds(0.5), [&]() {
        if (listener->Bind(TipcAddress::ServiceRange(1000, 1, 1)) != 0)
        {
            NS_FATAL_ERROR(
                "tipc-failover: bind failed: " << TipcErrnoName(listener->GetTipcErrno()));
        }
        if (type == TipcSocketType::RDM)
        {
            listener->SetRecvCallback(
                Callback<void, Ptr<Socket>>([&](Ptr<Socket> s) { rx.Read(s, false); }));
            return;
        }
        listener->Listen();
        listener->SetAcceptCallback(
            MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
            Callback<void, Ptr<Socket>, const Address&>([&](Ptr<Socket> s, const Address&) {
                accepted.push_back(s);
                s->SetRecvCallback(
                    Callback<void, Ptr<Socket>>([&](Ptr<Socket> c) { rx.Read(c, byteStream); }));
            }));
    });

    // sender on node 0
    const Time start = Seconds(2);
    const Time stopSending = duration - Seconds(1);
    Sender tx;
    tx.type = type;
    tx.size = size;
    tx.socket = nodes.Get(0)->GetObject<TipcSocketFactory>()->CreateSocket(type);
    tx.socket->SetSendCallback(
        Callback<void, Ptr<Socket>, uint32_t>([&](Ptr<Socket>, uint32_t) { tx.Flush(); }));
    std::function<void()> tick = [&]() {
        if (Simulator::Now() >= stopSending)
        {
            return;
        }
        if (interval.IsZero())
        {
            // greedy: keep one record waiting for the socket
            if (tx.queued == 0)
            {
                ++tx.queued;
            }
            tx.Flush();
            if (tx.queued == 0)
            {
                Simulator::ScheduleNow(tick);
            }
            return;
        }
        ++tx.queued;
        tx.Flush();
        Simulator::Schedule(interval, tick);
    };
    if (interval.IsZero())
    {
        // the send callback refills the socket in greedy mode
        tx.socket->SetSendCallback(Callback<void, Ptr<Socket>, uint32_t>(
            [&](Ptr<Socket>, uint32_t) { Simulator::ScheduleNow(tick); }));
    }
    Simulator::Schedule(start, [&]() {
        if (type == TipcSocketType::RDM)
        {
            tx.ready = true;
            tick();
            return;
        }
        tx.socket->SetConnectCallback(
            Callback<void, Ptr<Socket>>([&](Ptr<Socket>) {
                Progress() << "connected" << std::endl;
                tx.ready = true;
                tick();
            }),
            Callback<void, Ptr<Socket>>([&](Ptr<Socket>) {
                NS_FATAL_ERROR(
                    "tipc-failover: connect failed: " << TipcErrnoName(tx.socket->GetTipcErrno()));
            }));
        if (tx.socket->Connect(TipcAddress::Service(1000, 1)) != 0)
        {
            NS_FATAL_ERROR("tipc-failover: connect failed at once: "
                           << TipcErrnoName(tx.socket->GetTipcErrno()));
        }
    });

    // the failure
    int32_t failed = failBearer == "active" ? -1 : std::stoi(failBearer);
    Simulator::Schedule(failAt, [&]() {
        if (failed < 0)
        {
            Ptr<TipcPeer> peer = s0->GetPeer(s1->GetOwnAddress());
            failed = peer ? peer->GetActiveLink(tx.socket->GetPortId() & 1) : 0;
        }
        Progress() << "bearer " << failed << " fails (" << failMode << ")" << std::endl;
        if (failMode == "cut")
        {
            for (uint32_t n = 0; n < 2; ++n)
            {
                Ptr<CsmaNetDevice> d = DynamicCast<CsmaNetDevice>(segments[failed].Get(n));
                d->SetSendEnable(false);
                d->SetReceiveEnable(false);
            }
        }
        else
        {
            s0->DisableBearer(failed);
        }
    });
    Time downAt[2] = {Seconds(-1), Seconds(-1)};
    uint32_t nodeDowns = 0;
    for (uint32_t n = 0; n < 2; ++n)
    {
        Ptr<TipcStack> s = TipcHelper::GetStack(nodes.Get(n));
        s->TraceConnectWithoutContext(
            "LinkDown",
            Callback<void, const std::string&, uint32_t, uint32_t>(
                [&, n](const std::string& link, uint32_t, uint32_t bearer) {
                    if (Simulator::Now() >= failAt && static_cast<int32_t>(bearer) == failed &&
                        downAt[n].IsStrictlyNegative())
                    {
                        downAt[n] = Simulator::Now();
                        Progress() << "node " << n << ": link " << link << " down" << std::endl;
                    }
                }));
        s->TraceConnectWithoutContext("NodeDown",
                                      Callback<void, uint32_t>([&](uint32_t) { ++nodeDowns; }));
    }

    Simulator::Stop(duration);
    Simulator::Run();

    // outage: the longest gap between deliveries that ends after the failure
    Time outage = Seconds(0);
    Time gapBefore = Seconds(0);
    bool after = false;
    for (size_t k = 1; k < rx.times.size(); ++k)
    {
        Time gap = rx.times[k] - rx.times[k - 1];
        if (rx.times[k] > failAt)
        {
            after = true;
            outage = std::max(outage, gap);
        }
        else
        {
            gapBefore = std::max(gapBefore, gap);
        }
    }
    if (!after && !rx.times.empty())
    {
        outage = duration - rx.times.back(); // nothing arrived after the failure
    }
    uint32_t lost = 0;
    for (uint32_t seq = 0; seq < tx.accepted; ++seq)
    {
        lost += seq < rx.seen.size() && rx.seen[seq] ? 0 : 1;
    }
    bool detected = !downAt[0].IsStrictlyNegative() && !downAt[1].IsStrictlyNegative();
    Time linkDown = detected ? std::max(downAt[0], downAt[1]) - failAt : Seconds(0);
    auto ms = [](Time t) { return TipcCsvWriter::Num(t.GetNanoSeconds() / 1e6); };

    TipcCsvWriter csv(output,
                      {"fail_at_s",
                       "failed_bearer",
                       "fail_mode",
                       "socket",
                       "outage_ms",
                       "gap_before_ms",
                       "link_down_after_ms",
                       "sent",
                       "delivered",
                       "lost",
                       "duplicated",
                       "reordered"});
    csv.Row({TipcCsvWriter::Num(failAt.GetSeconds()),
             std::to_string(failed),
             failMode,
             socketType,
             ms(outage),
             ms(gapBefore),
             detected ? ms(linkDown) : "",
             std::to_string(tx.accepted),
             std::to_string(rx.delivered),
             std::to_string(lost),
             std::to_string(rx.duplicated),
             std::to_string(rx.reordered)});
    bool ok = tx.accepted > 0 && lost == 0 && rx.duplicated == 0 && rx.reordered == 0 &&
              rx.delivered == tx.accepted && detected && nodeDowns == 0 && !tx.broken;
    if (!ok)
    {
        std::cerr << "tipc-failover: sanity check failed: " << tx.accepted << " sent, "
                  << rx.delivered << " delivered, " << lost << " lost, " << rx.duplicated
                  << " duplicated, " << rx.reordered << " reordered, link down "
                  << (detected ? "detected" : "not detected") << ", " << nodeDowns
                  << " node-down events" << (tx.broken ? ", sender broken" : "") << std::endl;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
