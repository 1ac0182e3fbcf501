// SPDX-License-Identifier: GPL-2.0-only
//
// Reliable link transfer (reference sections 5-6): in order, exactly once,
// byte-identical, over loss, bursts, reordering, duplication and corruption;
// the exact NACK/retransmission reaction; failover between two bearers;
// link statistics against the pcap; the tshark check of a lossy capture.

#include "tipc-link-harness.h"
#include "tipc-test-utils.h"

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/tipc-peer.h"
#include "ns3/uinteger.h"

#include <cstdlib>
#include <fstream>
#include <map>

using namespace ns3;
using namespace ns3::tipc;
using namespace ns3::tipctest;

namespace
{
/// The kinds of impairment the transfer test runs under.
enum class Impairment
{
    NONE,
    LOSS,
    BURST,
    REORDER,
    DUPLICATE,
    CORRUPT,
};

std::string
ImpairmentName(Impairment i, double p)
{
    std::ostringstream os;
    switch (i)
    {
    case Impairment::NONE:
        return "no impairment";
    case Impairment::LOSS:
        os << "random loss " << p * 100 << "%";
        break;
    case Impairment::BURST:
        os << "burst loss " << p * 100 << "%";
        break;
    case Impairment::REORDER:
        os << "reordering " << p * 100 << "%";
        break;
    case Impairment::DUPLICATE:
        os << "duplication " << p * 100 << "%";
        break;
    case Impairment::CORRUPT:
        os << "bit errors " << p;
        break;
    }
    return os.str();
}
} // namespace

/**
 * @ingroup tipc-tests
 * @brief 10 000 messages of 1 B .. 66 000 B arrive complete, in order,
 *        exactly once and byte-identical, in both directions, under one kind
 *        of impairment.
 */
class TipcTransferTestCase : public TipcLinkHarness
{
  public:
    /**
     * @brief Constructor.
     * @param imp the impairment
     * @param p its parameter (probability, or bit error rate)
     * @param messages messages per direction
     */
    TipcTransferTestCase(Impairment imp, double p, uint32_t messages)
        : TipcLinkHarness("10 000-message stream under " + ImpairmentName(imp, p)),
          m_imp(imp),
          m_p(p),
          m_messages(messages)
    {
    }

  private:
    Time GetStopTime() const override
    {
        return Seconds(120);
    }

    Ptr<ErrorModel> CreateErrorModel(uint32_t, uint32_t) override
    {
        switch (m_imp)
        {
        case Impairment::LOSS: {
            auto em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(m_p);
            em->AssignStreams(m_stream++);
            return em;
        }
        case Impairment::BURST: {
            auto em = CreateObject<BurstErrorModel>();
            em->SetBurstRate(m_p);
            em->AssignStreams(m_stream);
            m_stream += 2;
            return em;
        }
        case Impairment::CORRUPT: {
            auto em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_BIT);
            em->SetRate(m_p);
            em->AssignStreams(m_stream++);
            return em;
        }
        default:
            return nullptr;
        }
    }

    void ConfigureProperties() override
    {
        for (uint32_t n = 0; n < 2; ++n)
        {
            Ptr<TipcBearer> b = Stack(n)->GetBearer(0);
            if (m_imp == Impairment::REORDER)
            {
                b->SetAttribute("TxReorderProbability", DoubleValue(m_p));
                b->SetAttribute("TxReorderDelay", TimeValue(MicroSeconds(60)));
            }
            if (m_imp == Impairment::DUPLICATE)
            {
                b->SetAttribute("TxDuplicateProbability", DoubleValue(m_p));
            }
        }
        SendMessages(0, MixedSizes(m_messages, 1, TIPC_MAX_USER_MSG_SIZE, 1), Seconds(2));
        SendMessages(1, MixedSizes(m_messages / 4, 1, TIPC_MAX_USER_MSG_SIZE, 2), Seconds(2));
    }

    void FinalChecks() override
    {
        for (uint32_t from = 0; from < 2; ++from)
        {
            const StreamStats& s = Stream(from);
            NS_TEST_EXPECT_MSG_EQ(s.errors, 0U, "out-of-order, duplicate or corrupt deliveries");
            NS_TEST_EXPECT_MSG_EQ(s.delivered, s.queued, "messages lost from node " << from);
            NS_TEST_EXPECT_MSG_EQ(Link(from, 0)->IsUp(), true, "link went down");
        }
        const StreamStats& s = Stream(0);
        Ptr<TipcLink> l = Link(0, 0);
        double secs = (s.lastDelivery - s.firstSend).GetSeconds();
        std::cout << "  " << ImpairmentName(m_imp, m_p) << ": " << s.delivered << " msgs, "
                  << s.bytes / 1e6 << " MB in " << secs << " s ("
                  << (secs > 0 ? s.bytes * 8 / secs / 1e6 : 0) << " Mb/s), retransmitted "
                  << l->GetStats().retransmitted << ", NACKs received " << l->GetStats().recvNacks
                  << ", bundles " << l->GetStats().sentBundles << ", congestions " << s.congestions
                  << ", window " << l->GetWindow() << ", device queue drops " << m_queueDrops
                  << std::endl;
    }

    Impairment m_imp;     //!< impairment kind
    double m_p;           //!< its parameter
    uint32_t m_messages;  //!< messages from node 0
    int64_t m_stream{50}; //!< next random stream
};

