// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-pubsub: service publication and topology subscription across a small
// cluster, and how long each change takes to reach a subscriber.
//
//   node0 (subscriber)   node1    node2    node3
//     |                    |        |        |
//   ==+====================+========+========+==  CSMA 1 Gb/s
//
// Node 0 runs a TipcTopologySubscriber: it connects to its own topology
// server and subscribes to service type 2000, all instances (--filter PORTS:
// an event per binding; SERVICE: first and last binding of each range).
// Node i (1..3) runs a TipcServicePublisher that binds {2000, i} at
// --first + (i-1) x --stagger (cluster scope; the name distributor sends the
// binding to the other nodes).  Nodes 1 and 2 withdraw their binding --hold
// later (the publisher application stops); with --toggle=T they also withdraw
// and bind again every T while they run.  Node 3 keeps its binding, but fails
// at --failAt: its device stops sending and receiving (--failMode=crash), so
// node 0 withdraws node 3's binding itself when it declares the node down
// (link tolerance), or node 3 disables its bearer (--failMode=stop: a RESET
// with peer_stopping, node 0 reacts at once).
//
// Every event the subscriber receives is printed on stderr and written as a
// CSV row: time_s,event,type,lower,upper,node,cause,delay_ms -- node is the
// index of the publishing node, cause the action that produced the event
// (bind, unbind, failure) and delay_ms the time from that action to the event
// at node 0.
//
// Sanity check (exit status 1 if it fails): node 0 sees a PUBLISHED for every
// bind, a WITHDRAWN for every unbind and for node 3's failure, in order, and
// no event is left over.
//
//   ./tipc-pubsub [--first=2.5s] [--stagger=500ms] [--hold=2.5s] [--toggle=0s]
//       [--failAt=6s] [--failMode=crash] [--filter=PORTS] [--tolerance=1500ms]
//       [--duration=9s] [--output=tipc-pubsub.csv]
//   ./tipc-pubsub --toggle=300ms --failMode=stop
//
// A sweep of the withdrawal delay after a crash against the link tolerance:
//
//   scripts/tipc-sweep.py --program build/examples/tipc-pubsub
//       --param tolerance=100ms,500ms,1500ms --runs 3 --dir results/pubsub
//   (rows with cause=failure give the withdrawal delay)

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>
#include <map>
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

/// What a publishing node did last, for the delay of the next event.
struct Action
{
    std::string cause;    //!< bind, unbind or failure
    Time at{Seconds(-1)}; //!< when
};

} // namespace

