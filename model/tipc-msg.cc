// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-msg.h"

#include "tipc-bytes.h"
#include "tipc-constants.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{

namespace
{

/**
 * The TIPC header preceded by BUF_HEADROOM bytes of room (not written):
 * added and then stripped of the room, it leaves a packet whose device adds
 * its link-layer header in place instead of reallocating the buffer.
 */
class HeadroomTipcHeader : public Header
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId()
    {
        static TypeId tid =
            TypeId("ns3::TipcHeadroomHeader").SetParent<Header>().SetGroupName("Tipc");
        return tid;
    }

    /** @param hdr the TIPC header (must outlive this object) */
    explicit HeadroomTipcHeader(const TipcHeader& hdr)
        : m_hdr(hdr)
    {
    }

    TypeId GetInstanceTypeId() const override
    {
        return GetTypeId();
    }

    void Print(std::ostream& os) const override
    {
        m_hdr.Print(os);
    }

    uint32_t GetSerializedSize() const override
    {
        return tipc::BUF_HEADROOM + m_hdr.GetSerializedSize();
    }

    void Serialize(Buffer::Iterator start) const override
    {
        start.Next(tipc::BUF_HEADROOM);
        m_hdr.Serialize(start);
    }

    uint32_t Deserialize(Buffer::Iterator /* start */) override
    {
        NS_ABORT_MSG("HeadroomTipcHeader is never read back");
        return 0;
    }

  private:
    const TipcHeader& m_hdr; //!< the header
};

/// Whether packet metadata (Packet::EnablePrinting/EnableChecking) is on; it
/// must be enabled before the first packet exists, so one look suffices.
bool
PacketMetadataEnabled()
{
    static const bool enabled = [] {
        Ptr<Packet> probe = Create<Packet>();
        probe->AddHeader(TipcHeader());
        return probe->BeginItem().HasNext();
    }();
    return enabled;
}

} // namespace

TipcMsg::TipcMsg()
    : data(Create<Packet>()),
      nxtRetr(0),
      retrStamp(0),
      retrCnt(0),
      ackers(0)
{
}

TipcMsg::TipcMsg(const TipcHeader& header, Ptr<Packet> payload)
    : hdr(header),
      data(payload ? payload : Create<Packet>()),
      nxtRetr(0),
      retrStamp(0),
      retrCnt(0),
      ackers(0)
{
}

Ptr<TipcMsg>
TipcMsg::Clone() const
{
    Ptr<TipcMsg> m = Create<TipcMsg>(hdr, data->Copy());
    m->nxtRetr = nxtRetr;
    m->retrStamp = retrStamp;
    m->retrCnt = retrCnt;
    m->ackers = ackers;
    m->enqueued = enqueued;
    m->truesize = truesize;
    return m;
}

uint32_t
TipcMsg::BufTruesize(uint32_t size)
{
    // kmalloc bucket of headroom (224) + data, 64-byte aligned, + skb_shared_info (320),
    // plus the sk_buff itself (256); above 8 KiB whole power-of-two page runs
    uint32_t need = ((224 + size + 63) / 64) * 64 + 320;
    uint32_t bucket = 1024;
    while (bucket < need)
    {
        bucket *= 2;
    }
    return bucket + 256;
}

uint32_t
TipcMsg::GetTruesize() const
{
    return truesize != 0 ? truesize : BufTruesize(GetSize());
}

void
TipcMsg::SetTruesize(uint32_t bytes)
{
    // tipc_msg_validate: truesize / buf_roundup_len >= 4 -> skb_copy_expand
    const uint32_t roundup = (GetSize() / 1024 + 1) * 1024;
    truesize = bytes / roundup >= 4 ? 0 : bytes;
}

Ptr<Packet>
TipcMsg::ToPacket() const
{
    Ptr<Packet> p = data->Copy();
    if (PacketMetadataEnabled())
    {
        p->AddHeader(hdr); // metadata records a plain TipcHeader
        return p;
    }
    // The copy shares the payload buffer, so adding the header reallocates it
    // once: with room in front, as Linux allocates with BUF_HEADROOM, the
    // device's header then goes in place instead of reallocating again.
    p->AddHeader(HeadroomTipcHeader(hdr));
    p->RemoveAtStart(tipc::BUF_HEADROOM);
    return p;
}

std::vector<uint8_t>
TipcMsg::PayloadBytes() const
{
    std::vector<uint8_t> b(data->GetSize());
    data->CopyData(b.data(), b.size());
    return b;
}

uint32_t
TipcMsg::GetSize() const
{
    return hdr.GetSize();
}

} // namespace ns3

