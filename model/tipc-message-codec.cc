// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-message-codec.h"

#include "tipc-bytes.h"
#include "tipc-constants.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

using namespace tipc;

namespace
{

/// Users Linux may put inside a bundle (tipc_msg_try_bundle never bundles the others).
bool
IsBundleable(uint32_t user)
{
    return user <= TIPC_CRITICAL_IMPORTANCE || user == CONN_MANAGER || user == GROUP_PROTOCOL ||
           user == NAME_DISTRIBUTOR || user == MSG_CRYPTO;
}

/// Users Linux may tunnel (everything sent on a link's transmit queue).
bool
IsTunnelable(uint32_t user)
{
    return user != LINK_PROTOCOL && user != LINK_CONFIG;
}

/// Inner-message errors that mean "the container ended too early".
TipcDecodeError
InnerError(TipcDecodeError e)
{
    if (e == TipcDecodeError::SIZE_EXCEEDS_BUFFER || e == TipcDecodeError::TRUNCATED_HEADER)
    {
        return TipcDecodeError::TRUNCATED_INNER;
    }
    return e;
}

} // namespace

TipcDecodeError
TipcMessageCodec::Decode(const uint8_t* data,
                         uint32_t len,
                         TipcDecodedMessage& out,
                         Trailer trailer)
{
    TipcDecodedMessage msg;
    TipcHeader header;
    TipcDecodeError e = DecodeAt(data, len, &msg, header, trailer, 0);
    if (e == TipcDecodeError::NONE)
    {
        out = std::move(msg);
    }
    return e;
}

TipcDecodeError
TipcMessageCodec::Validate(const uint8_t* data, uint32_t len, TipcHeader& header, Trailer trailer)
{
    return DecodeAt(data, len, nullptr, header, trailer, 0);
}

bool
TipcMessageCodec::ValidationReadsPayload(uint32_t user)
{
    // the users DecodePayload has a case for; the others' payload is opaque
    switch (user)
    {
    case LINK_CONFIG:
    case LINK_PROTOCOL:
    case NAME_DISTRIBUTOR:
    case MSG_BUNDLER:
    case TUNNEL_PROTOCOL:
        return true;
    default:
        return false;
    }
}

TipcDecodeError
TipcMessageCodec::DecodeAt(const uint8_t* data,
                           uint32_t len,
                           TipcDecodedMessage* out,
                           TipcHeader& header,
                           Trailer trailer,
                           uint32_t depth)
{
    TipcDecodeError e = TipcHeader::Decode(data, len, header);
    if (e != TipcDecodeError::NONE)
    {
        return e;
    }
    uint32_t size = header.GetSize();
    if (len > size)
    {
        bool ok = trailer == Trailer::ANY ||
                  (trailer == Trailer::ETHERNET_PADDING && len <= ETH_MIN_PAYLOAD);
        if (!ok)
        {
            return TipcDecodeError::TRAILING_BYTES;
        }
    }
    if (out != nullptr)
    {
        out->header = header;
    }
    return DecodePayload(header, data + header.GetHeaderSize(), out, depth);
}

