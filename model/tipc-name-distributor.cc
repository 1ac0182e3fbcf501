// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-name-distributor.h"

#include "tipc-name-item.h"
#include "tipc-seq.h"
#include "tipc-stack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcNameDistributor");

NS_OBJECT_ENSURE_REGISTERED(TipcNameDistributor);

using namespace tipc;

TypeId
TipcNameDistributor::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcNameDistributor")
            .SetParent<Object>()
            .SetGroupName("Tipc")
            .AddTraceSource("Update",
                            "A binding was added to (true) or removed from (false) the name "
                            "table; origin is the node that made it.",
                            MakeTraceSourceAccessor(&TipcNameDistributor::m_updateTrace),
                            "ns3::TipcNameDistributor::UpdateTracedCallback");
    return tid;
}

TipcNameDistributor::TipcNameDistributor()
    : m_sndNxt(0),
      m_rcDests(0)
{
}

TipcNameDistributor::~TipcNameDistributor()
{
}

void
TipcNameDistributor::DoDispose()
{
    m_stack = nullptr;
    m_peers.clear();
    m_table.SetEventCallback(nullptr);
    Object::DoDispose();
}

void
TipcNameDistributor::SetStack(Ptr<TipcStack> stack)
{
    m_stack = stack;
}

TipcNameTable&
TipcNameDistributor::GetTable()
{
    return m_table;
}

const TipcNameTable&
TipcNameDistributor::GetTable() const
{
    return m_table;
}

const TipcNameDistributor::Stats&
TipcNameDistributor::GetStats() const
{
    return m_stats;
}

uint16_t
TipcNameDistributor::GetSndNxt() const
{
    return static_cast<uint16_t>(m_sndNxt);
}

TipcHeader
TipcNameDistributor::BuildHeader(uint32_t type, uint32_t dest) const
{
    TipcHeader h;
    h.Init(m_stack->GetOwnAddress(), NAME_DISTRIBUTOR, type, INT_H_SIZE, dest);
    h.SetNonLegacy(true);
    return h;
}

const TipcPublication*
TipcNameDistributor::Publish(uint32_t type,
                             uint32_t lower,
                             uint32_t upper,
                             uint32_t scope,
                             uint32_t port,
                             uint32_t key)
{
    uint32_t own = m_table.GetOwnNode();
    const TipcPublication* p = m_table.Insert(type, lower, upper, scope, own, port, key);
    if (!p)
    {
        NS_LOG_LOGIC("Publication {" << type << "," << lower << "," << upper << "} refused");
        return nullptr;
    }
    m_updateTrace(*p, true, own);
    if (scope == TIPC_NODE_SCOPE)
    {
        return p; // never distributed
    }
    m_clusterPub.push_back(*p);
    SendUpdate(PUBLICATION, *p);
    return p;
}

bool
TipcNameDistributor::Withdraw(uint32_t type,
                              uint32_t lower,
                              uint32_t upper,
                              uint32_t port,
                              uint32_t key)
{
    uint32_t own = m_table.GetOwnNode();
    TipcPublication p;
    if (!m_table.Remove(type, lower, upper, own, port, key, &p))
    {
        return false;
    }
    m_updateTrace(p, false, own);
    if (p.scope == TIPC_NODE_SCOPE)
    {
        return true;
    }
    m_clusterPub.remove_if([&p](const TipcPublication& q) {
        return q.type == p.type && q.lower == p.lower && q.upper == p.upper && q.port == p.port &&
               q.key == p.key;
    });
    SendUpdate(WITHDRAWAL, p);
    return true;
}

void
TipcNameDistributor::SendUpdate(uint32_t type, const TipcPublication& p)
{
    TipcHeader h = BuildHeader(type, 0);
    // the sequence number is used even when there is nobody to send to
    h.SetNamedSeqno(static_cast<uint16_t>(m_sndNxt++));
    TipcNameItem item{p.type, p.lower, p.upper, p.port, p.key};
    uint8_t buf[ITEM_SIZE];
    item.Serialize(buf);
    h.SetSize(INT_H_SIZE + ITEM_SIZE);
    ++m_stats.sentUpdates;
    NS_LOG_INFO((type == PUBLICATION ? "Publish " : "Withdraw ")
                << item << " seqno " << h.GetNamedSeqno());
    m_stack->NodeBroadcast(Create<TipcMsg>(h, Create<Packet>(buf, ITEM_SIZE)), m_rcDests);
}

void
TipcNameDistributor::Reinit(uint32_t addr)
{
    m_table.ReinitOwnNode(addr);
    for (auto& p : m_clusterPub)
    {
        p.node = addr;
    }
    m_rcDests = 0;
}

