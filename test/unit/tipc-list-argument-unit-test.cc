// SPDX-License-Identifier: GPL-2.0-only
//
// Comma lists of the examples' command lines (TipcListArgument).  A bad item
// ends the program; that path is checked by the config-error-list-item CTest.

#include "ns3/tipc-list-argument.h"

#include <catch2/catch.hpp>

using namespace ns3;

TEST_CASE("TipcListArgument splits comma lists", "[list-argument]")
{
    using V = std::vector<std::string>;
    CHECK(TipcListArgument::Split("crossover,tcp") == V{"crossover", "tcp"});
    CHECK(TipcListArgument::Split("a,,b,") == V{"a", "b"});
    CHECK(TipcListArgument::Split("") == V{});
    CHECK(TipcListArgument::Split("none") == V{});
    CHECK(TipcListArgument::Split("100us") == V{"100us"});
}

TEST_CASE("TipcListArgument reads numbers within a range", "[list-argument]")
{
    using V = std::vector<uint32_t>;
    CHECK(TipcListArgument::Numbers("64,1024,66000", "--sizes", 1, 66000) == V{64, 1024, 66000});
    CHECK(TipcListArgument::Numbers("2,1000", "--clusters", 2, 1000) == V{2, 1000});
    CHECK(TipcListArgument::Numbers("none", "--latencySizes", 1, 66000) == V{});
    CHECK(TipcListArgument::Numbers("4294967295", "--x", 0, 4294967295U) == V{4294967295U});
}
