// SPDX-License-Identifier: GPL-2.0-only

#include "linux-tcp-socket.h"

#include "host-cpu-model.h"
#include "linux-net-namespace.h"
#include "skb-owner-tag.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/rtt-estimator.h"
#include "ns3/simulator.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-recovery-ops.h"
#include "ns3/tcp-rx-buffer.h"
#include "ns3/tcp-tx-buffer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LinuxTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(LinuxTcpSocket);

TypeId
LinuxTcpSocket::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LinuxTcpSocket")
            .SetParent<TcpSocketBase>()
            .SetGroupName("Tipc")
            .AddConstructor<LinuxTcpSocket>()
            .AddAttribute("WindowUpdate",
                          "Acknowledge at once when a read opens the window "
                          "(tcp_cleanup_rbuf).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LinuxTcpSocket::m_windowUpdate),
                          MakeBooleanChecker())
            .AddAttribute("SendAtWrite",
                          "Transmit in the write call, in the writer's context "
                          "(tcp_sendmsg -> tcp_push), instead of one time step "
                          "later from an event (TcpSocketBase::Send).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LinuxTcpSocket::m_sendAtWrite),
                          MakeBooleanChecker())
            .AddAttribute("AutoCorking",
                          "Linux tcp_autocorking (sysctl default 1): hold a "
                          "write of less than a GSO super-packet back while "
                          "data is unacknowledged and an earlier segment is "
                          "still in the host's stack; it leaves when a segment "
                          "is released (TCP small queues) or an ACK arrives. "
                          "Acts with SendAtWrite only.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LinuxTcpSocket::m_autoCorking),
                          MakeBooleanChecker())
            .AddTraceSource("AutoCork",
                            "A write was held back by autocorking: the unsent "
                            "bytes, the write included.",
                            MakeTraceSourceAccessor(&LinuxTcpSocket::m_autoCorkTrace),
                            "ns3::LinuxTcpSocket::AutoCorkCallback")
            .AddTraceSource("FullWindowWorkaround",
                            "ns-3.37's TcpTxBuffer::NextSeg offered a zero-byte "
                            "segment (the unacknowledged bytes fill the peer's "
                            "window): false, nothing is sent; true, a "
                            "retransmission resends the head segment.",
                            MakeTraceSourceAccessor(&LinuxTcpSocket::m_fullWindow),
                            "ns3::LinuxTcpSocket::FullWindowCallback");
    return tid;
}

TypeId
LinuxTcpSocket::GetInstanceTypeId() const
{
    return GetTypeId();
}

LinuxTcpSocket::LinuxTcpSocket()
{
    m_txTrace.ConnectWithoutContext(MakeCallback(&LinuxTcpSocket::OnTx, this));
}

LinuxTcpSocket::LinuxTcpSocket(const LinuxTcpSocket& sock)
    : TcpSocketBase(sock),
      m_windowUpdate(sock.m_windowUpdate),
      m_sendAtWrite(sock.m_sendAtWrite),
      m_autoCorking(sock.m_autoCorking)
{
    // the window edge belongs to the listener's sequence space: the new connection
    // records its own with its SYN-ACK; it registers its own segment owner.
    // TcpSocketBase's copy may carry the listener's trace sinks: drop the
    // listener's OnTx, which would outlive the listener
    m_txTrace.DisconnectWithoutContext(
        MakeCallback(&LinuxTcpSocket::OnTx, const_cast<LinuxTcpSocket*>(&sock)));
    m_txTrace.ConnectWithoutContext(MakeCallback(&LinuxTcpSocket::OnTx, this));
}

LinuxTcpSocket::~LinuxTcpSocket()
{
    if (m_owner != 0)
    {
        SkbOwnerTag::Unregister(m_owner);
    }
}

Ptr<LinuxTcpSocket>
LinuxTcpSocket::Create(Ptr<Node> node)
{
    Ptr<TcpL4Protocol> tcp = node->GetObject<TcpL4Protocol>();
    if (!tcp)
    {
        NS_FATAL_ERROR("LinuxTcpSocket::Create: node " << node->GetId()
                                                       << " has no Internet stack");
    }
    TypeIdValue congestion;
    TypeIdValue recovery;
    TypeIdValue rtt;
    tcp->GetAttribute("SocketType", congestion);
    tcp->GetAttribute("RecoveryType", recovery);
    tcp->GetAttribute("RttEstimatorType", rtt);
    ObjectFactory f;
    Ptr<LinuxTcpSocket> s = CreateObject<LinuxTcpSocket>();
    s->SetNode(node);
    s->SetTcp(tcp);
    f.SetTypeId(rtt.Get());
    s->SetRtt(f.Create<RttEstimator>());
    f.SetTypeId(congestion.Get());
    s->SetCongestionControlAlgorithm(f.Create<TcpCongestionOps>());
    f.SetTypeId(recovery.Get());
    s->SetRecoveryAlgorithm(f.Create<TcpRecoveryOps>());
    tcp->AddSocket(s);
    return s;
}

