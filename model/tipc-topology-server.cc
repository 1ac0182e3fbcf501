// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-topology-server.h"

#include "tipc-socket.h"
#include "tipc-stack.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcTopologyServer");

NS_OBJECT_ENSURE_REGISTERED(TipcTopologyServer);

using namespace tipc;

namespace
{
uint64_t
HandleToU64(const std::array<uint8_t, 8>& h)
{
    uint64_t v = 0;
    for (size_t i = 0; i < h.size(); ++i)
    {
        v |= uint64_t(h[i]) << (8 * i);
    }
    return v;
}
} // namespace

TypeId
TipcTopologyServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcTopologyServer")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddTraceSource("Event",
                            "An event was sent to a subscriber (event, subscriber port).",
                            MakeTraceSourceAccessor(&TipcTopologyServer::m_eventTrace),
                            "ns3::TipcTopologyServer::EventTracedCallback");
    return tid;
}

TipcTopologyServer::TipcTopologyServer()
{
}

TipcTopologyServer::~TipcTopologyServer()
{
}

void
TipcTopologyServer::DoDispose()
{
    for (auto& [id, sub] : m_subs)
    {
        sub.timer.Cancel();
    }
    m_subs.clear();
    m_conns.clear();
    m_listener = nullptr;
    m_stack = nullptr;
    Object::DoDispose();
}

void
TipcTopologyServer::Start(Ptr<TipcStack> stack)
{
    m_stack = stack;
    m_listener = stack->CreateSocket(TipcSocketType::SEQPACKET);
    m_listener->SetSockOpt(TIPC_IMPORTANCE, TIPC_CRITICAL_IMPORTANCE);
    m_listener->BindInternal({TIPC_TOP_SRV, TIPC_TOP_SRV, TIPC_TOP_SRV}, TIPC_NODE_SCOPE);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&TipcTopologyServer::OnAccept, this));
    stack->GetNameTable().SetEventCallback(
        [this](uint64_t subId, const TipcNameEvent& e) { OnNameEvent(subId, e); });
}

bool
TipcTopologyServer::Owns(Ptr<const TipcSocket> s) const
{
    if (s == m_listener)
    {
        return true;
    }
    return std::any_of(m_conns.begin(), m_conns.end(), [&s](const auto& c) {
        return c.second.sock == s;
    });
}

uint32_t
TipcTopologyServer::GetPortId() const
{
    return m_listener ? m_listener->GetPortId() : 0;
}

uint32_t
TipcTopologyServer::GetNConnections() const
{
    return static_cast<uint32_t>(m_conns.size());
}

uint32_t
TipcTopologyServer::GetNSubscriptions() const
{
    return static_cast<uint32_t>(m_subs.size());
}

bool
TipcTopologyServer::FindConn(Ptr<Socket> s, uint64_t& id) const
{
    for (const auto& [cid, c] : m_conns)
    {
        if (PeekPointer(c.sock) == PeekPointer(s))
        {
            id = cid;
            return true;
        }
    }
    return false;
}

void
TipcTopologyServer::OnAccept(Ptr<Socket> s, const Address& /* from */)
{
    uint64_t id = 0; // lowest free connection id
    while (m_conns.count(id) != 0)
    {
        ++id;
    }
    Conn c;
    c.sock = DynamicCast<TipcSocket>(s);
    m_conns[id] = c;
    s->SetRecvCallback(MakeCallback(&TipcTopologyServer::OnRecv, this));
    s->SetSendCallback(MakeCallback(&TipcTopologyServer::OnSend, this));
    s->SetCloseCallbacks(MakeCallback(&TipcTopologyServer::OnClose, this),
                         MakeCallback(&TipcTopologyServer::OnClose, this));
    NS_LOG_INFO("subscriber connection " << id << " from port " << c.sock->GetPortId());
    // a subscription may have come with the SYN
    Simulator::ScheduleNow(&TipcTopologyServer::OnRecv, this, s);
}

