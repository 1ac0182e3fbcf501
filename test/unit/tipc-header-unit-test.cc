// SPDX-License-Identifier: GPL-2.0-only
//
// TipcHeader field layout: every accessor writes exactly the bits that Linux
// msg.h defines (reference sections 1.2 and 1.4), and nothing else.

#include "ns3/tipc-bytes.h"
#include "ns3/tipc-header.h"

#include <catch2/catch.hpp>
#include <functional>
#include <vector>

using namespace ns3;
using namespace ns3::tipc;

namespace
{

/// Header words after WriteTo().
std::vector<uint32_t>
Words(const TipcHeader& h)
{
    std::vector<uint8_t> b(h.GetHeaderSize());
    h.WriteTo(b.data());
    std::vector<uint32_t> w;
    for (size_t i = 0; i < b.size(); i += 4)
    {
        w.push_back(ReadBe32(&b[i]));
    }
    return w;
}

struct FieldCase
{
    const char* name;
    uint32_t user;
    uint32_t hsize;
    uint32_t word;
    uint32_t expected; // word value after setting the field to its maximum
    std::function<void(TipcHeader&)> set;
    std::function<uint32_t(const TipcHeader&)> get;
    uint32_t value;
};

} // namespace

TEST_CASE("each field occupies exactly its Linux bits", "[header]")
{
    const std::vector<FieldCase> cases = {
        {"non_seq",
         LINK_CONFIG,
         MAX_H_SIZE,
         0,
         1U << 20,
         [](TipcHeader& h) { h.SetNonSeq(true); },
         [](const TipcHeader& h) { return h.IsNonSeq(); },
         1},
        {"dest_droppable",
         0,
         NAMED_H_SIZE,
         0,
         1U << 19,
         [](TipcHeader& h) { h.SetDestDroppable(true); },
         [](const TipcHeader& h) { return h.IsDestDroppable(); },
         1},
        {"src_droppable",
         0,
         NAMED_H_SIZE,
         0,
         1U << 18,
         [](TipcHeader& h) { h.SetSrcDroppable(true); },
         [](const TipcHeader& h) { return h.IsSrcDroppable(); },
         1},
        {"syn",
         0,
         NAMED_H_SIZE,
         0,
         1U << 17,
         [](TipcHeader& h) { h.SetSyn(true); },
         [](const TipcHeader& h) { return h.IsSyn(); },
         1},
        {"errcode",
         0,
         NAMED_H_SIZE,
         1,
         0xfU << 25,
         [](TipcHeader& h) { h.SetErrorCode(0xf); },
         [](const TipcHeader& h) { return h.GetErrorCode(); },
         0xf},
        {"reroute",
         0,
         NAMED_H_SIZE,
         1,
         0xfU << 21,
         [](TipcHeader& h) { h.SetRerouteCount(0xf); },
         [](const TipcHeader& h) { return h.GetRerouteCount(); },
         0xf},
        {"lookup_scope",
         0,
         NAMED_H_SIZE,
         1,
         0x3U << 19,
         [](TipcHeader& h) { h.SetLookupScope(3); },
         [](const TipcHeader& h) { return h.GetLookupScope(); },
         3},
        {"bcast_ack",
         0,
         NAMED_H_SIZE,
         1,
         0xffff,
         [](TipcHeader& h) { h.SetBcastAck(0xffff); },
         [](const TipcHeader& h) { return h.GetBcastAck(); },
         0xffff},
        {"seq_gap",
         LINK_PROTOCOL,
         INT_H_SIZE,
         1,
         0x1fffU << 16,
         [](TipcHeader& h) { h.SetSeqGap(0x1fff); },
         [](const TipcHeader& h) { return h.GetSeqGap(); },
         0x1fff},
        {"dest_session_valid",
         LINK_PROTOCOL,
         INT_H_SIZE,
         1,
         1U << 16,
         [](TipcHeader& h) { h.SetDestSessionValid(true); },
         [](const TipcHeader& h) { return h.IsDestSessionValid(); },
         1},
        {"node_caps",
         LINK_CONFIG,
         MAX_H_SIZE,
         1,
         0x1fffU << 15,
         [](TipcHeader& h) { h.SetNodeCapabilities(0x1fff); },
         [](const TipcHeader& h) { return h.GetNodeCapabilities(); },
         0x1fff},
        {"bulk",
         NAME_DISTRIBUTOR,
         INT_H_SIZE,
         1,
         1U << 28,
         [](TipcHeader& h) { h.SetBulk(true); },
         [](const TipcHeader& h) { return h.IsBulk(); },
         1},
        {"last_bulk",
         NAME_DISTRIBUTOR,
         INT_H_SIZE,
         1,
         1U << 27,
         [](TipcHeader& h) { h.SetLastBulk(true); },
         [](const TipcHeader& h) { return h.IsLastBulk(); },
         1},
        {"non_legacy",
         NAME_DISTRIBUTOR,
         INT_H_SIZE,
         1,
         1U << 26,
         [](TipcHeader& h) { h.SetNonLegacy(true); },
         [](const TipcHeader& h) { return !h.IsLegacy(); },
         1},
        {"ack",
         0,
         NAMED_H_SIZE,
         2,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetAck(0xffff); },
         [](const TipcHeader& h) { return h.GetAck(); },
         0xffff},
        {"seqno",
         0,
         NAMED_H_SIZE,
         2,
         0xffff,
         [](TipcHeader& h) { h.SetSeqno(0xffff); },
         [](const TipcHeader& h) { return h.GetSeqno(); },
         0xffff},
        {"last_bcast",
         LINK_PROTOCOL,
         INT_H_SIZE,
         4,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetLastBcast(0xffff); },
         [](const TipcHeader& h) { return h.GetLastBcast(); },
         0xffff},
        {"next_sent",
         LINK_PROTOCOL,
         INT_H_SIZE,
         4,
         0xffff,
         [](TipcHeader& h) { h.SetNextSent(0xffff); },
         [](const TipcHeader& h) { return h.GetNextSent(); },
         0xffff},
        {"fragm_no",
         MSG_FRAGMENTER,
         INT_H_SIZE,
         4,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetFragmNo(0xffff); },
         [](const TipcHeader& h) { return h.GetFragmNo(); },
         0xffff},
        {"named_seqno",
         NAME_DISTRIBUTOR,
         INT_H_SIZE,
         4,
         0xffff,
         [](TipcHeader& h) { h.SetNamedSeqno(0xffff); },
         [](const TipcHeader& h) { return h.GetNamedSeqno(); },
         0xffff},
        {"session",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetSession(0xffff); },
         [](const TipcHeader& h) { return h.GetSession(); },
         0xffff},
        {"bc_ack_invalid",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         1U << 14,
         [](TipcHeader& h) { h.SetBcAckInvalid(true); },
         [](const TipcHeader& h) { return h.IsBcAckInvalid(); },
         1},
        {"peer_stopping",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         1U << 13,
         [](TipcHeader& h) { h.SetPeerStopping(true); },
         [](const TipcHeader& h) { return h.IsPeerStopping(); },
         1},
        {"redundant_link",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         1U << 12,
         [](TipcHeader& h) { h.SetRedundantLink(true); },
         [](const TipcHeader& h) { return h.IsRedundantLink(); },
         1},
        {"bearer_id",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         0x7U << 9,
         [](TipcHeader& h) { h.SetBearerId(7); },
         [](const TipcHeader& h) { return h.GetBearerId(); },
         7},
        {"link_prio",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         0x1fU << 4,
         [](TipcHeader& h) { h.SetLinkPriority(31); },
         [](const TipcHeader& h) { return h.GetLinkPriority(); },
         31},
        {"net_plane",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         0x7U << 1,
         [](TipcHeader& h) { h.SetNetPlane('H'); },
         [](const TipcHeader& h) { return uint32_t(h.GetNetPlane()); },
         'H'},
        {"probe",
         LINK_PROTOCOL,
         INT_H_SIZE,
         5,
         1,
         [](TipcHeader& h) { h.SetProbe(true); },
         [](const TipcHeader& h) { return h.IsProbe(); },
         1},
        {"bc_gap",
         LINK_PROTOCOL,
         INT_H_SIZE,
         8,
         0x3ff,
         [](TipcHeader& h) { h.SetBcGap(0x3ff); },
         [](const TipcHeader& h) { return h.GetBcGap(); },
         0x3ff},
        {"max_pkt",
         LINK_PROTOCOL,
         INT_H_SIZE,
         9,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetMaxPkt(0xffff * 4); },
         [](const TipcHeader& h) { return h.GetMaxPkt(); },
         0xffff * 4},
        {"tolerance",
         LINK_PROTOCOL,
         INT_H_SIZE,
         9,
         0xffff,
         [](TipcHeader& h) { h.SetLinkTolerance(0xffff); },
         [](const TipcHeader& h) { return h.GetLinkTolerance(); },
         0xffff},
        {"msgcnt",
         MSG_BUNDLER,
         INT_H_SIZE,
         9,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetMsgCount(0xffff); },
         [](const TipcHeader& h) { return h.GetMsgCount(); },
         0xffff},
        {"frag_importance",
         MSG_FRAGMENTER,
         INT_H_SIZE,
         9,
         0x7,
         [](TipcHeader& h) { h.SetImportance(7); },
         [](const TipcHeader& h) { return h.GetImportance(); },
         7},
        {"conn_ack",
         CONN_MANAGER,
         INT_H_SIZE,
         9,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetConnAck(0xffff); },
         [](const TipcHeader& h) { return h.GetConnAck(); },
         0xffff},
        {"adv_win",
         CONN_MANAGER,
         INT_H_SIZE,
         9,
         0xffff,
         [](TipcHeader& h) { h.SetAdvWindow(0xffff); },
         [](const TipcHeader& h) { return h.GetAdvWindow(); },
         0xffff},
        {"grp_bc_seqno",
         0,
         MCAST_H_SIZE,
         10,
         0xffffU << 16,
         [](TipcHeader& h) { h.SetGrpBcSeqno(0xffff); },
         [](const TipcHeader& h) { return h.GetGrpBcSeqno(); },
         0xffff},
        {"grp_evt",
         0,
         MCAST_H_SIZE,
         10,
         0x3,
         [](TipcHeader& h) { h.SetGrpEvt(3); },
         [](const TipcHeader& h) { return h.GetGrpEvt(); },
         3},
        {"peer_net_hash",
         LINK_CONFIG,
         MAX_H_SIZE,
         13,
         0xdeadbeef,
         [](TipcHeader& h) { h.SetPeerNetHash(0xdeadbeef); },
         [](const TipcHeader& h) { return h.GetPeerNetHash(); },
         0xdeadbeef},
        {"sugg_node_addr",
         LINK_CONFIG,
         MAX_H_SIZE,
         14,
         0xcafef00d,
         [](TipcHeader& h) { h.SetSuggNodeAddr(0xcafef00d); },
         [](const TipcHeader& h) { return h.GetSuggNodeAddr(); },
         0xcafef00d},
    };
    for (const auto& c : cases)
    {
        INFO("field " << c.name);
        TipcHeader h;
        h.Init(0, c.user, 0, c.hsize, 0);
        std::vector<uint32_t> before = Words(h);
        c.set(h);
        std::vector<uint32_t> after = Words(h);
        CHECK(c.get(h) == c.value);
        for (size_t w = 0; w < after.size(); ++w)
        {
            INFO("word " << w);
            if (w == c.word)
            {
                CHECK((after[w] ^ before[w]) == c.expected);
            }
            else
            {
                CHECK(after[w] == before[w]);
            }
        }
    }
}