void
TipcNameDistributor::NodeUp(uint32_t peer, uint16_t caps)
{
    if (!(caps & TIPC_NAMED_BCAST))
    {
        ++m_rcDests;
    }
    if (m_clusterPub.empty())
    {
        return; // cannot happen once the node has its address (its NODE_STATE binding)
    }
    uint32_t mss = m_stack->GetMtu(peer, 0, false);
    uint32_t dsz = ((mss - INT_H_SIZE) / ITEM_SIZE) * ITEM_SIZE;
    std::deque<Ptr<TipcMsg>> list;
    std::vector<uint8_t> payload;
    auto flush = [&]() {
        TipcHeader h = BuildHeader(PUBLICATION, peer);
        h.SetBcAckInvalid(true);
        h.SetBulk(true);
        h.SetSize(INT_H_SIZE + static_cast<uint32_t>(payload.size()));
        list.push_back(Create<TipcMsg>(h, Create<Packet>(payload.data(), payload.size())));
        payload.clear();
    };
    for (const auto& p : m_clusterPub)
    {
        uint8_t buf[ITEM_SIZE];
        TipcNameItem{p.type, p.lower, p.upper, p.port, p.key}.Serialize(buf);
        payload.insert(payload.end(), buf, buf + ITEM_SIZE);
        if (payload.size() >= dsz)
        {
            flush();
        }
    }
    if (!payload.empty())
    {
        flush();
    }
    // only the last bulk message carries the sequence number (not incremented)
    list.back()->hdr.SetLastBulk(true);
    list.back()->hdr.SetNamedSeqno(static_cast<uint16_t>(m_sndNxt));
    m_stats.sentBulk += list.size();
    NS_LOG_INFO("Bulk of " << m_clusterPub.size() << " bindings in " << list.size()
                           << " messages to " << std::hex << peer);
    m_stack->Xmit(list, peer, 0);
}

void
TipcNameDistributor::NodeDown(uint32_t peer, uint16_t caps)
{
    auto it = m_peers.find(peer);
    if (it != m_peers.end())
    {
        // the sequence state survives node down; it goes with the node (ForgetPeer)
        it->second.queue.clear();
    }
    for (const auto& p : m_table.GetPublicationsOfNode(peer))
    {
        m_updateTrace(p, false, peer);
    }
    size_t n = m_table.RemoveNode(peer);
    NS_LOG_INFO("Node " << std::hex << peer << std::dec << " down: " << n << " bindings withdrawn");
    if (!(caps & TIPC_NAMED_BCAST) && m_rcDests > 0)
    {
        --m_rcDests;
    }
}

void
TipcNameDistributor::ForgetPeer(uint32_t peer)
{
    m_peers.erase(peer);
}

bool
TipcNameDistributor::IsOpen(uint32_t peer) const
{
    auto it = m_peers.find(peer);
    return it != m_peers.end() && it->second.open;
}

void
TipcNameDistributor::Receive(Ptr<TipcMsg> msg, uint32_t fromNode)
{
    ++m_stats.recvMessages;
    PeerState& st = m_peers[fromNode];
    st.queue.push_back(msg);
    while (Ptr<TipcMsg> m = Dequeue(st))
    {
        Apply(m);
    }
}

Ptr<TipcMsg>
TipcNameDistributor::Dequeue(PeerState& st)
{
    for (auto it = st.queue.begin(); it != st.queue.end();)
    {
        Ptr<TipcMsg> m = *it;
        const TipcHeader& h = m->hdr;
        uint16_t seqno = h.GetNamedSeqno();
        if (h.IsLastBulk())
        {
            st.rcvNxt = seqno;
            st.open = true;
        }
        if (h.IsBulk() || h.IsLegacy())
        {
            st.queue.erase(it);
            return m;
        }
        if (st.open && seqno == st.rcvNxt)
        {
            ++st.rcvNxt;
            st.queue.erase(it);
            return m;
        }
        if (SeqLess(seqno, st.rcvNxt))
        {
            ++m_stats.oldDropped;
            NS_LOG_LOGIC("Dropping old name update seqno " << seqno);
            it = st.queue.erase(it);
            continue;
        }
        ++it;
    }
    return nullptr;
}

void
TipcNameDistributor::Apply(Ptr<TipcMsg> msg)
{
    const TipcHeader& h = msg->hdr;
    uint32_t node = h.GetOrigNode();
    std::vector<uint8_t> data = msg->PayloadBytes();
    size_t count = data.size() / ITEM_SIZE;
    for (size_t i = 0; i < count; ++i)
    {
        TipcNameItem item = TipcNameItem::Deserialize(data.data() + i * ITEM_SIZE);
        if (item.lower > item.upper)
        {
            ++m_stats.rejectedItems;
            continue;
        }
        if (h.GetType() == PUBLICATION)
        {
            const TipcPublication* p = m_table.Insert(item.type,
                                                      item.lower,
                                                      item.upper,
                                                      TIPC_CLUSTER_SCOPE,
                                                      node,
                                                      item.port,
                                                      item.key);
            if (p)
            {
                ++m_stats.applied;
                m_updateTrace(*p, true, node);
            }
            else
            {
                ++m_stats.rejectedItems;
                NS_LOG_WARN("Failed to bind to " << item.type << "," << item.lower << ","
                                                 << item.upper);
            }
        }
        else if (h.GetType() == WITHDRAWAL)
        {
            TipcPublication p;
            if (m_table.Remove(item.type, item.lower, item.upper, node, item.port, item.key, &p))
            {
                ++m_stats.applied;
                m_updateTrace(p, false, node);
            }
            else
            {
                ++m_stats.rejectedItems;
                NS_LOG_WARN("Failed to remove binding " << item.type << "," << item.lower
                                                        << " from " << std::hex << node);
            }
        }
        else
        {
            ++m_stats.rejectedItems;
            NS_LOG_WARN("Unknown name table message received");
        }
    }
}

} // namespace ns3