void
TipcTopologyServer::OnRecv(Ptr<Socket> s)
{
    uint64_t id;
    if (!FindConn(s, id))
    {
        return;
    }
    while (m_conns.count(id) != 0 && m_conns[id].connected)
    {
        Ptr<Packet> p = s->Recv(TipcSubscr::SIZE, 0);
        if (!p)
        {
            if (s->GetErrno() == Socket::ERROR_AGAIN)
            {
                return; // nothing more for now
            }
            CloseConn(id);
            return;
        }
        if (p->GetSize() != TipcSubscr::SIZE)
        {
            CloseConn(id); // short message or end of connection
            return;
        }
        uint8_t raw[TipcSubscr::SIZE];
        p->CopyData(raw, sizeof(raw));
        if (!RcvSub(id, raw))
        {
            CloseConn(id);
            return;
        }
    }
}

void
TipcTopologyServer::OnSend(Ptr<Socket> s, uint32_t /* available */)
{
    uint64_t id;
    if (FindConn(s, id))
    {
        ScheduleSend(id);
    }
}

void
TipcTopologyServer::OnClose(Ptr<Socket> s)
{
    uint64_t id;
    if (FindConn(s, id))
    {
        CloseConn(id);
    }
}

bool
TipcTopologyServer::RcvSub(uint64_t id, const uint8_t* raw)
{
    bool swap = false;
    TipcSubscr s = TipcSubscr::Deserialize(raw, swap);
    Conn& c = m_conns[id];
    if (s.filter & TIPC_SUB_CANCEL)
    {
        // the request with the cancel bit cleared, byte for byte
        TipcSubscr plain = s;
        plain.filter &= ~TIPC_SUB_CANCEL;
        std::array<uint8_t, TipcSubscr::SIZE> want = plain.Serialize(swap);
        for (uint64_t subId : c.subs)
        {
            if (m_subs.count(subId) != 0 && m_subs[subId].raw == want)
            {
                DeleteSub(subId);
                break;
            }
        }
        return true;
    }
    if (m_stack->GetNameTable().GetNSubscriptions() >= TIPC_MAX_SUBSCR)
    {
        NS_LOG_WARN("Subscription rejected, max (" << TIPC_MAX_SUBSCR << ")");
        return false;
    }
    if (((s.filter & TIPC_SUB_PORTS) && (s.filter & TIPC_SUB_SERVICE)) || s.seq.lower > s.seq.upper)
    {
        NS_LOG_WARN("Subscription rejected, illegal request");
        return false;
    }
    TipcSubscription req;
    req.seq = s.seq;
    req.filter = s.filter;
    req.timeout = s.timeout;
    req.userHandle = HandleToU64(s.usrHandle);
    req.owner = id;
    std::vector<TipcNameEvent> initial;
    uint64_t subId = m_stack->GetNameTable().Subscribe(req, initial);
    if (subId == 0)
    {
        NS_LOG_WARN("Failed to subscribe for {" << s.seq.type << "," << s.seq.lower << ","
                                                << s.seq.upper << "}");
        return false;
    }
    Sub sub;
    sub.conn = id;
    sub.swap = swap;
    std::memcpy(sub.raw.data(), raw, TipcSubscr::SIZE);
    sub.s = s;
    m_subs[subId] = sub;
    c.subs.push_front(subId);
    for (const auto& e : initial)
    {
        QueueEvent(subId, e.event, e.foundLower, e.foundUpper, {e.port, e.node}, 0);
    }
    if (s.timeout != TIPC_WAIT_FOREVER)
    {
        // mod_timer(&sub->timer, jiffies + msecs_to_jiffies(timeout))
        m_subs[subId].timer = Simulator::Schedule(m_stack->TimerDelay(MilliSeconds(s.timeout)),
                                                  &TipcTopologyServer::SubTimeout,
                                                  this,
                                                  subId);
    }
    NS_LOG_INFO("subscription " << subId << " {" << s.seq.type << "," << s.seq.lower << ","
                                << s.seq.upper << "} filter " << s.filter << " on connection "
                                << id);
    return true;
}

void
TipcTopologyServer::OnNameEvent(uint64_t subId, const TipcNameEvent& e)
{
    auto it = m_subs.find(subId);
    if (it == m_subs.end() || it->second.inactive)
    {
        return;
    }
    QueueEvent(subId, e.event, e.foundLower, e.foundUpper, {e.port, e.node}, 0);
}