TipcDecodeError
TipcMessageCodec::DecodePayload(const TipcHeader& h,
                                const uint8_t* p,
                                TipcDecodedMessage* out,
                                uint32_t depth)
{
    const uint32_t user = h.GetUser();
    const uint32_t type = h.GetType();
    const uint32_t dsz = h.GetDataSize();

    switch (user)
    {
    case LINK_CONFIG: {
        // tipc_disc_rcv reads the 16-byte identity only from a peer with
        // TIPC_NODE_ID128; an older peer's payload (none: 60 bytes) is not read
        const bool id128 = (h.GetNodeCapabilities() & TIPC_NODE_ID128) != 0;
        if (id128 && dsz != NODE_ID_LEN)
        {
            return TipcDecodeError::BAD_DISCOVERY_SIZE;
        }
        // the media type byte is the receiving medium's to judge (its msg2addr)
        uint8_t info[TIPC_MEDIA_INFO_SIZE];
        h.GetMediaInfo(info);
        TipcMediaAddress media = TipcMediaAddress::FromMediaInfo(info);
        if (out != nullptr)
        {
            out->mediaAddress = media;
            if (id128)
            {
                out->nodeId = TipcNodeId::FromBuffer(p);
            }
            else
            {
                out->data.assign(p, p + dsz); // kept as is, never interpreted
            }
        }
        return TipcDecodeError::NONE;
    }
    case LINK_PROTOCOL: {
        if (type != STATE_MSG)
        {
            // RESET / ACTIVATE: the sender's interface name, NUL terminated
            if (dsz != TIPC_MAX_IF_NAME || std::memchr(p, 0, TIPC_MAX_IF_NAME) == nullptr)
            {
                return TipcDecodeError::BAD_IF_NAME;
            }
            if (out != nullptr)
            {
                std::copy(p, p + TIPC_MAX_IF_NAME, out->ifName.begin());
            }
            return TipcDecodeError::NONE;
        }
        if (dsz == 0)
        {
            return TipcDecodeError::NONE; // legacy peer: header only
        }
        // tipc_link_proto_rcv drops a STATE only when the gap ACK record's length field
        // exceeds the data; records that do not parse are ignored and the STATE is
        // processed (tipc_get_gap_ack_blks, tipc_mon_rcv)
        if (dsz < 2 || ReadBe16(p) > dsz)
        {
            return TipcDecodeError::BAD_GAP_ACK_RECORD;
        }
        TipcGapAckBlocks gap;
        if (!TipcGapAckBlocks::Deserialize(p, dsz, gap))
        {
            if (out != nullptr)
            {
                out->data.assign(p, p + dsz); // no gap ACK record: kept as is
            }
            return TipcDecodeError::NONE;
        }
        uint32_t off = gap.GetSerializedSize();
        TipcMonitorRecord mon;
        bool hasMon = off < dsz && TipcMonitorRecord::Deserialize(p + off, dsz - off, mon);
        if (out != nullptr)
        {
            out->hasGapAcks = true;
            out->gapAcks = std::move(gap);
            out->hasMonitor = hasMon;
            out->monitor = std::move(mon);
            if (!hasMon)
            {
                out->data.assign(p + off, p + dsz); // no monitor record: kept as is
            }
        }
        return TipcDecodeError::NONE;
    }
    case NAME_DISTRIBUTOR: {
        if (dsz == 0)
        {
            return TipcDecodeError::EMPTY_NAME_DISTR;
        }
        if (dsz % ITEM_SIZE != 0)
        {
            return TipcDecodeError::TRUNCATED_ITEMS;
        }
        if (out != nullptr)
        {
            out->items.reserve(dsz / ITEM_SIZE);
        }
        for (uint32_t off = 0; off < dsz; off += ITEM_SIZE)
        {
            TipcNameItem item = TipcNameItem::Deserialize(p + off);
            if (item.lower > item.upper)
            {
                return TipcDecodeError::BAD_ITEM_RANGE;
            }
            if (out != nullptr)
            {
                out->items.push_back(item);
            }
        }
        return TipcDecodeError::NONE;
    }
    case MSG_BUNDLER: {
        if (dsz == 0)
        {
            return TipcDecodeError::EMPTY_BUNDLE;
        }
        if (depth + 1 > MAX_DEPTH)
        {
            return TipcDecodeError::TOO_DEEP;
        }
        uint32_t pos = 0;
        uint32_t count = 0;
        while (pos < dsz)
        {
            if (dsz - pos < MIN_H_SIZE)
            {
                return TipcDecodeError::TRUNCATED_INNER;
            }
            TipcHeader ih;
            TipcDecodeError e = TipcHeader::Decode(p + pos, dsz - pos, ih);
            if (e != TipcDecodeError::NONE)
            {
                return InnerError(e);
            }
            if (ih.GetUser() == MSG_BUNDLER)
            {
                return TipcDecodeError::NESTED_BUNDLE;
            }
            if (!IsBundleable(ih.GetUser()))
            {
                return TipcDecodeError::BAD_INNER_USER;
            }
            TipcDecodedMessage* innerOut = nullptr;
            if (out != nullptr)
            {
                out->inner.emplace_back();
                innerOut = &out->inner.back();
                innerOut->header = ih;
            }
            e = DecodePayload(ih, p + pos + ih.GetHeaderSize(), innerOut, depth + 1);
            if (e != TipcDecodeError::NONE)
            {
                return e;
            }
            ++count;
            uint32_t next = std::min(dsz, pos + Align4(ih.GetSize()));
            if (innerOut != nullptr)
            {
                // Linux leaves the alignment bytes uninitialised: keep them as they are
                innerOut->padding.assign(p + pos + ih.GetSize(), p + next);
            }
            pos = next;
        }
        if (count != h.GetMsgCount())
        {
            return TipcDecodeError::BAD_MESSAGE_COUNT;
        }
        return TipcDecodeError::NONE;
    }
    case TUNNEL_PROTOCOL: {
        if (dsz == 0)
        {
            return TipcDecodeError::NONE; // SYNCH carrying only the synch point
        }
        if (depth + 1 > MAX_DEPTH)
        {
            return TipcDecodeError::TOO_DEEP;
        }
        TipcHeader ih;
        TipcDecodeError e = TipcHeader::Decode(p, dsz, ih);
        if (e != TipcDecodeError::NONE)
        {
            return InnerError(e);
        }
        if (ih.GetSize() != dsz)
        {
            return TipcDecodeError::TRAILING_BYTES;
        }
        if (!IsTunnelable(ih.GetUser()))
        {
            return TipcDecodeError::BAD_INNER_USER;
        }
        TipcDecodedMessage* innerOut = nullptr;
        if (out != nullptr)
        {
            out->inner.emplace_back();
            innerOut = &out->inner.back();
            innerOut->header = ih;
        }
        return DecodePayload(ih, p + ih.GetHeaderSize(), innerOut, depth + 1);
    }
    default:
        if (out != nullptr)
        {
            out->data.assign(p, p + dsz);
        }
        return TipcDecodeError::NONE;
    }
}

