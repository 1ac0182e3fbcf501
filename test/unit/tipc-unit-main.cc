// SPDX-License-Identifier: GPL-2.0-only
//
// Catch2 (v2) runner for the pure-logic unit tests of the TIPC module.

#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
