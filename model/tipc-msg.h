// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_MSG_H
#define TIPC_MSG_H

#include "tipc-header.h"

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simple-ref-count.h"

#include <deque>
#include <vector>

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
    /**
     * @return the buffer memory a socket is charged for this message (skb->truesize):
     *         its own buffer's (BufTruesize), or its fragments' after reassembly
     *         (SetTruesize)
     */
    uint32_t GetTruesize() const;
    /**
     * @brief Set the buffer memory of this message, then apply tipc_msg_validate's
     *        ratio rule: a buffer of 4 or more times the message's length rounded up
     *        to whole KiB is copied into one of its own.
     * @param truesize the buffer memory
     */
    void SetTruesize(uint32_t truesize);
    /**
     * @brief Buffer memory Linux charges for a message of @p size bytes built as one
     *        buffer (skb truesize of tipc_buf_acquire, Debian 6.1 amd64).
     * @param size header plus data bytes
     * @return truesize in bytes
     */
    static uint32_t BufTruesize(uint32_t size);

    TipcHeader hdr;   //!< the header
    Ptr<Packet> data; //!< the payload (without header)

    // link control block (tipc_skb_cb)
    int64_t nxtRetr;               //!< earliest next retransmission (jiffies)
    int64_t retrStamp;             //!< time of the first retransmission (jiffies)
    uint16_t retrCnt;              //!< retransmissions of this packet
    uint16_t ackers;               //!< broadcast: peers that still have to ack
    std::vector<uint32_t> ackedBy; //!< broadcast: peers (addresses) that acked it already
    Time enqueued;                 //!< when the message entered the link (latency statistics)
    uint32_t truesize{0};          //!< skb->truesize if not its own buffer's (0)

    // ---------------------------------------------------------------- msg.c operations
    /**
     * @brief Parse a whole message from its wire bytes (header validated with
     *        TipcHeader::Decode, payload left unchecked).
     * @param wire the bytes
     * @return the message, or null if the header is invalid or the size does not match
     */
    static Ptr<TipcMsg> FromPacket(Ptr<const Packet> wire);

    /**
     * @brief Build a message, fragmenting it into MSG_FRAGMENTER packets of at
     *        most @p pktmax bytes if it is larger (Linux tipc_msg_build).
     *        Each fragment carries pktmax - 40 bytes of the original message
     *        (header included); nof_fragms is 0.
     * @param hdr header of the message (its size is set here)
     * @param data user data
     * @param pktmax largest packet the destination link accepts
     * @return the packets, in order
     */
    static std::deque<Ptr<TipcMsg>> Build(TipcHeader hdr, Ptr<const Packet> data, uint32_t pktmax);

    /**
     * @brief Can a message go into a bundle on a link with this MSS
     *        (not a fragment, tunnel or broadcast-protocol message, and
     *        40 + size < mss)?
     * @param m the message
     * @param mss link MSS
     * @return true if bundleable
     */
    static bool IsBundleable(const Ptr<TipcMsg>& m, uint32_t mss);
    /**
     * @brief Add @p m to the bundle target (tipc_msg_try_bundle /
     *        tipc_msg_bundle), turning a plain target into a bundle in place.
     * @param target the backlog's bundle target
     * @param m the message
     * @param mss link MSS (bundle size limit)
     * @param dnode destination node of the bundle header
     * @param[out] newBundle a bundle was created from the target
     * @return true if @p m was added; false if there is no target or it does not fit
     */
    static bool Bundle(Ptr<TipcMsg>& target,
                       const Ptr<TipcMsg>& m,
                       uint32_t mss,
                       uint32_t dnode,
                       bool& newBundle);
    /**
     * @brief Inner messages of a bundle or tunnel packet (tipc_msg_extract);
     *        an invalid inner message ends the list.  Each is copied into a buffer
     *        of its own (tipc_buf_acquire), as Linux does.
     * @param m the bundle / tunnel packet
     * @return the inner messages
     */
    static std::vector<Ptr<TipcMsg>> Extract(const Ptr<TipcMsg>& m);
    /**
     * @brief Split a whole packet into tunnel fragments (tipc_msg_fragment):
     *        fragm_no 1..n, nof_fragms n, each after a copy of @p tunnelHdr.
     * @param inner the packet to split
     * @param tunnelHdr the tunnel header template
     * @param pktmax largest tunnel packet
     * @return the fragments (empty if @p inner fits)
     */
    static std::vector<Ptr<TipcMsg>> Fragment(const Ptr<TipcMsg>& inner,
                                              const TipcHeader& tunnelHdr,
                                              uint32_t pktmax);
    /**
     * @brief A rejected message returned to its sender (tipc_msg_reverse):
     *        ports swapped, error code set, at most 1024 data bytes.
     * @param m the message
     * @param ownAddr own node address
     * @param err error code
     * @return the returned message, or null if it must be dropped
     *         (dest-droppable, or already carrying an error)
     */
    static Ptr<TipcMsg> Reverse(const Ptr<TipcMsg>& m, uint32_t ownAddr, uint32_t err);
};

/**
 * @ingroup tipc
 * @brief Reassembly of MSG_FRAGMENTER packets (Linux tipc_buf_append).
 */
class TipcReassembler
{
  public:
    /// Outcome of adding a fragment.
    enum class Result
    {
        INCOMPLETE, //!< more fragments needed
        COMPLETE,   //!< the whole message is available
        ERROR,      //!< fragment without FIRST, FIRST while open, or invalid whole message
    };

    /**
     * @brief Add a fragment.
     * @param frag a MSG_FRAGMENTER packet (type FIRST/FRAGMENT/LAST)
     * @param[out] whole the reassembled message when COMPLETE
     * @return the outcome; after ERROR the reassembly is empty
     */
    Result Append(const Ptr<TipcMsg>& frag, Ptr<TipcMsg>& whole);
    /**
     * @brief Add a fragment whose type is given separately (tunnel fragments).
     * @param frag the fragment
     * @param type FIRST_FRAGMENT, FRAGMENT or LAST_FRAGMENT
     * @param[out] whole the reassembled message when COMPLETE
     * @return the outcome
     */
    Result Append(const Ptr<TipcMsg>& frag, uint32_t type, Ptr<TipcMsg>& whole);
    /** @return true while a reassembly is open */
    bool IsOpen() const;
    /** @brief Drop a partial message. */
    void Clear();

  private:
    Ptr<Packet> m_buf;      //!< bytes collected so far (null: none open)
    uint32_t m_truesize{0}; //!< the fragments' buffer memory (chained, not copied)
};

} // namespace ns3

#endif // TIPC_MSG_H