void
TipcTopologyServer::QueueEvent(uint64_t subId,
                               uint32_t event,
                               uint32_t lower,
                               uint32_t upper,
                               TipcSocketAddr port,
                               uint64_t timeoutOf)
{
    Sub& sub = m_subs[subId];
    auto cit = m_conns.find(sub.conn);
    if (cit == m_conns.end() || !cit->second.connected)
    {
        return;
    }
    Entry en;
    en.event.event = event;
    en.event.foundLower = lower;
    en.event.foundUpper = upper;
    en.event.port = port;
    en.event.s = sub.raw;
    en.bytes = en.event.Serialize(sub.swap);
    en.timeoutOf = timeoutOf;
    cit->second.outq.push_back(en);
    ScheduleSend(sub.conn);
}

void
TipcTopologyServer::ScheduleSend(uint64_t id)
{
    auto it = m_conns.find(id);
    if (it == m_conns.end() || it->second.sendScheduled)
    {
        return;
    }
    it->second.sendScheduled = true;
    Simulator::ScheduleNow(&TipcTopologyServer::SendQueued, this, id);
}

void
TipcTopologyServer::SendQueued(uint64_t id)
{
    auto it = m_conns.find(id);
    if (it == m_conns.end())
    {
        return;
    }
    it->second.sendScheduled = false;
    while (it->second.connected && !it->second.outq.empty())
    {
        Conn& c = it->second;
        Entry& en = c.outq.front();
        if (en.timeoutOf != 0)
        {
            DeleteSub(en.timeoutOf); // a timed-out subscription goes with its event
            en.timeoutOf = 0;
        }
        Ptr<Packet> p = Create<Packet>(en.bytes.data(), TipcEvent::SIZE);
        TipcEvent sent = en.event;
        Ptr<TipcSocket> sock = c.sock;
        if (sock->Send(p, 0) < 0)
        {
            if (sock->GetErrno() == Socket::ERROR_AGAIN)
            {
                return; // resumed by the send callback (write space)
            }
            CloseConn(id);
            return;
        }
        m_eventTrace(sent, sock->GetPortId());
        // the subscriber may have reacted synchronously (node-local delivery)
        it = m_conns.find(id);
        if (it == m_conns.end())
        {
            return;
        }
        it->second.outq.pop_front();
        if (!it->second.connected)
        {
            return;
        }
    }
}

void
TipcTopologyServer::SubTimeout(uint64_t subId)
{
    auto it = m_subs.find(subId);
    if (it == m_subs.end() || it->second.inactive)
    {
        return;
    }
    const TipcSubscr& s = it->second.s;
    QueueEvent(subId, TIPC_SUBSCR_TIMEOUT, s.seq.lower, s.seq.upper, {0, 0}, subId);
    it = m_subs.find(subId);
    if (it != m_subs.end())
    {
        it->second.inactive = true;
    }
}

void
TipcTopologyServer::DeleteSub(uint64_t subId)
{
    auto it = m_subs.find(subId);
    if (it == m_subs.end())
    {
        return;
    }
    it->second.timer.Cancel();
    auto cit = m_conns.find(it->second.conn);
    if (cit != m_conns.end())
    {
        cit->second.subs.remove(subId);
    }
    m_stack->GetNameTable().Unsubscribe(subId);
    m_subs.erase(it);
}

void
TipcTopologyServer::CloseConn(uint64_t id)
{
    auto it = m_conns.find(id);
    if (it == m_conns.end() || !it->second.connected)
    {
        return;
    }
    NS_LOG_INFO("closing subscriber connection " << id);
    it->second.connected = false;
    std::list<uint64_t> subs = it->second.subs;
    for (uint64_t subId : subs)
    {
        DeleteSub(subId);
    }
    Ptr<TipcSocket> sock = it->second.sock;
    m_conns.erase(it);
    sock->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    sock->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    sock->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                            MakeNullCallback<void, Ptr<Socket>>());
    sock->Shutdown();
    sock->Close();
}

} // namespace ns3