/**
 * @ingroup tipc-tests
 * @brief One data packet is lost: the receiver NACKs with the right gap, the
 *        sender retransmits that packet exactly once, nothing else is
 *        retransmitted, everything is delivered in order.
 */
class TipcNackTestCase : public TipcLinkHarness
{
  public:
    /**
     * @brief Constructor.
     * @param spacing time between messages (the retransmission hold-off is one jiffy)
     */
    explicit TipcNackTestCase(Time spacing)
        : TipcLinkHarness("A lost packet: NACK with the right gap, one retransmission (spacing " +
                          std::to_string(spacing.GetMicroSeconds()) + " us)"),
          m_spacing(spacing)
    {
    }

  private:
    Time GetStopTime() const override
    {
        return Seconds(6);
    }

    Ptr<ErrorModel> CreateErrorModel(uint32_t, uint32_t rxNode) override
    {
        if (rxNode != 1)
        {
            return nullptr;
        }
        auto em = CreateObject<TipcSelectiveErrorModel>();
        em->SetPredicate([this](const TipcHeader& h) {
            // the first transmission of data packet m_lost (link seqno)
            if (h.IsData() && h.GetSeqno() == m_lost && !m_dropped)
            {
                m_dropped = true;
                m_dropTime = Simulator::Now();
                return true;
            }
            return false;
        });
        return em;
    }

    void ConfigureProperties() override
    {
        for (uint32_t i = 0; i < m_count; ++i)
        {
            Simulator::Schedule(Seconds(2) + m_spacing * i,
                                [this]() { SendMessages(0, {100}, Seconds(0)); });
        }
    }

    void LinkTx(uint32_t node, uint32_t, const TipcHeader& h, Ptr<const Packet>) override
    {
        if (node == 1 && h.GetUser() == LINK_PROTOCOL && h.GetType() == STATE_MSG &&
            h.GetSeqGap() != 0)
        {
            m_nacks.push_back({Simulator::Now(), h.GetSeqGap(), h.IsProbe() || h.IsKeepalive()});
        }
    }

    void Retransmit(uint32_t node, uint32_t, uint16_t seqno, uint16_t) override
    {
        if (node == 0)
        {
            m_retransmitted.push_back(seqno);
            m_retransmitTime = Simulator::Now();
        }
    }