TEST_CASE("Init mirrors tipc_msg_init", "[header]")
{
    TipcHeader h;
    h.Init(0x01001001, TIPC_HIGH_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, 0x01001002);
    std::vector<uint32_t> w = Words(h);
    REQUIRE(w.size() == 10);
    // version 2, user 2, hsize 10 words, size 40
    CHECK(w[0] == ((2U << 29) | (2U << 25) | (10U << 21) | 40U));
    CHECK(w[1] == (TIPC_NAMED_MSG << 29));
    CHECK(w[3] == 0x01001001);
    CHECK(w[6] == 0x01001001);
    CHECK(w[7] == 0x01001002);
    CHECK(h.GetImportance() == TIPC_HIGH_IMPORTANCE);
    h.SetErrorCode(TIPC_ERR_NO_PORT);
    CHECK(h.GetImportance() == TIPC_SYSTEM_IMPORTANCE); // errored data is system importance

    TipcHeader s;
    s.Init(0x01001001, TIPC_LOW_IMPORTANCE, TIPC_CONN_MSG, SHORT_H_SIZE, 0x01001002);
    CHECK(s.GetHeaderSize() == 24);
    CHECK(s.GetOrigNode() == 0x01001001); // SHORT: orignode is prevnode
    CHECK(s.GetDestNode() == 0);
}