std::vector<uint8_t>
TipcMessageCodec::Encode(const TipcDecodedMessage& msg)
{
    std::vector<uint8_t> out;
    EncodeTo(msg, out);
    return out;
}

void
TipcMessageCodec::Finalize(TipcDecodedMessage& msg)
{
    for (auto& inner : msg.inner)
    {
        Finalize(inner);
    }
    if (msg.header.GetUser() == MSG_BUNDLER)
    {
        msg.header.SetMsgCount(static_cast<uint16_t>(msg.inner.size()));
    }
    // Encode with a provisional size, then store the real one.
    msg.header.SetSize(msg.header.GetHeaderSize());
    msg.header.SetSize(static_cast<uint32_t>(Encode(msg).size()));
}

void
TipcMessageCodec::EncodeTo(const TipcDecodedMessage& msg, std::vector<uint8_t>& out)
{
    const TipcHeader& h = msg.header;
    size_t start = out.size();
    out.resize(start + h.GetHeaderSize());
    h.WriteTo(out.data() + start);

    auto append = [&out](uint32_t n) {
        size_t at = out.size();
        out.resize(at + n);
        return out.data() + at;
    };
    // opaque payload bytes, kept as they were decoded
    auto appendData = [&]() {
        std::copy(msg.data.begin(), msg.data.end(), append(static_cast<uint32_t>(msg.data.size())));
    };

    switch (h.GetUser())
    {
    case LINK_CONFIG:
        if (h.GetNodeCapabilities() & TIPC_NODE_ID128)
        {
            msg.nodeId.CopyTo(append(NODE_ID_LEN));
        }
        else
        {
            appendData();
        }
        break;
    case LINK_PROTOCOL:
        if (h.GetType() != STATE_MSG)
        {
            std::copy(msg.ifName.begin(), msg.ifName.end(), append(TIPC_MAX_IF_NAME));
            break;
        }
        if (msg.hasGapAcks)
        {
            msg.gapAcks.Serialize(append(msg.gapAcks.GetSerializedSize()));
        }
        if (msg.hasMonitor)
        {
            msg.monitor.Serialize(append(msg.monitor.GetSerializedSize()));
        }
        appendData();
        break;
    case NAME_DISTRIBUTOR:
        for (const auto& item : msg.items)
        {
            item.Serialize(append(ITEM_SIZE));
        }
        break;
    case MSG_BUNDLER:
    case TUNNEL_PROTOCOL:
        for (size_t i = 0; i < msg.inner.size(); ++i)
        {
            const TipcDecodedMessage& in = msg.inner[i];
            EncodeTo(in, out);
            uint32_t used = static_cast<uint32_t>(out.size() - start - h.GetHeaderSize());
            // Between messages: exactly the alignment bytes (as received, else zeros).
            // After the last one: whatever alignment bytes were received (Linux sends none).
            uint32_t pad = i + 1 < msg.inner.size()
                               ? Align4(used) - used
                               : std::min<uint32_t>(Align4(used) - used,
                                                    static_cast<uint32_t>(in.padding.size()));
            uint8_t* p = append(pad);
            if (in.padding.size() == pad)
            {
                std::copy(in.padding.begin(), in.padding.end(), p);
            }
        }
        break;
    default:
        appendData();
        break;
    }
}

} // namespace ns3