    void FinalChecks() override
    {
        NS_TEST_ASSERT_MSG_EQ(m_dropped, true, "packet was not dropped");
        NS_TEST_EXPECT_MSG_EQ(Stream(0).delivered, m_count, "not all delivered");
        NS_TEST_EXPECT_MSG_EQ(Stream(0).errors, 0U, "delivery errors");
        NS_TEST_ASSERT_MSG_GT(m_nacks.size(), 0U, "no NACK sent");
        // the first NACK: deferred queue length 3, gap = first deferred - rcv_nxt = 1
        NS_TEST_EXPECT_MSG_EQ(m_nacks.front().gap, 1U, "NACK gap");
        NS_TEST_EXPECT_MSG_EQ(m_nacks.front().keepalive, false, "a NACK is not a probe reply");
        NS_TEST_ASSERT_MSG_EQ(m_retransmitted.size(), 1U, "exactly one retransmission");
        NS_TEST_EXPECT_MSG_EQ(m_retransmitted.front(), m_lost, "the lost packet");
        Ptr<TipcLink> a = Link(0, 0);
        Ptr<TipcLink> b = Link(1, 0);
        NS_TEST_EXPECT_MSG_EQ(a->GetStats().retransmitted, 1U, "stats: retransmitted");
        NS_TEST_EXPECT_MSG_EQ(b->GetStats().duplicates, 0U, "stats: no duplicates at the receiver");
        std::cout << "  packet " << m_lost << " lost at " << m_dropTime.As(Time::MS) << "; NACKs:";
        for (const auto& n : m_nacks)
        {
            std::cout << " [" << n.t.As(Time::MS) << " gap " << n.gap
                      << (n.keepalive ? " (probe reply)" : "") << "]";
        }
        std::cout << "; retransmitted at " << m_retransmitTime.As(Time::MS) << std::endl;
        if (m_spacing >= MilliSeconds(2))
        {
            // the first NACK comes more than a jiffy after the loss: immediate retransmission
            NS_TEST_EXPECT_MSG_LT(m_retransmitTime - m_nacks.front().t,
                                  MicroSeconds(100),
                                  "retransmission not triggered by the first NACK");
        }
    }

    /// A STATE carrying a gap sent by the receiver.
    struct Nack
    {
        Time t;         //!< when
        uint32_t gap;   //!< seq_gap
        bool keepalive; //!< probe reply
    };

    Time m_spacing;                        //!< time between messages
    const uint32_t m_count{40};            //!< messages
    const uint16_t m_lost{10};             //!< seqno to lose
    bool m_dropped{false};                 //!< loss happened
    Time m_dropTime;                       //!< when
    std::vector<Nack> m_nacks;             //!< NACKs seen
    std::vector<uint16_t> m_retransmitted; //!< retransmitted seqnos
    Time m_retransmitTime;                 //!< last retransmission
};

/**
 * @ingroup tipc-tests
 * @brief Two bearers; the link carrying a stream fails mid-stream: the
 *        stream continues over the other link without loss, duplication or
 *        reordering; the outage seen by the application is bounded by the
 *        supervision time.
 */
class TipcFailoverTestCase : public TipcLinkHarness
{
  public:
    TipcFailoverTestCase()
        : TipcLinkHarness("Failover: a stream survives the loss of its link")
    {
    }

  private:
    uint32_t GetNBearers() const override
    {
        return 2;
    }

    Time GetStopTime() const override
    {
        return Seconds(40);
    }

    Ptr<ErrorModel> CreateErrorModel(uint32_t bearer, uint32_t) override
    {
        auto em = CreateObject<TipcSelectiveErrorModel>();
        em->SetPredicate([this, bearer](const TipcHeader&) {
            return bearer == m_failBearer && Simulator::Now() >= m_cut;
        });
        return em;
    }

    void ConfigureProperties() override
    {
        m_cut = Seconds(4);
        Simulator::Schedule(m_cut - MicroSeconds(1), [this]() {
            // fail the link the stream uses: active slot of the sender's port selector
            Ptr<TipcPeer> p = Stack(0)->GetPeer(Stack(1)->GetOwnAddress());
            m_failBearer = static_cast<uint32_t>(p->GetActiveLink(1000 & 1));
        });
        // a stream long enough to run across the failure (~14 s at 20 Mb/s)
        std::vector<uint32_t> sizes = MixedSizes(6000, 1, 60000, 3);
        SendMessages(0, sizes, Seconds(2));
        for (uint32_t n = 0; n < 2; ++n)
        {
            Stack(n)->TraceConnectWithoutContext(
                "NodeDown",
                Callback<void, uint32_t>([this](uint32_t) { ++m_nodeDowns; }));
        }
    }

    DataRate GetDataRate() const override
    {
        return DataRate("20Mbps");
    }