TEST_CASE("LINK_CONFIG capability/signature overlap on bit 15", "[header]")
{
    TipcHeader h;
    h.Init(0, LINK_CONFIG, DSC_REQ_MSG, MAX_H_SIZE, 0);
    h.SetNodeSig(0x1234);
    h.SetNodeCapabilities(TIPC_NODE_CAPABILITIES);
    // capabilities are set last in Linux: bit 15 of the signature is capability bit 0
    CHECK(h.GetNodeSig() == (0x1234 | 0x8000));
    CHECK(h.GetNodeCapabilities() == TIPC_NODE_CAPABILITIES);
}

TEST_CASE("peer node/link up predicates", "[header]")
{
    TipcHeader h;
    h.Init(0, LINK_PROTOCOL, RESET_MSG, INT_H_SIZE, 0);
    CHECK_FALSE(h.PeerLinkIsUp());
    CHECK_FALSE(h.PeerNodeIsUp());
    h.SetRedundantLink(true);
    CHECK(h.PeerNodeIsUp());
    h.SetType(STATE_MSG);
    CHECK(h.PeerLinkIsUp());
    TipcHeader d;
    d.Init(0, 0, TIPC_DIRECT_MSG, BASIC_H_SIZE, 0);
    CHECK(d.PeerLinkIsUp());
}

TEST_CASE("names of users and types", "[header]")
{
    TipcHeader h;
    h.Init(0, LINK_PROTOCOL, ACTIVATE_MSG, INT_H_SIZE, 0);
    CHECK(h.GetUserName() == "LINK_PROTOCOL");
    CHECK(h.GetTypeName() == "ACTIVATE_MSG");
    h.Init(0, LINK_CONFIG, DSC_TRIAL_FAIL_MSG, MAX_H_SIZE, 0);
    CHECK(h.GetTypeName() == "DSC_TRIAL_FAIL_MSG");
    h.Init(0, TIPC_CRITICAL_IMPORTANCE, TIPC_GRP_UCAST_MSG, MCAST_H_SIZE, 0);
    CHECK(h.GetUserName() == "CRITICAL_IMPORTANCE");
    CHECK(h.GetTypeName() == "GRP_UCAST_MSG");
    CHECK(h.ToString().find("CRITICAL_IMPORTANCE/GRP_UCAST_MSG") == 0);
}
