// SPDX-License-Identifier: GPL-2.0-only
//
// Stand-alone driver for LLVMFuzzerTestOneInput when libFuzzer is not used:
// runs the files given on the command line, then --runs=N generated inputs
// (random bytes, TIPC-looking random headers, and mutations of one valid
// message of every user), deterministically from --seed=S.

#include "ns3/tipc-constants.h"
#include "ns3/tipc-message-codec.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace
{

/// One small valid message per user, as mutation seeds.
std::vector<std::vector<uint8_t>>
Seeds()
{
    using namespace ns3;
    using namespace ns3::tipc;
    std::vector<std::vector<uint8_t>> seeds;
    auto add = [&seeds](TipcDecodedMessage& m) {
        TipcMessageCodec::Finalize(m);
        seeds.push_back(TipcMessageCodec::Encode(m));
    };
    TipcDecodedMessage named;
    named.header.Init(1, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, 2);
    named.data = {1, 2, 3, 4, 5};
    add(named);
    TipcDecodedMessage disc;
    disc.header.Init(1, LINK_CONFIG, DSC_REQ_MSG, MAX_H_SIZE, 0);
    uint8_t info[TIPC_MEDIA_INFO_SIZE] = {0, 0, 0, TIPC_MEDIA_TYPE_ETH, 2, 0, 0, 0, 0, 1};
    disc.header.SetMediaInfo(info);
    add(disc);
    TipcDecodedMessage state;
    state.header.Init(1, LINK_PROTOCOL, STATE_MSG, INT_H_SIZE, 2);
    state.hasGapAcks = true;
    state.gapAcks.ucast = {{4, 5}, {11, 1}};
    state.hasMonitor = true;
    state.monitor.members = {7, 8};
    add(state);
    TipcDecodedMessage reset;
    reset.header.Init(1, LINK_PROTOCOL, RESET_MSG, INT_H_SIZE, 2);
    reset.ifName[0] = 'e';
    add(reset);
    TipcDecodedMessage nd;
    nd.header.Init(1, NAME_DISTRIBUTOR, PUBLICATION, INT_H_SIZE, 0);
    nd.items = {{100, 1, 2, 3, 4}, {0, 1, 1, 0, 1}};
    add(nd);
    TipcDecodedMessage bundle;
    bundle.header.Init(1, MSG_BUNDLER, 0, INT_H_SIZE, 2);
    bundle.inner = {named, nd, named};
    add(bundle);
    TipcDecodedMessage tunnel;
    tunnel.header.Init(1, TUNNEL_PROTOCOL, FAILOVER_MSG, INT_H_SIZE, 2);
    tunnel.inner = {bundle};
    add(tunnel);
    TipcDecodedMessage frag;
    frag.header.Init(1, MSG_FRAGMENTER, FIRST_FRAGMENT, INT_H_SIZE, 2);
    frag.header.SetFragmNo(1);
    frag.data = seeds[0];
    add(frag);
    return seeds;
}

bool
ReadFile(const std::string& path, std::vector<uint8_t>& out)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
    {
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

} // namespace

int
main(int argc, char** argv)
{
    uint64_t runs = 100000;
    uint32_t seed = 1;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a.rfind("--runs=", 0) == 0)
        {
            runs = std::stoull(a.substr(7));
        }
        else if (a.rfind("--seed=", 0) == 0)
        {
            seed = static_cast<uint32_t>(std::stoul(a.substr(7)));
        }
        else
        {
            files.push_back(a);
        }
    }
    auto start = std::chrono::steady_clock::now();
    for (const auto& path : files)
    {
        std::vector<uint8_t> in;
        if (!ReadFile(path, in))
        {
            std::cerr << "cannot read " << path << "\n";
            return 2;
        }
        LLVMFuzzerTestOneInput(in.data(), in.size());
    }
    std::mt19937 rng(seed);
    std::vector<std::vector<uint8_t>> seeds = Seeds();
    std::vector<uint8_t> in;
    for (uint64_t r = 0; r < runs; ++r)
    {
        switch (r % 3)
        {
        case 0: // random bytes
            in.resize(rng() % 256);
            for (auto& b : in)
            {
                b = static_cast<uint8_t>(rng());
            }
            break;
        case 1: // random bytes behind a plausible word 0
            in.resize(4 + rng() % 252);
            for (auto& b : in)
            {
                b = static_cast<uint8_t>(rng());
            }
            in[0] = static_cast<uint8_t>((in[0] & 0x1f) | 0x40);
            in[2] = static_cast<uint8_t>(in.size() >> 8);
            in[3] = static_cast<uint8_t>(in.size());
            break;
        default: { // mutation of a valid message
            in = seeds[rng() % seeds.size()];
            uint32_t edits = 1 + rng() % 6;
            for (uint32_t k = 0; k < edits; ++k)
            {
                uint32_t op = rng() % 5;
                if (op == 0 && !in.empty())
                {
                    in[rng() % in.size()] ^= static_cast<uint8_t>(1U << (rng() % 8));
                }
                else if (op == 1 && !in.empty())
                {
                    in[rng() % in.size()] = static_cast<uint8_t>(rng());
                }
                else if (op == 2)
                {
                    in.resize(rng() % (in.size() + 1));
                }
                else if (op == 3)
                {
                    in.insert(in.begin() + rng() % (in.size() + 1), static_cast<uint8_t>(rng()));
                }
                else if (in.size() >= 4)
                {
                    // keep the size field consistent so deeper checks are reached
                    in[2] = static_cast<uint8_t>(in.size() >> 8);
                    in[3] = static_cast<uint8_t>(in.size());
                    in[1] = static_cast<uint8_t>(in[1] & 0xfe);
                }
            }
            break;
        }
        }
        LLVMFuzzerTestOneInput(in.data(), in.size());
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "tipc-codec-fuzz: " << files.size() << " files and " << runs
              << " generated inputs, no failure (" << secs << " s)" << std::endl;
    return 0;
}