    void FinalChecks() override
    {
        const StreamStats& s = Stream(0);
        NS_TEST_EXPECT_MSG_EQ(m_nodeDowns, 0U, "node went down");
        NS_TEST_EXPECT_MSG_EQ(s.errors, 0U, "lost, duplicated or reordered messages");
        NS_TEST_EXPECT_MSG_EQ(s.delivered, s.queued, "not all messages delivered");
        NS_TEST_EXPECT_MSG_GT(s.lastDelivery, m_cut + Seconds(3), "stream ended before the cut");
        Ptr<TipcLink> failed = Link(0, m_failBearer);
        std::cout << "  stream on bearer " << m_failBearer << " cut at " << m_cut.As(Time::S)
                  << ": " << s.delivered << " messages, outage seen by the application "
                  << s.maxGap.As(Time::MS) << ", failed link now "
                  << TipcLinkFsm::StateName(failed->GetState()) << std::endl;
        // the outage is the supervision time: at most (abort limit + 2) intervals = 2.25 s
        NS_TEST_EXPECT_MSG_LT(s.maxGap, MilliSeconds(2250 + 100), "outage longer than supervision");
    }

    Time m_cut;                //!< failure time
    uint32_t m_failBearer{99}; //!< bearer that fails
    uint32_t m_nodeDowns{0};   //!< node-down events
};

/**
 * @ingroup tipc-tests
 * @brief `tipc link stat`-style counters agree with what the pcap shows, on a
 *        lossy link; and tshark reassembles the fragments of that capture.
 */
class TipcStatsVsPcapTestCase : public TipcLinkHarness
{
  public:
    TipcStatsVsPcapTestCase()
        : TipcLinkHarness("Link statistics match the pcap of a lossy run, tshark decodes it")
    {
    }

  private:
    Time GetStopTime() const override
    {
        return Seconds(20);
    }

    Ptr<ErrorModel> CreateErrorModel(uint32_t, uint32_t) override
    {
        auto em = CreateObject<RateErrorModel>();
        em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        em->SetRate(0.01);
        em->AssignStreams(m_stream++);
        return em;
    }

    void ConfigureProperties() override
    {
        m_prefix = CreateTempDirFilename("stats");
        Mac48Address::ConvertFrom(Device(0, 0)->GetAddress()).CopyTo(m_macA);
        m_csma[0].EnablePcap(m_prefix, Device(0, 0), true);
        m_csma[0].EnablePcap(m_prefix, Device(1, 0), true);
        SendMessages(0, MixedSizes(1500, 1, 20000, 5), Seconds(2));
    }

    void FinalChecks() override
    {
        NS_TEST_EXPECT_MSG_EQ(Stream(0).delivered, Stream(0).queued, "messages lost");
        m_statsA = Link(0, 0)->GetStats();
        m_done = true;
    }

