// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MSG_H
#define TIPC_MSG_H

#include "tipc-header.h"

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simple-ref-count.h"

namespace ns3
{

/**
 * @ingroup tipc
 * @brief A TIPC message inside the stack: header plus payload, and the
 *        per-message control block the link keeps (Linux sk_buff with
 *        struct tipc_skb_cb).
 *
 * The header is kept as a TipcHeader so the link can stamp sequence numbers
 * and acks without reserializing; the payload is an ns3::Packet shared
 * copy-on-write between clones.  ToPacket() gives the wire bytes.
 */
class TipcMsg : public SimpleRefCount<TipcMsg>
{
  public:
    /** @brief An empty message. */
    TipcMsg();
    /**
     * @brief A message from a header and its payload.
     * @param header header (its size fields must describe @p data)
     * @param data payload (may be null for header-only messages)
     */
    TipcMsg(const TipcHeader& header, Ptr<Packet> data);

    /** @return a copy (header copied, payload shared copy-on-write, control block copied) */
    Ptr<TipcMsg> Clone() const;
    /** @return the wire bytes: header followed by payload */
    Ptr<Packet> ToPacket() const;
    /** @return the payload bytes as a vector (test and reassembly helper) */
    std::vector<uint8_t> PayloadBytes() const;
    /** @return total message size (header size + payload) */
    uint32_t GetSize() const;

    TipcHeader hdr;   //!< the header
    Ptr<Packet> data; //!< the payload (without header)

    // link control block (tipc_skb_cb)
    Time nxtRetr;     //!< earliest next retransmission
    Time retrStamp;   //!< time of the first retransmission
    uint16_t retrCnt; //!< retransmissions of this packet
    uint16_t ackers;  //!< broadcast: peers that still have to ack
    Time enqueued;    //!< when the message entered the link (latency statistics)
};

} // namespace ns3

#endif // TIPC_MSG_H
