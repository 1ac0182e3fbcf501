// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-stats-collector.h"

#include "host-cpu-model.h"
#include "tipc-bearer.h"
#include "tipc-constants.h"
#include "tipc-header.h"
#include "tipc-link.h"
#include "tipc-peer.h"
#include "tipc-socket.h"
#include "tipc-stack.h"
#include "tipc-timestamp-tag.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcStatsCollector");
NS_OBJECT_ENSURE_REGISTERED(TipcStatsCollector);

namespace
{

/**
 * @brief The `tipc link stat show` counters of a link, by name.
 * @param s the statistics
 * @return name/value pairs
 */
std::vector<std::pair<const char*, uint64_t>>
LinkCounters(const TipcLinkStats& s)
{
    return {{"sent_pkts", s.sentPkts},           {"recv_pkts", s.recvPkts},
            {"sent_fragments", s.sentFragments}, {"sent_fragmented", s.sentFragmented},
            {"recv_fragments", s.recvFragments}, {"recv_fragmented", s.recvFragmented},
            {"sent_bundles", s.sentBundles},     {"sent_bundled", s.sentBundled},
            {"recv_bundles", s.recvBundles},     {"recv_bundled", s.recvBundled},
            {"retransmitted", s.retransmitted},  {"sent_states", s.sentStates},
            {"recv_states", s.recvStates},       {"sent_probes", s.sentProbes},
            {"recv_probes", s.recvProbes},       {"sent_nacks", s.sentNacks},
            {"sent_acks", s.sentAcks},           {"recv_nacks", s.recvNacks},
            {"deferred_recv", s.deferredRecv},   {"duplicates", s.duplicates},
            {"link_congs", s.linkCongs}};
}

/**
 * @brief Print a value for CSV/JSON: integers without a fraction, others
 *        with up to 9 significant digits.
 * @param os output
 * @param v value
 */
void
PrintValue(std::ostream& os, double v)
{
    if (std::isnan(v))
    {
        os << "null";
        return;
    }
    if (v == std::floor(v) && std::fabs(v) < 1e15)
    {
        os << static_cast<int64_t>(v);
        return;
    }
    std::ostringstream s;
    s << std::setprecision(9) << v;
    os << s.str();
}

/**
 * @brief Quote a string for JSON.
 * @param s the string
 * @return the JSON string literal
 */
std::string
JsonString(const std::string& s)
{
    std::string out = "\"";
    for (char c : s)
    {
        if (c == '"' || c == '\\')
        {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

} // namespace

TypeId
TipcStatsCollector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcStatsCollector")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcStatsCollector>()
            .AddAttribute("SampleInterval",
                          "Keep a snapshot of every counter this often (0: only on demand).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&TipcStatsCollector::m_interval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("BinsPerDecade",
                          "Latency histogram resolution: logarithmic bins per factor of ten "
                          "(1 .. 1000).",
                          UintegerValue(20),
                          MakeUintegerAccessor(&TipcStatsCollector::m_binsPerDecade),
                          MakeUintegerChecker<uint32_t>(1, 1000));
    return tid;
}

TipcStatsCollector::TipcStatsCollector()
    : m_interval(Time(0)),
      m_binsPerDecade(20)
{
}

TipcStatsCollector::~TipcStatsCollector() = default;

void
TipcStatsCollector::DoDispose()
{
    m_sampleEvent.Cancel();
    for (auto& [name, h] : m_hosts)
    {
        h.stack = nullptr;
    }
    Object::DoDispose();
}

std::string
TipcStatsCollector::NodeName(Ptr<Node> node)
{
    std::string n = Names::FindName(node);
    return n.empty() ? "node" + std::to_string(node->GetId()) : n;
}

void
TipcStatsCollector::Install(Ptr<Node> node)
{
    Ptr<TipcStack> stack = node->GetObject<TipcStack>();
    if (!stack)
    {
        NS_FATAL_ERROR("TipcStatsHelper: node " << node->GetId()
                                                << " has no TipcStack (install TipcHelper first)");
    }
    std::string name = NodeName(node);
    if (m_hosts.count(name) != 0)
    {
        return;
    }
    HostRecord& host = m_hosts[name];
    host.stack = stack;
    for (uint32_t i = 0; i < stack->GetNBearers(); ++i)
    {
        Ptr<TipcBearer> b = stack->GetBearer(i);
        if (b)
        {
            b->TraceConnectWithoutContext("Tx", MakeBoundCallback(&BearerTx, &host));
            b->TraceConnectWithoutContext("Rx", MakeBoundCallback(&BearerRx, &host));
        }
    }
    stack->TraceConnectWithoutContext("SocketCreated",
                                      MakeBoundCallback(&SocketCreated, this, &host));
    for (const Ptr<TipcSocket>& s : stack->GetSockets())
    {
        WatchSocket(&host, s);
    }
    if (m_interval.IsStrictlyPositive() && !m_sampleEvent.IsRunning())
    {
        ScheduleSample();
    }
}

void
TipcStatsCollector::ScheduleSample()
{
    m_sampleEvent = Simulator::Schedule(m_interval, [this]() {
        Sample();
        ScheduleSample();
    });
}

void
TipcStatsCollector::WatchSocket(HostRecord* host, Ptr<TipcSocket> socket)
{
    std::string key = NodeName(host->stack->GetNode()) + ":" + std::to_string(socket->GetPortId());
    auto [it, fresh] = m_sockets.try_emplace(key, m_binsPerDecade);
    if (!fresh)
    {
        // a port id used again after the old socket closed: keep counting
        NS_LOG_LOGIC("socket " << key << " reused");
    }
    SocketRecord* rec = &it->second;
    socket->SetAttribute("TimestampMessages", BooleanValue(true));
    socket->TraceConnectWithoutContext("Tx", MakeBoundCallback(&SocketTx, this, rec));
    socket->TraceConnectWithoutContext("Rx", MakeBoundCallback(&SocketRx, this, rec));
    socket->TraceConnectWithoutContext("Reject", MakeBoundCallback(&SocketReject, this, rec));
}

void
TipcStatsCollector::SocketCreated(TipcStatsCollector* self,
                                  HostRecord* host,
                                  Ptr<TipcSocket> socket)
{
    self->WatchSocket(host, socket);
}

void
TipcStatsCollector::LearnService(SocketRecord* rec, const TipcHeader& h, bool received)
{
    if (h.GetUser() > tipc::TIPC_CRITICAL_IMPORTANCE)
    {
        return;
    }
    bool named = h.GetType() == tipc::TIPC_NAMED_MSG || h.GetType() == tipc::TIPC_MCAST_MSG;
    std::pair<uint32_t, uint32_t> origin{h.GetOrigNode(), h.GetOrigPort()};
    if (named && h.IsSyn())
    {
        // the connection this SYN opens belongs to the service it was sent to
        m_connService[origin] = h.GetNameType();
    }
    if (rec->serviceType >= 0)
    {
        return;
    }
    if (named)
    {
        rec->serviceType = h.GetNameType();
    }
    else if (received && h.GetType() == tipc::TIPC_CONN_MSG)
    {
        // an accepted socket: its peer's SYN named the service
        auto it = m_connService.find(origin);
        if (it != m_connService.end())
        {
            rec->serviceType = it->second;
        }
    }
}

TipcStatsCollector::Traffic*
TipcStatsCollector::ServiceOf(const SocketRecord* rec)
{
    if (rec->serviceType < 0)
    {
        return nullptr;
    }
    return &m_services.try_emplace(rec->serviceType, m_binsPerDecade).first->second;
}

void
TipcStatsCollector::SocketTx(TipcStatsCollector* self,
                             SocketRecord* rec,
                             const TipcHeader& h,
                             Ptr<const Packet> payload)
{
    self->LearnService(rec, h, false);
    uint32_t bytes = payload ? payload->GetSize() : 0;
    ++rec->traffic.txMsgs;
    rec->traffic.txBytes += bytes;
    if (Traffic* svc = self->ServiceOf(rec))
    {
        ++svc->txMsgs;
        svc->txBytes += bytes;
    }
}

void
TipcStatsCollector::SocketRx(TipcStatsCollector* self,
                             SocketRecord* rec,
                             const TipcHeader& h,
                             Ptr<const Packet> payload)
{
    self->LearnService(rec, h, true);
    Traffic* svc = self->ServiceOf(rec);
    if (h.GetErrorCode() != 0)
    {
        // one of our messages came back rejected (TIPC_ERRINFO): not data
        ++rec->traffic.returned;
        if (svc)
        {
            ++svc->returned;
        }
        return;
    }
    uint32_t bytes = payload ? payload->GetSize() : 0;
    Time sent;
    bool stamped = TipcTimestampTag::FindEarliest(payload, sent);
    for (Traffic* t : {&rec->traffic, svc})
    {
        if (!t)
        {
            continue;
        }
        ++t->rxMsgs;
        t->rxBytes += bytes;
        if (stamped)
        {
            t->latency.Add(Simulator::Now() - sent);
        }
    }
}

void
TipcStatsCollector::SocketReject(TipcStatsCollector* self,
                                 SocketRecord* rec,
                                 const TipcHeader& /* h */,
                                 uint32_t /* error */)
{
    ++rec->traffic.rejected;
    if (Traffic* svc = self->ServiceOf(rec))
    {
        ++svc->rejected;
    }
}

void
TipcStatsCollector::BearerTx(HostRecord* host, Ptr<const Packet> frame, uint32_t /* bearerId */)
{
    ++host->framesTx;
    host->bytesTx += frame->GetSize();
}

void
TipcStatsCollector::BearerRx(HostRecord* host, Ptr<const Packet> frame, uint32_t /* bearerId */)
{
    ++host->framesRx;
    host->bytesRx += frame->GetSize();
}

void
TipcStatsCollector::Reset()
{
    NS_LOG_FUNCTION(this);
    for (auto& [name, h] : m_hosts)
    {
        h.framesTx = h.framesRx = h.bytesTx = h.bytesRx = 0;
        h.dropBase = h.stack->GetDropCounts();
    }
    for (auto& [key, s] : m_sockets)
    {
        s.traffic = Traffic(m_binsPerDecade);
    }
    m_services.clear();
    m_linkBase.clear();
    for (const Row& r : GetSnapshot())
    {
        if (r.scope == "link")
        {
            m_linkBase[r.entity][r.metric] = static_cast<uint64_t>(r.value);
        }
    }
    m_samples.clear();
}

void
TipcStatsCollector::Sample()
{
    std::vector<Row> rows = GetSnapshot();
    m_samples.insert(m_samples.end(), rows.begin(), rows.end());
}

void
TipcStatsCollector::AddTrafficRows(std::vector<Row>& rows,
                                   const std::string& scope,
                                   const std::string& entity,
                                   const Traffic& t) const
{
    double now = Simulator::Now().GetSeconds();
    auto add = [&](const char* metric, double v) {
        rows.push_back({now, scope, entity, metric, v});
    };
    add("tx_msgs", static_cast<double>(t.txMsgs));
    add("tx_bytes", static_cast<double>(t.txBytes));
    add("rx_msgs", static_cast<double>(t.rxMsgs));
    add("rx_bytes", static_cast<double>(t.rxBytes));
    add("returned", static_cast<double>(t.returned));
    add("rejected", static_cast<double>(t.rejected));
    const TipcLatencyHistogram& l = t.latency;
    add("latency_samples", static_cast<double>(l.GetCount()));
    if (l.GetCount() > 0)
    {
        add("latency_mean_us", l.GetMean().GetNanoSeconds() / 1e3);
        add("latency_min_us", l.GetMin().GetNanoSeconds() / 1e3);
        add("latency_p50_us", l.GetPercentile(0.5).GetNanoSeconds() / 1e3);
        add("latency_p99_us", l.GetPercentile(0.99).GetNanoSeconds() / 1e3);
        add("latency_max_us", l.GetMax().GetNanoSeconds() / 1e3);
    }
}

std::vector<TipcStatsCollector::Row>
TipcStatsCollector::GetSnapshot() const
{
    return Collect("", "");
}

std::vector<TipcStatsCollector::Row>
TipcStatsCollector::Collect(const std::string& scope, const std::string& entity) const
{
    std::vector<Row> rows;
    double now = Simulator::Now().GetSeconds();
    auto wanted = [&scope, &entity](const char* sc, const std::string& ent) {
        return (scope.empty() || scope == sc) && (entity.empty() || entity == ent);
    };
    // a link entity is "host/link": only that host's links are looked at
    const std::string linkHost = entity.substr(0, entity.find('/'));
    for (const auto& [name, h] : m_hosts)
    {
        if (!wanted("host", name))
        {
            continue;
        }
        auto add = [&](const std::string& metric, double v) {
            rows.push_back({now, "host", name, metric, v});
        };
        add("frames_tx", static_cast<double>(h.framesTx));
        add("frames_rx", static_cast<double>(h.framesRx));
        add("bytes_tx", static_cast<double>(h.bytesTx));
        add("bytes_rx", static_cast<double>(h.bytesRx));
        for (const auto& [reason, n] : h.stack->GetDropCounts())
        {
            auto base = h.dropBase.find(reason);
            add("drops_" + reason,
                static_cast<double>(n - (base == h.dropBase.end() ? 0 : base->second)));
        }
        add("peers_up", h.stack->GetNUpPeers());
        uint32_t linksUp = 0;
        for (const Ptr<TipcPeer>& p : h.stack->GetPeers())
        {
            for (uint32_t b = 0; b < tipc::MAX_BEARERS; ++b)
            {
                Ptr<TipcLink> l = p->GetLink(b);
                linksUp += (l && l->IsUp()) ? 1 : 0;
            }
        }
        add("links_up", linksUp);
        add("sockets", static_cast<double>(h.stack->GetSockets().size()));
        if (Ptr<HostCpuModel> cpu = HostCpuModel::Find(h.stack->GetNode()))
        {
            for (uint32_t c = 0;; ++c)
            {
                UintegerValue cores;
                cpu->GetAttribute("NumCores", cores);
                if (c >= cores.Get())
                {
                    break;
                }
                add("cpu_util_core" + std::to_string(c), cpu->GetUtilisation(c));
            }
        }
    }
    for (const auto& [name, h] : m_hosts)
    {
        if (!(scope.empty() || scope == "link") || (!entity.empty() && name != linkHost))
        {
            continue;
        }
        std::vector<Ptr<TipcLink>> links;
        for (const Ptr<TipcPeer>& p : h.stack->GetPeers())
        {
            for (uint32_t b = 0; b < tipc::MAX_BEARERS; ++b)
            {
                if (Ptr<TipcLink> l = p->GetLink(b))
                {
                    links.push_back(l);
                }
            }
        }
        if (Ptr<TipcLink> bc = h.stack->GetBcLink())
        {
            links.push_back(bc);
        }
        for (const Ptr<TipcLink>& l : links)
        {
            std::string linkEntity = name + "/" + l->GetName();
            if (!wanted("link", linkEntity))
            {
                continue;
            }
            auto base = m_linkBase.find(linkEntity);
            for (const auto& [metric, v] : LinkCounters(l->GetStats()))
            {
                uint64_t b = 0;
                if (base != m_linkBase.end())
                {
                    auto it = base->second.find(metric);
                    b = it == base->second.end() ? 0 : it->second;
                }
                // a link created again under the same name counts from 0
                rows.push_back(
                    {now, "link", linkEntity, metric, static_cast<double>(v >= b ? v - b : v)});
            }
            rows.push_back({now, "link", linkEntity, "up", l->IsUp() ? 1.0 : 0.0});
            rows.push_back(
                {now, "link", linkEntity, "window", static_cast<double>(l->GetWindow())});
        }
    }
    for (const auto& [key, s] : m_sockets)
    {
        const Traffic& t = s.traffic;
        if (t.txMsgs + t.rxMsgs + t.returned + t.rejected > 0 && // sockets that never
            wanted("socket", key))                               // carried data are left out
        {
            AddTrafficRows(rows, "socket", key, t);
        }
    }
    for (const auto& [type, t] : m_services)
    {
        if (wanted("service", std::to_string(type)))
        {
            AddTrafficRows(rows, "service", std::to_string(type), t);
        }
    }
    // scope, entity, metric order (hosts come first by construction)
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.scope, a.entity) < std::tie(b.scope, b.entity);
    });
    return rows;
}