    void DoTeardown() override
    {
        if (!m_done)
        {
            return;
        }
        // pcap files are complete now: count what node A sent and node B received
        std::map<std::string, uint64_t> tx;
        std::map<uint16_t, int> dataSeen;
        std::map<uint16_t, int> fragSeen;
        for (const auto& c : ReadTipcFrames(m_prefix + "-0-0.pcap", 4))
        {
            TipcHeader h;
            if (!std::equal(c.srcMac, c.srcMac + 6, m_macA) ||
                TipcHeader::Decode(c.bytes.data(), static_cast<uint32_t>(c.bytes.size()), h) !=
                    TipcDecodeError::NONE)
            {
                continue; // not sent by node A
            }
            if (h.GetUser() == LINK_PROTOCOL && h.GetType() == STATE_MSG)
            {
                ++tx["states"];
                tx["probes"] += h.IsProbe();
                tx["nacks"] += h.GetSeqGap() != 0;
            }
            else if (!h.IsNonSeq() && h.GetUser() != LINK_PROTOCOL)
            {
                // sequenced packets: first transmissions and retransmissions
                ++tx["sequenced"];
                ++dataSeen[h.GetSeqno()];
                if (h.GetUser() == MSG_FRAGMENTER)
                {
                    ++fragSeen[h.GetSeqno()];
                }
                tx["bundles"] += h.GetUser() == MSG_BUNDLER;
            }
        }
        uint64_t retransmissions = 0;
        for (const auto& [seq, n] : dataSeen)
        {
            retransmissions += n - 1;
        }
        std::cout << "  node A (pcap / counters): sequenced packets " << tx["sequenced"] << " / "
                  << m_statsA.sentPkts + m_statsA.retransmitted << ", distinct " << dataSeen.size()
                  << " / " << m_statsA.sentPkts << ", retransmissions " << retransmissions << " / "
                  << m_statsA.retransmitted << ", STATE " << tx["states"] << " / "
                  << m_statsA.sentStates << ", probes " << tx["probes"] << " / "
                  << m_statsA.sentProbes << ", NACKs " << tx["nacks"] << " / " << m_statsA.sentNacks
                  << ", fragments " << fragSeen.size() << " / " << m_statsA.sentFragments
                  << ", bundles " << tx["bundles"] << " / " << m_statsA.sentBundles << std::endl;
        NS_TEST_EXPECT_MSG_EQ(tx["sequenced"],
                              m_statsA.sentPkts + m_statsA.retransmitted,
                              "TX packets");
        NS_TEST_EXPECT_MSG_EQ(dataSeen.size(), m_statsA.sentPkts, "distinct sequenced packets");
        NS_TEST_EXPECT_MSG_EQ(retransmissions, m_statsA.retransmitted, "TX dups (retransmitted)");
        NS_TEST_EXPECT_MSG_EQ(tx["states"], m_statsA.sentStates, "TX states");
        NS_TEST_EXPECT_MSG_EQ(tx["probes"], m_statsA.sentProbes, "TX probes");
        NS_TEST_EXPECT_MSG_EQ(tx["nacks"], m_statsA.sentNacks, "TX naks");
        NS_TEST_EXPECT_MSG_EQ(fragSeen.size(), m_statsA.sentFragments, "TX fragments");
        NS_TEST_EXPECT_MSG_GT(m_statsA.retransmitted, 0U, "a lossy run retransmits");

        // Wireshark decodes every frame of the lossy capture.  Its reassembly is
        // keyed on fragment_msg_number, which Linux leaves 0, so retransmitted
        // fragments cannot be reassembled by it: check with defragmentation off
        // (lossless captures are checked with reassembly by TipcFragmentPcapTestCase).
        if (std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            std::cout << "  tshark not installed: dissector check skipped" << std::endl;
            return;
        }
        std::string checker = SharedDir() + "/tools/tshark-tipc-check.py";
        std::string out = m_prefix + "-tshark.txt";
        std::string cmd = "python3 '" + checker + "' --strict -o tipc.defragment:FALSE '" +
                          m_prefix + "-1-0.pcap' > '" + out + "' 2>&1";
        NS_TEST_EXPECT_MSG_EQ(std::system(cmd.c_str()), 0, "tshark-tipc-check failed; see " << out);
    }

    std::string m_prefix;   //!< pcap prefix
    TipcLinkStats m_statsA; //!< node A counters
    bool m_done{false};     //!< simulation finished
    uint8_t m_macA[6]{};    //!< node A's MAC
    int64_t m_stream{80};   //!< random streams
};

/**
 * @ingroup tipc-tests
 * @brief Fragmented messages on a clean link: Wireshark reassembles every one
 *        of them (tshark check in strict mode, reassembly enabled).
 */
class TipcFragmentPcapTestCase : public TipcLinkHarness
{
  public:
    TipcFragmentPcapTestCase()
        : TipcLinkHarness("Wireshark reassembles the fragments of a clean capture")
    {
    }

  private:
    Time GetStopTime() const override
    {
        return Seconds(5);
    }

    std::string GetQueueSize() const override
    {
        return "10000p"; // larger than the maximum window: no queue drops, no retransmissions
    }

    void ConfigureProperties() override
    {
        m_prefix = CreateTempDirFilename("frag");
        m_csma[0].EnablePcap(m_prefix, Device(1, 0), false);
        SendMessages(0, MixedSizes(300, 1000, TIPC_MAX_USER_MSG_SIZE, 9), Seconds(2));
    }

    void FinalChecks() override
    {
        NS_TEST_EXPECT_MSG_EQ(Stream(0).delivered, Stream(0).queued, "messages lost");
        NS_TEST_EXPECT_MSG_EQ(Link(0, 0)->GetStats().retransmitted, 0U, "clean link retransmitted");
        m_done = true;
    }