int
main(int argc, char* argv[])
{
    Time first = Seconds(2.5);
    Time stagger = MilliSeconds(500);
    Time hold = Seconds(2.5);
    Time toggle = Seconds(0);
    Time failAt = Seconds(6);
    std::string failMode = "crash";
    std::string filter = "PORTS";
    Time tolerance = MilliSeconds(1500);
    Time duration = Seconds(9);
    std::string output = "tipc-pubsub.csv";
    CommandLine cmd(__FILE__);
    cmd.AddValue("first", "Node 1 binds {2000, 1} at this time, 0 .. 60 s", first);
    cmd.AddValue("stagger", "Node i binds (i - 1) x STAGGER after node 1, 0 .. 10 s", stagger);
    cmd.AddValue("hold", "Nodes 1 and 2 withdraw their binding this long after binding, > 0", hold);
    cmd.AddValue("toggle",
                 "Nodes 1 and 2 also withdraw and bind again every TOGGLE (0: never); "
                 "0 or 10 ms .. hold",
                 toggle);
    cmd.AddValue("failAt", "Node 3 fails at this time; after its bind, before --duration", failAt);
    cmd.AddValue("failMode",
                 "crash (node 3's device goes silent) or stop (node 3 disables its bearer)",
                 failMode);
    cmd.AddValue("filter", "Subscription filter: PORTS or SERVICE", filter);
    cmd.AddValue("tolerance", "Link tolerance, 50 ms .. 30 s", tolerance);
    cmd.AddValue("duration", "Simulated time, up to 600 s", duration);
    cmd.AddValue("output",
                 "Result CSV (relative to the working directory; - for stdout only)",
                 output);
    cmd.Parse(argc, argv);

    if (first.IsStrictlyNegative() || first > Seconds(60))
    {
        NS_FATAL_ERROR("--first=" << first.As(Time::S) << " outside 0 .. 60 s");
    }
    if (stagger.IsStrictlyNegative() || stagger > Seconds(10))
    {
        NS_FATAL_ERROR("--stagger=" << stagger.As(Time::S) << " outside 0 .. 10 s");
    }
    if (!hold.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("--hold=" << hold.As(Time::S) << " must be > 0");
    }
    if (!toggle.IsZero() && (toggle < MilliSeconds(10) || toggle > hold))
    {
        NS_FATAL_ERROR("--toggle=" << toggle.As(Time::MS) << " outside 0 or 10 ms .. hold ("
                                   << hold.As(Time::MS) << ")");
    }
    if (tolerance < MilliSeconds(50) || tolerance > Seconds(30))
    {
        NS_FATAL_ERROR("--tolerance=" << tolerance.As(Time::MS) << " outside 50 ms .. 30 s");
    }
    if (duration > Seconds(600))
    {
        NS_FATAL_ERROR("--duration=" << duration.As(Time::S) << " outside 0 .. 600 s");
    }
    const Time bind3 = first + stagger * 2;
    if (failAt <= bind3 || failAt >= duration)
    {
        NS_FATAL_ERROR("--failAt=" << failAt.As(Time::S) << " outside (" << bind3.As(Time::S)
                                   << ", " << duration.As(Time::S)
                                   << "): after node 3's bind, before --duration");
    }
    if (failMode != "crash" && failMode != "stop")
    {
        NS_FATAL_ERROR("--failMode=" << failMode << ": use crash or stop");
    }
    if (filter != "PORTS" && filter != "SERVICE")
    {
        NS_FATAL_ERROR("--filter=" << filter << ": use PORTS or SERVICE");
    }

    NodeContainer nodes;
    nodes.Create(4);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NetDeviceContainer devs = csma.Install(nodes);
    TipcHelper tipc;
    tipc.SetBearerAttributes("Tolerance", TimeValue(tolerance));
    tipc.Install(nodes);
    for (uint32_t i = 0; i < 4; ++i)
    {
        TipcHelper::SetNodeIdentity(nodes.Get(i), "node" + std::to_string(i));
    }
    tipc.AddEthBearers(devs);
    int64_t stream = 1;
    stream += tipc.AssignStreams(nodes, stream);
    csma.AssignStreams(devs, stream);

    // the publishers
    std::vector<Action> last(4);
    std::vector<uint32_t> expectPublished(4, 0);
    std::vector<uint32_t> expectWithdrawn(4, 0);
    for (uint32_t i = 1; i <= 3; ++i)
    {
        TipcServicePublisherHelper publisher(2000, i, i);
        if (i < 3)
        {
            publisher.SetAttribute("Toggle", TimeValue(toggle));
        }
        ApplicationContainer app = publisher.Install(nodes.Get(i));
        Time bindAt = first + stagger * (i - 1);
        app.Start(bindAt);
        if (i < 3)
        {
            app.Stop(bindAt + hold);
        }
        Ptr<TipcServicePublisher> p = DynamicCast<TipcServicePublisher>(app.Get(0));
        p->TraceConnectWithoutContext("Bound", Callback<void, bool>([&, i](bool bound) {
                                          last[i] = {bound ? "bind" : "unbind", Simulator::Now()};
                                          ++(bound ? expectPublished : expectWithdrawn)[i];
                                          Progress()
                                              << "node " << i << (bound ? " binds" : " withdraws")
                                              << " {2000, " << i << "}" << std::endl;
                                      }));
    }

    // node 3 fails
    Simulator::Schedule(failAt, [&]() {
        last[3] = {"failure", Simulator::Now()};
        ++expectWithdrawn[3];
        Progress() << "node 3 " << (failMode == "crash" ? "crashes" : "stops its bearer")
                   << std::endl;
        if (failMode == "crash")
        {
            Ptr<CsmaNetDevice> d = DynamicCast<CsmaNetDevice>(devs.Get(3));
            d->SetSendEnable(false);
            d->SetReceiveEnable(false);
        }
        else
        {
            TipcHelper::GetStack(nodes.Get(3))->DisableBearer(0);
        }
    });

    // the subscriber
    TipcTopologySubscriberHelper subscriber(2000, 0, 0xffffffff);
    subscriber.SetAttribute("Filter", StringValue(filter));
    ApplicationContainer subApp = subscriber.Install(nodes.Get(0));
    subApp.Start(Seconds(0.5));

    /// One event as node 0 received it.
    struct Row
    {
        Time at;           //!< arrival time
        TipcEvent ev;      //!< the event
        uint32_t node;     //!< index of the publishing node (99: unknown)
        std::string cause; //!< the publishing node's last action
        Time delay;        //!< from that action to the event (negative: none)
    };

    std::vector<Row> rows;
    std::map<uint32_t, uint32_t> indexOf; // node address -> index
    DynamicCast<TipcTopologySubscriber>(subApp.Get(0))
        ->TraceConnectWithoutContext(
            "Event",
            Callback<void, const TipcEvent&>([&](const TipcEvent& ev) {
                if (indexOf.empty())
                {
                    for (uint32_t i = 0; i < 4; ++i)
                    {
                        indexOf[TipcHelper::GetStack(nodes.Get(i))->GetOwnAddress()] = i;
                    }
                }
                auto it = indexOf.find(ev.port.node);
                uint32_t node = it == indexOf.end() ? 99 : it->second;
                Row r{Simulator::Now(), ev, node, "", Seconds(-1)};
                if (node < 4 && !last[node].at.IsStrictlyNegative())
                {
                    r.cause = last[node].cause;
                    r.delay = Simulator::Now() - last[node].at;
                }
                rows.push_back(r);
                Progress() << "node 0 gets "
                           << (ev.event == tipc::TIPC_PUBLISHED   ? "PUBLISHED"
                               : ev.event == tipc::TIPC_WITHDRAWN ? "WITHDRAWN"
                                                                  : "TIMEOUT")
                           << " {2000, " << ev.foundLower << ", " << ev.foundUpper << "} of node "
                           << node << " (" << r.cause << " + " << std::setprecision(3)
                           << r.delay.GetNanoSeconds() / 1e6 << " ms)" << std::endl;
            }));

    Simulator::Stop(duration);
    Simulator::Run();

    TipcCsvWriter csv(output,
                      {"time_s", "event", "type", "lower", "upper", "node", "cause", "delay_ms"});
    std::vector<uint32_t> published(4, 0);
    std::vector<uint32_t> withdrawn(4, 0);
    bool ok = true;
    for (const auto& r : rows)
    {
        bool pub = r.ev.event == tipc::TIPC_PUBLISHED;
        bool wd = r.ev.event == tipc::TIPC_WITHDRAWN;
        csv.Row({TipcCsvWriter::Num(r.at.GetSeconds(), 9),
                 pub  ? "PUBLISHED"
                 : wd ? "WITHDRAWN"
                      : "TIMEOUT",
                 "2000",
                 std::to_string(r.ev.foundLower),
                 std::to_string(r.ev.foundUpper),
                 r.node < 4 ? std::to_string(r.node) : "",
                 r.cause,
                 r.delay.IsStrictlyNegative()
                     ? ""
                     : TipcCsvWriter::Num(r.delay.GetNanoSeconds() / 1e6)});
        if (r.node >= 4 || (!pub && !wd))
        {
            ok = false;
            continue;
        }
        // events of a node alternate, starting with PUBLISHED
        ok = ok && (pub ? published[r.node] == withdrawn[r.node]
                        : published[r.node] == withdrawn[r.node] + 1);
        ++(pub ? published : withdrawn)[r.node];
    }
    for (uint32_t i = 1; i <= 3; ++i)
    {
        ok = ok && published[i] == expectPublished[i] && withdrawn[i] == expectWithdrawn[i];
    }
    if (!ok)
    {
        std::cerr << "tipc-pubsub: sanity check failed: events (published/withdrawn) per node:";
        for (uint32_t i = 1; i <= 3; ++i)
        {
            std::cerr << " " << i << ": " << published[i] << "/" << withdrawn[i] << " of "
                      << expectPublished[i] << "/" << expectWithdrawn[i];
        }
        std::cerr << std::endl;
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}