// ---------------------------------------------------------------- msg.c operations

namespace ns3
{

using namespace tipc;

namespace
{
/// Decode the header at the start of a packet whose total length is @p len.
bool
PeekHeader(Ptr<const Packet> p, uint32_t len, TipcHeader& h)
{
    uint8_t buf[MAX_H_SIZE];
    uint32_t n = std::min<uint32_t>(MAX_H_SIZE, len);
    if (p->CopyData(buf, n) != n)
    {
        return false;
    }
    return TipcHeader::Decode(buf, len, h) == TipcDecodeError::NONE;
}
} // namespace

Ptr<TipcMsg>
TipcMsg::FromPacket(Ptr<const Packet> wire)
{
    TipcHeader h;
    uint32_t len = wire->GetSize();
    if (!PeekHeader(wire, len, h) || h.GetSize() != len)
    {
        return nullptr;
    }
    return Create<TipcMsg>(h, wire->CreateFragment(h.GetHeaderSize(), len - h.GetHeaderSize()));
}

std::deque<Ptr<TipcMsg>>
TipcMsg::Build(TipcHeader hdr, Ptr<const Packet> data, uint32_t pktmax)
{
    std::deque<Ptr<TipcMsg>> out;
    uint32_t msz = hdr.GetHeaderSize() + data->GetSize();
    hdr.SetSize(msz);
    if (msz <= pktmax)
    {
        out.push_back(Create<TipcMsg>(hdr, data->Copy()));
        return out;
    }
    Ptr<Packet> whole = data->Copy();
    whole->AddHeader(hdr);
    TipcHeader fh;
    fh.Init(hdr.GetPrevNode(), MSG_FRAGMENTER, FIRST_FRAGMENT, INT_H_SIZE, hdr.GetDestNode());
    fh.SetImportance(hdr.GetImportance());
    const uint32_t chunk = pktmax - INT_H_SIZE;
    const uint32_t n = (msz + chunk - 1) / chunk;
    for (uint32_t i = 0; i < n; ++i)
    {
        uint32_t off = i * chunk;
        uint32_t len = std::min(chunk, msz - off);
        fh.SetType(i == 0 ? FIRST_FRAGMENT : (i + 1 == n ? LAST_FRAGMENT : FRAGMENT));
        fh.SetFragmNo(i + 1);
        fh.SetSize(INT_H_SIZE + len);
        out.push_back(Create<TipcMsg>(fh, whole->CreateFragment(off, len)));
    }
    return out;
}

bool
TipcMsg::IsBundleable(const Ptr<TipcMsg>& m, uint32_t mss)
{
    uint32_t user = m->hdr.GetUser();
    if (user == MSG_FRAGMENTER || user == TUNNEL_PROTOCOL || user == BCAST_PROTOCOL)
    {
        return false;
    }
    return INT_H_SIZE + m->GetSize() < mss;
}

bool
TipcMsg::Bundle(Ptr<TipcMsg>& target,
                const Ptr<TipcMsg>& m,
                uint32_t mss,
                uint32_t dnode,
                bool& newBundle)
{
    newBundle = false;
    if (!target)
    {
        return false;
    }
    uint32_t msz = m->GetSize();
    if (target->hdr.GetUser() != MSG_BUNDLER)
    {
        uint32_t tsz = target->GetSize();
        if (Align4(INT_H_SIZE + tsz) + msz > mss)
        {
            return false;
        }
        // Turn the target into a bundle in place (it stays where it is in the backlog)
        TipcHeader bh;
        bh.Init(target->hdr.GetPrevNode(), MSG_BUNDLER, 0, INT_H_SIZE, dnode);
        bh.SetImportance(target->hdr.GetImportance());
        bh.SetMsgCount(1);
        bh.SetSize(INT_H_SIZE + tsz);
        target->data = target->ToPacket();
        target->hdr = bh;
        newBundle = true;
    }
    uint32_t bsz = target->GetSize();
    uint32_t offset = Align4(bsz);
    if (offset + msz > mss)
    {
        return false;
    }
    uint32_t pad = offset - bsz;
    if (pad > 0)
    {
        uint8_t zeros[4] = {};
        target->data->AddAtEnd(Create<Packet>(zeros, pad));
    }
    target->data->AddAtEnd(m->ToPacket());
    target->hdr.SetSize(offset + msz);
    target->hdr.SetMsgCount(static_cast<uint16_t>(target->hdr.GetMsgCount() + 1));
    return true;
}

std::vector<Ptr<TipcMsg>>
TipcMsg::Extract(const Ptr<TipcMsg>& m)
{
    std::vector<Ptr<TipcMsg>> out;
    std::vector<uint8_t> bytes = m->PayloadBytes();
    uint32_t dsz = static_cast<uint32_t>(bytes.size());
    uint32_t pos = 0;
    while (dsz >= MIN_H_SIZE && pos <= dsz - MIN_H_SIZE)
    {
        TipcHeader ih;
        if (TipcHeader::Decode(bytes.data() + pos, dsz - pos, ih) != TipcDecodeError::NONE)
        {
            break;
        }
        uint32_t isz = ih.GetSize();
        // tipc_msg_extract copies each inner message into a buffer of its own
        out.push_back(Create<TipcMsg>(
            ih,
            m->data->CreateFragment(pos + ih.GetHeaderSize(), isz - ih.GetHeaderSize())));
        pos += Align4(isz);
    }
    return out;
}

std::vector<Ptr<TipcMsg>>
TipcMsg::Fragment(const Ptr<TipcMsg>& inner, const TipcHeader& tunnelHdr, uint32_t pktmax)
{
    std::vector<Ptr<TipcMsg>> out;
    uint32_t dsz = inner->GetSize();
    if (pktmax <= INT_H_SIZE)
    {
        return out;
    }
    uint32_t dmax = pktmax - INT_H_SIZE;
    if (dsz <= dmax)
    {
        return out;
    }
    uint32_t nof = dsz / dmax + 1;
    Ptr<Packet> wire = inner->ToPacket();
    for (uint32_t k = 1; k <= nof; ++k)
    {
        uint32_t len = k < nof ? dmax : dsz % dmax;
        TipcHeader h = tunnelHdr;
        h.SetFragmNo(k);
        h.SetNofFragms(nof);
        h.SetSize(INT_H_SIZE + len);
        out.push_back(Create<TipcMsg>(h, wire->CreateFragment((k - 1) * dmax, len)));
    }
    return out;
}

Ptr<TipcMsg>
TipcMsg::Reverse(const Ptr<TipcMsg>& m, uint32_t ownAddr, uint32_t err)
{
    const TipcHeader& o = m->hdr;
    if (o.IsDestDroppable() || o.GetErrorCode() != 0)
    {
        return nullptr;
    }
    uint32_t hlen = o.GetHeaderSize() == SHORT_H_SIZE ? BASIC_H_SIZE : o.GetHeaderSize();
    uint32_t dlen = std::min(m->data->GetSize(), MAX_FORWARD_SIZE);
    if (o.IsSyn() && err == TIPC_ERR_OVERLOAD)
    {
        dlen = 0;
    }
    TipcHeader h = o;
    h.SetHeaderSize(hlen);
    h.SetErrorCode(err);
    h.SetNonSeq(false);
    h.SetOrigPort(o.GetDestPort());
    h.SetDestPort(o.GetOrigPort());
    h.SetDestNode(o.GetPrevNode());
    h.SetPrevNode(ownAddr);
    h.SetOrigNode(ownAddr);
    h.SetSize(hlen + dlen);
    return Create<TipcMsg>(h, m->data->CreateFragment(0, dlen));
}

TipcReassembler::Result
TipcReassembler::Append(const Ptr<TipcMsg>& frag, Ptr<TipcMsg>& whole)
{
    return Append(frag, frag->hdr.GetType(), whole);
}

TipcReassembler::Result
TipcReassembler::Append(const Ptr<TipcMsg>& frag, uint32_t type, Ptr<TipcMsg>& whole)
{
    if (type == FIRST_FRAGMENT)
    {
        if (m_buf)
        {
            m_buf = nullptr;
            return Result::ERROR;
        }
        m_buf = frag->data->Copy();
        m_truesize = frag->GetTruesize();
        return Result::INCOMPLETE;
    }
    if (!m_buf)
    {
        return Result::ERROR;
    }
    m_buf->AddAtEnd(frag->data);
    m_truesize += frag->GetTruesize(); // frag_list: head->truesize += frag->truesize
    if (type != LAST_FRAGMENT)
    {
        return Result::INCOMPLETE;
    }
    Ptr<Packet> buf = m_buf;
    m_buf = nullptr;
    whole = TipcMsg::FromPacket(buf);
    if (whole)
    {
        whole->SetTruesize(m_truesize);
    }
    return whole ? Result::COMPLETE : Result::ERROR;
}

bool
TipcReassembler::IsOpen() const
{
    return m_buf != nullptr;
}

void
TipcReassembler::Clear()
{
    m_buf = nullptr;
}

} // namespace ns3
