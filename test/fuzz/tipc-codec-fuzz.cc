// SPDX-License-Identifier: GPL-2.0-only
//
// Fuzz entry point for the TIPC codec (libFuzzer signature).  Property: the
// decoder is total (never crashes, leaks or triggers UB), Validate() agrees
// with Decode(), and every accepted input re-encodes to exactly the same bytes.

#include "ns3/tipc-message-codec.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace
{

/// Report a property violation with the input, then abort (libFuzzer keeps the input too).
[[noreturn]] void
Fail(const char* why, const uint8_t* data, size_t size)
{
    std::fprintf(stderr, "tipc-codec-fuzz: %s; input (%zu bytes):\n", why, size);
    for (size_t i = 0; i < size; ++i)
    {
        std::fprintf(stderr, "%02x", data[i]);
    }
    std::fprintf(stderr, "\n");
    std::abort();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ns3;
    for (auto trailer :
         {TipcMessageCodec::Trailer::EXACT, TipcMessageCodec::Trailer::ETHERNET_PADDING})
    {
        TipcDecodedMessage msg;
        uint32_t len = static_cast<uint32_t>(size);
        TipcDecodeError e = TipcMessageCodec::Decode(data, len, msg, trailer);
        TipcHeader h;
        TipcDecodeError v = TipcMessageCodec::Validate(data, len, h, trailer);
        if (e != v)
        {
            Fail("Validate() and Decode() disagree", data, size);
        }
        if (e != TipcDecodeError::NONE)
        {
            continue;
        }
        std::vector<uint8_t> again = TipcMessageCodec::Encode(msg);
        if (again.size() != msg.header.GetSize() || again.size() > size)
        {
            Fail("re-encoded size differs", data, size);
        }
        for (size_t i = 0; i < again.size(); ++i)
        {
            if (again[i] != data[i])
            {
                Fail("re-encoded bytes differ", data, size);
            }
        }
    }
    return 0;
}
