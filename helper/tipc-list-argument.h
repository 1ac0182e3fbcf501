// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_LIST_ARGUMENT_H
#define TIPC_LIST_ARGUMENT_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Comma-separated command-line lists of the examples and benchmarks
 *        (`--sizes=64,1024,65536`, `--scenarios=crossover,tcp`).
 *
 * A bad item ends the program at once with a message that names the option
 * and the allowed range, before anything is simulated.
 *
 * @code
 * for (uint32_t size : TipcListArgument::Numbers(sizes, "--sizes", 1, 66000)) { ... }
 * @endcode
 */
class TipcListArgument
{
  public:
    /**
     * @brief The items of a list.
     * @param list comma-separated items; empty items are skipped, and `none`
     *        stands for the empty list
     * @return the items in order
     */
    static std::vector<std::string> Split(const std::string& list);

    /**
     * @brief The whole numbers of a list, each checked against a range
     *        (NS_FATAL_ERROR naming @p option otherwise).
     * @param list comma-separated decimal numbers (or `none`)
     * @param option the option's name for the message (`--sizes`)
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return the numbers in order
     */
    static std::vector<uint32_t> Numbers(const std::string& list,
                                         const std::string& option,
                                         uint32_t min,
                                         uint32_t max);
};

} // namespace ns3

#endif // TIPC_LIST_ARGUMENT_H