Ptr<TcpSocketBase>
LinuxTcpSocket::Fork()
{
    return CopyObject<LinuxTcpSocket>(this);
}

void
LinuxTcpSocket::SendEmptyPacket(uint8_t flags)
{
    TcpSocketBase::SendEmptyPacket(flags);
    NoteAdvertised((flags & TcpHeader::SYN) != 0);
}

uint32_t
LinuxTcpSocket::SendDataPacket(SequenceNumber32 seq, uint32_t maxSize, bool withAck)
{
    if (maxSize == 0)
    {
        // ns-3.37 DoRetransmit with a full window: NextSeg offered zero bytes of new
        // data.  The fixed NextSeg offers nothing there, so the head is resent.
        NS_ASSERT_MSG(seq == m_tcb->m_highTxMark.Get(), "a zero-byte segment of new data");
        m_fullWindow(true);
        seq = m_txBuffer->HeadSequence();
        maxSize = m_tcb->m_segmentSize;
        m_tcb->m_nextTxSequence = seq;
    }
    uint32_t sent = TcpSocketBase::SendDataPacket(seq, maxSize, withAck);
    NoteAdvertised(false);
    return sent;
}

void
LinuxTcpSocket::NoteCore()
{
    if (Ptr<HostCpuModel> cpu = HostCpuModel::Find(m_node))
    {
        uint32_t core = cpu->GetCurrentCore(cpu->GetNCores());
        if (core < cpu->GetNCores())
        {
            m_core = core;
        }
    }
}

void
LinuxTcpSocket::DoForwardUp(Ptr<Packet> packet,
                            const Address& fromAddress,
                            const Address& toAddress)
{
    SkbOwnerTag::Release(packet); // the segment has left the sender's stack
    NoteCore();
    ++m_busy;
    TcpSocketBase::DoForwardUp(packet, fromAddress, toAddress);
    --m_busy;
}

void
LinuxTcpSocket::PersistTimeout()
{
    TcpSocketBase::PersistTimeout(); // the window probe carries the window too
    NoteAdvertised(false);
}

uint32_t
LinuxTcpSocket::AvailableWindow() const
{
    uint32_t available = TcpSocketBase::AvailableWindow();
    // the zero-byte segment needs the bytes sent and not yet acknowledged to
    // fill the peer's window (ns-3.37 NextSeg rule 2 with m_sentSize == m_rWnd)
    if (available == 0 ||
        m_tcb->m_highTxMark.Get() - m_txBuffer->HeadSequence() < static_cast<int32_t>(m_rWnd.Get()))
    {
        return available;
    }
    SequenceNumber32 next;
    SequenceNumber32 nextHigh;
    bool rule3 = m_sackEnabled && m_tcb->m_congState == TcpSocketState::CA_RECOVERY;
    if (m_txBuffer->NextSeg(&next, &nextHigh, rule3) && nextHigh == next)
    {
        m_fullWindow(false);
        return 0; // ns-3.37 NextSeg: "send 0 bytes of new data" when the window is full
    }
    return available;
}

int
LinuxTcpSocket::Send(Ptr<Packet> p, uint32_t flags)
{
    int rc = TcpSocketBase::Send(p, flags);
    if (rc <= 0 || !m_sendAtWrite || m_busy > 0 || !m_sendPendingDataEvent.IsRunning())
    {
        return rc; // nested in TcpSocketBase's processing: its one-step deferral stays
    }
    // TcpSocketBase::Send scheduled the transmission one time step later
    m_sendPendingDataEvent.Cancel();
    if (ShouldAutoCork())
    {
        m_throttled = true;
        ++m_autoCorkings;
        m_autoCorkTrace(m_txBuffer->SizeFromSequence(m_tcb->m_nextTxSequence));
        return rc;
    }
    PushPending();
    return rc;
}

uint64_t
LinuxTcpSocket::GetAutoCorkings() const
{
    return m_autoCorkings;
}

bool
LinuxTcpSocket::Corkable()
{
    if (m_inHost < 0)
    {
        // only a Linux host's devices release segments (SkbOwnerTag)
        m_inHost = m_node && m_node->GetObject<LinuxNetNamespace>() ? 1 : 0;
    }
    return m_autoCorking && m_sendAtWrite && m_inHost == 1;
}

