// SPDX-License-Identifier: GPL-2.0-only

#include "linux-tcp-socket.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/rtt-estimator.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-recovery-ops.h"
#include "ns3/tcp-rx-buffer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LinuxTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(LinuxTcpSocket);

TypeId
LinuxTcpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LinuxTcpSocket")
                            .SetParent<TcpSocketBase>()
                            .SetGroupName("Tipc")
                            .AddConstructor<LinuxTcpSocket>()
                            .AddAttribute("WindowUpdate",
                                          "Acknowledge at once when a read opens the window "
                                          "(tcp_cleanup_rbuf).",
                                          BooleanValue(true),
                                          MakeBooleanAccessor(&LinuxTcpSocket::m_windowUpdate),
                                          MakeBooleanChecker());
    return tid;
}

LinuxTcpSocket::LinuxTcpSocket()
{
}

LinuxTcpSocket::LinuxTcpSocket(const LinuxTcpSocket& sock)
    : TcpSocketBase(sock),
      m_windowUpdate(sock.m_windowUpdate)
{
}

LinuxTcpSocket::~LinuxTcpSocket()
{
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

Ptr<Packet>
LinuxTcpSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    uint32_t before = AdvertisedWindowSize(false);
    Ptr<Packet> p = TcpSocketBase::Recv(maxSize, flags);
    if (!m_windowUpdate || !p || p->GetSize() == 0 || m_state != ESTABLISHED)
    {
        return p;
    }
    uint32_t clamp = m_tcb->m_rxBuffer->MaxBufferSize();
    uint32_t after = AdvertisedWindowSize(false);
    if (2 * before <= clamp && after >= 2 * before && after > before)
    {
        NS_LOG_LOGIC("window update " << before << " -> " << after);
        SendEmptyPacket(TcpHeader::ACK);
    }
    return p;
}

} // namespace ns3
