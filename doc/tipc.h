// SPDX-License-Identifier: GPL-2.0-only
//
// Doxygen-only header: defines the module's group, like ns-3's src/<module>/doc/<module>.h.
// It declares nothing and is not installed.

#ifndef TIPC_H
#define TIPC_H

/**
 * @defgroup tipc TIPC
 *
 * This section documents the API of the ns-3 tipc module, a model of Linux TIPC
 * (Transparent Inter-Process Communication, net/tipc). For a functional description, see
 * the module's chapter in doc/tipc.rst.
 */

#endif /* TIPC_H */