    void DoTeardown() override
    {
        if (!m_done || std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            return;
        }
        std::string checker = SharedDir() + "/tools/tshark-tipc-check.py";
        std::string out = m_prefix + "-tshark.txt";
        std::string cmd =
            "python3 '" + checker + "' --strict '" + m_prefix + "-1-0.pcap' > '" + out + "' 2>&1";
        NS_TEST_EXPECT_MSG_EQ(std::system(cmd.c_str()), 0, "tshark-tipc-check failed; see " << out);
        std::ifstream f(out);
        std::string line;
        bool clean = false;
        uint32_t seen = 0;
        while (std::getline(f, line))
        {
            clean = clean || line.find("reassembly problems: 0") != std::string::npos;
            seen += line.find("TIPC messages seen by tshark") != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(clean, true, "reassembly problems; see " << out);
        NS_TEST_EXPECT_MSG_EQ(seen, 1U, "checker output; see " << out);
    }

    std::string m_prefix; //!< pcap prefix
    bool m_done{false};   //!< simulation finished
};

/**
 * @ingroup tipc-tests
 * @brief Node-internal delivery: a message to the own node bypasses links
 *        and is never fragmented, whatever its size.
 */
class TipcNodeLocalTestCase : public TestCase
{
  public:
    TipcNodeLocalTestCase()
        : TestCase("Node-internal messages bypass links")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        TipcHelper tipc;
        Ptr<TipcStack> s = tipc.Install(node);
        s->SetAttribute("NodeAddress", UintegerValue(0x1001001));
        std::vector<Ptr<TipcMsg>> got;
        s->RegisterPort(7, TipcStack::PortHandler([&](Ptr<TipcMsg> m, uint32_t) {
                            got.push_back(m);
                        }));
        Simulator::Schedule(Seconds(1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(s->GetMtu(s->GetOwnAddress(), 0, true),
                                  MAX_MSG_SIZE,
                                  "local MTU");
            TipcHeader h;
            h.Init(s->GetOwnAddress(), 0, TIPC_DIRECT_MSG, BASIC_H_SIZE, s->GetOwnAddress());
            h.SetDestPort(7);
            std::vector<uint8_t> d(TIPC_MAX_USER_MSG_SIZE, 0x5a);
            auto list = TipcMsg::Build(h,
                                       Create<Packet>(d.data(), static_cast<uint32_t>(d.size())),
                                       s->GetMtu(s->GetOwnAddress(), 0, true));
            NS_TEST_EXPECT_MSG_EQ(list.size(), 1U, "a local message is not fragmented");
            NS_TEST_EXPECT_MSG_EQ((s->Xmit(list, s->GetOwnAddress(), 0) == TipcXmitResult::OK),
                                  true,
                                  "local xmit");
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(got.size(), 1U, "message not delivered");
        NS_TEST_EXPECT_MSG_EQ(got[0]->data->GetSize(), TIPC_MAX_USER_MSG_SIZE, "size");
        Simulator::Destroy();
    }
};

/**
 * @ingroup tipc-tests
 * @brief Link transfer test suite.
 */
class TipcTransferTestSuite : public TestSuite
{
  public:
    TipcTransferTestSuite()
        : TestSuite("tipc-transfer", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new TipcNodeLocalTestCase);
        AddTestCase(new TipcNackTestCase(MicroSeconds(10)));
        AddTestCase(new TipcNackTestCase(MilliSeconds(3)));
        AddTestCase(new TipcTransferTestCase(Impairment::NONE, 0, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::LOSS, 0.001, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::LOSS, 0.01, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::LOSS, 0.1, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::BURST, 0.01, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::REORDER, 0.05, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::DUPLICATE, 0.05, 10000));
        AddTestCase(new TipcTransferTestCase(Impairment::CORRUPT, 1e-6, 10000));
        AddTestCase(new TipcFailoverTestCase);
        AddTestCase(new TipcStatsVsPcapTestCase);
        AddTestCase(new TipcFragmentPcapTestCase);
    }
};

static TipcTransferTestSuite g_tipcTransferTestSuite; //!< registers the suite