double
TipcStatsCollector::Get(const std::string& scope,
                        const std::string& entity,
                        const std::string& metric) const
{
    for (const Row& r : Collect(scope, entity))
    {
        if (r.metric == metric)
        {
            return r.value;
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

const TipcLatencyHistogram*
TipcStatsCollector::GetLatency(const std::string& scope, const std::string& entity) const
{
    if (scope == "socket")
    {
        auto it = m_sockets.find(entity);
        return it == m_sockets.end() ? nullptr : &it->second.traffic.latency;
    }
    if (scope == "service")
    {
        for (const auto& [type, t] : m_services)
        {
            if (std::to_string(type) == entity)
            {
                return &t.latency;
            }
        }
    }
    return nullptr;
}

void
TipcStatsCollector::WriteCsv(std::ostream& os) const
{
    os << "time_s,scope,entity,metric,value\n";
    std::vector<Row> rows = m_samples;
    if (rows.empty() || rows.back().time < Simulator::Now().GetSeconds())
    {
        std::vector<Row> now = GetSnapshot();
        rows.insert(rows.end(), now.begin(), now.end());
    }
    for (const Row& r : rows)
    {
        os << std::setprecision(9) << r.time << "," << r.scope << "," << r.entity << "," << r.metric
           << ",";
        PrintValue(os, r.value);
        os << "\n";
    }
}

void
TipcStatsCollector::WriteHistogramCsv(std::ostream& os) const
{
    os << "scope,entity,bin_lower_us,bin_upper_us,count\n";
    auto write =
        [&](const std::string& scope, const std::string& entity, const TipcLatencyHistogram& h) {
            for (const auto& [bin, n] : h.GetBins())
            {
                os << scope << "," << entity << ",";
                PrintValue(os, h.BinLower(bin) / 1e3);
                os << ",";
                PrintValue(os, h.BinLower(bin + 1) / 1e3);
                os << "," << n << "\n";
            }
        };
    for (const auto& [key, s] : m_sockets)
    {
        write("socket", key, s.traffic.latency);
    }
    for (const auto& [type, t] : m_services)
    {
        write("service", std::to_string(type), t.latency);
    }
}

void
TipcStatsCollector::WriteJson(std::ostream& os) const
{
    os << "{\n  \"time_s\": ";
    PrintValue(os, Simulator::Now().GetSeconds());
    std::vector<Row> rows = GetSnapshot();
    std::string scope;
    std::string entity;
    for (const Row& r : rows)
    {
        if (r.scope != scope)
        {
            os << (scope.empty() ? "" : "\n    }\n  }") << ",\n  " << JsonString(r.scope)
               << ": {\n    " << JsonString(r.entity) << ": {";
            scope = r.scope;
            entity = r.entity;
        }
        else if (r.entity != entity)
        {
            os << "\n    },\n    " << JsonString(r.entity) << ": {";
            entity = r.entity;
        }
        else
        {
            os << ",";
        }
        os << "\n      " << JsonString(r.metric) << ": ";
        PrintValue(os, r.value);
    }
    os << (scope.empty() ? "" : "\n    }\n  }") << ",\n  \"latency_histograms\": [";
    bool first = true;
    auto write = [&](const std::string& sc, const std::string& en, const TipcLatencyHistogram& h) {
        if (h.GetCount() == 0)
        {
            return;
        }
        os << (first ? "" : ",") << "\n    {\"scope\": " << JsonString(sc)
           << ", \"entity\": " << JsonString(en) << ", \"bins\": [";
        first = false;
        bool firstBin = true;
        for (const auto& [bin, n] : h.GetBins())
        {
            os << (firstBin ? "" : ", ") << "[";
            firstBin = false;
            PrintValue(os, h.BinLower(bin) / 1e3);
            os << ", ";
            PrintValue(os, h.BinLower(bin + 1) / 1e3);
            os << ", " << n << "]";
        }
        os << "]}";
    };
    for (const auto& [key, s] : m_sockets)
    {
        write("socket", key, s.traffic.latency);
    }
    for (const auto& [type, t] : m_services)
    {
        write("service", std::to_string(type), t.latency);
    }
    os << "\n  ]\n}\n";
}

void
TipcStatsCollector::WriteFile(const std::string& fileName) const
{
    std::ofstream f(fileName);
    if (!f)
    {
        NS_FATAL_ERROR("TipcStatsHelper: cannot write " << fileName);
    }
    auto endsWith = [&](const std::string& suffix) {
        return fileName.size() >= suffix.size() &&
               fileName.compare(fileName.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith(".json"))
    {
        WriteJson(f);
    }
    else if (endsWith("-hist.csv"))
    {
        WriteHistogramCsv(f);
    }
    else
    {
        WriteCsv(f);
    }
}

} // namespace ns3