bool
LinuxTcpSocket::ShouldAutoCork()
{
    if (!Corkable())
    {
        return false;
    }
    // a segment acknowledged has left the stack even if no device released it
    // (a drop where the model has no release point)
    SequenceNumber32 acked = m_txBuffer->HeadSequence();
    for (auto it = m_inStack.begin(); it != m_inStack.end();)
    {
        it = it->second <= acked ? m_inStack.erase(it) : std::next(it);
    }
    // size_goal: the largest multiple of the MSS in a 64 KiB GSO super-packet
    uint32_t mss = std::max<uint32_t>(m_tcb->m_segmentSize, 1);
    uint32_t sizeGoal = mss * std::max<uint32_t>(1, 65536 / mss);
    return m_txBuffer->SizeFromSequence(m_tcb->m_nextTxSequence) < sizeGoal &&
           m_tcb->m_highTxMark.Get() > acked && !m_inStack.empty();
}

void
LinuxTcpSocket::OnTx(Ptr<const Packet> p, const TcpHeader& header, Ptr<const TcpSocketBase> sock)
{
    if (sock != this)
    {
        return;
    }
    NoteCore();
    if (p->GetSize() == 0 || !Corkable())
    {
        return; // only data segments are charged to the socket, when autocorking looks
    }
    if (m_owner == 0)
    {
        m_owner = SkbOwnerTag::Register(MakeCallback(&LinuxTcpSocket::Released, this));
    }
    uint64_t serial = m_nextSerial++;
    p->AddPacketTag(SkbOwnerTag(m_owner, serial));
    m_inStack[serial] = header.GetSequenceNumber() + p->GetSize();
}

void
LinuxTcpSocket::Released(uint64_t serial)
{
    if (m_inStack.erase(serial) == 0 || !m_throttled)
    {
        return;
    }
    // tcp_wfree: TSQ_THROTTLED is set, so the TSQ tasklet runs on this CPU
    m_throttled = false;
    Ptr<LinuxTcpSocket> self = this;
    if (Ptr<HostCpuModel> cpu = HostCpuModel::Find(m_node))
    {
        cpu->Execute(
            cpu->GetCurrentCore(m_core),
            HostCpuModel::TCP_TSQ,
            Time(0),
            [self]() { self->PushPending(); },
            m_node->GetId(),
            true);
        return;
    }
    Simulator::ScheduleWithContext(m_node->GetId(), Time(0), &LinuxTcpSocket::PushPending, self);
}

void
LinuxTcpSocket::PushPending()
{
    if ((m_state == ESTABLISHED || m_state == CLOSE_WAIT) &&
        m_txBuffer->SizeFromSequence(m_tcb->m_nextTxSequence) > 0)
    {
        ++m_busy;
        SendPendingData(m_connected);
        --m_busy;
    }
}

void
LinuxTcpSocket::NoteAdvertised(bool syn)
{
    // every segment carries the window (tcp_select_window at transmit): nothing
    // between the send and this call changes the receive buffer.  A SYN's window
    // is not scaled (RFC 7323)
    uint32_t window = syn ? AdvertisedWindowSize(false) : WindowNow();
    m_rcvWndEnd = m_tcb->m_rxBuffer->NextRxSequence() + window;
    m_advertised = true;
}

uint32_t
LinuxTcpSocket::WindowNow() const
{
    return static_cast<uint32_t>(AdvertisedWindowSize(true)) << m_rcvWindShift;
}

uint32_t
LinuxTcpSocket::ReceiveWindowLeft() const
{
    SequenceNumber32 next = m_tcb->m_rxBuffer->NextRxSequence();
    if (!m_advertised || m_rcvWndEnd <= next)
    {
        return 0;
    }
    return static_cast<uint32_t>(m_rcvWndEnd - next);
}

Ptr<Packet>
LinuxTcpSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    Ptr<Packet> p = TcpSocketBase::Recv(maxSize, flags);
    if (!m_windowUpdate || !p || p->GetSize() == 0 || m_state != ESTABLISHED)
    {
        return p;
    }
    // tcp_cleanup_rbuf: the window the peer was last told against the one an ACK
    // would carry now
    uint32_t before = ReceiveWindowLeft();
    uint32_t full = m_tcb->m_rxBuffer->MaxBufferSize();
    uint32_t after = WindowNow();
    // __tcp_select_window's silly-window avoidance: below half the buffer, less
    // than one segment or 1/16 of the buffer is no window (no update)
    if (after < full / 2 && (after < full / 16 || after < m_tcb->m_segmentSize))
    {
        after = 0;
    }
    if (2 * before <= full && after > 0 && after >= 2 * before)
    {
        NS_LOG_LOGIC("window update " << before << " -> " << after);
        SendEmptyPacket(TcpHeader::ACK);
    }
    return p;
}

} // namespace ns3
